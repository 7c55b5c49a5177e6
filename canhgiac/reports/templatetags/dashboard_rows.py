"""The dashboard's long tables rendered in Python: a block of a country has a thousand sub-units and the page
shows 30 units at risk; through the template engine each row cost an include, a `{% url %}` and a dozen
variable look-ups (≈ 0.15 ms a row). Same markup as the templates had; every value escaped (`esc`:
html.escape, quotes included — Django's format_html cost more than the rest of the row)."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from canhgiac.core.templatetags.canhgiac import coverage_bar_html, esc, vn_number, vn_percent

register = template.Library()

_DANGER = ' class="table-danger"'
_DRILL = ' data-testid="drill"'
_BADGE = ' <span class="badge text-bg-danger">nguy cơ</span>'


def unit_links(campaign):
    """pk → the address of that unit's dashboard, the URL reversed once for all the rows."""
    marker = "987654321"
    head, _sep, tail = reverse("reports:dashboard_unit", args=[campaign.pk, int(marker)]).rpartition(marker)
    return lambda pk: f"{head}{pk}{tail}"


@register.simple_tag
def unit_rows(progress, campaign):
    """The sub-units table's rows: a link each (drill-down), people, the coverage bar, the projection."""
    link = unit_links(campaign)
    rows = []
    for row in progress.children:
        risky = row.at_risk
        danger = _DANGER if risky else ""
        drill = _DRILL if row.unit.numchild else ""
        badge = _BADGE if risky else ""
        rows.append(
            f"<tr{danger}>\n"
            f'        <th scope="row" class="fw-normal"><a href="{esc(link(row.unit.pk))}"{drill}>'
            f"{esc(row.unit.name)}</a>{badge}</th>\n"
            f'        <td class="dash-num">{esc(vn_number(row.people))}</td><td>{coverage_bar_html(row)}</td>'
            f'<td class="dash-num">{esc(vn_percent(row.projected))}</td></tr>'
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped


@register.simple_tag
def risk_rows(at_risk, campaign):
    """The units at risk: a link each, coverage, weekly pace, projection, people still to reach."""
    link = unit_links(campaign)
    return mark_safe(  # noqa: S308 - every value escaped
        "".join(
            f'<tr><th scope="row" class="fw-normal"><a href="{esc(link(row.unit.pk))}">{esc(row.unit.name)}</a></th>'
            f'<td class="dash-num">{esc(vn_percent(row.coverage))}</td>'
            f'<td class="dash-num">{esc(vn_percent(row.weekly_rate))}</td>'
            f'<td class="dash-num text-danger fw-semibold">{esc(vn_percent(row.projected))}</td>'
            f'<td class="dash-num">{esc(vn_number(row.remaining))}</td></tr>'
            for row in at_risk
        )
    )
