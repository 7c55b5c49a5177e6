"""Who may do what with the case register.

| role | cases (list, page, entry, status, export) | victims' personal data | statistics | import |
|---|---|---|---|---|
| investigator | their subtree | their subtree (every view audited) | their subtree | yes |
| coordinator | their subtree | never | their subtree | no |
| leader | no | never | their subtree | no |
| unit manager | no | never | their subtree, cells under 3 cases hidden | no |

"Their subtree": a case is in it when its locality or its handling unit lies under one of the user's
memberships of the role (core.scoping). Everything else answers 404.
"""

from __future__ import annotations

from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role, scope_paths, unit_in_scope

from .models import CASE_ROLES, STATS_ROLES, VICTIM_ROLES


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


def can_open_cases(user) -> bool:
    return _signed_in(user) and (user.is_superuser or has_role(user, *CASE_ROLES))


def can_see_victims(user) -> bool:
    """Whether the user may ever see victims' personal data (investigators and superusers)."""
    return _signed_in(user) and (user.is_superuser or has_role(user, *VICTIM_ROLES))


def can_import(user) -> bool:
    return can_see_victims(user)


def can_see_stats(user) -> bool:
    return _signed_in(user) and (user.is_superuser or has_role(user, *STATS_ROLES, Role.UNIT_MANAGER))


def stats_roles(user) -> frozenset[str]:
    """The roles whose subtrees the user's statistics cover. A unit manager who also holds a police or leader
    role reads through the wider role only where it applies (the union of both scopes)."""
    roles = set(STATS_ROLES)
    if has_role(user, Role.UNIT_MANAGER):
        roles.add(Role.UNIT_MANAGER)
    return frozenset(roles)


def stats_suppressed(user) -> bool:
    """Unit managers read aggregates with small cells hidden, as the public does: in a single ward, a cell of
    one or two cases can point at a neighbour."""
    return not (user.is_superuser or has_role(user, *STATS_ROLES))


def _case_in(user, case, roles) -> bool:
    if unit_in_scope(user, case.unit, roles):
        return True
    return case.handling_unit_id is not None and unit_in_scope(user, case.handling_unit, roles)


def victim_visible(user, case) -> bool:
    """Whether this user may see this case's victim: an investigator whose subtree holds the case."""
    if not can_see_victims(user):
        return False
    return user.is_superuser or _case_in(user, case, VICTIM_ROLES)


def province_wide(user, roles=CASE_ROLES) -> bool:
    return _signed_in(user) and scope_paths(user, roles) is None
