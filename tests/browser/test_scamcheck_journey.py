"""On a phone: a citizen pastes a scam SMS with a look-alike bank link, sees it flagged with the red flags
highlighted, reports it; the coordinator verifies the report; the next lookup of the link says "verified scam"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("var/test-results")
SMS = (
    "[VCB] Tài khoản của Quý khách bị tạm khóa do đăng nhập bất thường. Xác thực ngay tại "
    "https://vietcombank-xacthuc.com/dang-nhap trước 17h hôm nay để tránh bị đóng băng."
)


@pytest.fixture
def red_flags(db):
    from canhgiac.knowledge.models import RedFlag, ScamMethod
    from canhgiac.scamcheck import selectors

    method = ScamMethod.objects.create(
        slug="tin-nhan-brandname-gia",
        number=10,
        group=ScamMethod.Group.IMPERSONATION,
        name="Tin nhắn thương hiệu (brandname) giả mạo",
        is_published=True,
    )
    RedFlag.objects.create(
        method=method,
        code="tai-khoan-bi-khoa",
        text="Báo tài khoản bị khóa để thúc giục",
        patterns=[r"tai khoan .{0,30}(tam )?khoa"],
        weight=0.8,
    )
    RedFlag.objects.create(
        method=method,
        code="xac-thuc-qua-link",
        text="Đòi xác thực qua đường link",
        patterns=[r"xac thuc ngay"],
    )
    selectors._allow.stale = True
    return method


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"scamcheck-{name}.png"), full_page=True)


def test_citizen_reports_coordinator_verifies_next_lookup_says_verified(
    browser, live_server, phone_context_args, coordinator, red_flags, settings
):
    from conftest import PASSWORD

    settings.SCAMCHECK_MIN_FILL_SECONDS = 0
    citizen = browser.new_context(**phone_context_args)
    page = citizen.new_page()
    page.goto(f"{live_server.url}/tra-cuu/")
    page.fill("#id_q", SMS)
    page.click("[data-testid=check-submit]")
    verdict = page.locator("[data-testid=verdict]")
    assert verdict.get_attribute("data-verdict") in {"suspicious", "scam"}
    marks = page.locator("[data-testid=highlighted] mark.rf")
    assert marks.count() >= 2
    assert "Tài khoản của Quý khách bị tạm khóa" in marks.first.inner_text()
    assert "vietcombank-xacthuc[.]com" in page.inner_text("[data-testid=highlighted]")
    assert page.locator("[data-testid=lookalike]").count() == 1
    assert page.locator("a[href*='vietcombank-xacthuc']").count() == 0  # never a link
    shot(page, "1-ket-qua")

    page.click("[data-testid=report-this]")
    form = page.locator("[data-testid=report-form]")
    assert "vietcombank-xacthuc.com" in form.locator("textarea[name=identifiers]").input_value()
    page.fill("input[name=amount_lost]", "0")
    shot(page, "2-phan-anh")
    page.click("[data-testid=report-submit]")
    code = page.inner_text("[data-testid=tracking-code]").strip()
    assert code.startswith("PA-")
    shot(page, "3-ma-theo-doi")
    citizen.close()

    officer = browser.new_context(**phone_context_args)
    page = officer.new_page()
    # On a phone the user menu hides behind the menu button, so sign in by hand and go straight to the queue.
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next=/tra-cuu/kiem-duyet/")
    page.fill("input[name=username]", coordinator.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login-submit]")
    page.wait_for_selector("[data-testid=queue]")
    page.click(f"[data-code='{code}']")
    form = page.locator("[data-testid=verify-form]")
    form.locator("textarea[name=reason]").fill(
        "Trang web giả Vietcombank để lấy mật khẩu và OTP, đã xác minh với ngân hàng."
    )
    shot(page, "4-kiem-duyet")
    form.locator("[data-testid=verify-submit]").click()
    page.wait_for_selector("[data-testid=report-status]")
    assert page.inner_text("[data-testid=report-status]").strip() == "Đã xác minh"
    officer.close()

    citizen = browser.new_context(**phone_context_args)
    page = citizen.new_page()
    page.goto(f"{live_server.url}/tra-cuu/")
    page.fill("#id_q", "vietcombank-xacthuc.com")
    page.click("[data-testid=check-submit]")
    item = page.locator("[data-testid=item]").first
    assert item.get_attribute("data-status") == "verified_scam"
    assert "Lừa đảo — đã được Công an xác minh" in item.inner_text()
    assert "Trang web giả Vietcombank" in item.inner_text()
    shot(page, "5-da-xac-minh")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page must not scroll sideways on a phone"
    citizen.close()
