"""The navigation registry: each app registers its menu entries in AppConfig.ready().

An entry names the roles that see it; `PUBLIC` entries are shown to everyone, `OFFICIAL` to any signed-in
official. The base template renders what `items_for(request)` returns, so navigation follows the role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from .scoping import user_roles

PUBLIC = "public"
OFFICIAL = "official"


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url_name: str
    audience: frozenset[str] = field(default_factory=lambda: frozenset({OFFICIAL}))
    order: int = 100
    icon: str = ""

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


_REGISTRY: dict[str, NavItem] = {}


def register(*items: NavItem) -> None:
    for item in items:
        _REGISTRY[item.key] = item


def items_for(user, path: str = "") -> list[dict]:
    """The entries the user may see, the one whose address is the longest prefix of `path` marked active."""
    signed_in = bool(user and user.is_authenticated)
    roles = set(user_roles(user)) if signed_in else set()
    if signed_in:
        roles.add(OFFICIAL)
    else:
        roles.add(PUBLIC)
    chosen = []
    for item in sorted(_REGISTRY.values(), key=lambda i: (i.order, i.key)):
        if item.audience & roles:
            url = item.url()
            if url:
                chosen.append(
                    {"key": item.key, "label": item.label, "url": url, "icon": item.icon, "active": False}
                )
    matches = [entry for entry in chosen if entry["url"] != "/" and path.startswith(entry["url"])]
    if matches:
        max(matches, key=lambda entry: len(entry["url"]))["active"] = True
    return chosen
