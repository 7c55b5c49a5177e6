"""Sections of the home page contributed by apps (registered in AppConfig.ready()).

A section has a template and an optional context function; it shows to the audiences it names
(core.nav.PUBLIC, core.nav.OFFICIAL or role names), in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .nav import OFFICIAL, PUBLIC
from .scoping import user_roles


@dataclass(frozen=True)
class HomeSection:
    key: str
    template: str
    audience: frozenset[str] = field(default_factory=lambda: frozenset({PUBLIC}))
    order: int = 100
    context: Callable | None = None


_SECTIONS: dict[str, HomeSection] = {}


def register(*sections: HomeSection) -> None:
    for section in sections:
        _SECTIONS[section.key] = section


def sections_for(request) -> list[dict]:
    user = request.user
    roles = set(user_roles(user)) | ({OFFICIAL} if user.is_authenticated else {PUBLIC})
    out = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        if section.audience & roles:
            extra = section.context(request) if section.context else {}
            if extra is not None:
                out.append({"template": section.template, "context": extra})
    return out
