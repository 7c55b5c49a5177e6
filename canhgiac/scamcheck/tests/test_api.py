"""The public JSON API: check, analyze, the k-anonymity range; limits; the OpenAPI fragment."""

from __future__ import annotations

import hashlib
import json

import pytest

from canhgiac.scamcheck import services

pytestmark = pytest.mark.django_db


def post_json(client, url, payload, **extra):
    body = payload if isinstance(payload, bytes | str) else json.dumps(payload)
    return client.post(url, body, content_type="application/json", **extra)


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("0912 345 678", "phone"),
        ("Vietcombank 0011004123456", "bank_account"),
        ("https://vietcombank-hotro.com/otp", "url"),
        ("t.me/hotro_vcb", "social"),
        ("Chào bạn, bạn đã trúng thưởng một chiếc xe máy, bấm vào đường link để nhận quà nhé", "text"),
    ],
)
def test_check_tells_the_kind(client, query, kind):
    data = client.get("/api/v1/check", {"q": query}).json()
    assert data["kind"] == kind
    assert data["status"] == "no_information"
    assert data["advice"]


def test_check_answers_every_status(client, make_report, coordinator, allowlist):
    make_report("0868 531 274")
    scam = services.identifier_get_or_create(kind="url", raw="vietcombank-xacthuc.com")
    services.listing_verify(
        identifier=scam, reason="Trang giả mạo Vietcombank lấy OTP.", source="manual", actor=coordinator
    )
    assert client.get("/api/v1/check", {"q": "0868531274"}).json()["items"][0]["reports"] == 1
    verified = client.get("/api/v1/check", {"q": "hxxps://login.vietcombank-xacthuc[.]com"}).json()
    assert (
        verified["status"] == "verified_scam"
        and verified["items"][0]["reason"] == "Trang giả mạo Vietcombank lấy OTP."
    )
    assert client.get("/api/v1/check", {"q": "115"}).json()["status"] == "official"
    text = client.get(
        "/api/v1/check", {"q": "Vui lòng xác thực tài khoản tại vietcombank-xacthuc.com ngay hôm nay"}
    ).json()
    assert text["kind"] == "text" and text["status"] == "verified_scam"
    assert text["analysis"]["verdict"] == "scam"


def test_check_errors_are_json_in_vietnamese(client):
    response = client.get("/api/v1/check")
    assert response.status_code == 400 and "Thiếu tham số q" in response.json()["error"]["message"]
    response = client.get("/api/v1/check", {"q": "x" * 20_001})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_long"


def test_analyze_returns_verdict_score_methods_and_red_flags(client, methods):
    text = "Anh không được nói với ai. Anh phải chuyển toàn bộ tiền vào tài khoản tạm giữ ngay hôm nay."
    response = post_json(client, "/api/v1/analyze", {"text": text})
    assert response.status_code == 200
    data = response.json()
    assert {"verdict", "score", "methods", "red_flags"} <= set(data)
    assert data["verdict"] in {"suspicious", "scam"} and 0 <= data["score"] <= 1
    assert data["methods"][0] == "gia-danh-cong-an-vien-kiem-sat-toa-an"
    flag = next(f for f in data["red_flags"] if f["code"] == "giu-bi-mat")
    start, end = flag["spans"][0]
    assert text[start:end] == "không được nói với ai"


def test_analyze_is_csrf_exempt_and_limits_its_input(client, db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post_json(strict, "/api/v1/analyze", {"text": "Xin chào"}).status_code == 200
    assert post_json(client, "/api/v1/analyze", b"\xff\xfe not json").status_code == 400
    assert post_json(client, "/api/v1/analyze", {"text": 5}).status_code == 400
    assert post_json(client, "/api/v1/analyze", ["text"]).status_code == 400
    assert post_json(client, "/api/v1/analyze", {"text": "   "}).status_code == 400
    too_big = post_json(client, "/api/v1/analyze", {"text": "a" * 300_000})
    assert too_big.status_code == 413 and too_big.json()["error"]["code"] == "too_large"
    long_text = post_json(client, "/api/v1/analyze", {"text": "Chuyển khoản ngay " * 2000})
    assert long_text.status_code == 200 and long_text.json()["truncated"] is True
    assert client.get("/api/v1/analyze").status_code == 405


def test_hostile_text_comes_back_as_data(client):
    text = "<script>alert(1)</script> ' OR 1=1 -- \x00 http://xn--80ak6aa92e.com"
    data = post_json(client, "/api/v1/analyze", {"text": text}).json()
    assert data["verdict"] in {"scam", "suspicious", "no_signal"}
    assert client.get("/api/v1/check", {"q": text}).status_code == 200


def test_the_api_is_rate_limited_per_client(client):
    for _ in range(30):
        assert post_json(client, "/api/v1/analyze", {"text": "Xin chào"}).status_code == 200
    limited = post_json(client, "/api/v1/analyze", {"text": "Xin chào"})
    assert limited.status_code == 429 and limited["Retry-After"] == "60"
    assert limited.json()["error"]["code"] == "rate_limited"
    other = post_json(client, "/api/v1/analyze", {"text": "Xin chào"}, REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 200


def test_k_anonymity_range(client, make_report, coordinator, allowlist):
    make_report("0868 531 274")
    digest = hashlib.sha256(b"phone:+84868531274").hexdigest()
    data = client.get(f"/api/v1/check/range/{digest[:5]}").json()
    assert data["prefix"] == digest[:5]
    hashes = {entry["hash"]: entry["status"] for entry in data["hashes"]}
    assert hashes[digest] == "reported"
    assert len(data["hashes"]) % 16 == 0 and len(data["hashes"]) >= 16
    assert all(h.startswith(digest[:5]) and len(h) == 64 for h in hashes)
    again = client.get(f"/api/v1/check/range/{digest[:5].upper()}").json()
    assert again["hashes"] == data["hashes"]  # decoys are stable: comparing answers reveals nothing
    official = hashlib.sha256(b"phone:113").hexdigest()
    assert {
        e["hash"]: e["status"] for e in client.get(f"/api/v1/check/range/{official[:6]}").json()["hashes"]
    }[official] == "official"
    for bad in ["abcd", "abcdefghi", "zzzzz", "12345%27"]:
        assert client.get(f"/api/v1/check/range/{bad}").status_code in {400, 404}


def test_the_openapi_document_describes_the_endpoints(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/check", "/api/v1/analyze", "/api/v1/check/range/{prefix}"} <= set(doc["paths"])
    schemas = doc["components"]["schemas"]
    assert set(schemas["CheckResult"]["properties"]["kind"]["enum"]) >= {
        "phone",
        "bank_account",
        "url",
        "social",
        "text",
    }
    assert set(schemas["CheckItem"]["properties"]["status"]["enum"]) == {
        "verified_scam",
        "reported",
        "no_information",
        "official",
    }
    assert set(schemas["Analysis"]["required"]) == {"verdict", "score", "methods", "red_flags"}
