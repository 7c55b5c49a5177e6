"""The obligations board: each responsible unit's checklist and status, overdue highlighted."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canhgiac.core.roles import READ_ROLES
from canhgiac.org.models import Unit

from ..models import Campaign, CampaignUnit, Conference, Obligation
from .coverage import UnitCoverage, coverage_by_unit, default_day


@dataclass
class BoardRow:
    participant: CampaignUnit
    cells: dict[str, Obligation | None]
    states: dict[str, str]
    coverage: UnitCoverage | None
    conferences: dict[str, int] = field(default_factory=dict)

    @property
    def items(self) -> list[dict]:
        """[{kind, item, state}] in the campaign's order, for templates."""
        return [{"kind": k, "item": v, "state": self.states.get(k)} for k, v in self.cells.items()]

    @property
    def held_count(self) -> int:
        return self.conferences.get(Conference.Status.HELD, 0) + self.conferences.get(
            Conference.Status.REPORTED, 0
        )

    @property
    def upcoming_count(self) -> int:
        return self.conferences.get(Conference.Status.PLANNED, 0) + self.conferences.get(
            Conference.Status.CONFIRMED, 0
        )

    @property
    def unit(self) -> Unit:
        return self.participant.unit

    @property
    def overdue(self) -> bool:
        return Obligation.State.OVERDUE in self.states.values()

    @property
    def late(self) -> bool:
        return Obligation.State.LATE in self.states.values()

    @property
    def done(self) -> bool:
        return bool(self.states) and all(
            s in {Obligation.State.DONE, Obligation.State.LATE} for s in self.states.values()
        )

    @property
    def status(self) -> str:
        if self.overdue:
            return "overdue"
        if self.done:
            return "done"
        if Obligation.State.DUE_SOON in self.states.values():
            return "due_soon"
        return "pending"


STATUS_FILTERS = {
    "overdue": "Có nội dung quá hạn",
    "due_soon": "Sắp đến hạn",
    "pending": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "behind": "Bao phủ dưới chỉ tiêu",
}


def obligations_status(
    *, viewer, campaign: Campaign, today: date | None = None, status: str = "", query: str = ""
) -> dict:
    """Rows of the board for the responsible units in the viewer's scope, with a summary. 6 queries whatever
    the number of units: participants, obligations, conference counts, and coverage (3)."""
    from canhgiac.core.text import search_terms

    today = today or timezone.localdate()
    participants = list(
        CampaignUnit.objects.visible_to(viewer)
        .filter(campaign=campaign)
        .select_related("unit")
        .order_by("unit__path")
    )
    kinds = [kind for kind, _target in campaign.required_kinds()]
    obligations: dict[int, dict[str, Obligation]] = defaultdict(dict)
    for item in Obligation.objects.filter(participant__in=[p.pk for p in participants]):
        obligations[item.participant_id][item.kind] = item
    conference_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path, state, n in (
        Conference.objects.filter(campaign=campaign)
        .values_list("unit__path", "status")
        .annotate(n=Count("id"))
        .values_list("unit__path", "status", "n")
        .order_by()
    ):
        conference_counts[path][state] += n
    coverage = {
        row.unit.pk: row
        for row in coverage_by_unit(viewer=viewer, campaign=campaign, on=default_day(campaign, today))
    }
    terms = search_terms(query)
    rows = []
    for participant in participants:
        if terms and not all(t in participant.unit.search_text for t in terms):
            continue
        cells = {kind: obligations[participant.pk].get(kind) for kind in kinds}
        states = {kind: cell.state(today) for kind, cell in cells.items() if cell is not None}
        counts: dict[str, int] = defaultdict(int)
        for path, by_state in conference_counts.items():
            if path.startswith(participant.unit.path):
                for state, n in by_state.items():
                    counts[state] += n
        rows.append(
            BoardRow(
                participant=participant,
                cells=cells,
                states=states,
                coverage=coverage.get(participant.unit_id),
                conferences=dict(counts),
            )
        )
    summary = {
        "units": len(rows),
        "done": sum(1 for r in rows if r.done),
        "overdue": sum(1 for r in rows if r.overdue),
        "late": sum(1 for r in rows if r.late),
        "behind": sum(1 for r in rows if r.coverage is None or not r.coverage.target_met),
        "by_kind": [
            {
                "kind": kind,
                "label": Obligation.Kind(kind).label,
                "done": sum(
                    1 for r in rows if r.states.get(kind) in {Obligation.State.DONE, Obligation.State.LATE}
                ),
                "late": sum(1 for r in rows if r.states.get(kind) == Obligation.State.LATE),
                "overdue": sum(1 for r in rows if r.states.get(kind) == Obligation.State.OVERDUE),
            }
            for kind in kinds
        ],
    }
    if status == "behind":
        rows = [r for r in rows if r.coverage is None or not r.coverage.target_met]
    elif status in STATUS_FILTERS:
        rows = [r for r in rows if r.status == status]
    return {
        "rows": rows,
        "kinds": [{"kind": k, "label": Obligation.Kind(k).label} for k in kinds],
        "summary": summary,
    }


def participant_list(
    *, viewer, campaign: Campaign, root: Unit | None = None, roles=READ_ROLES
) -> list[CampaignUnit]:
    """The responsible units of a campaign in the viewer's subtrees for `roles` (or `root`'s), with their unit,
    in tree order. One query (the reports app builds its completeness rows on it)."""
    rows = (
        CampaignUnit.objects.visible_to(viewer, roles=roles).filter(campaign=campaign).select_related("unit")
    )
    if root is not None:
        rows = rows.filter(unit__path__startswith=root.path)
    return list(rows.order_by("unit__path"))


def participant_for_viewer(*, viewer, campaign: Campaign, unit_pk) -> CampaignUnit:
    """One responsible unit of the campaign in the viewer's subtrees; 404 outside them, as for a missing one."""
    return get_object_or_404(
        CampaignUnit.objects.visible_to(viewer).select_related("unit", "campaign"),
        campaign=campaign,
        unit_id=unit_pk,
    )
