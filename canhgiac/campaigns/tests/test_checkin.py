"""QR check-in on the attendee's phone: identified by personal link or code (training.access), within the
window, idempotent, walk-ins recorded but not counted, every check-in in the audit log."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from canhgiac.campaigns import selectors
from canhgiac.campaigns.models import Attendance, Conference, Reach
from canhgiac.core.models import AuditEvent


def _url(conference):
    return conference.get_checkin_url()


def test_an_unidentified_phone_is_offered_the_code_entry_and_comes_back(conference, staff_member, issue):
    phone = Client()
    page = phone.get(_url(conference))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Nhập mã cá nhân" in body and "ghi danh khách mời" in body
    code_url = page.context["code_url"]
    assert code_url.startswith("/hoc-tap/nhap-ma/?next=")
    issued = issue(staff_member)
    entered = phone.post("/hoc-tap/nhap-ma/", {"code": issued.code, "next": _url(conference)})
    assert entered.status_code == 302 and entered["Location"] == _url(conference)
    page = phone.get(_url(conference))
    assert staff_member.full_name in page.content.decode() and page.context["person"] == staff_member
    done = phone.post(_url(conference), follow=True)
    assert "Điểm danh thành công" in done.content.decode()
    assert Attendance.objects.get(conference=conference, person=staff_member).via == Attendance.Via.QR


def test_an_unknown_code_is_refused_with_a_clear_message(conference):
    phone = Client()
    response = phone.post("/hoc-tap/nhap-ma/", {"code": "ABCD-EFGH", "next": _url(conference)})
    assert response.status_code == 400
    assert "Đường dẫn hoặc mã này không đúng" in response.content.decode()
    assert not Attendance.objects.exists()


def test_an_unknown_qr_token_answers_404(db, client):
    assert client.get("/chien-dich/diem-danh/khong-co-ma-nay/").status_code == 404


def test_check_in_records_reach_and_the_audit(conference, staff_member, phone_of, coordinator):
    phone = phone_of(staff_member)
    phone.post(_url(conference))
    reach = Reach.objects.get(person=staff_member, campaign=conference.campaign)
    assert reach.via == Reach.Via.CONFERENCE and reach.conference == conference
    event = AuditEvent.objects.get(action="attendance.check_in")
    assert event.actor is None and "mã cá nhân" in event.actor_label and event.unit == conference.unit
    total = selectors.coverage_by_unit(
        viewer=coordinator, campaign=conference.campaign, root=conference.unit
    )[0]
    assert (total.reached, total.people) == (1, 6)


def test_a_second_check_in_is_idempotent_with_a_friendly_message(conference, staff_member, phone_of):
    phone = phone_of(staff_member)
    phone.post(_url(conference))
    again = phone.post(_url(conference), follow=True)
    assert (
        "Bạn đã điểm danh lúc" in again.content.decode()
        and "không cần điểm danh lại" in again.content.decode()
    )
    assert Attendance.objects.filter(conference=conference).count() == 1
    assert AuditEvent.objects.filter(action="attendance.check_in").count() == 1
    assert "Đã điểm danh" in phone.get(_url(conference)).content.decode()


def test_check_in_before_the_window_is_refused(conference, staff_member, phone_of):
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() + timedelta(hours=2), ends_at=timezone.now() + timedelta(hours=4)
    )
    phone = phone_of(staff_member)
    page = phone.post(_url(conference))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Chưa đến giờ điểm danh" in text and "30 phút trước giờ khai mạc" in text
    assert not Attendance.objects.exists()


def test_check_in_after_the_end_is_refused(conference, staff_member, phone_of):
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() - timedelta(hours=4), ends_at=timezone.now() - timedelta(minutes=1)
    )
    phone = phone_of(staff_member)
    text = phone.post(_url(conference)).content.decode()
    assert "Đã hết thời gian điểm danh" in text and "báo đầu mối đơn vị" in text
    assert not Attendance.objects.exists()


def test_check_in_opens_thirty_minutes_before_the_start(conference, staff_member, phone_of):
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() + timedelta(minutes=25), ends_at=timezone.now() + timedelta(hours=2)
    )
    phone_of(staff_member).post(_url(conference))
    assert Attendance.objects.filter(person=staff_member).exists()


def test_a_cancelled_conference_refuses_check_in(conference, staff_member, phone_of, ward_manager):
    Conference.objects.filter(pk=conference.pk).update(
        status="cancelled", cancel_reason="Trùng lịch tiếp công dân"
    )
    text = phone_of(staff_member).post(_url(conference)).content.decode()
    assert "đã bị hủy" in text and "Trùng lịch tiếp công dân" in text


def test_a_walk_in_is_recorded_but_not_counted(conference, coordinator):
    guest = Client()
    url = f"{_url(conference)}khach/"
    bad = guest.post(url, {"full_name": "Hùng", "unit_text": "", "phone": "abc"})
    assert "Ghi đủ họ và tên" in bad.content.decode()
    ok = guest.post(
        url, {"full_name": "Nguyễn Văn Hùng", "unit_text": "Tổ dân phố 3", "phone": "0912 345 679"}
    )
    assert ok.status_code == 200 and "Đã ghi danh" in ok.content.decode()
    again = guest.post(
        url, {"full_name": "Nguyễn Văn Hùng", "unit_text": "Tổ dân phố 3", "phone": "0912345679"}
    )
    assert again.status_code == 200
    walk_in = Attendance.objects.get()
    assert (
        walk_in.person is None and walk_in.phone == "+84912345679" and walk_in.via == Attendance.Via.WALK_IN
    )
    assert not Reach.objects.exists()
    assert AuditEvent.objects.filter(action="attendance.walk_in").count() == 1


def test_the_check_in_page_escapes_the_title(conference, staff_member, phone_of):
    Conference.objects.filter(pk=conference.pk).update(title="<script>alert(1)</script> Hội nghị")
    text = phone_of(staff_member).get(_url(conference)).content.decode()
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text
