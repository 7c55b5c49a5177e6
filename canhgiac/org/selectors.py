"""Reads of the organisation: every function takes the viewer and stays within their subtrees."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canhgiac.core.roles import MANAGE_ROLES, READ_ROLES
from canhgiac.core.scoping import scope_q
from canhgiac.core.text import search_terms

from .models import Exemption, Person, Placement, RosterImport, Unit


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


# --- rosters -----------------------------------------------------------------------------------------------


def person_list(
    *,
    viewer,
    query: str = "",
    unit: Unit | None = None,
    staff_group: str = "",
    status: str = "",
    exempt: str = "",
    on: date | None = None,
):
    """The viewer's roster, filtered; a queryset ordered by the Vietnamese alphabet (given name first).

    `unit` keeps that unit and its sub-units; `exempt` is "1" (exempt on `on`, today by default) or "0".
    """
    people = Person.objects.visible_to(viewer).select_related("unit")
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    for term in search_terms(query):
        people = people.filter(search_text__contains=term)
    if staff_group:
        people = people.filter(staff_group=staff_group)
    if status:
        people = people.filter(status=status)
    if exempt in {"0", "1"}:
        on = on or timezone.localdate()
        covering = Exemption.objects.filter(person=OuterRef("pk"), starts_on__lte=on).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )
        people = people.filter(Exists(covering)) if exempt == "1" else people.exclude(Exists(covering))
    today = timezone.localdate()
    return people.annotate(
        exempt_today=Exists(
            Exemption.objects.filter(person=OuterRef("pk"), starts_on__lte=today).filter(
                Q(ends_on__isnull=True) | Q(ends_on__gte=today)
            )
        )
    ).order_by("sort_name", "id")


def person_for_viewer(*, viewer, pk, roles=READ_ROLES) -> Person:
    return get_object_or_404(Person.objects.visible_to(viewer, roles).select_related("unit"), pk=pk)


def person_detail(*, person: Person) -> dict:
    placements = list(person.placements.select_related("unit").order_by("-valid_from", "-id"))
    placements.sort(key=lambda p: (p.valid_to is None, p.valid_to or date.min), reverse=True)
    return {
        "placements": placements,
        "exemptions": list(person.exemptions.select_related("created_by")),
        "ancestors": list(Unit.objects.get_ancestors(person.unit)) if person.unit.depth > 1 else [],
        "today": timezone.localdate(),
    }


def roster_summary(*, viewer, unit: Unit | None = None) -> dict:
    """Counts by status and staff group for the viewer's roster (one grouped query)."""
    people = Person.objects.visible_to(viewer)
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    rows = (
        people.values_list("status", "staff_group")
        .annotate(n=Count("id"))
        .values_list("status", "staff_group", "n")
    )
    by_status: dict[str, int] = defaultdict(int)
    by_group: dict[str, int] = defaultdict(int)
    for status, group, n in rows:
        by_status[status] += n
        if status == Person.Status.ACTIVE:
            by_group[group] += n
    return {
        "total": sum(by_status.values()),
        "by_status": [(label, by_status.get(value, 0), value) for value, label in Person.Status.choices],
        "by_group": [(label, by_group.get(value, 0), value) for value, label in Person.StaffGroup.choices],
    }


# --- roster history: the denominator of coverage at any date ------------------------------------------------


def exempt_people_on(on: date):
    """The ids of people an exemption covers on `on`, as a subquery. Uncorrelated on purpose: the database
    evaluates it once (a hashed set on PostgreSQL, a temporary index on SQLite) instead of probing the
    exemptions once per roster row — at 60,000 people the difference is several times."""
    return (
        Exemption.objects.filter(starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .values("person_id")
    )


def _exempt_on(on: date):
    return Exemption.objects.filter(person=OuterRef("person_id"), starts_on__lte=on).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def placements_in_scope(*, on: date, staff_groups=None):
    """The roster-history stretches that put a person in the coverage denominator on `on`: in force that day,
    status "đang công tác", no exemption covering the day; optionally only people of the given staff groups
    (their current group: the group is not historical). Not filtered by unit: callers add their scope and may
    annotate it (campaigns counts its reached people on the same rows)."""
    placements = (
        Placement.objects.on(on)
        .filter(status=Person.Status.ACTIVE)
        .exclude(person_id__in=exempt_people_on(on))
    )
    if staff_groups:
        placements = placements.filter(person__staff_group__in=list(staff_groups))
    return placements


def headcount_by_unit(*, units_or_viewer, on: date, staff_groups=None) -> dict[int, int]:
    """{unit id: people in scope on `on`} — the coverage denominator, per unit, not rolled up.

    A person counts in the unit where their roster history places them on that date, with status "đang công
    tác", and without an exemption covering that date. `units_or_viewer` is a user (their subtrees) or an
    iterable of units / unit ids (exactly those units); `staff_groups` keeps only those groups. One grouped
    query. Roll up with `rollup_counts`.
    """
    placements = placements_in_scope(on=on, staff_groups=staff_groups)
    if hasattr(units_or_viewer, "is_authenticated"):
        placements = placements.filter(scope_q(units_or_viewer, "unit"))
    else:
        ids = [getattr(u, "pk", u) for u in units_or_viewer]
        placements = placements.filter(unit_id__in=ids)
    return dict(
        placements.values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n").order_by()
    )


def headcount_rollup(*, viewer, on: date) -> dict[int, int]:
    """{unit id: people in scope on `on`, the unit and all its descendants} for the viewer's units (2 queries)."""
    units = list(Unit.objects.visible_to(viewer).only("id", "path"))
    return rollup_counts(units, headcount_by_unit(units_or_viewer=viewer, on=on))


def person_unit_on(person, on: date) -> Unit | None:
    """The unit a person belonged to on a date (whatever their status then), or None."""
    placement = Placement.objects.on(on).filter(person=person).select_related("unit").first()
    return placement.unit if placement else None


def people_units_on(person_ids, on: date) -> dict[int, int]:
    """{person id: unit id on `on`} for many people at once (one query per 5,000 people)."""
    ids = list(person_ids)
    out: dict[int, int] = {}
    for start in range(0, len(ids), 5000):
        out.update(
            Placement.objects.on(on)
            .filter(person_id__in=ids[start : start + 5000])
            .values_list("person_id", "unit_id")
        )
    return out


def headcount_history(*, unit: Unit, dates: list[date]) -> list[tuple[date, int]]:
    """People in scope in a unit's subtree at each date (one query with a count per date)."""
    base = Placement.objects.filter(unit__path__startswith=unit.path, status=Person.Status.ACTIVE)
    aggregates = {}
    for index, day in enumerate(dates):
        in_force = (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
            Q(valid_to__isnull=True) | Q(valid_to__gt=day)
        )
        aggregates[f"d{index}"] = Count("id", filter=in_force & ~Q(Exists(_exempt_on(day))))
    row = base.aggregate(**aggregates) if aggregates else {}
    return [(day, row.get(f"d{index}", 0) or 0) for index, day in enumerate(dates)]


def month_ends(months: int = 12, today: date | None = None) -> list[date]:
    """The last `months` month-ends up to today (today itself last)."""
    today = today or timezone.localdate()
    out = [today]
    day = today.replace(day=1) - timedelta(days=1)
    while len(out) < months:
        out.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return list(reversed(out))


# --- imports ---------------------------------------------------------------------------------------------------


def import_list(*, viewer):
    return RosterImport.objects.visible_to(viewer).select_related("unit", "uploaded_by")


def import_for_viewer(*, viewer, pk) -> RosterImport:
    return get_object_or_404(import_list(viewer=viewer), pk=pk)


def units_for_choice(*, viewer, roles=MANAGE_ROLES):
    """Open units the viewer may manage, in tree order, for select boxes."""
    return Unit.objects.visible_to(viewer, roles).open().only("id", "name", "code", "depth", "path")
