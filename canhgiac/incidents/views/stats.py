"""The statistics page (investigators, coordinators, leaders; unit managers with small cells hidden), its CSV
files, and the public picture of fraud in the province."""

from __future__ import annotations

import csv
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.exports import safe_cell

from .. import permissions, selectors
from ..forms import StatsForm
from ..selectors import DIMENSIONS, Period
from ..selectors.public import PUBLIC_TABLES
from ..selectors.stats import BASIS_LABELS
from ..selectors.suppression import HIDDEN, SMALL

STATS_TABLES = ("month", "method", "channel", "victim_group", "unit", "age_band", "offender_abroad", "status")


def _localities(user):
    return selectors.localities_for(user, permissions.stats_roles(user))


def _params(request, localities) -> tuple[StatsForm, dict]:
    """The period, basis, comparison and locality asked for; this year so far when nothing (or nothing valid)
    was asked. An empty form shows the period it stands for."""
    form = StatsForm(request.GET or None, localities=localities)
    if request.GET and form.is_valid():
        return form, form.cleaned_data
    today = timezone.localdate()
    data = {"start": dt.date(today.year, 1, 1), "end": today, "basis": "occurred", "months": 3, "unit": None}
    data["compare_year"] = None
    if not request.GET:
        form = StatsForm(
            initial={"date_from": data["start"], "date_to": data["end"], "basis": "occurred", "months": 3},
            localities=localities,
        )
    return form, data


CHART_TOP = 12


def chart_data(t: dict, *, money_unit: int = 1_000_000) -> dict:
    """What incidents.js draws: labels, cases and money (in millions); hidden cells are null, never a value.
    Long tables draw their largest groups only (the table lists them all)."""
    cells = t["cells"] if t["key"] == "month" else t["cells"][:CHART_TOP]
    return {
        "labels": [c.label for c in cells],
        "cases": [c.cases if c.visible else None for c in cells],
        "lost": [round(c.lost / money_unit, 1) if c.visible else None for c in cells],
        "partial": len(cells) < len(t["cells"]),
        "drawable": any(c.visible and c.cases for c in cells),
    }


def _build(qs, period, basis, suppressed, keys, query: str) -> list[dict]:
    tables = []
    for key in keys:
        t = selectors.table(qs, key, period, basis, suppressed=suppressed)
        t["chart"] = chart_data(t)
        t["csv_url"] = reverse("incidents:stats_csv", args=[key]) + (f"?{query}" if query else "")
        tables.append(t)
    return tables


@login_required
def stats(request):
    if not permissions.can_see_stats(request.user):
        raise Http404
    suppressed = permissions.stats_suppressed(request.user)
    localities = _localities(request.user)
    form, data = _params(request, localities)
    period = Period(data["start"], data["end"])
    other = period.shifted((data.get("compare_year") or period.start.year - 1) - period.start.year)
    if other.start == period.start:
        other = period.shifted(-1)
    qs = selectors.stats_cases(viewer=request.user, locality=data.get("unit"))
    keys = [k for k in STATS_TABLES if k != "unit" or len(localities) != 1]
    query = request.GET.urlencode()
    tables = _build(qs, period, data["basis"], suppressed, keys, query)
    comparison = selectors.compare(qs, period, other, data["basis"])
    rising = (
        selectors.rising_methods(months=data["months"])
        if suppressed
        else selectors.rising_methods(months=data["months"], queryset=qs)
    )
    return render(
        request,
        "incidents/stats.html",
        {
            "form": form,
            "period": period,
            "other": other,
            "basis_label": BASIS_LABELS[data["basis"]],
            "comparison": comparison,
            "tables": tables,
            "rising": rising,
            "months": data["months"],
            "suppressed": suppressed,
            "no_locality": suppressed and not localities.exists(),
            "query": query,
            "can_open_cases": permissions.can_open_cases(request.user),
        },
    )


def _csv(t: dict, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [_("Nhóm"), _("Số vụ"), _("Số tiền bị chiếm đoạt (đồng)"), _("Số tiền đã thu hồi (đồng)")]
    )
    marks = {SMALL: "< 3", HIDDEN: _("ẩn")}
    if t.get("withheld") or t.get("total_small"):
        writer.writerow([_("Tổng cộng"), "< 3" if t.get("total_small") else t["total_cases"], "", ""])
        return response
    for cell in t["cells"]:
        if cell.visible:
            writer.writerow([safe_cell(cell.label), cell.cases, cell.lost, cell.recovered])
        else:
            writer.writerow([safe_cell(cell.label), marks[cell.state], "", ""])
    writer.writerow([_("Tổng cộng"), t["total_cases"], t["total_lost"], t["total_recovered"]])
    return response


@login_required
def stats_csv(request, key):
    if not permissions.can_see_stats(request.user) or key not in DIMENSIONS:
        raise Http404
    localities = _localities(request.user)
    _form, data = _params(request, localities)
    period = Period(data["start"], data["end"])
    qs = selectors.stats_cases(viewer=request.user, locality=data.get("unit"))
    t = selectors.table(qs, key, period, data["basis"], suppressed=permissions.stats_suppressed(request.user))
    return _csv(t, f"thong-ke-{key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv")


def _year(request, years) -> int:
    raw = request.GET.get("nam", "")
    year = int(raw) if raw.isdigit() else years[0]
    if year not in years:
        raise Http404
    return year


def public_page(request):
    """Tình hình lừa đảo: aggregates for everyone, no personal data, no case list, cells under 3 hidden."""
    years = selectors.public_years()
    year = _year(request, years)
    overview = selectors.public_overview(year=year)
    tables = []
    for key in PUBLIC_TABLES:
        t = overview["tables"][key]
        t["chart"] = chart_data(t)
        t["csv_url"] = reverse("incidents:public_csv", args=[key]) + f"?nam={year}"
        tables.append(t)
    return render(request, "incidents/public.html", {"o": overview, "tables": tables, "years": years})


def public_csv(request, key):
    if key not in PUBLIC_TABLES:
        raise Http404
    years = selectors.public_years()
    year = _year(request, years)
    overview = selectors.public_overview(year=year)
    return _csv(overview["tables"][key], f"tinh-hinh-lua-dao-{year}-{key}.csv")


def home_context(request) -> dict | None:
    """The home page's card: this year so far, in the public's terms (small totals hidden). Cached for five
    minutes: the home page is the most visited one."""
    from django.core.cache import cache

    today = timezone.localdate()
    key = f"incidents:home:{today.isoformat()}"
    context = cache.get(key)
    if context is None:
        overview = selectors.public_overview(year=today.year)
        top = [c.label for c in overview["tables"]["method"]["cells"] if c.visible][:3]
        context = {
            "year": overview["year"],
            "total_cases": overview["total_cases"],
            "total_lost": overview["total_lost"],
            "total_small": overview["total_small"],
            "top_methods": top,
        }
        cache.set(key, context, 300)
    return context
