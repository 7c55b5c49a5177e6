"""Speakers: conflict detection (overlap, travel between units, busy periods, weekdays), the pool, and a
speaker's own schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from canhgiac.campaigns import services
from canhgiac.campaigns.models import Conference, ConferenceSpeaker


@pytest.fixture
def plan(campaign, coordinator):
    def make(unit, start, hours=2, mode=Conference.Mode.IN_PERSON, title="Hội nghị tuyên truyền"):
        return services.conference_plan(
            campaign=campaign,
            unit=unit,
            actor=coordinator,
            title=title,
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            mode=mode,
            venue="Hội trường" if mode != Conference.Mode.ONLINE else "",
            online_link="https://meet.quangninh.gov.vn/hn" if mode != Conference.Mode.IN_PERSON else "",
        )

    return make


def _monday_8am(weeks=1):
    today = timezone.localdate() + timedelta(weeks=weeks)
    monday = today - timedelta(days=today.weekday())
    return timezone.make_aware(timezone.datetime(monday.year, monday.month, monday.day, 8, 0))


def test_a_double_booked_speaker_is_refused_with_the_other_conference_named(
    plan, tree, speaker_profile, coordinator
):
    start = _monday_8am()
    first = plan(tree.hong_gai, start, title="Hội nghị phường Hồng Gai")
    second = plan(tree.bai_chay, start + timedelta(hours=1), title="Hội nghị phường Bãi Cháy")
    services.speaker_assign(conference=first, speaker=speaker_profile, actor=coordinator)
    with pytest.raises(ValidationError) as caught:
        services.speaker_assign(conference=second, speaker=speaker_profile, actor=coordinator)
    message = " ".join(caught.value.messages)
    assert (
        "Phạm Báo Cáo đã được phân công hội nghị “Hội nghị phường Hồng Gai”" in message
        and "trùng giờ" in message
    )
    assert not ConferenceSpeaker.objects.filter(conference=second).exists()


def test_two_units_need_travel_time_between_in_person_conferences(plan, tree, speaker_profile, coordinator):
    start = _monday_8am()
    morning = plan(tree.hong_gai, start)
    close_after = plan(tree.bai_chay, start + timedelta(hours=2, minutes=30))  # 30 min after the first ends
    services.speaker_assign(conference=morning, speaker=speaker_profile, actor=coordinator)
    with pytest.raises(ValidationError) as caught:
        services.speaker_assign(conference=close_after, speaker=speaker_profile, actor=coordinator)
    assert "không đủ 60 phút di chuyển" in " ".join(caught.value.messages)
    # the same unit (same venue) or an online session needs no travel
    same_unit = plan(tree.hong_gai, start + timedelta(hours=2, minutes=15))
    services.speaker_assign(conference=same_unit, speaker=speaker_profile, actor=coordinator)
    online = plan(tree.ba_che, start + timedelta(hours=4, minutes=30), mode=Conference.Mode.ONLINE)
    services.speaker_assign(conference=online, speaker=speaker_profile, actor=coordinator)


def test_a_cancelled_conference_frees_the_speaker(plan, tree, speaker_profile, coordinator):
    start = _monday_8am()
    first, second = plan(tree.hong_gai, start), plan(tree.bai_chay, start)
    services.speaker_assign(conference=first, speaker=speaker_profile, actor=coordinator)
    services.conference_cancel(
        conference=first, actor=coordinator, reason="Đơn vị đổi lịch họp Hội đồng nhân dân"
    )
    services.speaker_assign(conference=second, speaker=speaker_profile, actor=coordinator)


def test_busy_periods_and_weekdays_are_respected(plan, tree, speaker_profile, coordinator):
    start = _monday_8am()
    services.speaker_busy_add(
        speaker=speaker_profile,
        starts_at=start - timedelta(hours=1),
        ends_at=start + timedelta(hours=9),
        reason="Trực ban",
        actor=coordinator,
    )
    conference = plan(tree.hong_gai, start)
    with pytest.raises(ValidationError) as caught:
        services.speaker_assign(conference=conference, speaker=speaker_profile, actor=coordinator)
    assert "bận từ" in " ".join(caught.value.messages) and "Trực ban" in " ".join(caught.value.messages)
    speaker_profile.available_weekdays = [1, 2, 3]
    speaker_profile.save()
    monday = plan(tree.bai_chay, start + timedelta(days=7))
    with pytest.raises(ValidationError) as caught:
        services.speaker_assign(conference=monday, speaker=speaker_profile, actor=coordinator)
    assert "không nhận báo cáo vào Thứ Hai" in " ".join(caught.value.messages)


def test_a_busy_week_gives_a_warning_not_a_refusal(plan, tree, speaker_profile, coordinator):
    speaker_profile.max_per_week = 1
    speaker_profile.save()
    start = _monday_8am()
    services.speaker_assign(conference=plan(tree.hong_gai, start), speaker=speaker_profile, actor=coordinator)
    _assignment, warnings = services.speaker_assign(
        conference=plan(tree.bai_chay, start + timedelta(days=1)), speaker=speaker_profile, actor=coordinator
    )
    assert warnings and "vượt mức 1 buổi/tuần" in warnings[0]


def test_moving_a_conference_onto_a_speakers_other_booking_is_refused(
    plan, tree, speaker_profile, coordinator
):
    start = _monday_8am()
    first, second = plan(tree.hong_gai, start), plan(tree.bai_chay, start + timedelta(days=1))
    services.speaker_assign(conference=first, speaker=speaker_profile, actor=coordinator)
    services.speaker_assign(conference=second, speaker=speaker_profile, actor=coordinator)
    with pytest.raises(ValidationError) as caught:
        services.conference_update(
            conference=second, actor=coordinator, starts_at=start, ends_at=start + timedelta(hours=2)
        )
    assert "báo cáo viên đã phân công sẽ bị trùng lịch" in " ".join(caught.value.messages)


def test_the_assign_view_shows_the_conflict(plan, tree, speaker_profile, coordinator, client):
    start = _monday_8am()
    first, second = plan(tree.hong_gai, start), plan(tree.bai_chay, start)
    services.speaker_assign(conference=first, speaker=speaker_profile, actor=coordinator)
    client.force_login(coordinator)
    page = client.get(second.get_absolute_url()).content.decode()
    assert "(trùng lịch)" in page
    response = client.post(
        f"/chien-dich/hoi-nghi/{second.pk}/bao-cao-vien/", {"speaker": speaker_profile.pk}, follow=True
    )
    assert "trùng giờ" in response.content.decode()


def test_a_speaker_sees_their_own_schedule_and_assigned_conference(
    plan, tree, speaker, speaker_profile, coordinator, client, other_ward_manager
):
    conference = plan(tree.hong_gai, _monday_8am(), title="Hội nghị có báo cáo viên")
    services.speaker_assign(
        conference=conference, speaker=speaker_profile, actor=coordinator, topic="Thủ đoạn đầu tư tiền ảo"
    )
    client.force_login(speaker)
    page = client.get("/chien-dich/lich-cua-toi/")
    assert page.status_code == 200 and "Hội nghị có báo cáo viên" in page.content.decode()
    assert "Thủ đoạn đầu tư tiền ảo" in page.content.decode()
    assert client.get(conference.get_absolute_url()).status_code == 200
    other = plan(tree.bai_chay, _monday_8am(2), title="Hội nghị không phân công")
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get("/chien-dich/bao-cao-vien/").status_code == 404  # the pool is the coordinator's
    client.force_login(other_ward_manager)
    assert client.get("/chien-dich/lich-cua-toi/").status_code == 404


def test_the_pool_lists_speakers_with_their_load(plan, tree, speaker_profile, coordinator, client):
    services.speaker_assign(
        conference=plan(tree.hong_gai, _monday_8am()), speaker=speaker_profile, actor=coordinator
    )
    client.force_login(coordinator)
    page = client.get("/chien-dich/bao-cao-vien/")
    assert page.status_code == 200 and "Phạm Báo Cáo" in page.content.decode()
    detail = client.get(speaker_profile.get_absolute_url())
    assert detail.status_code == 200 and "Khối lượng công việc" in detail.content.decode()


def test_coordinator_creates_a_speaker_through_the_form(coordinator, client, methods, speaker):
    client.force_login(coordinator)
    response = client.post(
        "/chien-dich/bao-cao-vien/moi/",
        {
            "full_name": "Nguyễn Thị Lan Anh",
            "title": "Thượng úy",
            "user": speaker.pk,
            "phone": "0912000111",
            "methods": [methods[0].pk],
            "available_weekdays": ["0", "2", "4"],
            "max_per_week": 2,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    from canhgiac.campaigns.models import Speaker

    created = Speaker.objects.get(full_name="Nguyễn Thị Lan Anh")
    assert created.available_weekdays == [0, 2, 4] and created.user == speaker
