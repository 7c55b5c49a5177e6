"""The campaign pages: the coordinator's form, launch and close, responsible units, lists, people left to
reach, home sections, speakers' busy periods."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from canhgiac.campaigns.models import (
    Attendance,
    AttendanceImport,
    Campaign,
    CampaignUnit,
    Obligation,
    SpeakerBusy,
)


def _campaign_form(tree, **extra):
    today = timezone.localdate()
    data = {
        "title": "Tuyên truyền phòng ngừa lừa đảo cho người lao động",
        "legal_number": "215/KH-UBND",
        "legal_date": "2026-08-20",
        "legal_issuer": "Ủy ban nhân dân tỉnh Quảng Ninh",
        "legal_subject": "",
        "description": "",
        "starts_on": today.isoformat(),
        "deadline": (today + timedelta(days=60)).isoformat(),
        "target_coverage": "100",
        "reach_rule": "either",
        "course": "",
        "audience_units": [tree.communes.pk],
        "audience_groups": ["nguoi_lao_dong"],
        "responsible_kinds": ["department", "ward", "commune"],
        "requires_needs_assessment": "on",
        "needs_due_on": "",
        "min_conferences": "2",
        "requires_report": "on",
        "report_due_on": "",
        "reminder_days": "7, 3",
    }
    data.update(extra)
    return data


def test_the_coordinator_creates_launches_and_closes_a_campaign(tree, coordinator, client, people):
    client.force_login(coordinator)
    bad = client.post("/chien-dich/moi/", _campaign_form(tree, deadline="2020-01-01", reminder_days="bảy"))
    text = bad.content.decode()
    assert "Hạn hoàn thành phải sau ngày bắt đầu." in text and "Ghi các số ngày" in text
    assert "Tuyên truyền phòng ngừa lừa đảo cho người lao động" in text  # kept
    response = client.post("/chien-dich/moi/", _campaign_form(tree))
    campaign = Campaign.objects.get()
    assert response["Location"] == campaign.get_absolute_url()
    assert (
        campaign.status == "draft"
        and campaign.reminder_days == [7, 3]
        and campaign.audience_groups == ["nguoi_lao_dong"]
    )
    client.post(f"/chien-dich/{campaign.pk}/trien-khai/")
    campaign.refresh_from_db()
    assert campaign.status == "active"
    units = set(CampaignUnit.objects.filter(campaign=campaign).values_list("unit__name", flat=True))
    assert units == {"Phường Hồng Gai", "Phường Bãi Cháy", "Xã Ba Chẽ"}  # the communes block only
    assert Obligation.objects.get(participant__unit=tree.hong_gai, kind="conferences").target == 2
    edit = client.post(
        f"/chien-dich/{campaign.pk}/sua/", _campaign_form(tree, min_conferences="1", reminder_days="14, 7")
    )
    assert edit.status_code == 302
    assert Obligation.objects.get(participant__unit=tree.hong_gai, kind="conferences").target == 1
    client.post(f"/chien-dich/{campaign.pk}/ket-thuc/")
    campaign.refresh_from_db()
    assert campaign.status == "closed"
    assert client.get(f"/chien-dich/{campaign.pk}/sua/").status_code == 200
    refused = client.post(f"/chien-dich/{campaign.pk}/sua/", _campaign_form(tree), follow=True)
    assert "Chiến dịch đã kết thúc" in refused.content.decode()


def test_managers_cannot_create_and_do_not_see_drafts(tree, coordinator, ward_manager, client):
    from canhgiac.campaigns import services

    draft = services.campaign_create(
        actor=coordinator,
        audience_units=[tree.root],
        title="Bản nháp",
        legal_number="1/KH",
        legal_date=date(2026, 1, 1),
        starts_on=timezone.localdate(),
        deadline=timezone.localdate() + timedelta(days=9),
    )
    client.force_login(ward_manager)
    assert client.get("/chien-dich/moi/").status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Bản nháp" not in client.get("/chien-dich/").content.decode()


def test_responsible_units_can_be_added_and_removed(campaign, tree, coordinator, client):
    client.force_login(coordinator)
    url = f"/chien-dich/{campaign.pk}/don-vi/"
    below = client.post(url, {"unit": tree.budget_office.pk}, follow=True)
    assert "đã thuộc đơn vị thực hiện “Sở Tài chính”" in below.content.decode()
    client.post(url, {"unit": tree.police.pk})
    police = CampaignUnit.objects.get(campaign=campaign, unit=tree.police)
    assert Obligation.objects.filter(participant=police).count() == 3
    client.post(url, {"remove": police.pk})
    assert not CampaignUnit.objects.filter(campaign=campaign, unit=tree.police).exists()


def test_pages_render_for_each_role(
    campaign, conference, tree, coordinator, leader, ward_manager, client, speaker_profile
):
    client.force_login(coordinator)
    for url in [
        "/chien-dich/",
        campaign.get_absolute_url(),
        f"/chien-dich/{campaign.pk}/nghia-vu/",
        f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/",
        f"/chien-dich/{campaign.pk}/nhu-cau/",
        "/chien-dich/hoi-nghi/",
        "/chien-dich/hoi-nghi/lich/?thang=2026-02",
        "/chien-dich/hoi-nghi/lich/?thang=khong-hop-le",
        "/chien-dich/bao-cao-vien/",
        speaker_profile.get_absolute_url(),
        f"/chien-dich/bao-cao-vien/{speaker_profile.pk}/sua/",
        "/chien-dich/bao-cao-vien/moi/",
        "/",
    ]:
        assert client.get(url).status_code == 200, url
    client.force_login(leader)
    assert client.get(f"/chien-dich/{campaign.pk}/nhu-cau/").status_code == 200
    assert client.get("/chien-dich/bao-cao-vien/").status_code == 200
    assert client.get(f"/chien-dich/bao-cao-vien/{speaker_profile.pk}/sua/").status_code == 404
    client.force_login(ward_manager)
    home = client.get("/").content.decode()
    assert 'data-testid="home-campaigns"' in home and campaign.title in home
    page = client.get(campaign.get_absolute_url())
    assert page.status_code == 200 and 'data-testid="my-unit-link"' in page.content.decode()


def test_the_people_left_to_reach(campaign, conference, tree, ward_manager, client, people):
    from canhgiac.campaigns import services

    services.attendance_mark(conference=conference, person=people["hong_gai"][1], actor=ward_manager)
    client.force_login(ward_manager)
    url = f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nguoi/"
    left = client.get(url + "?da=0")
    assert left.context["page"].paginator.count == 5
    done = client.get(url + "?da=1")
    assert [row.person.full_name for row in done.context["page"]] == ["Trần Văn Bình"]
    assert "Dự hội nghị" in done.content.decode()


def test_the_speaker_home_section_and_schedule_without_profile(speaker, client, tree):
    client.force_login(speaker)
    assert 'data-testid="home-speaker"' in client.get("/").content.decode()
    page = client.get("/chien-dich/lich-cua-toi/")
    assert page.status_code == 200 and "chưa gắn với hồ sơ báo cáo viên" in page.content.decode()


def test_busy_periods_through_the_speaker_page(speaker_profile, coordinator, client):
    client.force_login(coordinator)
    url = f"/chien-dich/bao-cao-vien/{speaker_profile.pk}/lich-ban/"
    start = (timezone.localdate() + timedelta(days=3)).isoformat()
    bad = client.post(
        url, {"starts_at": f"{start}T08:00", "ends_at": f"{start}T07:00", "reason": "Trực ban"}, follow=True
    )
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in bad.content.decode()
    client.post(url, {"starts_at": f"{start}T07:00", "ends_at": f"{start}T18:00", "reason": "Trực ban"})
    busy = SpeakerBusy.objects.get()
    client.post(f"{url}{busy.pk}/xoa/")
    assert not SpeakerBusy.objects.exists()


def test_walk_ins_and_imports_can_be_withdrawn(conference, ward_manager, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from canhgiac.campaigns import services

    guest, _ = services.attendance_walk_in(
        conference=conference, full_name="Ngô Văn Khách", unit_text="", phone="0913000111"
    )
    client.force_login(ward_manager)
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/khach/{guest.pk}/xoa/")
    assert not Attendance.objects.exists()
    client.post(
        f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/",
        {"file": SimpleUploadedFile("ds.csv", "Họ và tên\nLê Thị Cúc\n".encode(), content_type="text/csv")},
    )
    imp = AttendanceImport.objects.get()
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/{imp.pk}/", {"action": "cancel"})
    imp.refresh_from_db()
    assert imp.status == "cancelled" and not Attendance.objects.exists()


def test_the_coordinator_reopens_an_obligation(campaign, tree, coordinator, client):
    from canhgiac.campaigns import services

    services.obligation_fulfil(campaign=campaign, unit=tree.hong_gai, kind="needs", actor=coordinator)
    client.force_login(coordinator)
    client.post(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nghia-vu/needs/", {"action": "reopen"})
    assert Obligation.objects.get(participant__unit=tree.hong_gai, kind="needs").done_at is None
    assert (
        client.post(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nghia-vu/khac/").status_code == 404
    )
