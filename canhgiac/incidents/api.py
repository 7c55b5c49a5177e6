"""Public JSON API of the case register: the same aggregates as the public page (no login, no personal data,
no case, every cell under 3 cases hidden)."""

from __future__ import annotations

from django.urls import path
from django.views.decorators.http import require_GET

from canhgiac.core.api import json_error, json_ok
from canhgiac.core.ratelimit import ratelimit

from . import selectors
from .selectors.public import PUBLIC_TABLES
from .selectors.suppression import SHOWN

HEADERS = {"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"}


def _cell(cell) -> dict:
    if cell.state != SHOWN:
        return {
            "key": str(cell.key),
            "label": cell.label,
            "suppressed": cell.state,
            "cases": None,
            "lost": None,
        }
    return {
        "key": str(cell.key),
        "label": cell.label,
        "suppressed": None,
        "cases": cell.cases,
        "lost": cell.lost,
    }


@require_GET
@ratelimit("api-fraud-stats", limit=60, window=60, methods=("GET",))
def fraud_stats(request):
    years = selectors.public_years()
    raw = request.GET.get("year", "")
    if raw and not raw.isdigit():
        return json_error("Năm phải là số, ví dụ 2026.", status=400, code="bad_year")
    year = int(raw) if raw else years[0]
    if year not in years:
        return json_error(
            f"Chưa có số liệu năm {year}; có các năm {', '.join(map(str, sorted(years)))}.",
            status=404,
            code="no_data",
        )
    o = selectors.public_overview(year=year)
    small = o["total_small"]
    tables = {}
    for key in PUBLIC_TABLES:
        t = o["tables"][key]
        withheld = t["withheld"] or t["total_small"]
        tables[key] = {
            "withheld": bool(withheld),
            "cells": [] if withheld else [_cell(c) for c in t["cells"]],
        }
    return json_ok(
        {
            "year": year,
            "until": o["period"].end.isoformat(),
            "cases": None if small else o["total_cases"],
            "lost": None if small else o["total_lost"],
            "tables": tables,
            "rising": [
                {"method": m["slug"], "recent": m["recent"], "previous": m["previous"], "growth": m["growth"]}
                for m in o["rising"]
            ],
        },
        headers=HEADERS,
    )


urlpatterns = [path("fraud-stats", fraud_stats, name="fraud_stats")]

_CELL = {
    "type": "object",
    "required": ["key", "label", "cases", "lost", "suppressed"],
    "properties": {
        "key": {
            "type": "string",
            "description": "Tháng (YYYY-MM-DD, ngày đầu tháng), mã phương thức, mã đơn vị…",
        },
        "label": {"type": "string"},
        "cases": {"type": ["integer", "null"], "description": "null khi ô bị ẩn"},
        "lost": {
            "type": ["integer", "null"],
            "description": "Số tiền bị chiếm đoạt (đồng); null khi ô bị ẩn",
        },
        "suppressed": {
            "type": ["string", "null"],
            "enum": ["small", "hidden", None],
            "description": "small: dưới 3 vụ; hidden: ẩn thêm để không suy ra được ô dưới 3 vụ",
        },
    },
}

OPENAPI = {
    "paths": {
        "/api/v1/fraud-stats": {
            "get": {
                "summary": "Tình hình lừa đảo trên không gian mạng trong tỉnh theo năm (số liệu tổng hợp)",
                "tags": ["Vụ việc"],
                "parameters": [
                    {
                        "name": "year",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "integer"},
                        "description": "Năm (mặc định: năm nay, tính đến hôm nay)",
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Số vụ và số tiền theo tháng, phương thức, xã/phường, nhóm nạn nhân; ô dưới 3 vụ bị ẩn",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/FraudStats"}}
                        },
                    },
                    "400": {
                        "description": "Năm không hợp lệ",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                    "404": {
                        "description": "Chưa có số liệu năm đó",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                    "429": {"description": "Gọi quá nhiều lần trong một phút"},
                },
            }
        }
    },
    "components": {
        "schemas": {
            "FraudStatsCell": _CELL,
            "FraudStats": {
                "type": "object",
                "required": ["year", "until", "cases", "lost", "tables", "rising"],
                "properties": {
                    "year": {"type": "integer"},
                    "until": {"type": "string", "format": "date"},
                    "cases": {"type": ["integer", "null"], "description": "null khi cả năm dưới 3 vụ"},
                    "lost": {"type": ["integer", "null"]},
                    "tables": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "properties": {
                                "withheld": {"type": "boolean"},
                                "cells": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/FraudStatsCell"},
                                },
                            },
                        },
                    },
                    "rising": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "method": {"type": "string"},
                                "recent": {"type": "integer"},
                                "previous": {"type": ["integer", "null"]},
                                "growth": {"type": ["number", "null"]},
                            },
                        },
                    },
                },
            },
        }
    },
}
