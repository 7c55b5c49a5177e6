"""The campaign journey: a ward manager plans a conference, the coordinator assigns a speaker and confirms it,
three staff members check in on their phones through the QR link (entering their personal codes), and the
ward's coverage rises by three. Screenshots land in var/screenshots/ to be looked at."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"campaigns-{name}.png"), full_page=True)


def _setup(tree, coordinator, speaker, staff_member):
    from canhgiac.campaigns import services
    from canhgiac.knowledge.models import ScamMethod
    from canhgiac.org.models import Person
    from canhgiac.training.services import staff_access_issue

    method = ScamMethod.objects.create(
        number=11,
        slug="dau-tu-tai-chinh-tien-ao",
        name="Kêu gọi đầu tư chứng khoán, tiền ảo, đa cấp",
        group="combined",
        is_published=True,
    )
    staff = [staff_member] + [
        Person.objects.create(unit=tree.hong_gai, full_name=name, staff_code=code)
        for name, code in [
            ("Trần Văn Bình", "HG002"),
            ("Lê Thị Cúc", "HG003"),
            ("Phạm Minh Đức", "HG004"),
            ("Vũ Thị Hoa", "HG005"),
        ]
    ]
    today = timezone.localdate()
    campaign = services.campaign_create(
        actor=coordinator,
        audience_units=[tree.root],
        title="Tuyên truyền phòng ngừa lừa đảo trực tuyến 2026",
        legal_number="186/KH-UBND",
        legal_date=date(2026, 8, 25),
        starts_on=today - timedelta(days=40),
        deadline=today + timedelta(days=17),
        reach_rule="either",
        min_conferences=1,
    )
    services.campaign_launch(campaign=campaign, actor=coordinator)
    services.speaker_save(
        actor=coordinator,
        user=speaker,
        full_name="Phạm Báo Cáo",
        title="Đại úy, báo cáo viên",
        available_weekdays=list(range(7)),
        methods=[method],
    )
    codes = [i.code for i in staff_access_issue(people=staff[:3], actor=coordinator, unit=tree.hong_gai)]
    return campaign, staff, method, codes


def _times():
    # A conference lies within one day and its check-in window closes at its end: keep both ends on today's
    # date, whatever the hour the suite runs (just after midnight, "ten minutes ago" is yesterday).
    now = timezone.localtime().replace(second=0, microsecond=0)
    start = max(now - timedelta(minutes=10), now.replace(hour=0, minute=0))
    end = min(start + timedelta(minutes=90), now.replace(hour=23, minute=59))
    return start, end


def _coverage(page, live_server, campaign, unit):
    page.goto(f"{live_server.url}/chien-dich/{campaign.pk}/don-vi/{unit.pk}/")
    box = page.locator("[data-testid=coverage]").first
    return int(box.get_attribute("data-reached")), int(box.get_attribute("data-people"))


def test_plan_assign_check_in_and_coverage_rises(
    browser,
    live_server,
    login_in_browser,
    phone_context_args,
    tree,
    ward_manager,
    coordinator,
    speaker,
    staff_member,
):
    from canhgiac.campaigns.models import Attendance, Conference, Reach

    campaign, staff, method, codes = _setup(tree, coordinator, speaker, staff_member)

    # 1. The ward manager plans the conference (desktop).
    manager = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    ).new_page()
    login_in_browser(manager, ward_manager)
    before = _coverage(manager, live_server, campaign, tree.hong_gai)
    assert before == (0, 5)
    manager.click("[data-testid=plan-conference]")
    start, end = _times()
    manager.fill("input[name=title]", "Hội nghị tuyên truyền phòng, chống lừa đảo trực tuyến")
    manager.fill("input[name=day]", start.date().isoformat())
    manager.fill("input[name=start_time]", start.strftime("%H:%M"))
    manager.fill("input[name=end_time]", end.strftime("%H:%M"))
    manager.fill("input[name=venue]", "Hội trường UBND phường Hồng Gai, tầng 2")
    manager.fill("input[name=audience]", "Toàn thể cán bộ, công chức phường")
    manager.fill("input[name=expected_attendance]", "5")
    manager.check(f"input[name=requested_methods][value='{method.pk}']")
    manager.click("[data-testid=conference-save]")
    manager.wait_for_selector("[data-testid=conference-title]")
    conference = Conference.objects.get()
    assert conference.status == "planned" and conference.unit == tree.hong_gai

    # 2. The coordinator assigns the speaker and confirms.
    police = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    ).new_page()
    login_in_browser(police, coordinator)
    police.goto(f"{live_server.url}{conference.get_absolute_url()}")
    police.select_option("#id_speaker", label="Phạm Báo Cáo · đúng 1 chuyên đề")
    police.fill("#id_topic", "Thủ đoạn kêu gọi đầu tư tiền ảo")
    police.click("[data-testid=assign-submit]")
    police.wait_for_selector("[data-testid=assigned-speakers] >> text=Phạm Báo Cáo")
    police.click("[data-testid=conference-confirm]")
    police.wait_for_selector("[data-testid=conference-status] >> text=Đã xác nhận")
    _shot(police, "conference")
    checkin_url = police.inner_text("[data-testid=checkin-url]").strip()
    assert checkin_url.endswith(conference.get_checkin_url())

    # 3. Three staff members check in on their phones through the QR link.
    for person, code in zip(staff[:3], codes, strict=True):
        phone = browser.new_context(**phone_context_args).new_page()
        phone.goto(checkin_url)
        phone.click("[data-testid=checkin-enter-code]")
        phone.fill("input[name=code]", code.lower().replace("-", " "))  # as people type it
        phone.keyboard.press("Enter")
        phone.wait_for_selector("[data-testid=checkin-person]")
        assert phone.inner_text("[data-testid=checkin-person]") == person.full_name
        if person == staff[0]:
            _shot(phone, "phone-identified")
        phone.click("[data-testid=checkin-submit]")
        phone.wait_for_selector("[data-testid=checkin-done]")
        if person == staff[0]:
            _shot(phone, "phone-checked-in")
            phone.click(
                "[data-testid=checkin-done] >> text=Học và làm bài kiểm tra"
            )  # the staff session stays
            phone.wait_for_url("**/hoc-tap/cua-toi/")
        phone.context.close()
    assert Attendance.objects.filter(conference=conference, via="qr").count() == 3
    assert Reach.objects.filter(campaign=campaign, via="conference").count() == 3

    # 4. The ward's coverage rises by three.
    after = _coverage(manager, live_server, campaign, tree.hong_gai)
    assert after == (before[0] + 3, before[1])
    assert "60,0%" in manager.inner_text("[data-testid=unit-coverage]")
    _shot(manager, "unit")
    manager.goto(f"{live_server.url}/chien-dich/{campaign.pk}/nghia-vu/")
    row = manager.locator("[data-testid=board-row][data-unit='Phường Hồng Gai']")
    assert "3/5" in row.inner_text()
    police.goto(f"{live_server.url}/chien-dich/{campaign.pk}/nghia-vu/")
    _shot(police, "board")
    police.goto(f"{live_server.url}/chien-dich/hoi-nghi/lich/")
    police.wait_for_selector("[data-testid=calendar] .cal-item")
    _shot(police, "calendar")
    police.goto(f"{live_server.url}{conference.get_absolute_url()}")
    assert police.inner_text("[data-testid=attended-count]") == "3"
