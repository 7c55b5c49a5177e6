"""Template filters of the case register: money in billions, signed changes, suppressed cells."""

from __future__ import annotations

from django import template

from canhgiac.core.money import format_billions
from canhgiac.core.templatetags.canhgiac import vn_number

from ..selectors.suppression import HIDDEN, SMALL

register = template.Library()


@register.filter
def billions(amount, decimals: int = 1):
    """45200000000 → "45,2 tỷ đồng"."""
    if amount in (None, ""):
        return "—"
    return format_billions(int(amount), int(decimals))


@register.filter
def billions_short(amount):
    """45200000000 → "45,2 tỷ", 495500000 → "495,5 triệu" (tables whose header says the unit)."""
    if amount in (None, ""):
        return "—"
    return format_billions(int(amount)).removesuffix(" đồng")


@register.filter
def signed_percent(ratio):
    """0.225 → "+22,5%", -0.1 → "−10%", None → "—" (nothing to compare with)."""
    if ratio is None or ratio == "":
        return "—"
    value = float(ratio) * 100
    text = vn_number(abs(value), 1).removesuffix(",0")
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{text}%"


@register.filter
def cell_cases(cell):
    """A cell's number of cases as shown: the number, "< 3" for a small cell, "ẩn" for a hidden one."""
    if cell.state == SMALL:
        return "< 3"
    if cell.state == HIDDEN:
        return "ẩn"
    return vn_number(cell.cases)


@register.filter
def share(part, whole):
    if not whole or part is None:
        return "—"
    return f"{vn_number(100 * part / whole, 1).removesuffix(',0')}%"
