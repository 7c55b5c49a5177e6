"""The one scoping rule: a user's power is (role, unit) and covers that unit and all its descendants.

Units live in a materialised-path tree (org.Unit, django-treebeard), so "in the subtree of U" is
"path starts with U.path". Every scoped model exposes `Model.objects.visible_to(user)` built on `scope_q`;
views fetch single objects through it and answer 404 when out of scope.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from .roles import READ_ROLES

_CACHE_ATTR = "_canhgiac_scope_cache"
_MEMBERSHIPS_ATTR = "_canhgiac_memberships"


def _memberships(user) -> list[tuple[str, str, int]]:
    """The user's active memberships as (role, unit path, unit depth): ONE query per request, from which
    every scope and role question of the request is answered (cached on the user object)."""
    rows = getattr(user, _MEMBERSHIPS_ATTR, None)
    if rows is None:
        rows = list(user.memberships.filter(is_active=True).values_list("role", "unit__path", "unit__depth"))
        setattr(user, _MEMBERSHIPS_ATTR, rows)
    return rows


def _minimal_paths(paths: Iterable[str]) -> list[str]:
    """Drop every path that lies under another one of the set."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def scope_paths(user, roles: Iterable[str] | None = READ_ROLES) -> list[str] | None:
    """The unit paths a user's memberships cover for the given roles.

    None means "the whole province" (a superuser, or a membership at a root unit); [] means nothing.
    The answer is cached on the user object for the request.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    if user.is_superuser:
        return None
    role_key = frozenset(roles) if roles is not None else None
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    if role_key not in cache:
        rows = [
            (path, depth) for role, path, depth in _memberships(user) if role_key is None or role in role_key
        ]
        if any(depth == 1 for _path, depth in rows):
            cache[role_key] = None
        else:
            cache[role_key] = _minimal_paths(path for path, _depth in rows)
    return cache[role_key]


def clear_scope_cache(user) -> None:
    for attr in (_CACHE_ATTR, _MEMBERSHIPS_ATTR, "_canhgiac_roles"):
        if hasattr(user, attr):
            delattr(user, attr)


def scope_q(user, field: str = "unit", roles: Iterable[str] | None = READ_ROLES) -> Q:
    """A Q object that keeps the rows whose `field` (a ForeignKey to org.Unit, or "" for Unit itself)
    lies in the user's subtrees."""
    paths = scope_paths(user, roles)
    if paths is None:
        return Q()
    if not paths:
        return Q(pk__in=[])
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    q = Q()
    for path in paths:
        q |= Q(**{lookup: path})
    return q


def unit_in_scope(user, unit, roles: Iterable[str] | None = READ_ROLES) -> bool:
    """Whether one unit lies in the user's subtrees (no query once the user's paths are cached)."""
    if unit is None:
        return scope_paths(user, roles) is None
    paths = scope_paths(user, roles)
    if paths is None:
        return True
    return any(unit.path.startswith(path) for path in paths)


def user_roles(user) -> frozenset[str]:
    """The roles a user holds anywhere (cached for the request)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_canhgiac_roles", None)
    if cached is None:
        from .roles import Role

        if user.is_superuser:
            cached = frozenset(Role.values)
        else:
            cached = frozenset(role for role, _path, _depth in _memberships(user))
        user._canhgiac_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))
