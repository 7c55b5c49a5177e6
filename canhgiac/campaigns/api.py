"""JSON API of campaigns for officials (session sign-in): campaigns, coverage by unit, the obligations board,
conferences. Scoped like the pages: out of scope answers 404."""

from __future__ import annotations

from datetime import date

from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from canhgiac.core.api import json_error, json_ok
from canhgiac.org.models import Unit

from . import selectors
from .models import Campaign
from .permissions import can_read_any


def _guard(request):
    if not request.user.is_authenticated:
        return json_error("Cần đăng nhập tài khoản cán bộ.", status=401, code="unauthenticated")
    if not can_read_any(request.user):
        return json_error("Không có chiến dịch nào trong phạm vi của bạn.", status=404, code="not_found")
    return None


def _campaign(request, pk):
    """(campaign, None) or (None, the JSON answer to return: 401 or 404)."""
    denied = _guard(request)
    if denied is not None:
        return None, denied
    campaign = Campaign.objects.visible_to(request.user).filter(pk=pk).first()
    if campaign is None:
        return None, json_error(
            "Không có chiến dịch này trong phạm vi của bạn.", status=404, code="not_found"
        )
    return campaign, None


def _ratio(value):
    return round(value, 4) if value is not None else None


@require_GET
def campaign_list(request):
    if (denied := _guard(request)) is not None:
        return denied
    out = []
    for campaign in Campaign.objects.visible_to(request.user).order_by("-starts_on", "-id"):
        total = selectors.coverage_total(viewer=request.user, campaign=campaign)
        out.append(
            {
                "id": campaign.pk,
                "title": campaign.title,
                "legal_number": campaign.legal_number,
                "legal_date": campaign.legal_date.isoformat(),
                "status": campaign.status,
                "starts_on": campaign.starts_on.isoformat(),
                "deadline": campaign.deadline.isoformat(),
                "target_coverage": campaign.target_ratio,
                "reach_rule": campaign.reach_rule,
                "people": total.people,
                "reached": total.reached,
                "coverage": _ratio(total.coverage),
            }
        )
    return json_ok({"campaigns": out})


@require_GET
def coverage(request, pk):
    campaign, denied = _campaign(request, pk)
    if denied is not None:
        return denied
    root = None
    raw_unit = request.GET.get("don_vi", "")
    if raw_unit:
        root = Unit.objects.visible_to(request.user).filter(pk=raw_unit if raw_unit.isdigit() else 0).first()
        if root is None:
            return json_error("Không có đơn vị này trong phạm vi của bạn.", status=404, code="not_found")
    on = None
    if request.GET.get("ngay"):
        try:
            on = date.fromisoformat(request.GET["ngay"])
        except ValueError:
            return json_error("Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-11-15.", status=400)
    depth = request.GET.get("cap", "")
    rows = selectors.coverage_by_unit(
        viewer=request.user,
        campaign=campaign,
        on=on,
        root=root,
        depth=int(depth) if depth.isdigit() else None,
    )
    return json_ok(
        {
            "campaign": campaign.pk,
            "on": (on or selectors.default_day(campaign)).isoformat(),
            "units": [
                {
                    "id": row.unit.pk,
                    "code": row.unit.code,
                    "name": row.unit.name,
                    "level": row.level,
                    "people": row.people,
                    "reached": row.reached,
                    "coverage": _ratio(row.coverage),
                }
                for row in rows
            ],
        }
    )


@require_GET
def obligations(request, pk):
    campaign, denied = _campaign(request, pk)
    if denied is not None:
        return denied
    data = selectors.obligations_status(viewer=request.user, campaign=campaign)
    rows = []
    for row in data["rows"]:
        rows.append(
            {
                "unit": {"id": row.unit.pk, "code": row.unit.code, "name": row.unit.name},
                "status": row.status,
                "obligations": [
                    {
                        "kind": cell["kind"],
                        "state": cell["state"],
                        "due_on": cell["item"].due_on.isoformat(),
                        "target": cell["item"].target,
                        "progress": cell["item"].progress,
                        "done_at": cell["item"].done_at.isoformat() if cell["item"].done_at else None,
                    }
                    for cell in row.items
                    if cell["item"] is not None
                ],
                "coverage": _ratio(row.coverage.coverage) if row.coverage else None,
            }
        )
    summary = {k: v for k, v in data["summary"].items() if k != "by_kind"}
    return json_ok({"campaign": campaign.pk, "summary": summary, "units": rows})


@require_GET
def conferences(request, pk):
    campaign, denied = _campaign(request, pk)
    if denied is not None:
        return denied
    rows = selectors.conference_list(viewer=request.user, campaign=campaign)[:500]
    return json_ok(
        {
            "campaign": campaign.pk,
            "conferences": [
                {
                    "id": c.pk,
                    "title": c.title,
                    "unit": {"id": c.unit_id, "name": c.unit.name},
                    "starts_at": timezone.localtime(c.starts_at).isoformat(),
                    "ends_at": timezone.localtime(c.ends_at).isoformat(),
                    "mode": c.mode,
                    "status": c.status,
                    "expected_attendance": c.expected_attendance,
                    "attended": c.attended,
                    "speakers": [a.speaker.full_name for a in c.assignments.all()],
                }
                for c in rows
            ],
            "per_week": [
                {**w, "week": w["week"].isoformat()}
                for w in selectors.conferences_per_week(viewer=request.user, campaign=campaign)
            ],
        }
    )


urlpatterns = [
    path("chien-dich/", campaign_list, name="campaigns_api_list"),
    path("chien-dich/<int:pk>/bao-phu", coverage, name="campaigns_api_coverage"),
    path("chien-dich/<int:pk>/nghia-vu", obligations, name="campaigns_api_obligations"),
    path("chien-dich/<int:pk>/hoi-nghi", conferences, name="campaigns_api_conferences"),
]

_ERR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_ID = {"name": "pk", "in": "path", "required": True, "schema": {"type": "integer"}}


def _op(summary, description, schema, parameters=()):
    return {
        "get": {
            "summary": summary,
            "description": description + " Cần phiên đăng nhập của cán bộ; ngoài phạm vi trả lời 404.",
            "parameters": list(parameters),
            "responses": {
                "200": {"description": "Kết quả", "content": {"application/json": {"schema": schema}}},
                "401": {"description": "Chưa đăng nhập", **_ERR},
                "404": {"description": "Không có trong phạm vi", **_ERR},
            },
        }
    }


OPENAPI = {
    "paths": {
        "/api/v1/chien-dich/": _op(
            "Các chiến dịch trong phạm vi",
            "Văn bản chỉ đạo, thời hạn, chỉ tiêu và tỷ lệ bao phủ hiện tại trong phạm vi người xem.",
            {
                "type": "object",
                "properties": {
                    "campaigns": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignSummary"}}
                },
            },
        ),
        "/api/v1/chien-dich/{pk}/bao-phu": _op(
            "Bao phủ theo đơn vị",
            "Người đã được tuyên truyền ÷ người trong phạm vi (danh sách tại ngày, trừ miễn trừ), cộng dồn theo cây đơn vị.",
            {"$ref": "#/components/schemas/CampaignCoverage"},
            [
                _ID,
                {
                    "name": "don_vi",
                    "in": "query",
                    "schema": {"type": "integer"},
                    "description": "Chỉ cây con của đơn vị này.",
                },
                {"name": "ngay", "in": "query", "schema": {"type": "string", "format": "date"}},
                {
                    "name": "cap",
                    "in": "query",
                    "schema": {"type": "integer"},
                    "description": "Số cấp dưới đơn vị gốc.",
                },
            ],
        ),
        "/api/v1/chien-dich/{pk}/nghia-vu": _op(
            "Bảng theo dõi nghĩa vụ của đơn vị",
            "Từng đơn vị thực hiện: đánh giá nhu cầu, hội nghị, báo cáo — tình trạng (done, late, pending, due_soon, overdue).",
            {"type": "object"},
            [_ID],
        ),
        "/api/v1/chien-dich/{pk}/hoi-nghi": _op(
            "Hội nghị của chiến dịch",
            "Danh sách hội nghị (tối đa 500) và số hội nghị, lượt điểm danh theo tuần.",
            {"type": "object"},
            [_ID],
        ),
    },
    "components": {
        "schemas": {
            "CampaignSummary": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "legal_number": {"type": "string"},
                    "status": {"type": "string", "enum": ["draft", "active", "closed"]},
                    "deadline": {"type": "string", "format": "date"},
                    "people": {"type": "integer"},
                    "reached": {"type": "integer"},
                    "coverage": {"type": ["number", "null"]},
                },
            },
            "CampaignCoverage": {
                "type": "object",
                "properties": {
                    "campaign": {"type": "integer"},
                    "on": {"type": "string", "format": "date"},
                    "units": {"type": "array", "items": {"type": "object"}},
                },
            },
        }
    },
}
