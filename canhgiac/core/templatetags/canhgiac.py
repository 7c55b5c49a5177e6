"""Template filters loaded everywhere (settings.TEMPLATES builtins): Vietnamese numbers and defanging."""

from __future__ import annotations

from django import template
from django.utils import timezone

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
