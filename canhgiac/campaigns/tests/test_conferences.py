"""Conferences through the pages: plan, confirm, hold, report, cancel, files; calendar and list; scoping."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from canhgiac.campaigns import services
from canhgiac.campaigns.models import Conference, ConferenceFile, Obligation


def _form(campaign, unit, day, **extra):
    data = {
        "campaign": campaign.pk,
        "unit": unit.pk,
        "title": "Hội nghị tuyên truyền phòng, chống lừa đảo trực tuyến",
        "day": day.isoformat(),
        "start_time": "08:00",
        "end_time": "10:30",
        "mode": "in_person",
        "venue": "Hội trường tầng 3, UBND phường",
        "online_link": "",
        "audience": "Cán bộ, công chức phường",
        "expected_attendance": "45",
        "speaker_requested": "on",
        "request_note": "",
    }
    data.update(extra)
    return data


def test_a_ward_manager_plans_a_conference(campaign, tree, ward_manager, client, methods):
    client.force_login(ward_manager)
    page = client.get("/chien-dich/hoi-nghi/moi/")
    assert page.status_code == 200
    assert list(page.context["form"].fields["unit"].queryset) == [tree.hong_gai]
    day = timezone.localdate() + timedelta(days=5)
    response = client.post(
        "/chien-dich/hoi-nghi/moi/", _form(campaign, tree.hong_gai, day, requested_methods=[methods[0].pk])
    )
    assert response.status_code == 302
    conference = Conference.objects.get()
    assert conference.status == Conference.Status.PLANNED and conference.unit == tree.hong_gai
    assert timezone.localtime(conference.starts_at).hour == 8 and conference.requested_methods.count() == 1


def test_planning_errors_keep_what_was_typed(campaign, tree, ward_manager, client):
    client.force_login(ward_manager)
    day = timezone.localdate() + timedelta(days=5)
    response = client.post(
        "/chien-dich/hoi-nghi/moi/",
        _form(campaign, tree.hong_gai, day, end_time="07:00", venue="", mode="in_person"),
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in text
    assert "Cán bộ, công chức phường" in text  # kept
    online = client.post(
        "/chien-dich/hoi-nghi/moi/", _form(campaign, tree.hong_gai, day, mode="online", venue="")
    )
    assert "Ghi đường dẫn phòng họp trực tuyến" in online.content.decode()
    early = client.post(
        "/chien-dich/hoi-nghi/moi/", _form(campaign, tree.hong_gai, campaign.starts_on - timedelta(days=3))
    )
    assert "hội nghị phải từ ngày đó trở đi" in early.content.decode()
    assert not Conference.objects.exists()


def test_a_manager_cannot_plan_for_another_ward(campaign, tree, ward_manager, client):
    client.force_login(ward_manager)
    day = timezone.localdate() + timedelta(days=5)
    response = client.post("/chien-dich/hoi-nghi/moi/", _form(campaign, tree.bai_chay, day))
    assert response.status_code == 200 and not Conference.objects.exists()


def test_confirming_needs_a_speaker_when_one_was_requested(
    campaign, tree, ward_manager, coordinator, speaker_profile, client
):
    day = timezone.localdate() + timedelta(days=5)
    client.force_login(ward_manager)
    client.post("/chien-dich/hoi-nghi/moi/", _form(campaign, tree.hong_gai, day))
    conference = Conference.objects.get()
    client.force_login(coordinator)
    response = client.post(f"/chien-dich/hoi-nghi/{conference.pk}/xac-nhan/", follow=True)
    assert "hãy phân công ít nhất một báo cáo viên" in response.content.decode()
    client.post(
        f"/chien-dich/hoi-nghi/{conference.pk}/bao-cao-vien/",
        {"speaker": speaker_profile.pk, "topic": "Đầu tư tiền ảo"},
    )
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/xac-nhan/")
    conference.refresh_from_db()
    assert conference.status == Conference.Status.CONFIRMED and conference.confirmed_by == coordinator


def test_a_ward_manager_cannot_confirm(conference, ward_manager, client):
    Conference.objects.filter(pk=conference.pk).update(status="planned")
    client.force_login(ward_manager)
    assert client.post(f"/chien-dich/hoi-nghi/{conference.pk}/xac-nhan/").status_code == 404


def test_hold_then_report_fulfils_the_conference_obligation(conference, ward_manager, client, staff_member):
    client.force_login(ward_manager)
    obligation = Obligation.objects.get(participant__unit=conference.unit, kind="conferences")
    assert obligation.done_at is None
    short = client.post(f"/chien-dich/hoi-nghi/{conference.pk}/bao-cao/", {"minutes": "Đã tổ chức."})
    assert short.status_code == 200
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/da-to-chuc/")
    conference.refresh_from_db()
    assert conference.status == Conference.Status.HELD
    obligation.refresh_from_db()
    assert obligation.progress == 1 and obligation.done_at == conference.ends_at
    no_proof = client.post(
        f"/chien-dich/hoi-nghi/{conference.pk}/bao-cao/",
        {
            "minutes": "Báo cáo viên trình bày 5 thủ đoạn lừa đảo phổ biến; cán bộ trao đổi sôi nổi về đầu tư tiền ảo."
        },
    )
    assert "Chưa có người tham dự nào được ghi nhận" in no_proof.content.decode()
    services.attendance_mark(conference=conference, person=staff_member, actor=ward_manager)
    client.post(
        f"/chien-dich/hoi-nghi/{conference.pk}/bao-cao/",
        {
            "minutes": "Báo cáo viên trình bày 5 thủ đoạn lừa đảo phổ biến; cán bộ trao đổi sôi nổi về đầu tư tiền ảo."
        },
    )
    conference.refresh_from_db()
    assert conference.status == Conference.Status.REPORTED and conference.reported_by == ward_manager


def test_a_future_conference_cannot_be_marked_held(conference, ward_manager):
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() + timedelta(days=1), ends_at=timezone.now() + timedelta(days=1, hours=2)
    )
    conference.refresh_from_db()
    with pytest.raises(Exception, match="chưa bắt đầu"):
        services.conference_mark_held(conference=conference, actor=ward_manager)


def test_cancel_needs_a_reason_and_is_refused_once_people_checked_in(
    conference, ward_manager, client, staff_member
):
    client.force_login(ward_manager)
    empty = client.post(f"/chien-dich/hoi-nghi/{conference.pk}/huy/", {"reason": ""})
    assert empty.status_code == 200 and Conference.objects.get().status == "confirmed"
    services.attendance_mark(conference=conference, person=staff_member, actor=ward_manager)
    refused = client.post(f"/chien-dich/hoi-nghi/{conference.pk}/huy/", {"reason": "Mưa bão"})
    assert "đã có người điểm danh" in refused.content.decode()
    services.attendance_unmark(conference=conference, person=staff_member, actor=ward_manager)
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/huy/", {"reason": "Bão số 3 đổ bộ, hoãn mọi cuộc họp"})
    conference.refresh_from_db()
    assert conference.status == "cancelled" and conference.cancel_reason.startswith("Bão số 3")


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_files_are_checked_by_content(conference, ward_manager, client):
    client.force_login(ward_manager)
    url = f"/chien-dich/hoi-nghi/{conference.pk}/tep/"
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf")
    response = client.post(url, {"kind": "minutes", "upload": fake}, follow=True)
    assert "thực chất là chương trình Windows" in response.content.decode()
    photo_as_minutes = SimpleUploadedFile("anh.png", PNG, content_type="image/png")
    response = client.post(url, {"kind": "minutes", "upload": photo_as_minutes}, follow=True)
    assert "mục “Biên bản, báo cáo hội nghị” nhận" in response.content.decode()
    photo = SimpleUploadedFile("anh-hoi-nghi.png", PNG, content_type="image/png")
    client.post(url, {"kind": "photo", "upload": photo})
    item = ConferenceFile.objects.get()
    assert (
        item.file_format == "png" and item.file.name.endswith(".png") and "anh-hoi-nghi" not in item.file.name
    )
    download = client.get(item.get_download_url())
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"


def test_the_conference_page_shows_the_qr_code(conference, ward_manager, client):
    client.force_login(ward_manager)
    page = client.get(conference.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text and conference.checkin_token in text
    poster = client.get(f"/chien-dich/hoi-nghi/{conference.pk}/ma-qr/")
    assert poster.status_code == 200 and "Điểm danh bằng điện thoại" in poster.content.decode()
    svg = client.get(f"/chien-dich/hoi-nghi/{conference.pk}/ma-qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"


def test_calendar_and_list(conference, coordinator, client):
    client.force_login(coordinator)
    month = timezone.localtime(conference.starts_at).strftime("%Y-%m")
    page = client.get(f"/chien-dich/hoi-nghi/lich/?thang={month}")
    assert page.status_code == 200 and conference.title[:20] in page.content.decode()
    assert page.context["count"] == 1
    listing = client.get("/chien-dich/hoi-nghi/")
    assert listing.status_code == 200 and conference.title in listing.content.decode()


def _plan_many(campaign, unit, actor, n):
    base = timezone.now() + timedelta(days=3)
    for i in range(n):
        services.conference_plan(
            campaign=campaign,
            unit=unit,
            actor=actor,
            title=f"Hội nghị {i}",
            starts_at=base + timedelta(hours=3 * i),
            ends_at=base + timedelta(hours=3 * i + 2),
            mode="online",
            online_link="https://meet.example.vn/x",
        )


def test_the_conference_list_costs_the_same_queries_whatever_its_length(campaign, tree, coordinator, client):
    client.force_login(coordinator)
    _plan_many(campaign, tree.hong_gai, coordinator, 2)
    with CaptureQueriesContext(connection) as small:
        client.get("/chien-dich/hoi-nghi/")
    _plan_many(campaign, tree.bai_chay, coordinator, 8)
    with CaptureQueriesContext(connection) as large:
        client.get("/chien-dich/hoi-nghi/")
    assert len(large.captured_queries) == len(small.captured_queries)


def test_another_wards_manager_gets_404_everywhere(
    conference, campaign, tree, other_ward_manager, client, staff_member
):
    client.force_login(other_ward_manager)
    pk = conference.pk
    for url in [
        f"/chien-dich/hoi-nghi/{pk}/",
        f"/chien-dich/hoi-nghi/{pk}/sua/",
        f"/chien-dich/hoi-nghi/{pk}/diem-danh/",
        f"/chien-dich/hoi-nghi/{pk}/bao-cao/",
        f"/chien-dich/hoi-nghi/{pk}/huy/",
        f"/chien-dich/hoi-nghi/{pk}/ma-qr/",
        f"/chien-dich/hoi-nghi/{pk}/ma-qr.svg",
        f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/",
        f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/",
        f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau.docx",
        f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nguoi/",
        f"/chien-dich/{campaign.pk}/nhu-cau/",
    ]:
        assert client.get(url).status_code == 404, url
    for url in [
        f"/chien-dich/hoi-nghi/{pk}/da-to-chuc/",
        f"/chien-dich/hoi-nghi/{pk}/diem-danh/{staff_member.pk}/",
        f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nghia-vu/report/",
    ]:
        assert client.post(url, {"present": "1"}).status_code == 404, url
    board = client.get(f"/chien-dich/{campaign.pk}/nghia-vu/")
    assert [row.unit.name for row in board.context["rows"]] == ["Phường Bãi Cháy"]
    assert conference.title not in client.get("/chien-dich/hoi-nghi/").content.decode()
    assert not client.get("/chien-dich/hoi-nghi/lich/").context["items"]


def test_an_online_link_is_shown_as_text_never_a_link(campaign, tree, ward_manager, client):
    conference = services.conference_plan(
        campaign=campaign,
        unit=tree.hong_gai,
        actor=ward_manager,
        title="Hội nghị trực tuyến",
        starts_at=timezone.now() + timedelta(days=2),
        ends_at=timezone.now() + timedelta(days=2, hours=1),
        mode="online",
        online_link="https://meet.example.vn/abc?x=<b>",
    )
    client.force_login(ward_manager)
    text = client.get(conference.get_absolute_url()).content.decode()
    assert 'href="https://meet.example.vn' not in text and "https://meet.example.vn/abc?x=&lt;b&gt;" in text
