"""The reports pages: scoping (404 for the unrelated manager), writing through the form, the edit conflict shown
side by side, review by the coordinator, attachments served inertly, downloads, the API, home and navigation,
query counts that do not grow with the units."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from canhgiac.campaigns import services as campaign_services
from canhgiac.org.models import Unit
from canhgiac.reports import services
from canhgiac.reports.models import UnitReport

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _url(campaign, unit, suffix=""):
    return f"/bao-cao/{campaign.pk}/don-vi/{unit.pk}/{suffix}"


def _form(**values):
    data = {
        "version": 0,
        "number": "",
        "signer_title": "",
        "signer_name": "",
        "results": "",
        "difficulties": "",
    }
    data |= {"proposals": ""} | values
    return data


def test_the_unrelated_manager_gets_404(client, tree, campaign, other_ward_manager, hong_gai_submitted):
    client.force_login(other_ward_manager)
    for suffix in ("", "viet/", "bao-cao.docx", "bao-cao.pdf"):
        assert client.get(_url(campaign, tree.hong_gai, suffix)).status_code == 404, suffix
    assert client.post(_url(campaign, tree.hong_gai, "gui/")).status_code == 404
    assert client.get(f"/bao-cao/{campaign.pk}/tinh/").status_code == 404
    assert (
        client.get(f"/api/v1/bao-cao/{campaign.pk}/").json()["reports"][0]["unit"]["name"]
        == "Phường Bãi Cháy"
    )


def test_a_manager_writes_and_sends_through_the_form(client, tree, campaign, ward_manager):
    client.force_login(ward_manager)
    page = client.get(_url(campaign, tree.hong_gai))
    assert page.status_code == 200 and "Đơn vị chưa lập báo cáo" in page.content.decode()
    form = client.get(_url(campaign, tree.hong_gai, "viet/"))
    assert form.status_code == 200 and 'name="version"' in form.content.decode()
    short = client.post(
        _url(campaign, tree.hong_gai, "viet/"), _form(results="Ngắn quá", signer_name="", action="submit")
    )
    body = short.content.decode()
    assert short.status_code == 200 and "Đã lưu bản nháp nhưng chưa gửi được" in body and "Ngắn quá" in body
    report = UnitReport.objects.get(unit=tree.hong_gai)
    assert report.status == "draft"
    sent = client.post(
        _url(campaign, tree.hong_gai, "viet/"),
        _form(
            version=report.version,
            results="Đã tổ chức hội nghị cho toàn thể cán bộ phường, phát tờ rơi ở các khu phố.",
            signer_name="Hoàng Văn Nam",
            action="submit",
        ),
    )
    assert sent.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"
    assert client.get(_url(campaign, tree.hong_gai, "viet/")).status_code == 302  # no editing while waiting


def test_the_second_editor_sees_both_texts(client, tree, campaign, ward_manager, make_official, write_report):
    deputy = make_official("phophuong@test.vn", "unit_manager", tree.hong_gai, "Phạm Thu Trang")
    report = write_report(tree.hong_gai, ward_manager)
    other = Client()
    client.force_login(ward_manager)
    other.force_login(deputy)
    mine = "Bản của đồng chí Nam: hai hội nghị, 95 cán bộ tham dự đầy đủ."
    theirs = "Bản của đồng chí Trang: thêm 300 tờ rơi phát tại chợ Hạ Long 1."
    assert (
        client.post(
            _url(campaign, tree.hong_gai, "viet/"), _form(version=report.version, results=mine)
        ).status_code
        == 302
    )
    response = other.post(
        _url(campaign, tree.hong_gai, "viet/"), _form(version=report.version, results=theirs)
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "CHƯA được lưu" in body and theirs in body and mine in body
    assert f'name="version" value="{report.version + 1}"' in body
    assert UnitReport.objects.get(pk=report.pk).results == mine


def test_the_coordinator_returns_and_accepts(
    client, tree, campaign, coordinator, ward_manager, hong_gai_submitted
):
    client.force_login(coordinator)
    page = client.get(_url(campaign, tree.hong_gai)).content.decode()
    assert 'data-testid="review"' in page
    bad = client.post(_url(campaign, tree.hong_gai, "tra-lai/"), {"reason": "sai"})
    assert bad.status_code == 400 and "lý do trả lại" in bad.content.decode()
    reason = "Bổ sung số liệu hội nghị tại tổ dân phố 5 và biên bản có chữ ký."
    assert client.post(_url(campaign, tree.hong_gai, "tra-lai/"), {"reason": reason}).status_code == 302
    manager = Client()
    manager.force_login(ward_manager)
    seen = manager.get(_url(campaign, tree.hong_gai)).content.decode()
    assert reason in seen and 'data-testid="return-reason"' in seen
    services.unit_report_submit(report=hong_gai_submitted, actor=ward_manager)
    assert client.post(_url(campaign, tree.hong_gai, "duyet/")).status_code == 302
    assert UnitReport.objects.get(pk=hong_gai_submitted.pk).status == "accepted"
    assert manager.post(_url(campaign, tree.hong_gai, "duyet/")).status_code == 404  # managers do not review


def test_the_leader_reads_but_does_not_write(client, tree, campaign, leader, hong_gai_submitted):
    client.force_login(leader)
    page = client.get(_url(campaign, tree.hong_gai)).content.decode()
    assert (
        "Phường đã tổ chức" in page
        and 'data-testid="report-edit"' not in page
        and 'data-testid="review"' not in page
    )
    assert client.get(_url(campaign, tree.hong_gai, "viet/")).status_code == 404
    assert client.get(f"/bao-cao/{campaign.pk}/tinh/").status_code == 200
    assert client.post(f"/bao-cao/{campaign.pk}/tinh/", {"version": 0}).status_code == 404


def test_attachments_are_checked_by_content_and_served_inert(
    client, tree, campaign, ward_manager, write_report
):
    report = write_report(tree.hong_gai, ward_manager)
    client.force_login(ward_manager)
    upload = client.post(
        _url(campaign, tree.hong_gai, "tep/"),
        {"file": SimpleUploadedFile("anh-hoi-nghi.png", PNG, "image/png")},
    )
    assert upload.status_code == 302 and report.files.count() == 1
    fake = client.post(
        _url(campaign, tree.hong_gai, "tep/"),
        {"file": SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 this is a program", "application/pdf")},
        follow=True,
    )
    assert report.files.count() == 1 and "thực chất là" in fake.content.decode()
    item = report.files.get()
    response = client.get(item.get_download_url())
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"] and response["Content-Type"] == "image/png"
    other = Client()
    other.force_login(
        __import__("canhgiac.accounts.models", fromlist=["User"]).User.objects.create_user(
            email="x@test.vn", password="x", full_name="Người ngoài"
        )
    )
    assert other.get(item.get_download_url()).status_code == 404


def test_the_province_report_page_and_downloads(client, tree, campaign, coordinator, hong_gai_submitted):
    services.unit_report_accept(report=hong_gai_submitted, actor=coordinator)
    client.force_login(coordinator)
    page = client.get(f"/bao-cao/{campaign.pk}/tinh/")
    assert page.status_code == 200 and "Xã Ba Chẽ" in page.content.decode()
    saved = client.post(
        f"/bao-cao/{campaign.pk}/tinh/",
        {
            "version": 0,
            "number": "25/BC-CAT",
            "issued_on": "2026-11-28",
            "agency_parent": "UBND tỉnh Quảng Ninh",
            "agency_name": "Công an tỉnh Quảng Ninh",
            "recipients": "UBND tỉnh (để báo cáo);",
            "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
            "signer_name": "Nguyễn Văn Thử",
        },
    )
    assert saved.status_code == 302
    stale = client.post(
        f"/bao-cao/{campaign.pk}/tinh/", {"version": 0, "agency_name": "Công an tỉnh", "number": "1"}
    )
    assert stale.status_code == 400 and "CHƯA được lưu" in stale.content.decode()
    for suffix, kind in (
        ("tinh.docx", "wordprocessingml"),
        ("tinh.pdf", "pdf"),
        ("phu-luc.xlsx", "spreadsheetml"),
    ):
        response = client.get(f"/bao-cao/{campaign.pk}/{suffix}")
        assert response.status_code == 200 and kind in response["Content-Type"], suffix
        assert "attachment" in response["Content-Disposition"]


def test_lists_cost_the_same_whatever_the_units(client, tree, campaign, coordinator, hong_gai_submitted):
    client.force_login(coordinator)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/bao-cao/{campaign.pk}/").status_code == 200
            assert client.get(f"/bao-cao/{campaign.pk}/tinh/").status_code == 200
            assert client.get(f"/api/v1/bao-cao/{campaign.pk}/day-du").status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for i in range(10):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk),
            {"code": f"Y{i:03d}", "name": f"Phường Thử {i}", "kind": "ward"},
        )
        campaign_services.participant_add(campaign=campaign, unit=unit, actor=coordinator)
    assert count() == before


def test_the_api(client, tree, campaign, coordinator, hong_gai_submitted):
    assert client.get(f"/api/v1/bao-cao/{campaign.pk}/").status_code == 401
    client.force_login(coordinator)
    data = client.get(f"/api/v1/bao-cao/{campaign.pk}/day-du").json()
    assert (
        data["totals"]["expected"] == 4
        and data["totals"]["submitted"] == 1
        and data["totals"]["on_time"] == 1
    )
    reports = {r["unit"]["name"]: r for r in client.get(f"/api/v1/bao-cao/{campaign.pk}/").json()["reports"]}
    assert reports["Phường Hồng Gai"]["state"] == "submitted"
    assert reports["Phường Hồng Gai"]["figures"]["people"] == hong_gai_submitted.people
    assert reports["Xã Ba Chẽ"]["figures"] is None
    assert client.get("/api/v1/bao-cao/999999/").status_code == 404
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/bao-cao/{pk}/" in paths and "/api/v1/bao-cao/{pk}/day-du" in paths


def test_home_and_navigation(client, tree, campaign, coordinator, ward_manager, hong_gai_submitted):
    client.force_login(coordinator)
    home = client.get("/").content.decode()
    assert "1 báo cáo chờ duyệt" in home and "Báo cáo kết quả" in home
    services.unit_report_return(
        report=hong_gai_submitted, actor=coordinator, reason="Bổ sung số liệu hội nghị."
    )
    manager = Client()
    manager.force_login(ward_manager)
    assert "bị trả lại" in manager.get("/").content.decode()
    assert client.get("/bao-cao/").status_code == 200


def test_the_campaign_unit_page_links_to_the_report(client, tree, campaign, ward_manager):
    client.force_login(ward_manager)
    body = client.get(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/").content.decode()
    assert _url(campaign, tree.hong_gai) in body


def test_pdf_download_is_a_pdf(client, tree, campaign, ward_manager, hong_gai_submitted):
    client.force_login(ward_manager)
    response = client.get(_url(campaign, tree.hong_gai, "bao-cao.pdf"))
    assert response.status_code == 200 and io.BytesIO(response.content).read(4) == b"%PDF"


def test_every_report_address_is_404_out_of_scope_and_for_bad_input(
    client, tree, campaign, coordinator, ward_manager, other_ward_manager, write_report
):
    report = write_report(tree.hong_gai, ward_manager)
    client.force_login(ward_manager)
    client.post(
        _url(campaign, tree.hong_gai, "tep/"), {"file": SimpleUploadedFile("a.png", PNG, "image/png")}
    )
    item = report.files.get()
    other = Client()
    other.force_login(other_ward_manager)
    assert other.get(item.get_download_url()).status_code == 404
    for suffix in ("tra-lai/", "duyet/", "mo-lai/", "tep/", f"tep/{item.pk}/xoa/"):
        assert other.post(_url(campaign, tree.hong_gai, suffix), {"reason": "x" * 40}).status_code == 404, (
            suffix
        )
    for path in ("tinh.docx", "tinh.pdf", "phu-luc.xlsx"):
        assert other.get(f"/bao-cao/{campaign.pk}/{path}").status_code == 404, path
    report.refresh_from_db()
    assert report.files.count() == 1 and report.status == UnitReport.Status.DRAFT
    # bad input: a campaign or unit that does not exist, a unit that is not responsible, an unknown list filter
    assert client.get("/bao-cao/999999/").status_code == 404
    assert client.get(f"/bao-cao/{campaign.pk}/don-vi/999999/").status_code == 404
    client.force_login(coordinator)
    assert client.get(_url(campaign, tree.budget_office)).status_code == 404
    listing = client.get(f"/bao-cao/{campaign.pk}/?loc=<script>")
    assert listing.status_code == 200 and "<script>" not in listing.content.decode()
