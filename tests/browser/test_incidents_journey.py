"""An investigator records a case with the phone number the scammers used and verifies it; the statistics page
counts it, the public aggregate page (on a phone) counts it too, and the scam checker lists the number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("var/test-results")


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"incidents-{name}.png"), full_page=True)


@pytest.fixture
def register(tree, investigator):
    """Two earlier cases this year in Hồng Gai and a method of the catalogue."""
    from canhgiac.incidents import services
    from canhgiac.knowledge.models import ScamMethod

    method = ScamMethod.objects.create(
        slug="gia-danh-cong-an-vien-kiem-sat-toa-an",
        number=14,
        group=ScamMethod.Group.IMPERSONATION,
        name="Giả danh Công an, Viện kiểm sát, Tòa án",
        is_published=True,
    )
    today = timezone.localdate()
    for index in range(2):
        day = today - dt.timedelta(days=3 + index)
        services.case_create(
            actor=investigator,
            reported_on=day,
            occurred_on=day,
            unit=tree.hong_gai,
            method=method,
            channel="call",
            amount_lost=300_000_000,
            victim_group="retiree",
        )
    return method


def test_a_recorded_case_reaches_the_statistics_the_public_page_and_the_checker(
    browser, live_server, login_in_browser, investigator, register, tree, phone_context_args
):
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    login_in_browser(page, investigator)

    page.goto(f"{live_server.url}/vu-viec/thong-ke/")
    assert page.inner_text("[data-figure=cases]") == "2"

    page.goto(f"{live_server.url}/vu-viec/")
    page.click("[data-testid=case-create]")
    form = page.locator("[data-testid=case-form]")
    today = timezone.localdate().isoformat()
    form.locator("input[name=occurred_on]").fill(today)
    form.locator("select[name=unit]").select_option(label="Phường Hồng Gai")
    form.locator("select[name=method]").select_option(label="14. Giả danh Công an, Viện kiểm sát, Tòa án")
    form.locator("select[name=channel]").select_option("call")
    form.locator("select[name=victim_group]").select_option("civil_servant")
    form.locator("select[name=offender_abroad]").select_option("yes")
    form.locator("input[name=amount_lost]").fill("khoảng 1 tỷ")
    form.locator("textarea[name=identifiers]").fill("0369 125 478 (số gọi đến)")
    form.locator("input[name=victim_full_name]").fill("Nguyễn Thị Lan")
    form.locator("input[name=victim_birth_year]").fill("1961")
    page.click("[data-testid=case-save]")
    # a value it cannot read is refused in Vietnamese, with everything typed kept
    assert "không đọc được" in page.inner_text("[data-testid=case-form]")
    assert form.locator("textarea[name=identifiers]").input_value() == "0369 125 478 (số gọi đến)"
    assert form.locator("input[name=victim_full_name]").input_value() == "Nguyễn Thị Lan"
    form.locator("input[name=amount_lost]").fill("1,2 tỷ")
    form.locator("input[name=confirm]").check()
    page.click("[data-testid=case-save]")

    page.wait_for_selector("[data-testid=case-code]")
    code = page.inner_text("[data-testid=case-code]").split()[0]
    assert code.startswith(f"VV-{timezone.localdate().year}-")
    assert page.locator("[data-testid=case-confirmed]").count() == 1
    assert "0369 125 478" in page.inner_text("[data-testid=case-identifiers]")
    assert "Nguyễn Thị Lan" not in page.content()  # masked until asked
    page.click("[data-testid=victim-show]")
    page.wait_for_selector("[data-testid=victim-data]")
    assert "Nguyễn Thị Lan" in page.inner_text("[data-testid=victim-data]")

    page.goto(f"{live_server.url}/vu-viec/thong-ke/")
    assert page.inner_text("[data-figure=cases]") == "3"
    assert page.inner_text("[data-figure=lost]") == "1,8 tỷ đồng"
    page.wait_for_timeout(300)  # charts draw
    shot(page, "thong-ke-desktop")
    desktop.close()

    phone = browser.new_context(**phone_context_args)
    public = phone.new_page()
    public.goto(f"{live_server.url}/vu-viec/tinh-hinh/")
    assert public.inner_text("[data-testid=public-total]") == "3"
    assert "1,8 tỷ" in public.inner_text("[data-testid=public-lost]")
    assert "Nguyễn Thị Lan" not in public.content() and code not in public.content()
    public.wait_for_timeout(300)
    shot(public, "tinh-hinh-phone")
    public.goto(f"{live_server.url}/tra-cuu/?q=0369125478")
    assert public.locator("[data-status=verified_scam]").count() >= 1
    phone.close()
