"""A citizen on a phone searches without diacritics, opens the method, downloads its leaflet."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("var/test-results/knowledge")


def test_citizen_finds_a_method_and_downloads_its_leaflet(
    browser, live_server, phone_context_args, settings, tmp_path
):
    from canhgiac.knowledge.seed import seed_knowledge

    settings.MEDIA_ROOT = tmp_path / "media"
    seed_knowledge()
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(**phone_context_args, accept_downloads=True)
    page = context.new_page()

    page.goto(live_server.url + "/")
    page.fill("[data-testid=home-knowledge] input[name=q]", "lua dao dau tu")
    page.press("[data-testid=home-knowledge] input[name=q]", "Enter")
    page.wait_for_selector("[data-testid=search-results]")
    page.screenshot(path=str(SHOTS / "search-phone.png"), full_page=True)
    first = page.locator("[data-testid=search-results] [data-testid=method-card]").first
    assert first.get_attribute("data-slug") == "dau-tu-tai-chinh-tien-ao"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling on a phone

    first.click()
    page.wait_for_selector("[data-testid=method-detail]")
    assert "Kêu gọi đầu tư chứng khoán, tiền ảo, đa cấp" in page.inner_text("h1")
    assert page.locator("[data-testid=red-flags] li").count() >= 3
    page.screenshot(path=str(SHOTS / "method-phone.png"), full_page=True)

    with page.expect_download() as download_info:
        page.click("[data-testid=leaflet-download]")
    download = download_info.value
    assert download.suggested_filename == "to-roi-dau-tu-tai-chinh-tien-ao.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    context.close()
