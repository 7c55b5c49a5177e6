"""Scope audit: every campaigns address that takes a Hồng Gai object answers 404 to the manager of Bãi Cháy,
on GET and on POST, and a refused POST changes nothing. The addresses already proved elsewhere
(test_conferences.test_another_wards_manager_gets_404_everywhere) are not repeated here."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from canhgiac.campaigns import services
from canhgiac.campaigns.models import (
    Attendance,
    AttendanceImport,
    Campaign,
    Conference,
    ConferenceFile,
    ConferenceSpeaker,
    SpeakerBusy,
)

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def hong_gai_things(conference, coordinator, ward_manager, speaker_profile):
    """A Hồng Gai conference with a speaker assigned, a photo, a walk-in guest and an attendance import."""
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() + timedelta(days=2), ends_at=timezone.now() + timedelta(days=2, hours=2)
    )
    conference.refresh_from_db()
    assignment, _warnings = services.speaker_assign(
        conference=conference, speaker=speaker_profile, actor=coordinator, topic="Tiền ảo"
    )
    item = services.conference_file_add(
        conference=conference,
        kind="photo",
        upload=SimpleUploadedFile("anh.png", PNG, content_type="image/png"),
        actor=ward_manager,
    )
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() - timedelta(minutes=10), ends_at=timezone.now() + timedelta(hours=2)
    )
    conference.refresh_from_db()
    guest, _ = services.attendance_walk_in(
        conference=conference, full_name="Ngô Văn Khách", unit_text="", phone="0913000111"
    )
    imp = services.attendance_import_start(
        conference=conference,
        upload=SimpleUploadedFile("ds.csv", "Họ và tên\nLê Thị Cúc\n".encode(), content_type="text/csv"),
        actor=ward_manager,
    )
    return {"conference": conference, "assignment": assignment, "file": item, "guest": guest, "import": imp}


def _snapshot(conference):
    conference.refresh_from_db()
    return (
        conference.status,
        conference.title,
        ConferenceSpeaker.objects.filter(conference=conference).count(),
        ConferenceFile.objects.filter(conference=conference).count(),
        Attendance.objects.filter(conference=conference).count(),
        list(AttendanceImport.objects.filter(conference=conference).values_list("status", flat=True)),
    )


def test_other_ward_manager_gets_404_on_every_conference_address(client, hong_gai_things, other_ward_manager):
    things = hong_gai_things
    conference = things["conference"]
    base = f"/chien-dich/hoi-nghi/{conference.pk}/"
    before = _snapshot(conference)
    client.force_login(other_ward_manager)
    for url in [
        things["file"].get_download_url(),
        f"{base}diem-danh/nhap/{things['import'].pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    posts = {
        f"{base}sua/": {"title": "Đã bị sửa"},
        f"{base}xac-nhan/": {},
        f"{base}bao-cao/": {"minutes": "Biên bản do người ngoài phạm vi ghi."},
        f"{base}huy/": {"reason": "Hủy bởi người ngoài phạm vi"},
        f"{base}bao-cao-vien/": {"speaker": things["assignment"].speaker_id, "topic": "x"},
        f"{base}bao-cao-vien/{things['assignment'].pk}/thoi/": {},
        f"{base}tep/": {
            "kind": "photo",
            "upload": SimpleUploadedFile("b.png", PNG, content_type="image/png"),
        },
        f"{base}tep/{things['file'].pk}/xoa/": {},
        f"{base}diem-danh/khach/{things['guest'].pk}/xoa/": {},
        f"{base}diem-danh/nhap/": {
            "file": SimpleUploadedFile("ds.csv", "Họ và tên\nBùi Văn An\n".encode(), content_type="text/csv")
        },
        f"{base}diem-danh/nhap/{things['import'].pk}/": {"action": "commit"},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    assert _snapshot(conference) == before


def test_a_campaign_of_another_subtree_is_404_on_every_campaign_address(
    client, tree, ward_manager, other_ward_manager, hong_gai_campaign
):
    """A campaign addressed to Hồng Gai only does not exist for the manager of Bãi Cháy: pages, documents, API."""
    campaign = hong_gai_campaign
    client.force_login(ward_manager)
    assert (
        client.get(campaign.get_absolute_url()).status_code == 200
    )  # the test can fail: it is visible in scope
    client.force_login(other_ward_manager)
    pk, unit = campaign.pk, tree.hong_gai.pk
    for url in [
        f"/chien-dich/{pk}/",
        f"/chien-dich/{pk}/sua/",
        f"/chien-dich/{pk}/nghia-vu/",
        f"/chien-dich/{pk}/don-vi/",
        f"/chien-dich/{pk}/nhu-cau/",
        f"/chien-dich/{pk}/nhu-cau.docx",
        f"/chien-dich/{pk}/don-vi/{unit}/",
        f"/api/v1/chien-dich/{pk}/bao-phu",
        f"/api/v1/chien-dich/{pk}/nghia-vu",
        f"/api/v1/chien-dich/{pk}/hoi-nghi",
    ]:
        assert client.get(url).status_code == 404, url
    for url in [f"/chien-dich/{pk}/trien-khai/", f"/chien-dich/{pk}/ket-thuc/", f"/chien-dich/{pk}/sua/"]:
        assert client.post(url, {"title": "Đã bị sửa"}).status_code == 404, url
    assert campaign.title not in client.get("/chien-dich/").content.decode()
    assert pk not in [c["id"] for c in client.get("/api/v1/chien-dich/").json()["campaigns"]]
    campaign.refresh_from_db()
    assert (
        campaign.status == Campaign.Status.ACTIVE and campaign.title == "Chiến dịch riêng của phường Hồng Gai"
    )


def test_the_speaker_pages_are_404_for_a_unit_manager(client, speaker_profile, other_ward_manager):
    client.force_login(other_ward_manager)
    url = f"/chien-dich/bao-cao-vien/{speaker_profile.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"{url}sua/").status_code == 404
    start = (timezone.localdate() + timedelta(days=3)).isoformat()
    busy = {"starts_at": f"{start}T07:00", "ends_at": f"{start}T18:00", "reason": "Trực ban"}
    assert client.post(f"{url}lich-ban/", busy).status_code == 404
    assert client.post(f"{url}sua/", {"full_name": "Đã bị sửa"}).status_code == 404
    assert not SpeakerBusy.objects.exists()
    speaker_profile.refresh_from_db()
    assert speaker_profile.full_name == "Phạm Báo Cáo"
