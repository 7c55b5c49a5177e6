"""Template filters loaded everywhere (settings.TEMPLATES builtins): Vietnamese numbers, defanging, the
coverage bar."""

from __future__ import annotations

import html

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from canhgiac.core.text import defang as _defang

register = template.Library()


@register.filter
def vn_number(value, decimals: int = 0):
    """1234567.5 → "1.234.567" (or "1.234.567,5" with decimals=1): Vietnamese separators."""
    if value is None or value == "":
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    text = f"{number:,.{int(decimals)}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@register.filter
def vn_money(value):
    """An integer amount of VND: 45200000000 → "45.200.000.000 đ"."""
    if value is None or value == "":
        return "—"
    return f"{vn_number(value)} đ"


@register.filter
def vn_percent(value, decimals: int = 1):
    """A ratio 0..1 → "87,5%"."""
    if value is None or value == "":
        return "—"
    return f"{vn_number(float(value) * 100, decimals)}%"


@register.filter
def vn_date(value):
    """A date or aware datetime → "15/11/2023" (local time for datetimes)."""
    if not value:
        return "—"
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%d/%m/%Y")


@register.filter
def vn_datetime(value):
    """An aware datetime → "15/11/2023 14:05" in Asia/Ho_Chi_Minh."""
    if not value:
        return "—"
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y %H:%M")


@register.filter
def defang(value):
    """Hostile text with its links disarmed (hxxp, [.]); still escaped by the template engine."""
    return _defang(value)


@register.filter
def startswith(value, prefix):
    return str(value or "").startswith(str(prefix or ""))


@register.simple_tag(takes_context=True)
def querystring_with(context, **changes):
    """The current query string with some parameters changed (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


_BANDS = {"good": "bg-success", "fair": "bg-warning", "poor": "bg-danger"}


def _ratio(value, total) -> int:
    """`{% widthratio value total 100 %}`: round(value / total × 100), 0 when it cannot be computed."""
    try:
        return round(float(value) / float(total) * 100)
    except (TypeError, ValueError, ZeroDivisionError):
        return 0


def coverage_bar_html(c) -> str:
    """A coverage bar (c: anything with reached, people, coverage, band: a unit's or a campaign's figure).
    Bootstrap colours, so it also works on pages without campaigns.css. Built with `html.escape` on every
    value rather than `format_html` (a dashboard draws a thousand of them: Django's lazy-aware escaping cost
    more than the rest of the row)."""
    reached, people = getattr(c, "reached", None), getattr(c, "people", None)
    coverage = getattr(c, "coverage", None)
    now = _ratio(reached, people) if coverage is not None else 0
    return mark_safe(  # noqa: S308 - every value below is escaped
        f'<div class="cov" data-testid="coverage" data-reached="{esc(reached)}" data-people="{esc(people)}">\n'
        f'  <div class="d-flex justify-content-between small"><span class="cov-value">{esc(vn_percent(coverage))}'
        f'</span><span class="text-muted">{esc(vn_number(reached))}/{esc(vn_number(people))}</span></div>\n'
        '  <div class="progress" style="height: .5rem" role="progressbar" aria-label="Tỷ lệ bao phủ" '
        f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{now}">\n'
        f'    <div class="progress-bar {_BANDS.get(getattr(c, "band", None), "bg-secondary")}" '
        f'style="width: {_ratio(reached, people or 1)}%"></div>\n'
        "  </div>\n"
        "</div>"
    )


def esc(value) -> str:
    """A value escaped for HTML text and attributes (quotes too)."""
    return html.escape(str(value))


@register.simple_tag
def coverage_bar(c):
    """`{% coverage_bar c %}` (campaigns/_coverage.html); dashboards call `coverage_bar_html` per row."""
    return coverage_bar_html(c)
