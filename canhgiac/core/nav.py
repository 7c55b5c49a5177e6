"""The navigation registry: each app registers its menu entries in AppConfig.ready().

An entry names the roles that see it; `PUBLIC` entries are shown to everyone, `OFFICIAL` to any signed-in
official. Entries that name a `group` are shown together in one drop-down menu (groups are registered with
`register_group`). The base template renders what `items_for(user, path)` returns, so navigation follows the role.
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
    group: str = ""

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class NavGroup:
    key: str
    label: str
    order: int = 100
    icon: str = ""


_REGISTRY: dict[str, NavItem] = {}
_GROUPS: dict[str, NavGroup] = {}


def register(*items: NavItem) -> None:
    for item in items:
        _REGISTRY[item.key] = item


def register_group(*groups: NavGroup) -> None:
    for group in groups:
        _GROUPS[group.key] = group


def items_for(user, path: str = "") -> list[dict]:
    """The entries the user may see, the one whose address is the longest prefix of `path` marked active.

    A group with one visible entry is shown as that entry; with several, as a drop-down (`children`).
    """
    signed_in = bool(user and user.is_authenticated)
    roles = set(user_roles(user)) if signed_in else set()
    roles.add(OFFICIAL if signed_in else PUBLIC)
    visible = []
    for item in sorted(_REGISTRY.values(), key=lambda i: (i.order, i.key)):
        if item.audience & roles:
            url = item.url()
            if url:
                visible.append(
                    {
                        "key": item.key,
                        "label": item.label,
                        "url": url,
                        "icon": item.icon,
                        "group": item.group,
                        "order": item.order,
                        "active": False,
                    }
                )
    matches = [entry for entry in visible if entry["url"] != "/" and path.startswith(entry["url"])]
    if matches:
        max(matches, key=lambda entry: len(entry["url"]))["active"] = True

    out: list[dict] = []
    grouped: dict[str, dict] = {}
    for entry in visible:
        group = _GROUPS.get(entry["group"]) if entry["group"] else None
        if group is None:
            out.append(entry)
            continue
        if group.key not in grouped:
            grouped[group.key] = {
                "key": group.key,
                "label": group.label,
                "icon": group.icon,
                "url": "",
                "order": group.order,
                "children": [],
                "active": False,
            }
            out.append(grouped[group.key])
        grouped[group.key]["children"].append(entry)
        grouped[group.key]["active"] |= entry["active"]
    result = []
    for entry in sorted(out, key=lambda e: e["order"]):
        children = entry.get("children")
        if children is not None and len(children) == 1:
            # one entry in the group: a plain link under the group's short label
            only = children[0]
            entry = {
                **only,
                "title": only["label"],
                "label": entry["label"],
                "icon": entry["icon"] or only["icon"],
            }
        result.append(entry)
    return result
