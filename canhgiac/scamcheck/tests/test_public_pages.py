"""Public pages: the search box, reporting, tracking, disputes, the official list; hostile input everywhere."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from canhgiac.scamcheck import services
from canhgiac.scamcheck.models import Dispute, Report

pytestmark = pytest.mark.django_db
CHECK = "/tra-cuu/"
REPORT = "/tra-cuu/phan-anh/"


def started_token(client, url=REPORT) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def test_the_home_page_puts_the_search_box_first(client, allowlist):
    html = client.get("/").content.decode()
    assert 'data-testid="home-check"' in html
    assert f'action="{CHECK}"' in html
    assert 'data-nav="scamcheck"' in html and 'data-nav="scamcheck_report"' in html


def test_check_page_answers_each_status(client, make_report, coordinator, allowlist):
    make_report("0868 531 274")
    make_report("0868531274")
    scam = services.identifier_get_or_create(kind="phone", raw="0369 125 478")
    services.listing_verify(
        identifier=scam, reason="Giả danh Công an yêu cầu chuyển tiền.", source="manual", actor=coordinator
    )

    html = client.post(CHECK, {"q": "0369.125.478"}).content.decode()
    assert 'data-status="verified_scam"' in html and "Giả danh Công an yêu cầu chuyển tiền." in html
    html = client.get(CHECK, {"q": "+84868531274"}).content.decode()
    assert 'data-status="reported"' in html and "<strong>2</strong> phản ánh" in html
    assert "Gửi khiếu nại" in html
    html = client.get(CHECK, {"q": "0912 000 111"}).content.decode()
    assert 'data-status="no_information"' in html and "không có nghĩa là an toàn" in html
    assert "an toàn</" not in html.replace("không có nghĩa là an toàn", "")
    html = client.get(CHECK, {"q": "113"}).content.decode()
    assert 'data-status="official"' in html and "Cảnh sát 113" in html


def test_check_page_analyses_a_message_and_highlights_red_flags(client, methods):
    text = (
        "Tài khoản của quý khách bị tạm khóa. Xác thực ngay tại https://vietcombank-xacthuc.com để mở khóa."
    )
    response = client.post(CHECK, {"q": text})
    html = response.content.decode()
    assert 'data-kind="text"' in html
    verdict = re.search(r'data-verdict="(\w+)"', html).group(1)
    assert verdict in {"suspicious", "scam"}
    assert (
        '<mark class="rf" title="Báo tài khoản bị khóa, đòi xác thực qua đường link">Tài khoản của quý khách bị tạm khóa</mark>'
        in html
    )
    shown = outside_form_controls(html)
    assert "vietcombank-xacthuc[.]com" in shown and "https://vietcombank" not in shown
    assert 'href="https://' not in html and "hxxps://" in shown
    assert 'data-testid="lookalike"' in html
    assert 'name="prefill" value="1"' in html


def test_a_warning_that_quotes_the_signs_reads_as_a_warning(client, db):
    from canhgiac.knowledge.seed import seed_knowledge

    seed_knowledge()
    text = (
        "Công an tỉnh cảnh báo: kẻ gian giả danh nhà mạng gọi điện báo sim sắp bị khóa, yêu cầu bấm **21* hoặc "
        "đọc mã OTP. Người dân tuyệt đối không làm theo, gọi 113 khi nghi ngờ."
    )
    html = client.post(CHECK, {"q": text}).content.decode()
    assert re.search(r'data-verdict="(\w+)"', html).group(1) == "no_signal"
    assert "chưa đủ để kết luận" in html and "cảnh báo, khuyến cáo về lừa đảo" in html


def test_malformed_numbers_get_a_hint(client):
    html = client.get(CHECK, {"q": "0912 345"}).content.decode()
    assert 'data-testid="hint"' in html and "10 chữ số" in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert('xss')</script>",
        '"><img src=x onerror=alert(1)>',
        "' OR '1'='1'; DROP TABLE scamcheck_identifier; --",
        "\x00\x01\x02\x03binary\xff\xfe junk",
        "http://xn--80ak6aa92e.com/<script>",
        "vietcombаnk.com/<b>dang-nhap</b>",
        "0912<script>345678",
        "javascript:alert(document.cookie)",
    ],
)
def test_hostile_queries_render_escaped_without_error(client, payload):
    for response in (client.post(CHECK, {"q": payload}), client.get(CHECK, {"q": payload})):
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>dang-nhap" not in html
        assert 'href="javascript:' not in html


def outside_form_controls(html: str) -> str:
    """The page without the values of its form controls (what the visitor typed, sent back to edit)."""
    html = re.sub(r"<textarea[^>]*>.*?</textarea>", "", html, flags=re.S)
    return re.sub(r'value="[^"]*"', "", html)


def test_invalid_utf8_in_the_address_is_replaced_not_an_error(client):
    response = client.get(CHECK + "?q=%ED%A0%80%FF%FE0912")
    assert response.status_code == 200


def test_one_megabyte_of_text_is_cut_not_refused(client):
    big = ("Chuyển tiền ngay vào tài khoản https://vcb-hotro.top " * 20_000)[:1_000_000]
    response = client.post(CHECK, {"q": big})
    assert response.status_code == 200
    html = response.content.decode()
    assert "chỉ phân tích 20.000 ký tự đầu" in html
    assert len(html) < 1_000_000
    shown = outside_form_controls(html)
    assert "vcb-hotro[.]top" in shown and "https://vcb-hotro.top" not in shown


def test_the_checker_never_fetches_what_it_is_given(client, monkeypatch):
    import socket
    import urllib.request

    def refuse(*args, **kwargs):
        raise AssertionError("the checker tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    for query in [
        "https://vietcombank-xacthuc.com/otp",
        "xn--vietcombnk-6qi.com",
        "bit.ly/3xyz",
        "Truy cập http://203.0.113.9/a.apk ngay",
    ]:
        assert client.post(CHECK, {"q": query}).status_code == 200


def test_the_search_box_is_rate_limited(client):
    for _ in range(30):
        assert client.get(CHECK, {"q": "0912000111"}).status_code == 200
    response = client.get(CHECK, {"q": "0912000111"})
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert client.get(CHECK).status_code == 200  # the empty page never counts


def report_data(client, **overrides):
    data = {
        "identifiers": "0868 531 274\nvietcombank-xacthuc.com\nVCB 0011004123456",
        "message_text": "Tài khoản bị khóa, xác thực tại vietcombank-xacthuc.com",
        "channel": "sms",
        "method": "",
        "occurred_on": "",
        "amount_lost": "5.000.000",
        "description": "Tôi nhận tin nhắn và đã nhập mã OTP.",
        "contact": "anonymous",
        "website": "",
        "started": started_token(client),
    }
    data.update(overrides)
    return data


def test_a_citizen_reports_and_gets_a_tracking_code(client, fast_forms, upload, tree):
    data = report_data(client, unit=str(tree.hong_gai.pk))
    data["images"] = [upload(exif=True)]
    response = client.post(REPORT, data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert response["Location"] == reverse("scamcheck:report_sent", args=[report.code])
    assert report.amount_lost == 5_000_000 and report.is_anonymous and report.unit == tree.hong_gai
    assert report.identifiers.count() == 3 and report.evidence.count() == 1
    assert report.analysis["verdict"] in {"suspicious", "scam", "no_signal"}
    html = client.get(response["Location"]).content.decode()
    assert report.code in html
    tracked = client.get("/tra-cuu/theo-doi/", {"ma": report.code.lower()}).content.decode()
    assert "Mới, chờ xem xét" in tracked and "Tôi nhận tin nhắn" not in tracked  # the story is never shown


def test_the_report_form_keeps_what_was_typed_and_says_what_to_fix(client, fast_forms):
    data = report_data(client, identifiers="0868 531 274\nkhông phải số\n@abcde", amount_lost="năm triệu")
    html = client.post(REPORT, data).content.decode()
    assert "Dòng 2 (“không phải số”)" in html and "telegram @abcde" in html
    assert "Ghi số tiền bằng chữ số" in html
    assert "Tôi nhận tin nhắn và đã nhập mã OTP." in html
    data = report_data(client, contact="named", reporter_name="Nguyễn Văn A")
    html = client.post(REPORT, data).content.decode()
    assert "Hãy để lại số điện thoại hoặc thư điện tử" in html and "Hãy đồng ý để Công an liên hệ" in html
    assert not Report.objects.exists()


def test_amounts_are_read_as_people_write_them(client, fast_forms):
    for typed, expected in [
        ("5 triệu", 5_000_000),
        ("2tr", 2_000_000),
        ("500k", 500_000),
        ("1.250.000 đ", 1_250_000),
    ]:
        client.post(
            REPORT, report_data(client, amount_lost=typed, identifiers=f"09{expected % 100_000_000:08d}"[:10])
        )
    assert sorted(Report.objects.values_list("amount_lost", flat=True)) == [
        500_000,
        1_250_000,
        2_000_000,
        5_000_000,
    ]


def test_honeypot_and_minimum_time_stop_robots(client, settings):
    settings.SCAMCHECK_MIN_FILL_SECONDS = 3600
    html = client.post(REPORT, report_data(client)).content.decode()
    assert "Bạn gửi hơi nhanh" in html and "0868 531 274" in html
    settings.SCAMCHECK_MIN_FILL_SECONDS = 0
    html = client.post(REPORT, report_data(client, website="http://spam.example")).content.decode()
    assert "Không gửi được biểu mẫu" in html
    html = client.post(REPORT, report_data(client, started="gia-mao")).content.decode()
    assert "Biểu mẫu đã hết hạn" in html
    assert not Report.objects.exists()


def test_reports_are_rate_limited(client, fast_forms):
    for i in range(5):
        assert client.post(REPORT, report_data(client, identifiers=f"091200011{i}")).status_code == 302
    assert client.post(REPORT, report_data(client, identifiers="0912000119")).status_code == 429
    assert Report.objects.count() == 5


def test_reporting_an_official_number_is_refused_with_an_explanation(client, fast_forms, allowlist):
    html = client.post(REPORT, report_data(client, identifiers="113")).content.decode()
    assert "đầu mối chính thức" in html and not Report.objects.exists()


def test_prefill_from_the_result_page(client):
    html = client.post(
        REPORT, {"prefill": "1", "identifiers": "0868 531 274", "message_text": "<b>tin</b>"}
    ).content.decode()
    assert "0868 531 274</textarea>" in html and "&lt;b&gt;tin&lt;/b&gt;</textarea>" in html
    assert "invalid-feedback" not in html
    html = client.get(REPORT, {"q": "t.me/hotro_vcb"}).content.decode()
    assert "t.me/hotro_vcb</textarea>" in html


def test_tracking_codes(client, make_report, coordinator):
    report = make_report("0868 531 274")
    services.report_reject(
        report=report,
        reason="Chưa có dấu hiệu lừa đảo rõ ràng.",
        actor=coordinator,
        public_note="Cảm ơn bạn, chưa đủ căn cứ.",
    )
    html = client.get("/tra-cuu/theo-doi/", {"ma": report.code}).content.decode()
    assert "Không chấp nhận" in html and "Cảm ơn bạn, chưa đủ căn cứ." in html
    assert "Chưa có dấu hiệu lừa đảo rõ ràng." not in html  # the internal reason stays internal
    html = client.get("/tra-cuu/theo-doi/", {"ma": "PA-AAAA-BBBB"}).content.decode()
    assert "Không tìm thấy" in html
    html = client.get("/tra-cuu/theo-doi/", {"ma": "<script>"}).content.decode()
    assert "PA-XXXX-XXXX" in html and "<script>" not in html


def test_a_dispute_through_the_form(client, fast_forms, make_report, upload):
    make_report("0977 364 210")
    token = started_token(client, "/tra-cuu/khieu-nai/")
    data = {
        "identifier": "0977.364.210",
        "relation": "owner",
        "claimant_name": "Phạm Văn Long",
        "claimant_phone": "0977364210",
        "statement": "Đây là số cửa hàng hải sản của gia đình tôi từ nhiều năm nay.",
        "consent": "on",
        "website": "",
        "started": token,
    }
    html = client.post("/tra-cuu/khieu-nai/", data).content.decode()
    assert "ít nhất một ảnh bằng chứng" in html
    data["images"] = [upload()]
    data["started"] = token
    response = client.post("/tra-cuu/khieu-nai/", data)
    assert response.status_code == 302
    dispute = Dispute.objects.get()
    html = client.get(CHECK, {"q": "0977364210"}).content.decode()
    assert "Chủ sở hữu đang khiếu nại" in html
    html = client.get("/tra-cuu/theo-doi/", {"ma": dispute.code}).content.decode()
    assert "Đang xem xét" in html


def test_the_official_list_is_public(client, allowlist):
    html = client.get("/tra-cuu/danh-sach-chinh-thuc/").content.decode()
    assert "Số khẩn cấp, tổng đài" in html and "Cảnh sát 113" in html
    assert "vietcombank[.]com[.]vn" in html  # shown defanged, never as a link


def test_report_reads_a_decimal_comma_amount(client, fast_forms):
    """ "45,2 tỷ" is forty-five point two billion, not 452 billion."""
    response = client.post(REPORT, report_data(client, amount_lost="45,2 tỷ", identifiers="0868531274"))
    assert response.status_code == 302
    assert Report.objects.get().amount_lost == 45_200_000_000
