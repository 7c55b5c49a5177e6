"""The obligations board, generic fulfilment (for the reports app), and e-mail reminders before the deadline."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from canhgiac.campaigns import selectors, services
from canhgiac.campaigns.models import Campaign, CampaignUnit, Obligation, ReminderSent
from canhgiac.org.models import Unit


def test_launch_lists_the_responsible_units_and_their_obligations(campaign):
    names = set(CampaignUnit.objects.filter(campaign=campaign).values_list("unit__name", flat=True))
    assert names == {"Sở Tài chính", "Phường Hồng Gai", "Phường Bãi Cháy", "Xã Ba Chẽ"}
    assert (
        Obligation.objects.filter(participant__campaign=campaign).count() == 12
    )  # needs, conferences, report


def test_the_board_flags_overdue_and_late(campaign, coordinator, client, ward_manager):
    today = timezone.localdate()
    Obligation.objects.filter(participant__unit__name="Xã Ba Chẽ", kind="needs").update(
        due_on=today - timedelta(days=2)
    )
    late_due = today - timedelta(days=5)
    Obligation.objects.filter(participant__unit__name="Phường Hồng Gai", kind="needs").update(due_on=late_due)
    hong_gai = Unit.objects.get(name="Phường Hồng Gai")
    services.obligation_fulfil(
        campaign=campaign, unit=hong_gai, kind="needs", actor=coordinator, at=timezone.now()
    )
    data = selectors.obligations_status(viewer=coordinator, campaign=campaign)
    by_unit = {row.unit.name: row for row in data["rows"]}
    assert by_unit["Xã Ba Chẽ"].status == "overdue" and by_unit["Xã Ba Chẽ"].states["needs"] == "overdue"
    assert by_unit["Phường Hồng Gai"].states["needs"] == "late"
    assert data["summary"]["overdue"] == 1 and data["summary"]["late"] == 1
    client.force_login(coordinator)
    page = client.get(f"/chien-dich/{campaign.pk}/nghia-vu/?trang_thai=overdue")
    assert [r.unit.name for r in page.context["rows"]] == ["Xã Ba Chẽ"]
    assert 'class="row-overdue"' in page.content.decode() and "Quá hạn" in page.content.decode()


def test_the_reports_app_can_mark_the_report_done_and_reopen_it(campaign, coordinator):
    hong_gai = Unit.objects.get(name="Phường Hồng Gai")
    done = services.obligation_fulfil(
        campaign=campaign,
        unit=hong_gai,
        kind="report",
        actor=coordinator,
        how="report",
        reference="Báo cáo số 25/BC-UBND",
        reference_url="/bao-cao/1/",
    )
    assert done.how == "report" and done.state() == "done"
    first = done.done_at
    again = services.obligation_fulfil(
        campaign=campaign, unit=hong_gai, kind="report", actor=coordinator, how="report"
    )
    assert again.done_at == first  # idempotent: the first date stands
    reopened = services.obligation_reopen(
        campaign=campaign, unit=hong_gai, kind="report", actor=coordinator, note="Trả lại để bổ sung số liệu"
    )
    assert reopened.done_at is None


def test_the_coordinator_confirms_a_paper_document(campaign, coordinator, client):
    client.force_login(coordinator)
    ba_che = Unit.objects.get(name="Xã Ba Chẽ")
    day = timezone.localdate() - timedelta(days=1)
    client.post(
        f"/chien-dich/{campaign.pk}/don-vi/{ba_che.pk}/nghia-vu/report/",
        {"done_on": day.isoformat(), "reference": "Báo cáo số 12/BC-UBND", "note": "Nhận bản giấy"},
    )
    obligation = Obligation.objects.get(participant__unit=ba_che, kind="report")
    assert timezone.localdate(obligation.done_at) == day and obligation.reference == "Báo cáo số 12/BC-UBND"


def test_the_board_costs_the_same_queries_whatever_the_units(campaign, coordinator, tree):
    def count():
        viewer = type(coordinator).objects.get(pk=coordinator.pk)
        fresh = Campaign.objects.get(pk=campaign.pk)
        with CaptureQueriesContext(connection) as ctx:
            selectors.obligations_status(viewer=viewer, campaign=fresh)
        return len(ctx.captured_queries)

    small = count()
    for i in range(12):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk), {"code": f"Y{i}", "name": f"Xã Mới {i}", "kind": "commune"}
        )
        services.participant_add(campaign=campaign, unit=unit, actor=coordinator)
    assert count() == small


def test_the_board_page_query_count_is_constant(campaign, coordinator, client, tree):
    client.force_login(coordinator)
    url = f"/chien-dich/{campaign.pk}/nghia-vu/"
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for i in range(8):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk), {"code": f"Z{i}", "name": f"Xã Z {i}", "kind": "commune"}
        )
        services.participant_add(campaign=campaign, unit=unit, actor=coordinator)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_reminders_go_once_per_manager_unit_and_threshold(
    campaign, ward_manager, other_ward_manager, coordinator
):
    hong_gai = Unit.objects.get(name="Phường Hồng Gai")
    for kind in ("needs", "conferences"):
        services.obligation_fulfil(
            campaign=campaign, unit=Unit.objects.get(name="Phường Bãi Cháy"), kind=kind, actor=coordinator
        )
    services.obligation_fulfil(
        campaign=campaign, unit=Unit.objects.get(name="Phường Bãi Cháy"), kind="report", actor=coordinator
    )
    deadline = campaign.deadline
    assert services.send_due_reminders(today=deadline - timedelta(days=15)) == 0  # no threshold reached yet
    assert (
        services.send_due_reminders(today=deadline - timedelta(days=10)) == 1
    )  # the 14-day one, late but once
    assert services.send_due_reminders(today=deadline - timedelta(days=9)) == 0
    mail.outbox.clear()
    sent = services.send_due_reminders(today=deadline - timedelta(days=7))
    assert sent == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ward_manager.email] and "còn 7 ngày" in message.body
    assert (
        "Đánh giá nhu cầu" in message.body
        and "Tổ chức hội nghị tuyên truyền (đã tổ chức 0/1)" in message.body
    )
    assert f"/chien-dich/{campaign.pk}/don-vi/{hong_gai.pk}/" in message.body
    assert services.send_due_reminders(today=deadline - timedelta(days=7)) == 0
    assert services.send_due_reminders(today=deadline - timedelta(days=6)) == 0  # same threshold
    assert services.send_due_reminders(today=deadline - timedelta(days=3)) == 1
    assert ReminderSent.objects.filter(user=ward_manager).count() == 3
    assert not [m for m in mail.outbox if other_ward_manager.email in m.to]  # Bãi Cháy has nothing open


def test_a_scheduler_that_was_down_sends_only_the_nearest_threshold(campaign, ward_manager):
    mail.outbox.clear()
    services.send_due_reminders(today=campaign.deadline - timedelta(days=2))
    assert len(mail.outbox) == 1 and ReminderSent.objects.get(user=ward_manager).days_before == 3


def test_the_reminder_task_is_registered_for_the_scheduler():
    from canhgiac.core import periodic

    assert any(p.name.endswith("send_reminders_task") for p in periodic.registered())
