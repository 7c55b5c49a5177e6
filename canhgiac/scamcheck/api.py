"""Public JSON API of the scam checker, mounted under /api/v1/ (rate limited per client, CSRF-exempt)."""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from canhgiac.core.api import json_error, json_ok
from canhgiac.core.middleware import client_ip
from canhgiac.core.ratelimit import hit

from . import selectors
from .advice import advice_for
from .analyzer import MAX_CHARS, analyze

MAX_BODY = 256 * 1024
LIMITS = {"check": (60, 60), "analyze": (30, 60), "hash": (120, 60)}


def _limited(request, scope: str):
    """None while the client is within its limit, else a 429 answer with Retry-After."""
    limit, window = LIMITS[scope]
    if hit(f"api-scamcheck-{scope}", client_ip(request), limit=limit, window=window):
        return None
    response = json_error(
        f"Quá nhiều yêu cầu: tối đa {limit} lần mỗi {window} giây. Vui lòng thử lại sau.",
        status=429,
        code="rate_limited",
    )
    response["Retry-After"] = str(window)
    return response


@never_cache
@require_GET
def check(request):
    limited = _limited(request, "check")
    if limited:
        return limited
    query = request.GET.get("q", "")
    if not query.strip():
        return json_error(
            "Thiếu tham số q: số điện thoại, số tài khoản, đường link hoặc nội dung tin nhắn.",
            status=400,
            code="missing_q",
        )
    if len(query) > MAX_CHARS:
        return json_error(f"Nội dung quá dài: tối đa {MAX_CHARS} ký tự.", status=413, code="too_long")
    result = selectors.check(query)
    data = result.as_dict()
    agency = settings.POLICE_AGENCY_NAME
    if result.analysis is not None:
        data["advice"] = advice_for(status=result.status, verdict=result.analysis.verdict, agency=agency)
    else:
        data["advice"] = advice_for(status=result.status, kind=result.kind, agency=agency)
    return json_ok(data)


@csrf_exempt
@never_cache
@require_POST
def analyze_view(request):
    limited = _limited(request, "analyze")
    if limited:
        return limited
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_BODY:
        return json_error(
            f"Nội dung gửi lên quá lớn: tối đa {MAX_BODY // 1024} KB.", status=413, code="too_large"
        )
    body = request.body[: MAX_BODY + 1]
    if len(body) > MAX_BODY:
        return json_error(
            f"Nội dung gửi lên quá lớn: tối đa {MAX_BODY // 1024} KB.", status=413, code="too_large"
        )
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return json_error(
            'Nội dung phải là JSON UTF-8 dạng {"text": "..."}.', status=400, code="invalid_json"
        )
    text = payload.get("text") if isinstance(payload, dict) else None
    if not isinstance(text, str) or not text.strip():
        return json_error('Thiếu trường "text" (chuỗi ký tự không rỗng).', status=400, code="missing_text")
    result = analyze(text)
    data = result.as_dict()
    data["advice"] = advice_for(
        status=_worst(result), verdict=result.verdict, agency=settings.POLICE_AGENCY_NAME
    )
    return json_ok(data)


def _worst(result) -> str:
    order = ["no_information", "official", "reported", "verified_scam"]
    statuses = [item.status for item in result.identifiers] or ["no_information"]
    return max(statuses, key=order.index)


@never_cache
@require_GET
def hash_range(request, prefix):
    limited = _limited(request, "hash")
    if limited:
        return limited
    if not re.fullmatch(
        rf"[0-9a-fA-F]{{{selectors.HASH_PREFIX_MIN},{selectors.HASH_PREFIX_MAX}}}", prefix or ""
    ):
        return json_error(
            f"Tiền tố phải gồm {selectors.HASH_PREFIX_MIN} đến {selectors.HASH_PREFIX_MAX} ký tự thập lục phân "
            "(0-9, a-f) của SHA-256.",
            status=400,
            code="invalid_prefix",
        )
    entries = selectors.hash_range(prefix)
    return json_ok(
        {"prefix": prefix.lower(), "hashes": entries}, headers={"Cache-Control": "public, max-age=300"}
    )


urlpatterns = [
    path("check", check, name="check"),
    path("check/range/<str:prefix>", hash_range, name="hash_range"),
    path("analyze", analyze_view, name="analyze"),
]

_STATUS = {"type": "string", "enum": ["verified_scam", "reported", "no_information", "official"]}
_ERRORS = {
    "400": {
        "description": "Yêu cầu sai",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "413": {
        "description": "Quá lớn",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
    "429": {
        "description": "Quá nhiều yêu cầu (xem Retry-After)",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
}

OPENAPI = {
    "paths": {
        "/api/v1/check": {
            "get": {
                "summary": "Tra cứu một số điện thoại, số tài khoản, đường link, tài khoản mạng xã hội hoặc cả tin nhắn",
                "description": (
                    "Trả lời một trong bốn tình trạng: verified_scam (Công an đã xác minh lừa đảo), reported (có "
                    "phản ánh, chưa xác minh, kèm số phản ánh), no_information (chưa có thông tin — không có nghĩa là "
                    "an toàn), official (đầu mối chính thức). Với tin nhắn, kèm kết quả phân tích. Giới hạn 60 lần/phút."
                ),
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string", "maxLength": MAX_CHARS},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Kết quả",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/CheckResult"}}
                        },
                    },
                    **_ERRORS,
                },
            }
        },
        "/api/v1/analyze": {
            "post": {
                "summary": "Phân tích một tin nhắn: dấu hiệu lừa đảo, định danh, đường link giả mạo, kết luận",
                "description": "Giới hạn 30 lần/phút, thân yêu cầu tối đa 256 KB; văn bản dài hơn 20.000 ký tự được cắt bớt.",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {"text": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "Kết quả phân tích",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Analysis"}}
                        },
                    },
                    **_ERRORS,
                },
            }
        },
        "/api/v1/check/range/{prefix}": {
            "get": {
                "summary": "Tra cứu ẩn danh (k-anonymity): gửi 5–8 ký tự đầu của SHA-256, nhận danh sách băm đầy đủ",
                "description": (
                    'Ứng dụng tự tính sha256("kind:value") theo dạng chuẩn (ví dụ "phone:+84912345678", '
                    '"bank_account:0011004123456", "url:vietcombank-xacminh.com", "social:telegram:abc"), gửi tiền tố '
                    "và so sánh ở máy mình: máy chủ không biết định danh nào được tra. Danh sách được độn thêm mã băm "
                    "giả (ổn định trong ngày) cho đủ bội số của 16. Giới hạn 120 lần/phút."
                ),
                "parameters": [
                    {
                        "name": "prefix",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "pattern": "^[0-9a-f]{5,8}$"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Các mã băm có cùng tiền tố",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/HashRange"}}
                        },
                    },
                    **_ERRORS,
                },
            }
        },
    },
    "components": {
        "schemas": {
            "CheckItem": {
                "type": "object",
                "required": ["kind", "value", "status"],
                "properties": {
                    "kind": {
                        "type": "string",
                        "enum": ["phone", "bank_account", "url", "social", "brandname"],
                    },
                    "value": {"type": "string", "description": "Dạng chuẩn hóa"},
                    "display": {"type": "string"},
                    "detail": {"type": "string"},
                    "bank": {"type": "string"},
                    "status": _STATUS,
                    "status_label": {"type": "string"},
                    "reports": {"type": "integer"},
                    "verified_at": {"type": "string", "format": "date-time"},
                    "reason": {"type": "string"},
                    "under_review": {"type": "boolean"},
                    "dispute_open": {"type": "boolean"},
                    "official": {"type": "object"},
                    "method": {"type": "object"},
                    "related": {"type": "array", "items": {"type": "object"}},
                },
            },
            "CheckResult": {
                "type": "object",
                "required": ["kind", "status", "items"],
                "properties": {
                    "query": {"type": "string"},
                    "kind": {
                        "type": "string",
                        "enum": ["phone", "bank_account", "url", "social", "brandname", "text"],
                    },
                    "status": _STATUS,
                    "status_label": {"type": "string"},
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/CheckItem"}},
                    "analysis": {"$ref": "#/components/schemas/Analysis"},
                    "advice": {"type": "array", "items": {"type": "string"}},
                    "hint": {"type": "string"},
                },
            },
            "RedFlag": {
                "type": "object",
                "properties": {
                    "code": {"type": "string"},
                    "text": {"type": "string"},
                    "weight": {"type": "number"},
                    "method": {"type": "string"},
                    "spans": {
                        "type": "array",
                        "items": {
                            "type": "array",
                            "items": {"type": "integer"},
                            "minItems": 2,
                            "maxItems": 2,
                        },
                    },
                    "excerpts": {"type": "array", "items": {"type": "string"}},
                },
            },
            "Analysis": {
                "type": "object",
                "required": ["verdict", "score", "methods", "red_flags"],
                "properties": {
                    "verdict": {"type": "string", "enum": ["scam", "suspicious", "no_signal"]},
                    "score": {"type": "number", "minimum": 0, "maximum": 1},
                    "methods": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Mã phương thức",
                    },
                    "red_flags": {"type": "array", "items": {"$ref": "#/components/schemas/RedFlag"}},
                    "identifiers": {"type": "array", "items": {"type": "object"}},
                    "reasons": {"type": "array", "items": {"type": "string"}},
                    "model_probability": {"type": ["number", "null"]},
                    "truncated": {"type": "boolean"},
                    "advice": {"type": "array", "items": {"type": "string"}},
                },
            },
            "HashRange": {
                "type": "object",
                "properties": {
                    "prefix": {"type": "string"},
                    "hashes": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"hash": {"type": "string"}, "status": _STATUS},
                        },
                    },
                },
            },
        }
    },
}
