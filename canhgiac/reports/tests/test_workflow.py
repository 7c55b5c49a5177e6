"""The unit report's workflow: draft → submitted → returned (reason) → submitted → accepted (locked); reopen;
illegal transitions answer in Vietnamese; obligations, e-mails, history and audit follow every transition."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from canhgiac.campaigns.models import Campaign, Obligation
from canhgiac.core.models import AuditEvent
from canhgiac.reports import services
from canhgiac.reports.models import UnitReport


def _obligation(campaign, unit):
    return Obligation.objects.get(participant__campaign=campaign, participant__unit=unit, kind="report")


def test_a_first_save_creates_a_draft_with_figures_from_the_data(tree, ward_manager, write_report, people):
    report = write_report(tree.hong_gai, ward_manager)
    assert report.status == UnitReport.Status.DRAFT and report.version == 1
    assert report.people == len(people["hong_gai"]) and report.headcount == report.people + report.exempt
    assert report.figures_on is not None
    assert list(report.events.values_list("action", flat=True)) == ["created"]
    assert AuditEvent.objects.filter(action="unit_report.create", object_id=str(report.pk)).exists()


def test_the_whole_workflow(
    tree, campaign, ward_manager, coordinator, write_report, django_capture_on_commit_callbacks
):
    report = write_report(tree.hong_gai, ward_manager, submit=True, number="45/BC-UBND")
    assert report.status == "submitted" and report.first_submitted_at and report.submitted_by == ward_manager
    first = report.first_submitted_at

    mail.outbox.clear()
    reason = "Thiếu số liệu hội nghị ở tổ dân phố; đề nghị bổ sung biên bản."
    with django_capture_on_commit_callbacks(execute=True):
        report = services.unit_report_return(report=report, actor=coordinator, reason=reason)
    assert report.status == "returned" and report.return_reason == reason
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ward_manager.email]
    assert "trả lại" in mail.outbox[0].subject and reason in mail.outbox[0].body

    report = write_report(
        tree.hong_gai, ward_manager, submit=True, results=services.MIN_RESULTS * "x" + " bổ sung"
    )
    assert (
        report.status == "submitted" and report.first_submitted_at == first
    )  # on time is judged on the first

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report = services.unit_report_accept(report=report, actor=coordinator)
    assert report.status == "accepted" and report.is_locked and report.accepted_by == coordinator
    obligation = _obligation(campaign, tree.hong_gai)
    assert obligation.done_at == first and obligation.how == "report"
    assert (
        obligation.reference == "Báo cáo số 45/BC-UBND"
        and obligation.reference_url == report.get_absolute_url()
    )
    assert len(mail.outbox) == 1 and "đã được duyệt" in mail.outbox[0].subject

    actions = list(report.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "returned", "submitted", "accepted"]
    audited = set(AuditEvent.objects.filter(object_id=str(report.pk)).values_list("action", flat=True))
    assert {"unit_report.submit", "unit_report.return", "unit_report.accept"} <= audited


def test_an_accepted_report_is_locked(tree, ward_manager, coordinator, write_report, hong_gai_submitted):
    services.unit_report_accept(report=hong_gai_submitted, actor=coordinator)
    with pytest.raises(ValidationError, match="đã được duyệt và khóa"):
        write_report(tree.hong_gai, ward_manager, results="Sửa sau khi duyệt " * 3)
    with pytest.raises(ValidationError, match="Chỉ duyệt được báo cáo đang chờ duyệt"):
        services.unit_report_accept(report=hong_gai_submitted, actor=coordinator)
    with pytest.raises(ValidationError, match="Chỉ trả lại được báo cáo đang chờ duyệt"):
        services.unit_report_return(
            report=hong_gai_submitted, actor=coordinator, reason="Lý do đủ dài để trả lại"
        )


def test_illegal_transitions_say_what_to_do(tree, ward_manager, coordinator, write_report):
    draft = write_report(tree.hong_gai, ward_manager)
    with pytest.raises(ValidationError, match="Chỉ duyệt được"):
        services.unit_report_accept(report=draft, actor=coordinator)
    with pytest.raises(ValidationError, match="Chỉ mở lại được báo cáo đã duyệt"):
        services.unit_report_reopen(report=draft, actor=coordinator, reason="Phát hiện sai số liệu")
    submitted = services.unit_report_submit(report=draft, actor=ward_manager)
    with pytest.raises(ValidationError, match="đang chờ Công an tỉnh duyệt"):
        write_report(tree.hong_gai, ward_manager)
    with pytest.raises(ValidationError, match="đang chờ Công an tỉnh duyệt"):
        services.unit_report_submit(report=submitted, actor=ward_manager)
    with pytest.raises(ValidationError) as excinfo:
        services.unit_report_return(report=submitted, actor=coordinator, reason="thiếu")
    assert "lý do trả lại" in excinfo.value.message_dict["reason"][0]
    with pytest.raises(PermissionDenied):
        services.unit_report_accept(report=submitted, actor=ward_manager)


def test_a_report_needs_results_and_a_signer_before_it_is_sent(tree, ward_manager, write_report):
    draft = write_report(tree.hong_gai, ward_manager, results="Ngắn", signer_name="")
    with pytest.raises(ValidationError) as excinfo:
        services.unit_report_submit(report=draft, actor=ward_manager)
    assert "Kết quả thực hiện" in excinfo.value.message_dict["results"][0]
    assert "người ký" in excinfo.value.message_dict["signer_name"][0]
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_reopening_an_accepted_report_reopens_the_obligation(
    tree, campaign, coordinator, hong_gai_submitted, ward_manager, django_capture_on_commit_callbacks
):
    services.unit_report_accept(report=hong_gai_submitted, actor=coordinator)
    with pytest.raises(ValidationError, match="lý do mở lại"):
        services.unit_report_reopen(report=hong_gai_submitted, actor=coordinator, reason="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report = services.unit_report_reopen(
            report=hong_gai_submitted,
            actor=coordinator,
            reason="Số người miễn bị tính trùng, đề nghị kiểm tra lại.",
        )
    assert report.status == "returned" and report.accepted_at is None and report.is_editable
    assert _obligation(campaign, tree.hong_gai).done_at is None
    assert mail.outbox and "mở lại" in mail.outbox[0].subject
    assert AuditEvent.objects.filter(action="unit_report.reopen", object_id=str(report.pk)).exists()


def test_a_closed_campaign_takes_no_more_reports(tree, campaign, ward_manager, write_report):
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED)
    with pytest.raises(ValidationError, match="Chiến dịch đã kết thúc"):
        write_report(tree.hong_gai, ward_manager)


def test_edit_conflict_loses_nothing(tree, ward_manager, make_official, participant_of, write_report):
    """Two managers of the same ward open version 1; the first saves; the second save is refused, nothing of
    it is written, and the conflict carries the stored text so the page can show both."""
    deputy = make_official("phophuong@test.vn", "unit_manager", tree.hong_gai, "Phạm Thu Trang")
    report = write_report(tree.hong_gai, ward_manager, results="Bản đầu tiên của báo cáo, đủ dài để lưu.")
    participant = participant_of(tree.hong_gai)
    first = {
        "results": "Đồng chí Nam viết: đã tổ chức 2 hội nghị cho 95 cán bộ.",
        "signer_name": "Hoàng Văn Nam",
    }
    second = {
        "results": "Đồng chí Trang viết: thêm 300 tờ rơi ở chợ Hạ Long 1.",
        "signer_name": "Phạm Thu Trang",
    }
    services.unit_report_save(
        participant=participant, actor=ward_manager, version=report.version, values=first
    )
    with pytest.raises(services.EditConflict) as excinfo:
        services.unit_report_save(
            participant=participant, actor=deputy, version=report.version, values=second
        )
    current = excinfo.value.current
    assert current.results == first["results"] and current.version == report.version + 1
    assert "Hoàng Văn Nam đã lưu báo cáo này" in excinfo.value.message
    stored = UnitReport.objects.get(pk=report.pk)
    assert stored.results == first["results"]
    # saving again from the version shown wins, on purpose
    services.unit_report_save(participant=participant, actor=deputy, version=current.version, values=second)
    assert UnitReport.objects.get(pk=report.pk).results == second["results"]


def test_two_first_saves_at_once_conflict_too(tree, ward_manager, participant_of, write_report):
    write_report(tree.hong_gai, ward_manager, results="Người thứ nhất tạo báo cáo trước.")
    with pytest.raises(services.EditConflict):
        services.unit_report_save(
            participant=participant_of(tree.hong_gai),
            actor=ward_manager,
            version=0,
            values={"results": "Người thứ hai cũng mở trang khi chưa có báo cáo."},
        )


def test_figures_count_held_conferences_their_attendance_and_reach(
    tree, ward_manager, write_report, people, conference
):
    from canhgiac.campaigns import services as campaign_services
    from canhgiac.reports.selectors import figures_by_participant

    for person in people["hong_gai"][:3]:
        campaign_services.attendance_check_in(conference=conference, person=person)
    campaign_services.conference_mark_held(conference=conference, actor=ward_manager)
    report = write_report(tree.hong_gai, ward_manager)
    assert (report.conferences_held, report.attendance, report.reached) == (1, 3, 3)
    assert report.people == 6 and report.coverage == 0.5
    # the bulk form the demo uses gives the same figures, and the province total includes the ward's
    bulk = figures_by_participant(
        viewer=ward_manager, campaign=report.campaign, participants=[report.participant]
    )[report.participant_id]
    assert (bulk["conferences_held"], bulk["attendance"], bulk["reached"], bulk["people"]) == (1, 3, 3, 6)
