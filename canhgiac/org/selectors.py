"""Reads of the organisation: every function takes the viewer and stays within their subtrees."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.shortcuts import get_object_or_404

from canhgiac.core.roles import READ_ROLES
from canhgiac.core.text import search_terms

from .models import Person, Unit


def units_visible_to(user, roles=READ_ROLES):
    return Unit.objects.visible_to(user, roles)


def unit_for_viewer(*, viewer, pk, roles=READ_ROLES) -> Unit:
    """One unit, or 404 when it is missing or outside the viewer's subtrees."""
    return get_object_or_404(Unit.objects.visible_to(viewer, roles), pk=pk)


@dataclass
class UnitRow:
    unit: Unit
    level: int
    own_people: int
    people: int  # the unit and all its descendants
    children: int


def rollup_counts(units: list[Unit], own: dict[int, int]) -> dict[int, int]:
    """Sum per-unit counts up the tree in memory: a unit's figure includes all its descendants.

    `units` must be sorted by path (the manager's default). Runs in O(n · depth).
    """
    by_path = {u.path: u.pk for u in units}
    total: dict[int, int] = defaultdict(int)
    steplen = Unit.steplen
    for unit in units:
        value = own.get(unit.pk, 0)
        if not value:
            continue
        path = unit.path
        while path:
            pk = by_path.get(path)
            if pk is not None:
                total[pk] += value
            path = path[:-steplen]
    return total


def unit_tree(*, viewer, query: str = "", include_closed: bool = False) -> list[UnitRow]:
    """The viewer's subtrees with active headcounts rolled up (2 queries whatever the number of units)."""
    units = list(
        Unit.objects.visible_to(viewer).only(
            "id", "path", "depth", "numchild", "name", "short_name", "code", "kind", "closed_on", "opened_on"
        )
    )
    own = dict(
        Person.objects.visible_to(viewer)
        .filter(status=Person.Status.ACTIVE)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    totals = rollup_counts(units, own)
    top = min((u.depth for u in units), default=1)
    rows = []
    terms = search_terms(query)
    for unit in units:
        if not include_closed and not unit.is_open():
            continue
        if terms and not all(t in unit.search_text for t in terms):
            continue
        rows.append(
            UnitRow(
                unit=unit,
                level=unit.depth - top,
                own_people=own.get(unit.pk, 0),
                people=totals.get(unit.pk, 0),
                children=unit.numchild,
            )
        )
    return rows


def unit_detail(*, viewer, unit: Unit) -> dict:
    children = list(Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1))
    subtree_units = list(Unit.objects.filter(path__startswith=unit.path).only("id", "path"))
    own = dict(
        Person.objects.filter(unit__path__startswith=unit.path, status=Person.Status.ACTIVE)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    totals = rollup_counts(subtree_units, own)
    managers = list(
        unit.memberships.filter(is_active=True).select_related("user").order_by("role", "user__full_name")
    )
    return {
        "children": [(child, totals.get(child.pk, 0)) for child in children],
        "people_total": totals.get(unit.pk, 0),
        "people_own": own.get(unit.pk, 0),
        "memberships": managers,
        "ancestors": list(Unit.objects.get_ancestors(unit)) if unit.depth > 1 else [],
    }
