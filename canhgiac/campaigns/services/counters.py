"""Keeping the coverage counters right (models/counters.py; docs/dashboards.md).

- `coverage_rebuild(campaign=…)` recounts every unit of a campaign from the roster history in one grouped query
  and marks the counters right for today. Launching a campaign, `reach_rebuild` of a whole campaign, the
  `coverage_rebuild` command and the hourly task call it.
- Single changes arrive through receivers (campaigns/receivers.py): a Reach created or deleted moves one
  counter by one; a placement, exemption or person saved or deleted, and org's `roster_changed` (the importer,
  `record_moves`, a unit moved) recount the units touched — one grouped query for all of them.
- `CoverageRollup` (each unit's subtree figures) moves with the counters: a recount or a reach adds its
  difference to the unit's row and every ancestor's (`_roll_up`, rows locked in path order); a rebuild, or a
  recount that finds a unit moved in the tree, writes every row again from the counters (`rollup_rebuild`).
- `deferred()` gathers the touches of a bulk operation (`reach_rebuild` for some people, an attendance import)
  and recounts once at the end.
- Counters are for one day: a campaign whose counters are not for today is answered by the exact recount
  (selectors.coverage) until the hourly task rebuilds it, because exemptions and dated moves change the
  figures at midnight without any write.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from contextlib import contextmanager
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from canhgiac.org.models import Exemption, Person, Placement, Unit
from canhgiac.org.selectors import exempt_people_on, people_units_on, rollup_counts

from ..models import Campaign, CoverageCounter, CoverageDaily, CoverageRollup, Reach
from ..selectors.coverage import audience_paths, hashed_sets, next_midnight

# Up to this many units, a recount probes the exemptions and reaches of each roster row (an index look-up per
# row); above it, the database builds both sets once (uncorrelated subqueries), which is cheaper for many rows.
CORRELATED_MAX_UNITS = 200


def _whole_province(paths: list[str]) -> bool:
    return not paths or any(len(p) == Unit.steplen for p in paths)


def recount(campaign: Campaign, *, on: date, unit_ids=None) -> dict[int, tuple[int, int, int]]:
    """{unit id: (people, exempt, reached)} counted from the roster history on `on`, for the campaign's audience
    (all its units, or only `unit_ids`). One grouped query."""
    rows = Placement.objects.on(on).filter(status=Person.Status.ACTIVE)
    if campaign.audience_groups:
        rows = rows.filter(person__staff_group__in=list(campaign.audience_groups))
    paths = audience_paths(campaign)
    if unit_ids is not None:
        rows = rows.filter(unit_id__in=list(unit_ids))
    if not _whole_province(paths):
        audience = Q()
        for path in paths:
            audience |= Q(unit__path__startswith=path)
        rows = rows.filter(audience)
    if unit_ids is not None and len(unit_ids) <= CORRELATED_MAX_UNITS:
        exempt = Q(
            Exists(
                Exemption.objects.filter(person_id=OuterRef("person_id"), starts_on__lte=on).filter(
                    Q(ends_on__isnull=True) | Q(ends_on__gte=on)
                )
            )
        )
        reached = Q(
            Exists(
                Reach.objects.filter(
                    campaign=campaign, person_id=OuterRef("person_id"), reached_at__lt=next_midnight(on)
                )
            )
        )
    else:
        exempt = Q(person_id__in=exempt_people_on(on))
        reached = Q(
            person_id__in=Reach.objects.filter(campaign=campaign, reached_at__lt=next_midnight(on)).values(
                "person_id"
            )
        )
    out = {}
    with hashed_sets():
        for unit_id, total, n_exempt, n_reached in (
            rows.values_list("unit_id")
            .annotate(t=Count("id"), e=Count("id", filter=exempt), r=Count("id", filter=~exempt & reached))
            .values_list("unit_id", "t", "e", "r")
            .order_by()
        ):
            out[unit_id] = (total - n_exempt, n_exempt, n_reached)
    return out


def _paths(unit_ids) -> dict[int, str]:
    ids = list(unit_ids)
    out: dict[int, str] = {}
    for start in range(0, len(ids), 5000):
        out.update(Unit.objects.filter(pk__in=ids[start : start + 5000]).values_list("pk", "path"))
    return out


def _write(campaign: Campaign, figures: dict[int, tuple[int, int, int]], unit_ids, paths=None) -> None:
    now = timezone.now()
    gone = [u for u in unit_ids if u not in figures]
    if gone:
        CoverageCounter.objects.filter(campaign=campaign, unit_id__in=gone).delete()
    if figures:
        paths = paths if paths is not None else _paths(figures)
        CoverageCounter.objects.bulk_create(
            [
                CoverageCounter(
                    campaign=campaign,
                    unit_id=unit_id,
                    path=paths.get(unit_id, ""),
                    people=p,
                    exempt=e,
                    reached=r,
                    updated_at=now,
                )
                for unit_id, (p, e, r) in figures.items()
            ],
            update_conflicts=True,
            unique_fields=["campaign", "unit"],
            update_fields=["path", "people", "exempt", "reached", "updated_at"],
            batch_size=2000,
        )


@transaction.atomic
def coverage_rebuild(*, campaign: Campaign, on: date | None = None) -> dict[str, int]:
    """Recount every unit of the campaign and mark its counters right for `on` (today). One grouped query and
    one bulk write; the campaign's row is locked so two rebuilds do not interleave."""
    on = on or timezone.localdate()
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
    figures = recount(campaign, on=on)
    CoverageCounter.objects.filter(campaign=campaign).delete()
    _write(campaign, figures, [])
    rollup_rebuild(campaign=campaign, own=figures)
    Campaign.objects.filter(pk=campaign.pk).update(coverage_as_of=on)
    campaign.coverage_as_of = on
    _discard_pending(campaign.pk)
    return {
        "units": len(figures),
        "people": sum(p for p, _e, _r in figures.values()),
        "reached": sum(r for _p, _e, r in figures.values()),
    }


def _live_campaigns(campaign_id: int | None = None) -> list[Campaign]:
    """Running campaigns whose counters are right for today: the ones a change must keep right."""
    campaigns = Campaign.objects.filter(
        status=Campaign.Status.ACTIVE, coverage_as_of=timezone.localdate()
    ).prefetch_related("audience_units")
    if campaign_id is not None:
        campaigns = campaigns.filter(pk=campaign_id)
    return list(campaigns)


def refresh_units(unit_ids, *, campaign_id: int | None = None) -> None:
    """Recount these units' counters in every live campaign (or one): one grouped query per campaign. The
    counter rows are locked first (PostgreSQL), so a check-in that adds one at the same moment is either
    counted here or added after this write — never lost."""
    ids = sorted({int(u) for u in unit_ids if u is not None})
    if not ids:
        return
    today = timezone.localdate()
    for campaign in _live_campaigns(campaign_id):
        with transaction.atomic():
            before = {
                unit_id: (path, people, reached)
                for unit_id, path, people, reached in CoverageCounter.objects.select_for_update()
                .filter(campaign=campaign, unit_id__in=ids)
                .order_by("unit_id")
                .values_list("unit_id", "path", "people", "reached")
            }
            figures = recount(campaign, on=today, unit_ids=ids)
            paths = _paths(set(figures) | set(before))
            _write(campaign, figures, ids, paths)
            if any(paths.get(u, path) != path for u, (path, _p, _r) in before.items()):
                rollup_rebuild(campaign=campaign)  # a unit moved in the tree: its ancestors changed
                continue
            changes = []
            for unit_id in set(figures) | set(before):
                _path, old_people, old_reached = before.get(unit_id, ("", 0, 0))
                people, _exempt, reached = figures.get(unit_id, (0, 0, 0))
                changes.append((paths.get(unit_id, _path), people - old_people, reached - old_reached))
            _roll_up(campaign, changes)


def _person_units(person_ids, today: date) -> set[int]:
    units = set(people_units_on(person_ids, today).values())
    units.update(Person.objects.filter(pk__in=list(person_ids)).values_list("unit_id", flat=True))
    return units


def refresh_people(person_ids, *, campaign_id: int | None = None) -> None:
    """Recount the units these people belong to today (and their current unit)."""
    ids = [int(p) for p in person_ids]
    if ids:
        refresh_units(_person_units(ids, timezone.localdate()), campaign_id=campaign_id)


# --- batching ---------------------------------------------------------------------------------------------

_state = threading.local()


def _pending():
    if not hasattr(_state, "depth"):
        _state.depth = 0
        _state.units = defaultdict(set)
        _state.people = defaultdict(set)
    return _state


@contextmanager
def deferred():
    """Gather counter refreshes until the outermost block ends, then recount each touched unit once."""
    state = _pending()
    state.depth += 1
    ok = False
    try:
        yield
        ok = True
    finally:
        state.depth -= 1
        if state.depth == 0:
            units, people = dict(state.units), dict(state.people)
            state.units.clear()
            state.people.clear()
            if ok:
                today = timezone.localdate()
                for campaign_id in set(units) | set(people):
                    touched = set(units.get(campaign_id, ()))
                    if people.get(campaign_id):
                        touched |= _person_units(people[campaign_id], today)
                    refresh_units(touched, campaign_id=campaign_id)


def _discard_pending(campaign_id: int) -> None:
    state = _pending()
    state.units.pop(campaign_id, None)
    state.people.pop(campaign_id, None)


def touch_units(unit_ids, *, campaign_id: int | None = None) -> None:
    state = _pending()
    if state.depth:
        state.units[campaign_id].update(u for u in unit_ids if u is not None)
    else:
        refresh_units(unit_ids, campaign_id=campaign_id)


def touch_people(person_ids, *, campaign_id: int | None = None) -> None:
    state = _pending()
    if state.depth:
        state.people[campaign_id].update(person_ids)
    else:
        refresh_people(person_ids, campaign_id=campaign_id)


def reach_changed(reach: Reach, delta: int) -> None:
    """A Reach was created (+1) or deleted (−1): move the counter of the unit where the person counts today,
    when they count there (active, not exempt, in the audience) and the reach is dated today or before."""
    today = timezone.localdate()
    if reach.reached_at >= next_midnight(today):
        return  # a future-dated reach counts from its day: the daily rebuild takes it
    state = _pending()
    if state.depth:
        state.people[reach.campaign_id].add(reach.person_id)
        return
    campaigns = _live_campaigns(reach.campaign_id)
    if not campaigns:
        return
    campaign = campaigns[0]
    row = (
        Placement.objects.on(today)
        .filter(person_id=reach.person_id, status=Person.Status.ACTIVE)
        .values_list("unit_id", "unit__path", "person__staff_group")
        .first()
    )
    if row is None:
        return
    unit_id, path, group = row
    paths = audience_paths(campaign)
    if paths and not any(path.startswith(p) for p in paths):
        return
    if campaign.audience_groups and group not in campaign.audience_groups:
        return
    exempt = (
        Exemption.objects.filter(person_id=reach.person_id, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .exists()
    )
    if exempt:
        return
    with transaction.atomic():
        updated = CoverageCounter.objects.filter(campaign=campaign, unit_id=unit_id).update(
            reached=F("reached") + delta, updated_at=timezone.now()
        )
        if updated:
            _roll_up(campaign, [(path, 0, delta)])
    if not updated:
        refresh_units([unit_id], campaign_id=campaign.pk)


# --- the rolled-up figures (CoverageRollup) ---------------------------------------------------------------


def _roll_up(campaign: Campaign, changes) -> None:
    """Add each (unit path, Δpeople, Δreached) to the rolled-up rows of the unit and all its ancestors. The rows
    are locked in path order (two changes under the same ancestors wait for each other, never deadlock), missing
    rows are created first; a figure that would fall below zero means the rows were not right: rebuild them."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    steplen = Unit.steplen
    for path, people, reached in changes:
        if people or reached:
            for end in range(steplen, len(path) + 1, steplen):
                total = totals[path[:end]]
                total[0] += people
                total[1] += reached
    wanted = sorted(p for p, (people, reached) in totals.items() if people or reached)
    if not wanted:
        return

    def locked(paths):
        return {
            row.path: row
            for row in CoverageRollup.objects.select_for_update()
            .filter(campaign=campaign, path__in=paths)
            .order_by("path")
            .only("id", "path", "people", "reached")
        }

    rows = locked(wanted)
    missing = [p for p in wanted if p not in rows]
    if missing:
        # a unit whose subtree had nobody yet; a row left with an old path by a unit move gets the new one
        CoverageRollup.objects.bulk_create(
            [
                CoverageRollup(campaign=campaign, unit_id=pk, path=path)
                for pk, path in Unit.objects.filter(path__in=missing).values_list("pk", "path")
            ],
            update_conflicts=True,
            unique_fields=["campaign", "unit"],
            update_fields=["path"],
        )
        rows.update(locked(missing))
    for path, row in rows.items():
        row.people += totals[path][0]
        row.reached += totals[path][1]
        if row.people < 0 or row.reached < 0:
            rollup_rebuild(campaign=campaign)
            return
    CoverageRollup.objects.bulk_update(list(rows.values()), ["people", "reached"], batch_size=2000)


@transaction.atomic
def rollup_rebuild(*, campaign: Campaign, own: dict[int, tuple[int, int, int]] | None = None) -> int:
    """Write every unit's rolled-up row again from the per-unit figures (`own`, else the counters)."""
    if own is None:
        own = {
            u: (p, e, r)
            for u, p, e, r in CoverageCounter.objects.filter(campaign=campaign).values_list(
                "unit_id", "people", "exempt", "reached"
            )
        }
    rolled, paths = _rolled(own)
    CoverageRollup.objects.filter(campaign=campaign).delete()
    CoverageRollup.objects.bulk_create(
        [
            CoverageRollup(campaign=campaign, unit_id=u, path=paths[u], people=p, reached=r)
            for u, (p, r) in rolled.items()
        ],
        batch_size=5000,
    )
    return len(rolled)


def invalidate(campaign_id: int) -> None:
    """The campaign's rule, audience or status changed: its counters are no longer right for any day."""
    Campaign.objects.filter(pk=campaign_id).update(coverage_as_of=None)


# --- history -------------------------------------------------------------------------------------------------


def _rolled(own: dict[int, tuple[int, int, int]]) -> tuple[dict[int, tuple[int, int]], dict[int, str]]:
    """({unit id: (people, reached) of its subtree} for every unit with people under it, {unit id: path})."""
    units = list(Unit.objects.only("id", "path").order_by("path"))
    people = rollup_counts(units, {u: f[0] for u, f in own.items()})
    reached = rollup_counts(units, {u: f[2] for u, f in own.items()})
    rolled = {u: (people.get(u, 0), reached.get(u, 0)) for u in set(people) | set(reached)}
    return rolled, {u.pk: u.path for u in units}


@transaction.atomic
def coverage_snapshot(*, campaign: Campaign, day: date, own: dict | None = None) -> int:
    """Write the campaign's rolled-up figures of `day` (every unit with audience people) to CoverageDaily.
    `own`: per-unit (people, exempt, reached) already counted; else today's counters or the exact recount."""
    if own is None:
        if day == timezone.localdate() and campaign.coverage_as_of == day:
            own = {
                u: (p, e, r)
                for u, p, e, r in CoverageCounter.objects.filter(campaign=campaign).values_list(
                    "unit_id", "people", "exempt", "reached"
                )
            }
        else:
            own = recount(campaign, on=day)
    rolled, _paths = _rolled(own)
    CoverageDaily.objects.filter(campaign=campaign, day=day).delete()
    CoverageDaily.objects.bulk_create(
        [
            CoverageDaily(campaign=campaign, unit_id=u, day=day, people=p, reached=r)
            for u, (p, r) in rolled.items()
            if p or r
        ],
        batch_size=5000,
    )
    return len(rolled)


def coverage_backfill(*, campaign: Campaign, days: list[date]) -> list[date]:
    """Snapshots of past days that have none (counted exactly from the roster history): for a campaign
    launched before the counters existed, data loaded in bulk, or days the scheduler was down."""
    today = timezone.localdate()
    have = set(
        CoverageDaily.objects.filter(campaign=campaign, day__in=days).values_list("day", flat=True).distinct()
    )
    written = []
    for day in sorted(set(days)):
        if day < today and day >= campaign.starts_on and day not in have:
            coverage_snapshot(campaign=campaign, day=day)
            written.append(day)
    return written


def coverage_refresh(*, today: date | None = None, history_days: int = 14) -> dict[int, dict]:
    """What the hourly task does for every running campaign: rebuild stale counters, write today's snapshot,
    fill the last `history_days` days that have none (a scheduler that was down)."""
    today = today or timezone.localdate()
    out = {}
    for campaign in Campaign.objects.filter(status=Campaign.Status.ACTIVE, starts_on__lte=today):
        result = {}
        if campaign.coverage_as_of != today:
            result = coverage_rebuild(campaign=campaign, on=today)
        coverage_snapshot(campaign=campaign, day=today)
        start = max(campaign.starts_on, today - timedelta(days=history_days))
        days = [start + timedelta(days=i) for i in range((today - start).days)]
        result["backfilled"] = len(coverage_backfill(campaign=campaign, days=days))
        out[campaign.pk] = result
    return out
