"""The dashboard's long tables rendered in Python: a block of a country has a thousand sub-units and the page
shows 30 units at risk; through the template engine each row cost an include, a `{% url %}` and a dozen
variable look-ups (≈ 0.15 ms a row). Same markup as the templates had; every value escaped (format_html)."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from canhgiac.core.templatetags.canhgiac import coverage_bar_html, vn_number, vn_percent

register = template.Library()

_DRILL = mark_safe(' data-testid="drill"')  # noqa: S308 - constant markup
_DANGER = mark_safe(' class="table-danger"')  # noqa: S308
_BADGE = mark_safe(' <span class="badge text-bg-danger">nguy cơ</span>')  # noqa: S308


def unit_links(campaign):
    """pk → the address of that unit's dashboard, the URL reversed once for all the rows."""
    marker = "987654321"
    head, _sep, tail = reverse("reports:dashboard_unit", args=[campaign.pk, int(marker)]).rpartition(marker)
    return lambda pk: f"{head}{pk}{tail}"


@register.simple_tag
def unit_rows(progress, campaign):
    """The sub-units table's rows: a link each (drill-down), people, the coverage bar, the projection."""
    link = unit_links(campaign)

    def cells(row):
        drill = _DRILL if row.unit.numchild else ""
        risky = row.at_risk
        return (
            _DANGER if risky else "",
            link(row.unit.pk),
            drill,
            row.unit.name,
            _BADGE if risky else "",
            vn_number(row.people),
            coverage_bar_html(row),
            vn_percent(row.projected),
        )

    return format_html_join(
        "",
        '<tr{}>\n        <th scope="row" class="fw-normal"><a href="{}"{}>{}</a>{}</th>\n'
        '        <td class="dash-num">{}</td><td>{}</td><td class="dash-num">{}</td></tr>',
        (cells(row) for row in progress.children),
    )


@register.simple_tag
def risk_rows(at_risk, campaign):
    """The units at risk: a link each, coverage, weekly pace, projection, people still to reach."""
    link = unit_links(campaign)
    return format_html_join(
        "",
        '<tr><th scope="row" class="fw-normal"><a href="{}">{}</a></th><td class="dash-num">{}</td>'
        '<td class="dash-num">{}</td><td class="dash-num text-danger fw-semibold">{}</td>'
        '<td class="dash-num">{}</td></tr>',
        (
            (
                link(row.unit.pk),
                row.unit.name,
                vn_percent(row.coverage),
                vn_percent(row.weekly_rate),
                vn_percent(row.projected),
                vn_number(row.remaining),
            )
            for row in at_risk
        ),
    )
