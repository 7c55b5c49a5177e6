"""Moderation by coordinators: scope, verify/reject/merge through the pages, disputes, the allowlist, evidence."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canhgiac.scamcheck import selectors, services
from canhgiac.scamcheck.identifiers import classify
from canhgiac.scamcheck.models import AllowlistEntry, Dispute, Listing, Report

pytestmark = pytest.mark.django_db
QUEUE = "/tra-cuu/kiem-duyet/"


def test_only_coordinators_see_the_queue(
    client, ward_manager, other_ward_manager, leader, investigator, reports
):
    assert client.get(QUEUE).status_code == 302  # anonymous: to the login page
    for user in (ward_manager, other_ward_manager, leader, investigator):
        client.force_login(user)
        assert client.get(QUEUE).status_code == 404
        assert client.get(reports["hong_gai"].get_absolute_url()).status_code == 404
        assert client.get("/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/").status_code == 404


def test_nav_and_home_show_moderation_to_coordinators_only(client, coordinator, ward_manager):
    client.force_login(coordinator)
    html = client.get("/").content.decode()
    assert 'data-nav="scamcheck_moderation"' in html and 'data-testid="home-moderation"' in html
    client.force_login(ward_manager)
    html = client.get("/").content.decode()
    assert 'data-nav="scamcheck_moderation"' not in html and 'data-testid="home-moderation"' not in html
    assert 'data-testid="home-check"' in html  # officials can check too


def test_a_ward_coordinator_sees_only_its_ward(client, ward_coordinator, coordinator, reports):
    client.force_login(ward_coordinator)
    html = client.get(QUEUE).content.decode()
    assert reports["hong_gai"].code in html
    assert reports["bai_chay"].code not in html and reports["nowhere"].code not in html
    assert client.get(reports["bai_chay"].get_absolute_url()).status_code == 404
    assert client.get(QUEUE, {"muc": "khieu-nai"}).status_code == 404  # province-wide work
    client.force_login(coordinator)
    html = client.get(QUEUE).content.decode()
    assert all(r.code in html for r in reports.values())


def test_the_queue_costs_a_constant_number_of_queries(client, coordinator, make_report, tree):
    client.force_login(coordinator)
    make_report("0912000001", unit=tree.hong_gai)
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as few:
        assert client.get(QUEUE).status_code == 200
    for i in range(12):
        make_report(f"09120001{i:02d}", f"vcb-hotro{i}.top", unit=tree.bai_chay)
    with CaptureQueriesContext(connection) as many:
        assert client.get(QUEUE).status_code == 200
    assert len(many) == len(few)


def test_verify_reject_and_merge_through_the_pages(client, coordinator, reports, methods):
    client.force_login(coordinator)
    report = reports["hong_gai"]
    url = report.get_absolute_url()
    html = client.get(url).content.decode()
    assert "0868 531 274" in html and "Kẻ gian gọi điện" in html
    identifier = report.identifiers.get()
    response = client.post(
        url,
        {
            "action": "verify",
            "identifiers": [identifier.pk],
            "reason": "Đã xác minh qua nhà mạng và ngân hàng.",
            "method": methods["police"].pk,
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.VERIFIED and report.method == methods["police"]
    assert selectors.check("0868531274").status == "verified_scam"

    other = reports["bai_chay"]
    response = client.post(
        other.get_absolute_url(),
        {"action": "reject", "reason": "Không có dấu hiệu lừa đảo.", "public_note": ""},
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=other.pk).status == Report.Status.REJECTED

    twin = services.report_submit(
        identifiers=[classify("vietcombank-hotro.com")[0]], channel="sms", description="Gửi lại."
    )
    response = client.post(
        twin.get_absolute_url(), {"action": "merge", "into": reports["nowhere"].code.lower()}
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=twin.pk).duplicate_of == reports["nowhere"]
    response = client.post(reports["nowhere"].get_absolute_url(), {"action": "merge", "into": "PA-ZZZZ-ZZZZ"})
    assert "Không tìm thấy phản ánh" in response.content.decode()


def test_reasons_are_required(client, coordinator, reports):
    client.force_login(coordinator)
    report = reports["hong_gai"]
    identifier = report.identifiers.get()
    response = client.post(
        report.get_absolute_url(), {"action": "verify", "identifiers": [identifier.pk], "reason": "ngắn"}
    )
    assert response.status_code == 302  # back to the page with the message
    assert Report.objects.get(pk=report.pk).status == Report.Status.NEW
    html = client.get(report.get_absolute_url()).content.decode()
    assert "ít nhất 10 ký tự" in html


def test_evidence_is_for_coordinators_in_scope_only(
    client, coordinator, ward_coordinator, ward_manager, make_report, upload, tree
):
    report = make_report("0868 531 274", unit=tree.bai_chay, images=[upload()])
    evidence = report.evidence.get()
    url = evidence.get_absolute_url()
    assert client.get(url).status_code == 302
    client.force_login(ward_manager)
    assert client.get(url).status_code == 404
    client.force_login(ward_coordinator)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert f"/media/{evidence.file.name}" not in client.get(report.get_absolute_url()).content.decode()


def test_disputes_are_decided_on_their_page(client, coordinator, reports, upload):
    dispute = services.dispute_submit(
        parsed=classify("0977364210")[0],
        claimant_name="Phạm Văn Long",
        claimant_phone="0977364210",
        statement="Số của cửa hàng nhà tôi đã dùng nhiều năm nay.",
        consent=True,
        images=[upload()],
    )
    client.force_login(coordinator)
    html = client.get(QUEUE, {"muc": "khieu-nai"}).content.decode()
    assert dispute.code in html
    response = client.post(
        dispute.get_absolute_url(), {"decision": "uphold", "reason": "Xác minh đúng là số của cửa hàng."}
    )
    assert response.status_code == 302
    assert Dispute.objects.get(pk=dispute.pk).status == Dispute.Status.UPHELD
    assert selectors.check("0977364210").status == "no_information"


def test_review_queue_and_listing_actions(client, coordinator):
    phone = services.identifier_get_or_create(kind="phone", raw="0392 847 156")
    client.force_login(coordinator)
    url = phone.get_absolute_url()
    assert (
        client.post(url, {"action": "verify", "reason": "Giả nhân viên nhà mạng khóa SIM."}).status_code
        == 302
    )
    from datetime import timedelta

    from django.utils import timezone

    Listing.objects.filter(identifier=phone).update(review_due_at=timezone.now() - timedelta(days=3))
    html = client.get(QUEUE, {"muc": "xem-xet-lai"}).content.decode()
    assert "0392 847 156" in html
    assert (
        client.post(url, {"action": "confirm", "reason": "Số vẫn do đối tượng sử dụng."}).status_code == 302
    )
    client.get(url)  # shows (and consumes) the confirmation message
    assert "Không có số nào đến hạn" in client.get(QUEUE, {"muc": "xem-xet-lai"}).content.decode()
    assert (
        client.post(url, {"action": "clear", "reason": "Nhà mạng đã cấp lại số cho người khác."}).status_code
        == 302
    )
    assert selectors.check("0392847156").status == "no_information"


def test_allowlist_management_pages(client, coordinator, ward_coordinator):
    client.force_login(ward_coordinator)
    assert client.get("/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/").status_code == 404
    client.force_login(coordinator)
    url = "/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/"
    response = client.post(
        url,
        {
            "kind": "phone",
            "raw": "0203 3825 114",
            "organisation": "Công an tỉnh Quảng Ninh — trực ban",
            "category": "hotline",
            "note": "",
        },
    )
    assert response.status_code == 302
    entry = AllowlistEntry.objects.get()
    assert selectors.check("02033825114").status == "official"
    response = client.post(url, {"kind": "phone", "raw": "12", "organisation": "X", "category": "hotline"})
    assert "không phải số điện thoại" in response.content.decode()
    edit = f"/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/{entry.pk}/"
    client.post(edit, {"organisation": "Trực ban Công an tỉnh", "category": "hotline", "note": "24/7"})
    assert AllowlistEntry.objects.get().organisation == "Trực ban Công an tỉnh"
    client.post(edit, {"action": "deactivate"})
    assert selectors.check("02033825114").status == "no_information"
    assert "ngừng áp dụng" in client.get(url).content.decode()
