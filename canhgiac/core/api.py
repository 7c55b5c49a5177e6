"""Small helpers shared by the JSON APIs under /api/v1/ and the merged OpenAPI document."""

from __future__ import annotations

import importlib
from importlib.util import find_spec

from django.conf import settings
from django.http import JsonResponse

API_APPS = ["knowledge", "scamcheck", "incidents", "training", "campaigns", "reports"]


def json_error(message: str, *, status: int, code: str = "invalid") -> JsonResponse:
    """An error the client can show: a Vietnamese message and a stable code."""
    return JsonResponse(
        {"error": {"code": code, "message": message}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def json_ok(data, *, status: int = 200, headers: dict | None = None) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    for key, value in (headers or {}).items():
        response[key] = value
    return response


def openapi_document() -> dict:
    """The OpenAPI 3.1 document of every app that exposes `OPENAPI` in its `api` module."""
    doc = {
        "openapi": "3.1.0",
        "info": {
            "title": "Cảnh giác — API công khai",
            "version": "1",
            "description": (
                f"API của nền tảng phòng, chống lừa đảo trực tuyến tỉnh {settings.PROVINCE_NAME}. "
                'Mọi câu trả lời là JSON UTF-8; lỗi có dạng {"error": {"code", "message"}}.'
            ),
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {},
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                        }
                    },
                }
            }
        },
    }
    for label in API_APPS:
        if not find_spec(f"canhgiac.{label}.api"):
            continue
        fragment = getattr(importlib.import_module(f"canhgiac.{label}.api"), "OPENAPI", None) or {}
        doc["paths"].update(fragment.get("paths", {}))
        doc["components"]["schemas"].update(fragment.get("components", {}).get("schemas", {}))
    return doc
