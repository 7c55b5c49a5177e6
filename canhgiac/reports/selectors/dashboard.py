"""Dashboards of a campaign for leaders, coordinators and unit managers (docs/dashboards.md).

Reads other apps only through their selectors: campaigns (coverage from the maintained counters, progress and
pace, the curve, conferences per week), training (`training.dashboards`: pre/post scores, weakest methods),
incidents (`rising_methods`), and this app's reporting completeness. Every panel costs a constant number of
queries whatever the number of units (tests assert it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.utils import timezone

from canhgiac.campaigns import selectors as campaign_selectors
from canhgiac.campaigns.models import Campaign
from canhgiac.campaigns.selectors.needs import pretest_course
from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role, scope_paths
from canhgiac.incidents.selectors import rising_methods
from canhgiac.org.models import Unit
from canhgiac.org.selectors import unit_for_viewer
from canhgiac.training import dashboards as training_dashboards


def dashboard_campaigns(*, viewer) -> list[Campaign]:
    """Launched campaigns the viewer can read: running ones first (nearest deadline), then closed ones."""
    return list(
        Campaign.objects.visible_to(viewer)
        .exclude(status=Campaign.Status.DRAFT)
        .annotate(
            running=Case(
                When(status=Campaign.Status.ACTIVE, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("running", "deadline", "-id")
    )


def campaign_for_dashboard(*, viewer, pk, among: list[Campaign] | None = None) -> Campaign:
    """The campaign the viewer may read (404 otherwise). `among`: the viewer's `dashboard_campaigns`, already
    read for the page's menu — the campaign is taken from it instead of a second query."""
    if among is not None:
        campaign = next((c for c in among if c.pk == pk), None)
    else:
        campaign = (
            Campaign.objects.visible_to(viewer)
            .exclude(status=Campaign.Status.DRAFT)
            .select_related("course")
            .filter(pk=pk)
            .first()
        )
    if campaign is None:
        raise Http404
    return campaign


def scope_roots(*, viewer) -> list[Unit]:
    """The top units of the viewer's scope: the province root, or each unit their memberships name."""
    paths = scope_paths(viewer)
    if paths is None:
        return list(Unit.objects.filter(depth=1))
    return list(Unit.objects.filter(path__in=paths))


def focus_unit(*, viewer, pk=None) -> tuple[Unit, list[Unit]]:
    """(the unit the dashboard shows, the viewer's top units). A unit outside the scope is 404."""
    if pk is not None:
        return unit_for_viewer(viewer=viewer, pk=pk), []
    roots = scope_roots(viewer=viewer)
    if not roots:
        raise Http404
    return roots[0], roots


def breadcrumbs(*, viewer, unit: Unit) -> list[Unit]:
    """The unit's ancestors the viewer may open (within their scope), then the unit itself. One query."""
    paths = scope_paths(viewer)
    steplen = Unit.steplen
    wanted = [unit.path[:end] for end in range(steplen, len(unit.path), steplen)]
    if paths is not None:
        wanted = [p for p in wanted if any(p.startswith(s) for s in paths)]
    ancestors = list(Unit.objects.filter(path__in=wanted).order_by("path")) if wanted else []
    return [*ancestors, unit]


@dataclass
class WeekPoint:
    day: date
    people: int | None
    reached: int | None
    projected: float | None = None  # coverage expected that week at the recent pace (future weeks)

    @property
    def coverage(self) -> float | None:
        if self.people:
            return self.reached / self.people
        return None


def curve_points(progress) -> list[WeekPoint]:
    """The weekly curve from the start to the deadline: measured points up to today, then the projection at
    the recent pace (a dashed line on the chart) so the gap to the target at the deadline shows."""
    campaign = progress.campaign
    points = [WeekPoint(day=d, people=p, reached=r) for d, p, r in progress.curve]
    focus = progress.focus
    if campaign.status != Campaign.Status.ACTIVE or not points:
        return points
    day = points[-1].day
    rate = focus.weekly_rate
    if focus.coverage is not None and rate is not None:
        points[-1].projected = focus.coverage
    while day < campaign.deadline:
        day = min(campaign.deadline, day + timedelta(days=7))
        projected = None
        if focus.coverage is not None and rate is not None:
            projected = min(1.0, focus.coverage + rate * (day - progress.on).days / 7)
        points.append(WeekPoint(day=day, people=None, reached=None, projected=projected))
    return points


def completeness(*, viewer, campaign: Campaign, root: Unit, rows: bool = False):
    """Reporting completeness of the subtree (expected, submitted, on time, accepted) from the unit-report
    workflow (docs/reports.md): the totals only (`completeness_summary`, plain values), or with one row per
    responsible unit (`reporting_completeness`, the CSV)."""
    from canhgiac.reports.selectors import completeness_summary, reporting_completeness

    read = reporting_completeness if rows else completeness_summary
    return read(viewer=viewer, campaign=campaign, root=root)


def report_states(report) -> list[dict]:
    """Responsible units by the state of their report, for the chart and its table."""
    from canhgiac.reports.selectors import State

    counts = report.state_counts()
    return [{"k": key, "n": str(label), "v": counts[key]} for key, label in State.LABELS.items()]


AT_RISK_SHOWN = 30


def campaign_dashboard(
    *,
    viewer,
    campaign: Campaign,
    focus: Unit,
    today: date | None = None,
    at_risk_limit: int | None = AT_RISK_SHOWN,
) -> dict:
    """The main panels: headline, sub-units (drill-down), the curve to the deadline, units at risk (the lowest
    `at_risk_limit` as rows, all of them counted), completeness (its totals; every row too when
    `at_risk_limit` is None: the CSV exports)."""
    progress = campaign_selectors.coverage_progress(
        viewer=viewer, campaign=campaign, focus=focus, today=today, at_risk_limit=at_risk_limit
    )
    return {
        "progress": progress,
        "points": curve_points(progress),
        "at_risk": progress.at_risk,
        "completeness": (
            report := completeness(viewer=viewer, campaign=campaign, root=focus, rows=at_risk_limit is None)
        ),
        "report_states": report_states(report),
        "elapsed": campaign.elapsed_ratio(today),
        "days_left": campaign.days_left(today),
        "days_over": max(0, -campaign.days_left(today)),
    }


def learning_panel(*, viewer, campaign: Campaign, focus: Unit) -> dict:
    """Knowledge gain (pre/post-test averages of the campaign's course) of the unit and its sub-units, the
    weakest methods, and for province readers the methods rising in police cases."""
    course = pretest_course(campaign)
    out = {"course": course, "summary": None, "children": [], "methods": [], "weakest": [], "rising": []}
    if has_role(viewer, Role.LEADER, Role.COORDINATOR) or viewer.is_superuser:
        out["rising"] = rising_methods(months=3)
    if course is None:
        return out
    # the panel and its CSV show quiz figures only: no headcount (the coverage panel has it from the counters)
    rows = training_dashboards.unit_summaries(
        viewer=viewer, course=course, root=focus, depth=1, with_people=False
    )
    out["summary"] = rows[0] if rows and rows[0].unit.pk == focus.pk else None
    out["children"] = [r for r in rows if r.level == 1 and r.participants]
    methods = [
        m
        for m in training_dashboards.method_summaries(viewer=viewer, course=course, root=focus)
        if m.rate is not None
    ]
    out["methods"] = sorted(methods, key=lambda m: (m.rate, m.method.number or 0))
    out["weakest"] = training_dashboards.weakest(methods, limit=5)
    return out


def conferences_panel(*, viewer, campaign: Campaign, focus: Unit) -> dict:
    weeks = campaign_selectors.conferences_per_week(viewer=viewer, campaign=campaign, unit=focus)
    return {
        "weeks": weeks,
        "held": sum(w["held"] for w in weeks),
        "planned": sum(w["planned"] for w in weeks),
        "attended": sum(w["attended"] for w in weeks),
    }


def headline(*, viewer, campaign: Campaign, today: date | None = None) -> dict:
    """The leader's home page: the campaign's figure over the viewer's scope and the units at risk."""
    focus, _roots = focus_unit(viewer=viewer)
    progress = campaign_selectors.coverage_progress(
        viewer=viewer, campaign=campaign, focus=focus, today=today, at_risk_limit=0
    )
    return {
        "campaign": campaign,
        "progress": progress,
        "at_risk": progress.at_risk_count,
        "focus": focus,
        "days_left": campaign.days_left(today or timezone.localdate()),
    }
