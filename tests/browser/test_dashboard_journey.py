"""Dashboards in a browser: the leader opens the campaign dashboard, drills down into the communes block and a
ward, downloads a CSV; a ward manager sees only their ward; both on a desktop and on a phone. Screenshots land
in var/screenshots/ to be looked at."""

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
DESKTOP = {"viewport": {"width": 1366, "height": 900}, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"dashboard-{name}.png"), full_page=True)


def _setup(tree, coordinator, staff_member):
    from canhgiac.campaigns import services
    from canhgiac.campaigns.models import Reach
    from canhgiac.org.models import Person

    people = [staff_member] + [
        Person.objects.create(unit=unit, full_name=name, staff_code=code)
        for unit, name, code in [
            (tree.hong_gai, "Trần Văn Bình", "HG002"),
            (tree.hong_gai, "Lê Thị Cúc", "HG003"),
            (tree.hong_gai, "Phạm Minh Đức", "HG004"),
            (tree.bai_chay, "Bùi Văn An", "BC001"),
            (tree.bai_chay, "Ngô Thị Bích", "BC002"),
            (tree.budget_office, "Hoàng Thị Lan", "TC001"),
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
    for person, days_ago in zip(people, [30, 20, 3, 2, 25, 1], strict=False):
        with (
            transaction.atomic()
        ):  # reach_record locks the person's row: services call it in their transaction
            services.reach_record(
                person=person,
                campaign=campaign,
                via=Reach.Via.CONFERENCE,
                at=timezone.now() - timedelta(days=days_ago),
            )
    return campaign


def test_leader_drills_down_and_downloads_a_csv_and_a_ward_manager_sees_only_their_ward(
    browser,
    live_server,
    login_in_browser,
    phone_context_args,
    tree,
    leader,
    coordinator,
    ward_manager,
    staff_member,
):
    campaign = _setup(tree, coordinator, staff_member)

    page = browser.new_context(**DESKTOP, accept_downloads=True).new_page()
    login_in_browser(page, leader)
    page.goto(f"{live_server.url}/bao-cao/tong-quan/")
    page.wait_for_selector("[data-testid=dashboard-title]")
    assert page.inner_text("[data-testid=dashboard-title]") == "Tỉnh Quảng Ninh"
    assert page.inner_text("[data-testid=dash-coverage]").strip() == "85,7%"  # 6 of 7
    page.wait_for_selector("[data-testid=weeks-table], [data-testid=conferences-panel] p")  # htmx panels
    page.wait_for_selector("[data-testid=learning-panel] h2")
    _shot(page, "leader-desktop")

    page.click("[data-testid=units-table] a:has-text('Khối xã, phường, đặc khu')")
    page.wait_for_selector("[data-testid=dashboard-title]:has-text('Khối xã, phường, đặc khu')")
    rows = page.inner_text("[data-testid=units-table]")
    assert "Phường Hồng Gai" in rows and "Phường Bãi Cháy" in rows
    page.click("[data-testid=units-table] a:has-text('Phường Hồng Gai')")
    page.wait_for_selector("[data-testid=dashboard-title]:has-text('Phường Hồng Gai')")
    assert "Khối xã, phường, đặc khu" in page.inner_text("[data-testid=dashboard-crumbs]")

    with page.expect_download() as info:
        page.click("[data-testid=csv-tien-do]")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Ngày", "Số người", "Đã được tuyên truyền"]
    today = next(r for r in rows if r[0] == timezone.localdate().strftime("%d/%m/%Y"))
    assert today[1:4] == ["4", "4", "100,0"]  # Hồng Gai: all four reached

    phone = browser.new_context(**phone_context_args).new_page()
    login_in_browser(phone, leader)
    phone.goto(f"{live_server.url}/bao-cao/tong-quan/{campaign.pk}/")
    phone.wait_for_selector("[data-testid=learning-panel] h2")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page must not scroll sideways on a phone (tables scroll inside their box)"
    _shot(phone, "leader-phone")

    manager = browser.new_context(**phone_context_args).new_page()
    login_in_browser(manager, ward_manager)
    manager.goto(f"{live_server.url}/bao-cao/tong-quan/")
    manager.wait_for_selector("[data-testid=dashboard-title]")
    assert manager.inner_text("[data-testid=dashboard-title]") == "Phường Hồng Gai"
    assert "Bãi Cháy" not in manager.content()
    _shot(manager, "ward-manager-phone")
    response = manager.goto(f"{live_server.url}/bao-cao/tong-quan/{campaign.pk}/don-vi/{tree.bai_chay.pk}/")
    assert response.status == 404
