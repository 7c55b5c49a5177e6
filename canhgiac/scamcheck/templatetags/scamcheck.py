"""Template helpers of the scam checker: status colours and labels, links to method pages."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from ..models import Kind, PublicStatus

register = template.Library()

_STATUS_CLASS = {
    "verified_scam": "danger",
    "reported": "warning",
    "official": "success",
    "no_information": "secondary",
    "scam": "danger",
    "suspicious": "warning",
    "no_signal": "secondary",
}
_STATUS_ICON = {
    "verified_scam": "x-octagon-fill",
    "reported": "exclamation-triangle-fill",
    "official": "patch-check-fill",
    "no_information": "question-circle",
    "scam": "x-octagon-fill",
    "suspicious": "exclamation-triangle-fill",
    "no_signal": "info-circle",
}
_VERDICT_LABEL = {
    "scam": "Lừa đảo",
    "suspicious": "Đáng ngờ",
    "no_signal": "Chưa thấy dấu hiệu rõ ràng",
}
_KIND_LABEL = {**dict(Kind.choices), "brandname": "Tên thương hiệu tin nhắn", "text": "Tin nhắn"}


@register.filter
def status_class(status) -> str:
    return _STATUS_CLASS.get(str(status), "secondary")


@register.filter
def status_icon(status) -> str:
    return _STATUS_ICON.get(str(status), "question-circle")


@register.filter
def status_label(status) -> str:
    status = str(status)
    if status in _VERDICT_LABEL:
        return _VERDICT_LABEL[status]
    try:
        return str(PublicStatus(status).label)
    except ValueError:
        return status


@register.filter
def kind_label(kind) -> str:
    return str(_KIND_LABEL.get(str(kind), kind))


@register.filter
def method_url(method) -> str:
    """The public page of a method (knowledge:method_detail), or "" while the knowledge pages are missing."""
    slug = method.get("slug") if isinstance(method, dict) else getattr(method, "slug", method)
    if not slug:
        return ""
    try:
        return reverse("knowledge:method_detail", args=[slug])
    except NoReverseMatch:
        return ""


@register.filter
def percent(value) -> int:
    try:
        return max(0, min(100, round(float(value) * 100)))
    except (TypeError, ValueError):
        return 0
