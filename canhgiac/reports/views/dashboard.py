"""Dashboard pages (docs/dashboards.md): thin — scope (404 outside it), call the selectors, render or export.

Every chart has its table beside it and a CSV of the same figures (`<panel>.csv`).
"""

from __future__ import annotations

import csv
import functools

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from canhgiac.core.exports import safe_row
from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_paths

from ..selectors import dashboard as selectors


def readers(view):
    """Leaders, coordinators and unit managers (a subtree each); anybody else gets 404."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if scope_paths(request.user, READ_ROLES) == []:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@readers
def dashboard_home(request):
    campaigns = selectors.dashboard_campaigns(viewer=request.user)
    if campaigns:
        return redirect("reports:dashboard", campaigns[0].pk)
    return render(request, "reports/dashboard_empty.html")


@readers
def dashboard(request, campaign_pk, unit_pk=None):
    user = request.user
    campaigns = selectors.dashboard_campaigns(viewer=user)
    campaign = selectors.campaign_for_dashboard(viewer=user, pk=campaign_pk, among=campaigns)
    focus, roots = selectors.focus_unit(viewer=user, pk=unit_pk)
    data = selectors.campaign_dashboard(viewer=user, campaign=campaign, focus=focus)
    progress = data["progress"]
    return render(
        request,
        "reports/dashboard.html",
        {
            **data,
            "campaign": campaign,
            "campaigns": campaigns,
            "focus": focus,
            "roots": roots if len(roots) > 1 else [],
            "crumbs": selectors.breadcrumbs(viewer=user, unit=focus),
            "chart_points": [
                {
                    "d": p.day.strftime("%d/%m"),
                    "c": round(100 * p.coverage, 1) if p.coverage is not None else None,
                    "f": round(100 * p.projected, 1) if p.projected is not None else None,
                }
                for p in data["points"]
            ],
            "chart_units": [
                {"n": c.unit.display_name, "c": round(100 * c.coverage, 1) if c.coverage is not None else 0}
                for c in progress.children
            ],
        },
    )


def _panel_context(request, campaign_pk, unit_pk):
    user = request.user
    campaign = selectors.campaign_for_dashboard(viewer=user, pk=campaign_pk)
    focus, _roots = selectors.focus_unit(viewer=user, pk=unit_pk)
    return campaign, focus


@readers
def learning(request, campaign_pk, unit_pk):
    """The knowledge panel (loaded by htmx after the page: it reads the quiz results, not the counters)."""
    campaign, focus = _panel_context(request, campaign_pk, unit_pk)
    data = selectors.learning_panel(viewer=request.user, campaign=campaign, focus=focus)
    return render(
        request,
        "reports/_dashboard_learning.html",
        {
            **data,
            "campaign": campaign,
            "focus": focus,
            "methods_json": [
                {
                    "n": m.method.name,
                    "pre": round(100 * m.pre_rate, 1) if m.pre_rate is not None else None,
                    "post": round(100 * m.post_rate, 1) if m.post_rate is not None else None,
                }
                for m in data["methods"][:10]
            ],
        },
    )


@readers
def conferences(request, campaign_pk, unit_pk):
    campaign, focus = _panel_context(request, campaign_pk, unit_pk)
    data = selectors.conferences_panel(viewer=request.user, campaign=campaign, focus=focus)
    return render(
        request,
        "reports/_dashboard_conferences.html",
        {
            **data,
            "campaign": campaign,
            "focus": focus,
            "weeks_json": [
                {"d": w["week"].strftime("%d/%m"), "h": w["held"], "p": w["planned"], "a": w["attended"]}
                for w in data["weeks"]
            ],
        },
    )


def _points(value) -> str:
    """A score already in percent (or percentage points), one decimal, Vietnamese comma."""
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _pct(value) -> str:
    return "" if value is None else _points(100 * value)


def _csv_rows(request, campaign, focus, panel) -> tuple[list[str], list[list]]:
    user = request.user
    if panel in {"don-vi", "tien-do", "nguy-co", "hoan-thanh"}:
        data = selectors.campaign_dashboard(viewer=user, campaign=campaign, focus=focus, at_risk_limit=None)
        progress = data["progress"]
    if panel == "don-vi":
        header = [
            "Mã đơn vị",
            "Đơn vị",
            "Số người",
            "Đã được tuyên truyền",
            "Tỷ lệ (%)",
            "Dự báo tại hạn (%)",
        ]
        rows = [
            [p.unit.code, p.unit.name, p.people, p.reached, _pct(p.coverage), _pct(p.projected)]
            for p in [progress.focus, *progress.children]
        ]
    elif panel == "tien-do":
        header = ["Ngày", "Số người", "Đã được tuyên truyền", "Tỷ lệ (%)", "Dự báo theo nhịp hiện tại (%)"]
        rows = [
            [
                p.day.strftime("%d/%m/%Y"),
                p.people if p.people is not None else "",
                p.reached if p.reached is not None else "",
                _pct(p.coverage),
                _pct(p.projected),
            ]
            for p in data["points"]
        ]
    elif panel == "nguy-co":
        header = [
            "Mã đơn vị",
            "Đơn vị",
            "Số người",
            "Đã được tuyên truyền",
            "Tỷ lệ (%)",
            "Tăng mỗi tuần (điểm %)",
            "Dự báo tại hạn (%)",
            "Chỉ tiêu (%)",
        ]
        rows = [
            [
                p.unit.code,
                p.unit.name,
                p.people,
                p.reached,
                _pct(p.coverage),
                _pct(p.weekly_rate),
                _pct(p.projected),
                campaign.target_coverage,
            ]
            for p in data["at_risk"]
        ]
    elif panel == "hoan-thanh":
        header = ["Mã đơn vị", "Đơn vị", "Tình trạng", "Ngày gửi", "Đúng hạn", "Đã duyệt"]
        rows = [
            [
                r.unit.code,
                r.unit.name,
                r.state_label,
                r.submitted_on.strftime("%d/%m/%Y") if r.submitted_on else "",
                "có" if r.on_time else ("trễ" if r.late else ""),
                "có" if r.accepted else "",
            ]
            for r in data["completeness"].rows
        ]
    elif panel == "kien-thuc":
        data = selectors.learning_panel(viewer=user, campaign=campaign, focus=focus)
        header = [
            "Đơn vị",
            "Người tham gia",
            "Điểm trước (%)",
            "Điểm sau (%)",
            "Tăng (điểm %)",
            "Tỷ lệ đạt (%)",
        ]
        rows = [
            [
                r.unit.name,
                r.participants,
                _points(r.pre_avg),
                _points(r.post_avg),
                _points(r.gain),
                _pct(r.pass_rate),
            ]
            for r in [x for x in [data["summary"], *data["children"]] if x is not None]
        ]
    elif panel == "phuong-thuc":
        data = selectors.learning_panel(viewer=user, campaign=campaign, focus=focus)
        header = [
            "Phương thức",
            "Trả lời đúng trước (%)",
            "Trả lời đúng sau (%)",
            "Số câu trước",
            "Số câu sau",
        ]
        rows = [
            [m.method.name, _pct(m.pre_rate), _pct(m.post_rate), m.pre_total, m.post_total]
            for m in data["methods"]
        ]
    elif panel == "hoi-nghi":
        data = selectors.conferences_panel(viewer=user, campaign=campaign, focus=focus)
        header = ["Tuần từ ngày", "Đã tổ chức", "Sắp tới", "Hủy", "Lượt điểm danh"]
        rows = [
            [w["week"].strftime("%d/%m/%Y"), w["held"], w["planned"], w["cancelled"], w["attended"]]
            for w in data["weeks"]
        ]
    else:
        raise Http404
    return header, rows


@readers
def dashboard_csv(request, campaign_pk, unit_pk, panel):
    campaign, focus = _panel_context(request, campaign_pk, unit_pk)
    header, rows = _csv_rows(request, campaign, focus, panel)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"tong-quan-{campaign.pk}-{focus.code}-{panel}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # Excel opens UTF-8 (Vietnamese diacritics) only with the byte-order mark
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(safe_row(row))
    return response
