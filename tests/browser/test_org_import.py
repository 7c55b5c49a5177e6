"""A unit manager imports a roster with errors, fixes the file, re-imports and sees the roster."""

import pytest

from canhgiac.org.tests.conftest import HEADER, xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "var/test-results"

BAD = [
    HEADER,
    [
        1,
        "Nguyễn Văn An",
        "HG001",
        "Chủ tịch UBND",
        "06685",
        "Cán bộ",
        912345001,
        "an@honggai.gov.vn",
        "02/04/1975",
    ],
    [2, "Trần Thị Bình", "HG002", "Công chức Tư pháp - Hộ tịch", "06685", "Công chức", "09123", "", ""],
    [3, "Lê Văn Cường", "HG001", "Công chức Văn phòng - Thống kê", "06685", "Công chức", "", "", ""],
]


def fixed():
    rows = [list(r) for r in BAD]
    rows[2][6] = "0912 345 002"
    rows[3][2] = "HG003"
    return rows


def upload(page, live_server, name, data):
    page.goto(f"{live_server.url}/don-vi/nhap/")
    page.set_input_files(
        "input[type=file]", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}]
    )
    page.click("[data-testid=import-submit]")
    page.wait_for_selector("[data-testid=import-status]")


def test_manager_fixes_a_file_and_sees_the_roster(
    page, live_server, login_in_browser, ward_manager, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    login_in_browser(page, ward_manager)
    page.set_viewport_size({"width": 1280, "height": 900})
    upload(
        page,
        live_server,
        "ds-hong-gai.xlsx",
        xlsx_bytes(BAD, title_rows=["UBND PHƯỜNG HỒNG GAI", "DANH SÁCH CÁN BỘ"]),
    )
    problems = page.inner_text("[data-testid=import-problems]")
    assert "không phải số điện thoại Việt Nam hợp lệ" in problems
    assert "Mã cán bộ “HG001” lặp lại ở các dòng 4, 6." in problems
    assert page.locator("[data-testid=import-commit]").count() == 0
    assert "chưa ghi được gì" in page.inner_text("[data-testid=import-blocked]")
    page.screenshot(path=f"{SHOTS}/org-import-errors.png", full_page=True)

    page.click("[data-testid=import-again]")
    upload(
        page, live_server, "ds-hong-gai-da-sua.xlsx", xlsx_bytes(fixed(), title_rows=["UBND PHƯỜNG HỒNG GAI"])
    )
    assert page.inner_text("[data-count=created]") == "3"
    page.screenshot(path=f"{SHOTS}/org-import-preview.png", full_page=True)
    page.click("[data-testid=import-commit]")
    page.wait_for_selector("[data-testid=import-see-roster]")
    assert "Đã ghi danh sách: 3 tạo mới" in page.inner_text("main")
    page.click("[data-testid=import-see-roster]")
    table = page.inner_text("[data-testid=roster-table]")
    assert "Nguyễn Văn An" in table and "Trần Thị Bình" in table and "Lê Văn Cường" in table
    page.screenshot(path=f"{SHOTS}/org-roster.png", full_page=True)

    page.click("text=Trần Thị Bình")
    page.wait_for_selector("[data-testid=person-name]")
    assert "0912 345 002" in page.inner_text("main")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SHOTS}/org-person-phone.png", full_page=True)
    page.goto(f"{live_server.url}/don-vi/can-bo/")
    page.screenshot(path=f"{SHOTS}/org-roster-phone.png", full_page=True)
