"""Public JSON API of the knowledge base: the published methods and their red flags (no login)."""

from __future__ import annotations

from django.conf import settings
from django.urls import path, reverse
from django.views.decorators.http import require_GET

from canhgiac.core.api import json_error, json_ok
from canhgiac.core.ratelimit import ratelimit

from .models import ScamMethod

CACHE_HEADERS = {"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"}


def _method_json(m: ScamMethod, *, full: bool) -> dict:
    data = {
        "slug": m.slug,
        "number": m.number,
        "name": m.name,
        "group": m.group,
        "group_label": str(m.get_group_display()),
        "severity": m.severity,
        "summary": m.summary,
        "channels": list(m.channels),
        "red_flags": [{"id": f.code, "text": f.text, "weight": f.weight} for f in m.red_flags.all()],
        "url": f"{settings.SITE_URL}{m.get_absolute_url()}",
        "leaflet_pdf": f"{settings.SITE_URL}{reverse('knowledge:method_leaflet', args=[m.slug])}",
        "updated_at": m.updated_at.isoformat(),
    }
    if full:
        data.update(
            {
                "steps": list(m.steps),
                "do": list(m.do_list),
                "never": list(m.dont_list),
                "targets": m.targets,
                "legal_basis": m.legal_items,
                "related": [r.slug for r in m.related.all() if r.is_published],
                "examples": [
                    {"channel": e.channel, "sender": e.sender, "text": e.text} for e in m.examples.all()
                ],
                "poster_pdf": f"{settings.SITE_URL}{reverse('knowledge:method_poster', args=[m.slug])}",
            }
        )
    return data


@require_GET
@ratelimit("api-methods", limit=120, window=60, methods=("GET",))
def methods(request):
    rows = ScamMethod.objects.published().prefetch_related("red_flags")
    group = request.GET.get("group")
    if group:
        if group not in ScamMethod.Group.values:
            return json_error(
                "Nhóm không hợp lệ; dùng một trong: " + ", ".join(ScamMethod.Group.values),
                status=400,
                code="bad_group",
            )
        rows = rows.filter(group=group)
    items = [_method_json(m, full=False) for m in rows]
    return json_ok({"count": len(items), "methods": items}, headers=CACHE_HEADERS)


@require_GET
@ratelimit("api-methods", limit=120, window=60, methods=("GET",))
def method_detail(request, slug):
    method = (
        ScamMethod.objects.published()
        .prefetch_related("red_flags", "examples", "related")
        .filter(slug=slug)
        .first()
    )
    if method is None:
        return json_error("Không có phương thức đã công bố với mã này.", status=404, code="not_found")
    return json_ok(_method_json(method, full=True), headers=CACHE_HEADERS)


urlpatterns = [
    path("methods", methods, name="methods"),
    path("methods/<slug:slug>", method_detail, name="method_detail"),
]

_RED_FLAG = {
    "type": "object",
    "required": ["id", "text"],
    "properties": {
        "id": {
            "type": "string",
            "description": "Mã ổn định của dấu hiệu",
            "example": "cong-an-chuyen-tien-tai-khoan-tam-giu",
        },
        "text": {"type": "string"},
        "weight": {"type": "number", "minimum": 0, "maximum": 1},
    },
}
_METHOD_PROPS = {
    "slug": {"type": "string", "example": "dau-tu-tai-chinh-tien-ao"},
    "number": {"type": ["integer", "null"]},
    "name": {"type": "string"},
    "group": {"type": "string", "enum": list(ScamMethod.Group.values)},
    "group_label": {"type": "string"},
    "severity": {"type": "integer", "enum": [1, 2, 3], "description": "1 thấp, 2 trung bình, 3 cao"},
    "summary": {"type": "string"},
    "channels": {"type": "array", "items": {"type": "string"}},
    "red_flags": {"type": "array", "items": {"$ref": "#/components/schemas/RedFlag"}},
    "url": {"type": "string", "format": "uri"},
    "leaflet_pdf": {"type": "string", "format": "uri"},
    "updated_at": {"type": "string", "format": "date-time"},
}

OPENAPI = {
    "paths": {
        "/api/v1/methods": {
            "get": {
                "summary": "Danh sách phương thức lừa đảo đã công bố",
                "tags": ["Kiến thức"],
                "parameters": [
                    {
                        "name": "group",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": list(ScamMethod.Group.values)},
                        "description": "Lọc theo nhóm",
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Các phương thức, theo thứ tự của danh mục",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["count", "methods"],
                                    "properties": {
                                        "count": {"type": "integer"},
                                        "methods": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Method"},
                                        },
                                    },
                                }
                            }
                        },
                    },
                    "400": {
                        "description": "Tham số sai",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                    "429": {"description": "Gọi quá nhiều lần trong một phút"},
                },
            }
        },
        "/api/v1/methods/{slug}": {
            "get": {
                "summary": "Toàn bộ nội dung một phương thức đã công bố",
                "tags": ["Kiến thức"],
                "parameters": [
                    {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "Phương thức",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/MethodDetail"}}
                        },
                    },
                    "404": {
                        "description": "Không có",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
        },
    },
    "components": {
        "schemas": {
            "RedFlag": _RED_FLAG,
            "Method": {
                "type": "object",
                "required": ["slug", "name", "group", "red_flags"],
                "properties": _METHOD_PROPS,
            },
            "MethodDetail": {
                "type": "object",
                "required": ["slug", "name", "group", "red_flags", "steps", "do", "never"],
                "properties": {
                    **_METHOD_PROPS,
                    "steps": {"type": "array", "items": {"type": "string"}},
                    "do": {"type": "array", "items": {"type": "string"}},
                    "never": {"type": "array", "items": {"type": "string"}},
                    "targets": {"type": "string"},
                    "legal_basis": {"type": "array", "items": {"type": "string"}},
                    "related": {"type": "array", "items": {"type": "string"}},
                    "examples": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "channel": {"type": "string"},
                                "sender": {"type": "string"},
                                "text": {"type": "string"},
                            },
                        },
                    },
                    "poster_pdf": {"type": "string", "format": "uri"},
                },
            },
        }
    },
}
