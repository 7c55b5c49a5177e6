"""The register's pages: the entry form keeps what was typed, filters, actions, export."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from canhgiac.core.models import AuditEvent
from canhgiac.incidents.models import Case, Victim
from canhgiac.scamcheck import selectors as checker

pytestmark = pytest.mark.django_db


def form_data(tree, methods, **extra):
    data = {
        "reported_on": "2026-03-10",
        "occurred_on": "2026-03-05",
        "unit": tree.hong_gai.pk,
        "method": methods["dau-tu-tai-chinh-tien-ao"].pk,
        "channel": "zalo",
        "amount_lost": "1,25 tỷ",
        "amount_recovered": "",
        "victim_group": "finance",
        "age_band": "unknown",
        "offender_abroad": "yes",
        "status": "reported",
        "summary": "Nạn nhân nạp tiền vào sàn đầu tư ảo.",
        "identifiers": "0369 125 478 (số gọi đến)\nTechcombank 19036742185011 (tài khoản nhận tiền)",
        "victim_full_name": "phạm văn minh",
        "victim_birth_year": "1958",
        "victim_phone": "0912.345.678",
        "victim_id_number": "022058001234",
        "victim_address": "Tổ 3, khu 5",
    }
    data.update(extra)
    return data


def test_the_form_keeps_what_was_typed_and_says_what_to_fix(client, investigator, tree, methods):
    client.force_login(investigator)
    bad = form_data(
        tree,
        methods,
        amount_lost="khoảng 1 tỷ",
        occurred_on="2026-04-01",
        identifiers="0912 345\n0369 125 478",
        victim_id_number="12345",
    )
    response = client.post(reverse("incidents:case_create"), bad)
    assert response.status_code == 200
    body = response.content.decode()
    assert "không đọc được" in body and "ví dụ 45.200.000" in body
    assert "phải trước hoặc bằng ngày tiếp nhận" in body
    assert "Dòng 1 (“0912 345”)" in body
    assert "Số CCCD có 12 chữ số" in body
    assert (
        'value="khoảng 1 tỷ"' in body
        and "phạm văn minh" in body
        and "Nạn nhân nạp tiền vào sàn đầu tư ảo." in body
    )
    assert not Case.objects.exists()


def test_recording_a_verified_case_publishes_its_identifiers(client, investigator, tree, methods):
    client.force_login(investigator)
    response = client.post(reverse("incidents:case_create"), form_data(tree, methods, confirm="on"))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert case.amount_lost == 1_250_000_000 and case.status == "verifying" and case.is_confirmed
    assert case.age_band == "o60"  # from the victim's birth year
    assert Victim.objects.get(case=case).full_name == "Phạm Văn Minh"
    assert [link.note for link in case.links.order_by("id")] == ["số gọi đến", "tài khoản nhận tiền"]
    assert client.get("/api/v1/check", {"q": "0369125478"}).json()["status"] == "verified_scam"
    assert checker.check("Techcombank 19036742185011").status == "verified_scam"


def test_actions_on_the_case_page(client, investigator, make_case):
    case = make_case()
    client.force_login(investigator)
    url = case.get_absolute_url()
    response = client.post(
        reverse("incidents:case_link", args=[case.code]), {"identifier": "0587 214 369", "note": "số gọi"}
    )
    assert response.status_code == 302
    bad = client.post(reverse("incidents:case_link", args=[case.code]), {"identifier": "xin chào"})
    assert bad.status_code == 400 and "không nhận ra" in bad.content.decode()
    client.post(reverse("incidents:case_confirm", args=[case.code]))
    assert checker.check("0587214369").status == "verified_scam"
    bad = client.post(
        reverse("incidents:case_status", args=[case.code]),
        {"status": "closed", "closure_reason": "not_fraud", "note": ""},
    )
    assert bad.status_code == 400 and "ít nhất 10 ký tự" in bad.content.decode()
    client.post(
        reverse("incidents:case_status", args=[case.code]),
        {
            "status": "closed",
            "closure_reason": "not_fraud",
            "note": "Tranh chấp dân sự, không có dấu hiệu lừa đảo.",
        },
    )
    assert checker.check("0587214369").status == "no_information"
    page = client.get(url).content.decode()
    assert "Rút xác minh" in page and "Đang xác minh → Đã kết thúc" in page
    link = case.links.get()
    client.post(
        reverse("incidents:case_unlink", args=[case.code, link.pk]), {"reason": "Ghi nhầm số điện thoại."}
    )
    assert not case.links.exists()


def test_filters_find_cases_by_what_police_search_for(client, investigator, make_case, methods, tree):
    from canhgiac.scamcheck.identifiers import classify

    big = make_case(
        amount_lost=2_000_000_000,
        method=methods["dau-tu-tai-chinh-tien-ao"],
        identifiers=[(classify("0369 125 478")[0], "")],
        summary="Sàn đầu tư tiền ảo",
    )
    small = make_case(amount_lost=5_000_000, unit=tree.bai_chay, channel="sms", external_ref="77/TB-PC02")
    old = make_case(reported_on=dt.date(2025, 6, 1), occurred_on=dt.date(2025, 5, 30))
    client.force_login(investigator)

    def codes(**params):
        body = client.get(reverse("incidents:case_list"), params).content.decode()
        return {c.code for c in (big, small, old) if c.code in body}

    assert codes(amount_min="1 tỷ") == {big.code}
    assert codes(amount_max="10 triệu") == {small.code}
    assert codes(q="0369.125.478") == {big.code}
    assert codes(q="san dau tu") == {big.code}
    assert codes(q="77/TB-PC02") == {small.code}
    assert codes(q=old.code) == {old.code}
    assert codes(unit=tree.bai_chay.pk) == {small.code}
    assert codes(channel="sms") == {small.code}
    assert codes(date_from="2026-01-01") == {big.code, small.code}
    assert codes(method=methods["dau-tu-tai-chinh-tien-ao"].pk) == {big.code}
    bad = client.get(reverse("incidents:case_list"), {"amount_min": "nhiều tiền"}).content.decode()
    assert "không đọc được" in bad


def test_export_with_victims_is_for_investigators_and_audited_per_case(
    client, investigator, coordinator, make_case
):
    import python_calamine

    make_case(victim={"full_name": "Đỗ Văn Hải", "id_number": "022070009999"})
    make_case()
    client.force_login(coordinator)
    plain = b"".join(client.get(reverse("incidents:case_export")).streaming_content)
    assert "Đỗ Văn Hải" not in str(
        python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(plain)).get_sheet_by_index(0).to_python()
    )
    assert client.post(reverse("incidents:case_export"), {"nan_nhan": "1"}).status_code == 404
    client.force_login(investigator)
    full = b"".join(client.post(reverse("incidents:case_export"), {"nan_nhan": "1"}).streaming_content)
    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(full)).get_sheet_by_index(0).to_python()
    assert sheet[3][21] == "Họ tên nạn nhân" and "Đỗ Văn Hải" in [row[21] for row in sheet[4:]]
    assert "022070009999" in [row[24] for row in sheet[4:]]
    assert AuditEvent.objects.filter(action="incident.victim_view", data__via="export").count() == 2
