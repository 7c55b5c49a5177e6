"""Reporting completeness of a campaign, as DHIS2 measures it: expected reports, submitted, submitted on time,
accepted, and their rates — in total and per responsible unit.

- expected: every responsible unit of the campaign (campaigns.CampaignUnit) in the viewer's scope (or `root`'s
  subtree) owes one report, when the campaign requires a report;
- submitted: the unit has sent its report at least once (whatever happened after: a report returned for
  corrections was submitted; the unit owes the fix, not the whole report);
- on time: the first submission came by the end of the report's due date (campaign.due_on("report")); a
  return and a resubmission after the due date do not make it late — the coordinator chose to return it;
- late: submitted after the due date; missing: never submitted (no report, or a draft only);
- accepted: the coordinator accepted it (only accepted reports enter the province report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from canhgiac.campaigns.selectors import participant_list

from ..models import UnitReport

# The narrative is not needed to count: keep rows light at 600 or 20,000 units.
_DEFERRED = ("results", "difficulties", "proposals", "return_reason")


class State:
    """What a unit's report is, as the lists show it."""

    MISSING = "missing"  # no report or a draft never sent
    DRAFT = "draft"
    SUBMITTED = "submitted"  # waiting for the coordinator
    RETURNED = "returned"
    ACCEPTED = "accepted"

    LABELS = {
        MISSING: "Chưa lập báo cáo",
        DRAFT: "Đang soạn, chưa gửi",
        SUBMITTED: "Chờ duyệt",
        RETURNED: "Bị trả lại",
        ACCEPTED: "Đã duyệt",
    }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class CompletenessRow:
    participant: object  # campaigns.CampaignUnit
    unit: object  # org.Unit
    report: UnitReport | None
    due_on: date
    today: date

    @property
    def state(self) -> str:
        if self.report is None:
            return State.MISSING
        return self.report.status

    @property
    def state_label(self) -> str:
        return State.LABELS[self.state]

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.first_submitted_at is not None

    @property
    def on_time(self) -> bool:
        return self.submitted and self.report.on_time(self.due_on) is True

    @property
    def late(self) -> bool:
        return self.submitted and not self.on_time

    @property
    def accepted(self) -> bool:
        return self.report is not None and self.report.status == UnitReport.Status.ACCEPTED

    @property
    def missing(self) -> bool:
        return not self.submitted

    @property
    def overdue(self) -> bool:
        """Never sent and the due date has passed."""
        return self.missing and self.today > self.due_on

    @property
    def submitted_on(self) -> date | None:
        if not self.submitted:
            return None
        return timezone.localdate(self.report.first_submitted_at)

    @property
    def days_late(self) -> int:
        return (self.submitted_on - self.due_on).days if self.late else 0


@dataclass
class Completeness:
    campaign: object
    due_on: date
    today: date
    required: bool
    rows: list[CompletenessRow] = field(default_factory=list)

    def _count(self, attr: str) -> int:
        return sum(1 for row in self.rows if getattr(row, attr))

    @property
    def expected(self) -> int:
        return len(self.rows) if self.required else 0

    @property
    def submitted(self) -> int:
        return self._count("submitted")

    @property
    def on_time(self) -> int:
        return self._count("on_time")

    @property
    def late(self) -> int:
        return self._count("late")

    @property
    def accepted(self) -> int:
        return self._count("accepted")

    @property
    def missing(self) -> int:
        return self._count("missing")

    @property
    def overdue(self) -> int:
        return self._count("overdue")

    @property
    def waiting(self) -> int:
        """Submitted and waiting for the coordinator's decision."""
        return sum(1 for row in self.rows if row.state == State.SUBMITTED)

    @property
    def returned(self) -> int:
        return sum(1 for row in self.rows if row.state == State.RETURNED)

    @property
    def submitted_rate(self) -> float | None:
        return _ratio(self.submitted, self.expected)

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.on_time, self.expected)

    @property
    def accepted_rate(self) -> float | None:
        return _ratio(self.accepted, self.expected)

    def totals(self) -> dict:
        """The figures as plain data (the API and the dashboards)."""
        return {
            "expected": self.expected,
            "submitted": self.submitted,
            "on_time": self.on_time,
            "late": self.late,
            "accepted": self.accepted,
            "waiting": self.waiting,
            "returned": self.returned,
            "missing": self.missing,
            "overdue": self.overdue,
            "submitted_rate": self.submitted_rate,
            "on_time_rate": self.on_time_rate,
            "accepted_rate": self.accepted_rate,
        }


def reporting_completeness(*, viewer, campaign, root=None, today: date | None = None) -> Completeness:
    """Totals and one row per responsible unit of the viewer's scope (or `root`'s subtree), in tree order.

    Two queries whatever the number of units (plus one for the viewer's memberships the first time they are
    read in a request): the responsible units with their unit, and the reports of those units.
    """
    today = today or timezone.localdate()
    due_on = campaign.due_on("report")
    participants = participant_list(viewer=viewer, campaign=campaign, root=root)
    reports = UnitReport.objects.visible_to(viewer).filter(campaign=campaign).defer(*_DEFERRED)
    if root is not None:
        reports = reports.filter(unit__path__startswith=root.path)
    by_participant = {r.participant_id: r for r in reports.order_by()}
    rows = [
        CompletenessRow(
            participant=p, unit=p.unit, report=by_participant.get(p.pk), due_on=due_on, today=today
        )
        for p in participants
    ]
    return Completeness(
        campaign=campaign, due_on=due_on, today=today, required=campaign.requires_report, rows=rows
    )
