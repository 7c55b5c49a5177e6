"""The report journey: a ward manager writes and sends the unit report, the coordinator returns it with a reason,
the manager reads the reason, fixes and sends it again, the coordinator accepts it, then downloads the province
report as PDF; its first page is rendered to PNG with pdftoppm (var/screenshots/) and its title read with
pdftotext. Screenshots of each step land in var/screenshots/ to be looked at."""

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"reports-{name}.png"), full_page=True)


def _campaign(tree, coordinator):
    from canhgiac.campaigns import services
    from canhgiac.org.models import Person

    for name, code in [("Nguyễn Thị Mai", "HG001"), ("Trần Văn Bình", "HG002"), ("Lê Thị Cúc", "HG003")]:
        Person.objects.create(unit=tree.hong_gai, full_name=name, staff_code=code)
    today = timezone.localdate()
    campaign = services.campaign_create(
        actor=coordinator,
        audience_units=[tree.root],
        title="Tuyên truyền phòng ngừa lừa đảo trực tuyến đợt cuối năm 2026",
        legal_number="186/KH-UBND",
        legal_date=date(2026, 8, 25),
        legal_subject="Tuyên truyền phòng ngừa lừa đảo chiếm đoạt tài sản trên không gian mạng",
        starts_on=today - timedelta(days=60),
        deadline=today + timedelta(days=10),
        report_due_on=today + timedelta(days=15),
        min_conferences=1,
    )
    return services.campaign_launch(campaign=campaign, actor=coordinator)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils")
def test_write_return_fix_accept_and_download_the_province_pdf(
    browser, live_server, login_in_browser, tree, coordinator, ward_manager, tmp_path
):
    campaign = _campaign(tree, coordinator)
    report_url = f"{live_server.url}/bao-cao/{campaign.pk}/don-vi/{tree.hong_gai.pk}/"

    manager = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    login_in_browser(manager, ward_manager)
    manager.goto(f"{live_server.url}/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/")
    manager.click("[data-testid=unit-report-link]")
    manager.click("[data-testid=report-start]")
    manager.fill("input[name=number]", "45/BC-UBND")
    manager.fill("input[name=signer_title]", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    manager.fill("input[name=signer_name]", "Hoàng Văn Nam")
    manager.fill(
        "textarea[name=results]",
        "Phường đã tổ chức 01 hội nghị tuyên truyền cho toàn thể cán bộ, công chức và phát 200 tờ rơi.",
    )
    manager.fill("textarea[name=difficulties]", "Một số cán bộ đi công tác dài ngày chưa tham dự được.")
    _shot(manager, "1-manager-writes")
    manager.click("[data-testid=report-save-submit]")
    manager.wait_for_selector("text=Đã gửi báo cáo tới Công an tỉnh")
    assert manager.locator("[data-testid=report-state]").first.inner_text() == "Chờ duyệt"

    police = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True
    )
    coord = police.new_page()
    login_in_browser(coord, coordinator)
    coord.goto(f"{live_server.url}/")
    coord.click("text=1 báo cáo chờ duyệt")
    coord.click("text=Phường Hồng Gai")
    reason = "Đề nghị bổ sung số lượt người dự hội nghị và kèm biên bản có chữ ký."
    coord.fill("[data-testid=return-form] textarea[name=reason]", reason)
    _shot(coord, "2-coordinator-returns")
    coord.click("[data-testid=report-return]")
    coord.wait_for_selector("text=Đã trả lại báo cáo cho đơn vị")

    manager.goto(report_url)
    assert reason in manager.locator("[data-testid=return-reason]").inner_text()
    _shot(manager, "3-manager-sees-the-reason")
    manager.click("[data-testid=report-edit]")
    manager.fill(
        "textarea[name=results]",
        "Phường đã tổ chức 01 hội nghị tuyên truyền với 3 lượt người dự; biên bản hội nghị đính kèm. "
        "Đã phát 200 tờ rơi tại các khu phố.",
    )
    manager.click("[data-testid=report-save-submit]")
    manager.wait_for_selector("text=Đã gửi báo cáo tới Công an tỉnh")

    coord.goto(report_url)
    coord.once("dialog", lambda dialog: dialog.accept())
    coord.click("[data-testid=report-accept]")
    coord.wait_for_selector("text=Đã duyệt báo cáo")
    assert coord.locator("[data-testid=report-state]").first.inner_text() == "Đã duyệt"
    history = coord.locator("[data-testid=report-history]").inner_text()
    assert history.count("Gửi báo cáo") == 2 and "Trả lại" in history and "Duyệt" in history
    _shot(coord, "4-accepted")

    coord.goto(f"{live_server.url}/bao-cao/{campaign.pk}/tinh/")
    coord.fill("input[name=number]", "25/BC-CAT")
    coord.fill("input[name=signer_title]", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    coord.fill("input[name=signer_name]", "Nguyễn Văn Hùng")
    coord.click("[data-testid=province-save]")
    coord.wait_for_selector("text=Đã lưu thông tin báo cáo tổng hợp")
    _shot(coord, "5-province-report")
    with coord.expect_download() as info:
        coord.click("[data-testid=province-pdf]")
    pdf = tmp_path / "tinh.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    SHOTS.mkdir(parents=True, exist_ok=True)
    png = [
        "pdftoppm",
        "-f",
        "1",
        "-l",
        "1",
        "-r",
        "80",
        "-png",
        "-singlefile",
        str(pdf),
        str(SHOTS / "reports-6-pdf"),
    ]
    subprocess.run(png, check=True)  # noqa: S603
    assert (SHOTS / "reports-6-pdf.png").stat().st_size > 10_000
    text = ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"]
    first_page = subprocess.run(text, check=True, capture_output=True, text=True).stdout  # noqa: S603
    assert "BÁO CÁO" in first_page and "Số: 25/BC-CAT" in first_page
    assert "Kết quả thực hiện Văn bản số 186/KH-UBND" in first_page
    assert "Có 1/4 đơn vị đã gửi báo cáo" in first_page
    police.close()
    manager.context.close()
