"""The coordinator tries a pattern on a message (htmx), edits a method, and finds the change in its history."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("var/test-results/knowledge")


def test_coordinator_tests_patterns_edits_and_reads_history(page, live_server, login_in_browser, coordinator):
    from canhgiac.knowledge.models import ScamMethod
    from canhgiac.knowledge.seed import seed_knowledge

    seed_knowledge()
    SHOTS.mkdir(parents=True, exist_ok=True)
    login_in_browser(page, coordinator)
    page.goto(live_server.url + "/kien-thuc/quan-ly/")
    page.click("text=Giả danh Công an, Viện kiểm sát, Tòa án")
    page.wait_for_selector("[data-testid=method-edit-form]")

    page.fill(
        "#pattern-message", "Bà phải giữ bí mật, không được nói với người nhà. Bà ck 300tr vào TK tạm giữ."
    )
    page.click("[data-testid=pattern-test]")
    result = page.wait_for_selector("[data-testid=pattern-test-result]")
    assert "cong-an-chuyen-tien-tai-khoan-tam-giu" in result.inner_text()
    assert page.locator("[data-testid=pattern-test-result] mark").count() >= 2

    # A pattern typed in an empty flag row is tried before saving; one that would stall the analyzer is refused.
    rows = page.locator("[data-testid=flag-row]")
    new_row = rows.nth(rows.count() - 1)
    new_row.locator("input[name$='-code']").fill("nguoi-la-goi-video")
    new_row.locator("input[name$='-text']").fill("Người lạ đòi gọi video để lấy lời khai")
    new_row.locator("textarea[name$='-patterns']").fill(
        "\\bgoi video\\b.{0,30}\\bloi khai\\b\n(?:\\w+ ?)+tam giu"
    )
    page.fill("#pattern-message", "Bà bật gọi video để cán bộ lấy lời khai ngay nhé.")
    page.click("[data-testid=pattern-test]")
    page.wait_for_selector("[data-testid=pattern-test-problems]")
    tried = page.inner_text("[data-testid=pattern-test-result]")
    assert "nguoi-la-goi-video" in tried and "lồng" in tried
    page.screenshot(path=str(SHOTS / "coordinator-pattern-tester.png"), full_page=False)
    new_row.locator("textarea[name$='-patterns']").fill("")
    new_row.locator("input[name$='-code']").fill("")
    new_row.locator("input[name$='-text']").fill("")

    page.fill("#id_targets", "Mọi người dân, nhất là người cao tuổi sống một mình")
    page.fill("#id_note", "Nhấn mạnh người cao tuổi")
    page.click("[data-testid=method-save]")
    page.wait_for_selector(".alert-success")
    assert "Đã lưu bản 2" in page.inner_text(".alert-success")
    page.screenshot(path=str(SHOTS / "coordinator-edit.png"), full_page=False)

    page.click("[data-testid=history-link]")
    page.wait_for_selector("[data-testid=revisions]")
    assert "Nhấn mạnh người cao tuổi" in page.inner_text("[data-testid=revisions]")
    m = ScamMethod.objects.get(slug="gia-danh-cong-an-vien-kiem-sat-toa-an")
    assert [c["field"] for c in m.revisions.get(number=2).changes] == ["Đối tượng nhắm tới"]
    assert m.revision == 2
