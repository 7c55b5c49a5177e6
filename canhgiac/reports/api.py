"""JSON API of reports for officials (session sign-in): the reports of a campaign with their state and figures,
and the reporting completeness. Scoped like the pages: out of scope answers 404."""

from __future__ import annotations

from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from canhgiac.campaigns.models import Campaign
from canhgiac.core.api import json_error, json_ok

from .selectors import reporting_completeness
from .views.common import can_read_any


def _campaign(request, pk):
    """(campaign, None) or (None, the JSON answer to return: 401 or 404)."""
    if not request.user.is_authenticated:
        return None, json_error("Cần đăng nhập tài khoản cán bộ.", status=401, code="unauthenticated")
    campaign = None
    if can_read_any(request.user):
        campaign = (
            Campaign.objects.visible_to(request.user)
            .exclude(status=Campaign.Status.DRAFT)
            .filter(pk=pk)
            .first()
        )
    if campaign is None:
        return None, json_error(
            "Không có chiến dịch này trong phạm vi của bạn.", status=404, code="not_found"
        )
    return campaign, None


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def _round(value):
    return round(value, 4) if value is not None else None


def _report(row) -> dict:
    report = row.report
    out = {
        "unit": {"id": row.unit.pk, "code": row.unit.code, "name": row.unit.name},
        "state": row.state,
        "submitted": row.submitted,
        "on_time": row.on_time,
        "late": row.late,
        "accepted": row.accepted,
        "first_submitted_at": _when(report.first_submitted_at) if report else None,
        "accepted_at": _when(report.accepted_at) if report else None,
        "figures": None,
    }
    if report is not None and report.was_submitted:
        out["number"] = report.number
        out["figures"] = {
            "on": report.figures_on.isoformat() if report.figures_on else None,
            "headcount": report.headcount,
            "exempt": report.exempt,
            "people": report.people,
            "reached": report.reached,
            "coverage": _round(report.coverage),
            "conferences_held": report.conferences_held,
            "attendance": report.attendance,
            "pre_avg": _round(report.pre_avg),
            "post_avg": _round(report.post_avg),
            "weakest_methods": report.weakest_methods,
        }
    return out


def _totals(c) -> dict:
    return {k: (_round(v) if isinstance(v, float) else v) for k, v in c.totals().items()}


@require_GET
def reports(request, pk):
    campaign, denied = _campaign(request, pk)
    if denied is not None:
        return denied
    c = reporting_completeness(viewer=request.user, campaign=campaign)
    return json_ok(
        {"campaign": campaign.pk, "due_on": c.due_on.isoformat(), "reports": [_report(r) for r in c.rows]}
    )


@require_GET
def completeness(request, pk):
    campaign, denied = _campaign(request, pk)
    if denied is not None:
        return denied
    c = reporting_completeness(viewer=request.user, campaign=campaign)
    return json_ok(
        {
            "campaign": campaign.pk,
            "due_on": c.due_on.isoformat(),
            "totals": _totals(c),
            "units": [
                {"id": r.unit.pk, "name": r.unit.name, "state": r.state, "on_time": r.on_time, "late": r.late}
                for r in c.rows
            ],
        }
    )


urlpatterns = [
    path("bao-cao/<int:pk>/", reports, name="reports_api_list"),
    path("bao-cao/<int:pk>/day-du", completeness, name="reports_api_completeness"),
]

_ERR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_ID = {
    "name": "pk",
    "in": "path",
    "required": True,
    "schema": {"type": "integer"},
    "description": "Mã chiến dịch.",
}


def _op(summary, description, schema):
    return {
        "get": {
            "summary": summary,
            "description": description + " Cần phiên đăng nhập của cán bộ; ngoài phạm vi trả lời 404.",
            "parameters": [_ID],
            "responses": {
                "200": {"description": "Kết quả", "content": {"application/json": {"schema": schema}}},
                "401": {"description": "Chưa đăng nhập", **_ERR},
                "404": {"description": "Không có trong phạm vi", **_ERR},
            },
        }
    }


OPENAPI = {
    "paths": {
        "/api/v1/bao-cao/{pk}/": _op(
            "Báo cáo của các đơn vị trong một chiến dịch",
            "Mỗi đơn vị thực hiện trong phạm vi: tình trạng (missing, draft, submitted, returned, accepted), gửi "
            "đúng hạn hay trễ, và số liệu của báo cáo đã gửi.",
            {"$ref": "#/components/schemas/UnitReports"},
        ),
        "/api/v1/bao-cao/{pk}/day-du": _op(
            "Mức độ đầy đủ của báo cáo",
            "Theo cách của DHIS2: số báo cáo phải có, đã gửi, gửi đúng hạn, trễ hạn, đã duyệt và các tỷ lệ.",
            {"$ref": "#/components/schemas/ReportingCompleteness"},
        ),
    },
    "components": {
        "schemas": {
            "UnitReports": {
                "type": "object",
                "properties": {
                    "campaign": {"type": "integer"},
                    "due_on": {"type": "string", "format": "date"},
                    "reports": {"type": "array", "items": {"type": "object"}},
                },
            },
            "ReportingCompleteness": {
                "type": "object",
                "properties": {
                    "campaign": {"type": "integer"},
                    "due_on": {"type": "string", "format": "date"},
                    "totals": {
                        "type": "object",
                        "properties": {
                            "expected": {"type": "integer"},
                            "submitted": {"type": "integer"},
                            "on_time": {"type": "integer"},
                            "late": {"type": "integer"},
                            "accepted": {"type": "integer"},
                            "missing": {"type": "integer"},
                            "submitted_rate": {"type": ["number", "null"]},
                            "on_time_rate": {"type": ["number", "null"]},
                            "accepted_rate": {"type": ["number", "null"]},
                        },
                    },
                    "units": {"type": "array", "items": {"type": "object"}},
                },
            },
        }
    },
}
