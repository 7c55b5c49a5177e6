"""Reporting completeness (DHIS2): expected, submitted, on time, late, missing, accepted — and the province report
built only from accepted reports; constant queries whatever the number of units."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from canhgiac.campaigns import services as campaign_services
from canhgiac.campaigns.models import Campaign
from canhgiac.org.models import Unit
from canhgiac.reports import services
from canhgiac.reports.models import UnitReport
from canhgiac.reports.selectors import consolidation, reporting_completeness


def _setup(tree, campaign, ward_manager, other_ward_manager, department_manager, coordinator, write_report):
    """Hồng Gai on time and accepted; Bãi Cháy late (first sent after the due date), waiting; Sở Tài chính a
    draft; Xã Ba Chẽ nothing."""
    hong_gai = write_report(tree.hong_gai, ward_manager, submit=True)
    services.unit_report_accept(report=hong_gai, actor=coordinator)
    bai_chay = write_report(tree.bai_chay, other_ward_manager, submit=True, signer_name="Bùi Thị Ngọc")
    due = campaign.due_on("report")
    UnitReport.objects.filter(pk=bai_chay.pk).update(first_submitted_at=timezone.now() + timedelta(days=30))
    write_report(tree.finance, department_manager)
    return due


def test_on_time_late_missing_and_accepted(
    tree, campaign, ward_manager, other_ward_manager, department_manager, coordinator, write_report
):
    due = _setup(
        tree, campaign, ward_manager, other_ward_manager, department_manager, coordinator, write_report
    )
    c = reporting_completeness(viewer=coordinator, campaign=campaign, today=due + timedelta(days=40))
    assert (c.expected, c.submitted, c.on_time, c.late, c.accepted, c.missing) == (4, 2, 1, 1, 1, 2)
    assert c.waiting == 1 and c.overdue == 2
    assert c.submitted_rate == 0.5 and c.on_time_rate == 0.25 and c.accepted_rate == 0.25
    rows = {row.unit.name: row for row in c.rows}
    assert rows["Phường Hồng Gai"].state == "accepted" and rows["Phường Hồng Gai"].on_time
    assert (
        rows["Phường Bãi Cháy"].late
        and rows["Phường Bãi Cháy"].days_late == 30 + (timezone.localdate() - due).days
    )
    assert rows["Sở Tài chính"].state == "draft" and rows["Sở Tài chính"].missing
    assert rows["Xã Ba Chẽ"].state == "missing" and rows["Xã Ba Chẽ"].report is None
    # before the due date nobody is overdue
    assert reporting_completeness(viewer=coordinator, campaign=campaign, today=due).overdue == 0


def test_a_returned_report_still_counts_as_submitted_on_time(
    tree, campaign, ward_manager, coordinator, hong_gai_submitted
):
    services.unit_report_return(
        report=hong_gai_submitted, actor=coordinator, reason="Bổ sung số liệu hội nghị."
    )
    c = reporting_completeness(viewer=coordinator, campaign=campaign)
    assert (c.submitted, c.on_time, c.returned, c.accepted) == (1, 1, 1, 0)


def test_scope_and_root(tree, campaign, ward_manager, coordinator, hong_gai_submitted):
    mine = reporting_completeness(viewer=ward_manager, campaign=campaign)
    assert [row.unit.name for row in mine.rows] == ["Phường Hồng Gai"] and mine.submitted == 1
    communes = reporting_completeness(viewer=coordinator, campaign=campaign, root=tree.communes)
    assert {row.unit.name for row in communes.rows} == {"Phường Hồng Gai", "Phường Bãi Cháy", "Xã Ba Chẽ"}


def test_the_province_report_counts_only_accepted_reports(
    tree, campaign, ward_manager, other_ward_manager, department_manager, coordinator, write_report
):
    _setup(tree, campaign, ward_manager, other_ward_manager, department_manager, coordinator, write_report)
    hong_gai = UnitReport.objects.get(unit=tree.hong_gai)
    data = consolidation(viewer=coordinator, campaign=campaign)
    assert [r.pk for r in data.reports] == [hong_gai.pk]
    assert data.people == hong_gai.people and data.reached == hong_gai.reached
    assert {row.unit.name for row in data.missing_rows} == {"Sở Tài chính", "Xã Ba Chẽ"}
    assert [row.unit.name for row in data.late_rows] == ["Phường Bãi Cháy"]
    assert [row.unit.name for row in data.not_accepted_rows] == ["Phường Bãi Cháy"]


def test_not_required_means_nothing_expected(campaign, coordinator):
    Campaign.objects.filter(pk=campaign.pk).update(requires_report=False)
    campaign.refresh_from_db()
    assert reporting_completeness(viewer=coordinator, campaign=campaign).expected == 0


def test_queries_do_not_grow_with_units(tree, campaign, coordinator, ward_manager, write_report):
    from canhgiac.accounts.models import User

    def count():
        viewer = User.objects.get(pk=coordinator.pk)  # nothing cached: the memberships are read again
        with CaptureQueriesContext(connection) as ctx:
            c = reporting_completeness(viewer=viewer, campaign=campaign)
            consolidation(viewer=viewer, campaign=campaign)
        return len(ctx.captured_queries), c.expected

    write_report(tree.hong_gai, ward_manager, submit=True)
    before, expected = count()
    for i in range(12):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk),
            {"code": f"X{i:03d}", "name": f"Xã Thử {i}", "kind": "commune"},
        )
        campaign_services.participant_add(campaign=campaign, unit=unit, actor=coordinator)
    after, grown = count()
    assert grown == expected + 12
    assert after == before <= 6
