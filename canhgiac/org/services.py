"""Writes to the organisation tree. Keyword-only, atomic, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from .models import Unit


@transaction.atomic
def unit_create(
    *,
    parent: Unit | None,
    code: str,
    name: str,
    kind: str,
    actor,
    short_name: str = "",
    official_code: str = "",
    opened_on: date | None = None,
) -> Unit:
    code = code.strip().upper()
    if Unit.objects.filter(code=code).exists():
        raise ValidationError({"code": _("Mã đơn vị “%(code)s” đã được dùng.") % {"code": code}})
    fields = {
        "code": code,
        "name": name.strip(),
        "kind": kind,
        "short_name": short_name.strip(),
        "official_code": official_code,
        "opened_on": opened_on,
    }
    unit = Unit.objects.add_child(parent, fields) if parent is not None else Unit.objects.add_root(fields)
    audit(
        actor=actor,
        action="unit.create",
        obj=unit,
        unit=unit,
        summary=f"Tạo đơn vị {unit.name} ({unit.code})",
    )
    return unit


@transaction.atomic
def unit_close(*, unit: Unit, closed_on: date, reason: str, actor) -> Unit:
    """Close a unit from a date: it leaves current lists but keeps its people, reports and history."""
    if not reason.strip():
        raise ValidationError({"closed_reason": _("Hãy ghi lý do đóng đơn vị (giải thể, sáp nhập vào...).")})
    if unit.opened_on and closed_on < unit.opened_on:
        raise ValidationError({"closed_on": _("Ngày đóng phải sau ngày thành lập đơn vị.")})
    unit.closed_on = closed_on
    unit.closed_reason = reason.strip()
    unit.save(update_fields=["closed_on", "closed_reason", "updated_at"])
    audit(
        actor=actor,
        action="unit.close",
        obj=unit,
        unit=unit,
        summary=f"Đóng đơn vị từ {closed_on:%d/%m/%Y}: {unit.closed_reason}",
    )
    return unit
