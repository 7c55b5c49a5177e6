"""Reads of unit reports: a report for its page, the figures a report is filled in with, the consolidation of
accepted reports into the province report, and the pending work shown on the home page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from canhgiac.campaigns import selectors as campaign_selectors
from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role

from ..models import ProvinceReport, UnitReport, UnitReportEvent
from .completeness import Completeness, reporting_completeness

HELD = ("held", "reported")


def figures_by_participant(*, viewer, campaign, participants, root=None) -> dict[int, dict]:
    """{participant id: figures} of responsible units' subtrees on the day coverage is shown for (today while the
    campaign runs, its deadline once closed): headcount, exempt, in scope, reached, conferences held and their
    attendance, pre-/post-test averages, weakest methods. Read through the campaigns and training selectors in a
    constant number of queries (about 12) whatever the number of units; `root` narrows them to one subtree."""
    from canhgiac.org.models import Unit
    from canhgiac.org.selectors import rollup_counts
    from canhgiac.training.dashboards import unit_method_matrix, unit_summaries, weakest

    on = campaign_selectors.default_day(campaign)
    units = Unit.objects.visible_to(viewer).only("id", "path")
    if root is not None:
        units = units.filter(path__startswith=root.path)
    units = list(units.order_by("path"))
    coverage = {
        row.unit.pk: row
        for row in campaign_selectors.coverage_by_unit(viewer=viewer, campaign=campaign, on=on, root=root)
    }
    exempt = rollup_counts(units, campaign_selectors.exempt_by_unit(campaign=campaign, on=on, root=root))
    held, attended = {}, {}
    # the conferences of the same day as the coverage: one held after the deadline of a closed campaign is not
    # in figures whose reached count stops at the deadline
    conferences = campaign_selectors.conference_list(
        viewer=viewer, campaign=campaign, unit=root, end=on
    ).filter(status__in=HELD)
    for unit_id, n in conferences.values_list("unit_id", "attended").order_by():
        held[unit_id] = held.get(unit_id, 0) + 1
        attended[unit_id] = attended.get(unit_id, 0) + (n or 0)
    held, attended = rollup_counts(units, held), rollup_counts(units, attended)
    course = campaign_selectors.pretest_course(campaign)
    training, matrix = {}, {}
    if course is not None:
        training = {row.unit.pk: row for row in unit_summaries(viewer=viewer, course=course, root=root)}
        matrix = unit_method_matrix(viewer=viewer, course=course, root=root)
    out = {}
    for participant in participants:
        unit_id = participant.unit_id
        cov, row = coverage.get(unit_id), training.get(unit_id)
        people, reached = (cov.people, cov.reached) if cov else (0, 0)
        methods = weakest(list(matrix.get(unit_id, {}).values()), limit=3)
        out[participant.pk] = {
            "figures_on": on,
            "headcount": people + exempt.get(unit_id, 0),
            "exempt": exempt.get(unit_id, 0),
            "people": people,
            "reached": reached,
            "conferences_held": held.get(unit_id, 0),
            "attendance": attended.get(unit_id, 0),
            "pre_takers": row.pre_takers if row else 0,
            "pre_avg": row.pre_avg if row else None,
            "post_takers": row.post_takers if row else 0,
            "post_avg": row.post_avg if row else None,
            "weakest_methods": [
                {"number": m.method.number, "name": m.method.name, "rate": round(m.rate, 4)} for m in methods
            ],
        }
    return out


def unit_report_figures(*, viewer, participant) -> dict:
    """The figures of one responsible unit's report (see `figures_by_participant`)."""
    return figures_by_participant(
        viewer=viewer, campaign=participant.campaign, participants=[participant], root=participant.unit
    )[participant.pk]


def report_for_participant(*, participant) -> UnitReport | None:
    return (
        UnitReport.objects.filter(participant=participant)
        .select_related("submitted_by", "accepted_by", "updated_by")
        .first()
    )


def report_for_viewer(*, viewer, campaign, unit_pk) -> tuple:
    """(participant, report or None) of a responsible unit in the viewer's scope; 404 otherwise."""
    participant = campaign_selectors.participant_for_viewer(viewer=viewer, campaign=campaign, unit_pk=unit_pk)
    participant.campaign = campaign
    return participant, report_for_participant(participant=participant)


def report_history(*, report: UnitReport) -> list[UnitReportEvent]:
    return list(report.events.select_related("actor"))


def can_edit(user, unit) -> bool:
    """Unit managers of the unit's subtree write its report (the coordinator reviews it, never writes it)."""
    from canhgiac.core.scoping import unit_in_scope

    return unit_in_scope(user, unit, {Role.UNIT_MANAGER}) and bool(
        user.is_superuser or has_role(user, Role.UNIT_MANAGER)
    )


def is_coordinator(user) -> bool:
    return bool(user.is_authenticated) and (user.is_superuser or has_role(user, Role.COORDINATOR))


@dataclass
class Consolidation:
    """The province report's figures: the sum of the accepted unit reports of the viewer's scope."""

    completeness: Completeness
    reports: list[UnitReport] = field(default_factory=list)
    headcount: int = 0
    exempt: int = 0
    people: int = 0
    reached: int = 0
    conferences_held: int = 0
    attendance: int = 0
    pre_takers: int = 0
    pre_avg: float | None = None
    post_takers: int = 0
    post_avg: float | None = None
    weakest: list[dict] = field(default_factory=list)  # {name, number, units, rate}

    @property
    def coverage(self) -> float | None:
        return self.reached / self.people if self.people else None

    @property
    def missing_rows(self):
        return [row for row in self.completeness.rows if row.missing]

    @property
    def late_rows(self):
        return [row for row in self.completeness.rows if row.late]

    @property
    def not_accepted_rows(self):
        """Sent but not (yet) accepted: left out of the figures."""
        return [row for row in self.completeness.rows if row.submitted and not row.accepted]

    @property
    def accepted_rows(self):
        return [row for row in self.completeness.rows if row.accepted]


def consolidation(*, viewer, campaign, root=None) -> Consolidation:
    """Build the province report from accepted unit reports only (2 queries, like the completeness)."""
    completeness = reporting_completeness(viewer=viewer, campaign=campaign, root=root)
    result = Consolidation(completeness=completeness)
    pre_sum = post_sum = 0.0
    methods: dict[str, dict] = {}
    votes: Counter = Counter()
    for row in completeness.rows:
        if not row.accepted:
            continue
        report = row.report
        result.reports.append(report)
        for name in ("headcount", "exempt", "people", "reached", "conferences_held", "attendance"):
            setattr(result, name, getattr(result, name) + getattr(report, name))
        if report.pre_avg is not None:
            result.pre_takers += report.pre_takers
            pre_sum += report.pre_avg * report.pre_takers
        if report.post_avg is not None:
            result.post_takers += report.post_takers
            post_sum += report.post_avg * report.post_takers
        for method in report.weakest_methods or []:
            name = str(method.get("name", ""))[:200]
            if not name:
                continue
            votes[name] += 1
            entry = methods.setdefault(name, {"name": name, "number": method.get("number"), "rates": []})
            if isinstance(method.get("rate"), int | float):
                entry["rates"].append(float(method["rate"]))
    result.pre_avg = pre_sum / result.pre_takers if result.pre_takers else None
    result.post_avg = post_sum / result.post_takers if result.post_takers else None
    result.weakest = [
        {
            "name": name,
            "number": methods[name]["number"],
            "units": n,
            "rate": sum(methods[name]["rates"]) / len(methods[name]["rates"])
            if methods[name]["rates"]
            else None,
        }
        for name, n in votes.most_common(5)
    ]
    return result


def province_report_for(*, campaign) -> ProvinceReport:
    """The province report's metadata, or an unsaved one with the defaults (nothing written on a read)."""
    from django.conf import settings

    report = ProvinceReport.objects.filter(campaign=campaign).first()
    if report is None:
        report = ProvinceReport(
            campaign=campaign,
            agency_parent=f"UBND tỉnh {settings.PROVINCE_NAME}",
            agency_name=settings.POLICE_AGENCY_NAME,
            recipients="UBND tỉnh (để báo cáo);\nCác sở, ban, ngành, địa phương;\nLưu: VT, PA05.",
        )
    return report


def pending_for(*, viewer) -> dict | None:
    """Home page: what waits for the viewer. A coordinator: reports waiting for review per running campaign;
    a unit manager: their units' reports due, drafts, returned. None when there is nothing to show."""
    from canhgiac.campaigns.models import Campaign

    campaigns = list(
        Campaign.objects.visible_to(viewer).filter(status=Campaign.Status.ACTIVE, requires_report=True)[:5]
    )
    if not campaigns:
        return None
    out = {"waiting": [], "mine": []}
    if is_coordinator(viewer):
        counts = dict(
            UnitReport.objects.filter(campaign__in=campaigns, status=UnitReport.Status.SUBMITTED)
            .values_list("campaign_id")
            .annotate(n=Count("id"))
            .values_list("campaign_id", "n")
            .order_by()
        )
        out["waiting"] = [
            {"campaign": c, "count": counts.get(c.pk, 0)} for c in campaigns if counts.get(c.pk)
        ]
    if has_role(viewer, Role.UNIT_MANAGER):
        for campaign in campaigns:
            rows = campaign_selectors.participant_list(
                viewer=viewer, campaign=campaign, roles={Role.UNIT_MANAGER}
            )[:10]
            if not rows:
                continue
            reports = {
                r.participant_id: r
                for r in UnitReport.objects.filter(participant__in=[p.pk for p in rows]).only(
                    "id", "participant_id", "status", "return_reason", "first_submitted_at", "unit_id"
                )
            }
            for participant in rows:
                report = reports.get(participant.pk)
                if report is not None and report.status in {
                    UnitReport.Status.SUBMITTED,
                    UnitReport.Status.ACCEPTED,
                }:
                    continue
                out["mine"].append(
                    {
                        "campaign": campaign,
                        "unit": participant.unit,
                        "report": report,
                        "due_on": campaign.due_on("report"),
                    }
                )
    if not out["waiting"] and not out["mine"]:
        return None
    return out
