"""The knowledge base's section on the home page (core.home): search box and the methods to know first."""

from __future__ import annotations

from ..catalogue import DISPATCH_1509_METHODS
from ..selectors import published_methods


def home_section_context(request) -> dict | None:
    methods = list(published_methods())
    if not methods:
        return None
    dispatch = set(DISPATCH_1509_METHODS.values())
    featured = [m for m in methods if m.slug in dispatch]
    featured += [m for m in methods if m.severity == m.Severity.HIGH and m.slug not in dispatch][
        : 6 - len(featured)
    ]
    return {"featured": featured, "total": len(methods)}
