"""Writes to the organisation: the unit tree, people, exemptions, roster imports. Keyword-only, atomic, audited.

Every change of a person's unit or status goes through here, so the roster history (Placement) stays true.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from treebeard.exceptions import InvalidMoveToDescendant

from canhgiac.core.audit import audit

from .importer.commit import record_moves
from .models import Exemption, Person, Placement, RosterImport, Unit
from .phones import PhoneError, normalise_phone
from .signals import send_roster_changed

# --- units -----------------------------------------------------------------------------------------------


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
    if not code:
        raise ValidationError({"code": _("Hãy nhập mã đơn vị.")})
    if Unit.objects.filter(code=code).exists():
        raise ValidationError({"code": _("Mã đơn vị “%(code)s” đã được dùng.") % {"code": code}})
    if parent is not None and not parent.is_open():
        raise ValidationError({"parent": _("Đơn vị cấp trên đã đóng: không thêm đơn vị trực thuộc được.")})
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
def unit_update(
    *,
    unit: Unit,
    actor,
    name: str,
    short_name: str = "",
    code: str | None = None,
    kind: str | None = None,
    official_code: str | None = None,
    opened_on: date | None = None,
) -> Unit:
    """Rename a unit (or fix its code, kind, opening date). Its people, history and reports stay attached."""
    before = {"name": unit.name, "short_name": unit.short_name, "code": unit.code, "kind": unit.kind}
    if code is not None:
        code = code.strip().upper()
        if code != unit.code and Unit.objects.filter(code=code).exclude(pk=unit.pk).exists():
            raise ValidationError({"code": _("Mã đơn vị “%(code)s” đã được dùng.") % {"code": code}})
        unit.code = code or unit.code
    unit.name = name.strip()
    unit.short_name = short_name.strip()
    if kind is not None:
        unit.kind = kind
    if official_code is not None:
        unit.official_code = official_code.strip()
    unit.opened_on = opened_on
    if unit.closed_on and opened_on and unit.closed_on < opened_on:
        raise ValidationError({"opened_on": _("Ngày thành lập phải trước ngày đóng đơn vị.")})
    unit.save()
    changes = {k: [v, getattr(unit, k)] for k, v in before.items() if getattr(unit, k) != v}
    if changes:
        audit(
            actor=actor,
            action="unit.update",
            obj=unit,
            unit=unit,
            summary=(
                f"Đổi tên đơn vị “{before['name']}” thành “{unit.name}”"
                if "name" in changes
                else f"Sửa thông tin đơn vị {unit.name}"
            ),
            data=changes,
        )
    return unit


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit, actor) -> Unit:
    """Put a unit (with all its sub-units and people) under another parent."""
    unit = Unit.objects.get(pk=unit.pk)
    new_parent = Unit.objects.get(pk=new_parent.pk)
    old_parent = Unit.objects.get_parent(unit)
    if old_parent is not None and old_parent.pk == new_parent.pk:
        raise ValidationError({"new_parent": _("Đơn vị đã ở dưới “%(name)s”.") % {"name": new_parent.name}})
    if new_parent.pk == unit.pk or new_parent.path.startswith(unit.path):
        raise ValidationError(
            {"new_parent": _("Không chuyển được một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.")}
        )
    if not new_parent.is_open():
        raise ValidationError({"new_parent": _("Đơn vị nhận đã đóng.")})
    try:
        Unit.objects.move(unit, new_parent, "last-child")
    except InvalidMoveToDescendant:
        raise ValidationError(
            {"new_parent": _("Không chuyển được một đơn vị vào đơn vị trực thuộc nó.")}
        ) from None
    unit = Unit.objects.get(pk=unit.pk)
    # the subtree's paths changed: counters that depend on where a unit sits (campaign audiences) refresh
    send_roster_changed(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))
    audit(
        actor=actor,
        action="unit.move",
        obj=unit,
        unit=unit,
        summary=f"Chuyển {unit.name} từ “{old_parent.name if old_parent else '—'}” sang “{new_parent.name}”",
        data={"from": old_parent.pk if old_parent else None, "to": new_parent.pk},
    )
    return unit


@transaction.atomic
def unit_close(*, unit: Unit, closed_on: date, reason: str, actor) -> Unit:
    """Close a unit from a date: it leaves current lists but keeps its people, reports and history."""
    if not reason.strip():
        raise ValidationError({"closed_reason": _("Hãy ghi lý do đóng đơn vị (giải thể, sáp nhập vào...).")})
    if unit.opened_on and closed_on < unit.opened_on:
        raise ValidationError({"closed_on": _("Ngày đóng phải sau ngày thành lập đơn vị.")})
    open_children = Unit.objects.filter(path__startswith=unit.path, depth__gt=unit.depth).open(closed_on)
    if open_children.exists():
        raise ValidationError(
            {
                "closed_on": _(
                    "Còn %(n)s đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc đóng chúng trước."
                )
                % {"n": open_children.count()}
            }
        )
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


@transaction.atomic
def unit_reopen(*, unit: Unit, actor) -> Unit:
    unit.closed_on = None
    unit.closed_reason = ""
    unit.save(update_fields=["closed_on", "closed_reason", "updated_at"])
    audit(actor=actor, action="unit.reopen", obj=unit, unit=unit, summary=f"Mở lại đơn vị {unit.name}")
    return unit


# --- people ----------------------------------------------------------------------------------------------

PERSON_FIELDS = ("full_name", "position", "staff_group", "email", "phone", "staff_code", "date_of_birth")


def _clean_person_values(values: dict, *, exclude_pk: int | None = None) -> dict:
    out = dict(values)
    out["full_name"] = " ".join(out.get("full_name", "").split())
    if len(out["full_name"].split()) < 2:
        raise ValidationError({"full_name": _("Hãy ghi đủ họ và tên.")})
    out["staff_code"] = "".join((out.get("staff_code") or "").split()).upper()
    out["email"] = (out.get("email") or "").strip().lower()
    phone = out.get("phone") or ""
    if phone:
        try:
            out["phone"], _note = normalise_phone(phone)
        except PhoneError as exc:
            raise ValidationError({"phone": str(exc)}) from None
    if out["staff_code"]:
        taken = Person.objects.filter(staff_code=out["staff_code"]).exclude(pk=exclude_pk).first()
        if taken is not None:
            raise ValidationError(
                {
                    "staff_code": _("Mã cán bộ “%(code)s” đã được dùng cho người khác.")
                    % {"code": out["staff_code"]}
                }
            )
    return out


@transaction.atomic
def person_create(
    *, unit: Unit, actor, since: date | None = None, status: str = Person.Status.ACTIVE, **values
) -> Person:
    """Add a person to a unit's roster. `since`: the day they joined (empty: already there before records)."""
    if not unit.is_open():
        raise ValidationError({"unit": _("Đơn vị đã đóng: không thêm người được.")})
    values = _clean_person_values({k: values.get(k) for k in PERSON_FIELDS if k in values})
    person = Person(unit=unit, status=status, **values)
    person.full_clean(exclude=["unit"])
    person.save(placement_from=since)
    audit(
        actor=actor,
        action="person.create",
        obj=person,
        unit=unit,
        summary=f"Thêm {person.full_name} vào danh sách {unit.name}",
    )
    return person


@transaction.atomic
def person_update(
    *,
    person: Person,
    actor,
    unit: Unit | None = None,
    status: str | None = None,
    effective_on: date | None = None,
    **values,
) -> Person:
    """Edit a person; a new unit or status is written to their history from `effective_on` (today by default)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    day = effective_on or timezone.localdate()
    clean = _clean_person_values(
        {k: values.get(k, getattr(person, k)) for k in PERSON_FIELDS}, exclude_pk=person.pk
    )
    before = {k: getattr(person, k) for k in (*PERSON_FIELDS, "unit_id", "status")}
    for key, value in clean.items():
        setattr(person, key, value)
    if unit is not None and unit.pk != person.unit_id:
        if not unit.is_open(day):
            raise ValidationError({"unit": _("Đơn vị mới đã đóng.")})
        person.unit = unit
    if status is not None:
        person.status = status
    last = (
        Placement.objects.filter(person=person)
        .exclude(valid_from__isnull=True)
        .order_by("-valid_from")
        .first()
    )
    moved = person.unit_id != before["unit_id"] or person.status != before["status"]
    if moved and last is not None and last.valid_from > day:
        raise ValidationError(
            {
                "effective_on": _("Ngày hiệu lực phải từ %(date)s trở đi (lần thay đổi trước).")
                % {"date": last.valid_from.strftime("%d/%m/%Y")}
            }
        )
    person.full_clean(exclude=["unit"])
    person.save()
    if moved:
        record_moves({person.pk: (person.unit_id, person.status)}, day)
    changes = {k: [str(v), str(getattr(person, k))] for k, v in before.items() if getattr(person, k) != v}
    if changes:
        summary = f"Sửa thông tin {person.full_name}"
        if "unit_id" in changes:
            summary = f"Chuyển {person.full_name} sang {person.unit.name} từ {day:%d/%m/%Y}"
        elif "status" in changes:
            summary = f"{person.full_name}: {person.get_status_display()} từ {day:%d/%m/%Y}"
        audit(
            actor=actor, action="person.update", obj=person, unit=person.unit, summary=summary, data=changes
        )
    return person


@transaction.atomic
def exemption_add(
    *, person: Person, reason: str, starts_on: date, actor, ends_on: date | None = None, note: str = ""
) -> Exemption:
    """Take a person out of the coverage denominator for a period (long leave, left the unit...)."""
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("“Đến ngày” phải sau “Từ ngày”.")})
    overlapping = person.exemptions.filter(starts_on__lte=ends_on or date.max).exclude(ends_on__lt=starts_on)
    if overlapping.exists():
        raise ValidationError(
            {
                "starts_on": _(
                    "Đã có miễn trừ trùng khoảng thời gian này: sửa hoặc kết thúc miễn trừ cũ trước."
                )
            }
        )
    exemption = Exemption.objects.create(
        person=person,
        reason=reason,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note.strip(),
        created_by=actor,
    )
    audit(
        actor=actor,
        action="person.exempt",
        obj=person,
        unit=person.unit,
        summary=f"Miễn trừ {person.full_name} từ {starts_on:%d/%m/%Y}: {exemption.get_reason_display()}",
    )
    return exemption


@transaction.atomic
def exemption_end(*, exemption: Exemption, ends_on: date, actor) -> Exemption:
    if ends_on < exemption.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải từ ngày bắt đầu miễn trừ trở đi.")})
    exemption.ends_on = ends_on
    exemption.save(update_fields=["ends_on", "updated_at"])
    audit(
        actor=actor,
        action="person.exempt_end",
        obj=exemption.person,
        unit=exemption.person.unit,
        summary=f"Kết thúc miễn trừ của {exemption.person.full_name} ngày {ends_on:%d/%m/%Y}",
    )
    return exemption


# --- roster imports --------------------------------------------------------------------------------------

INLINE_MAX_BYTES = getattr(settings, "ROSTER_IMPORT_INLINE_MAX_BYTES", 400 * 1024)


def _run(task, *args, background: bool):
    from .importer import jobs

    if not background:
        {"roster_import_analyse_task": jobs.run_analysis, "roster_import_commit_task": jobs.run_commit}[
            task.name
        ](*args)
        return ""
    result = task.enqueue(*args)
    return result.id


def roster_import_start(*, unit: Unit, upload, actor, effective_on: date | None = None) -> RosterImport:
    """Check and store an upload, then analyse it (inline for small files, in the background otherwise)."""
    from .importer.reading import ImportFileError, check_upload
    from .tasks import roster_import_analyse_task

    head = upload.read(16)
    upload.seek(0)
    try:
        kind = check_upload(upload.name, upload.size, head)
    except ImportFileError as exc:
        raise ValidationError({"file": exc.message}) from None
    if not unit.is_open():
        raise ValidationError({"unit": _("Đơn vị đã đóng: không nhập danh sách được.")})
    imp = RosterImport.objects.create(
        unit=unit,
        uploaded_by=actor,
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        file_kind=kind,
        effective_on=effective_on,
        phase=_("Đang chờ kiểm tra"),
    )
    audit(
        actor=actor,
        action="roster.upload",
        obj=imp,
        unit=unit,
        summary=f"Tải lên danh sách “{imp.original_name}” cho {unit.name}",
    )
    background = upload.size > INLINE_MAX_BYTES
    task_id = _run(roster_import_analyse_task, imp.pk, background=background)
    if task_id:
        RosterImport.objects.filter(pk=imp.pk).update(task_id=task_id)
    imp.refresh_from_db()
    return imp


def roster_import_remap(
    *, imp: RosterImport, mapping: dict[int, str], header_row: int, actor
) -> RosterImport:
    """Override the automatic column mapping and analyse again."""
    from .tasks import roster_import_analyse_task

    if imp.status not in {
        RosterImport.Status.READY,
        RosterImport.Status.FAILED,
        RosterImport.Status.REJECTED,
    }:
        raise ValidationError(_("Lần nhập này không còn sửa được cách ghép cột."))
    RosterImport.objects.filter(pk=imp.pk).update(
        mapping={str(k): v for k, v in mapping.items() if v},
        mapping_overridden=True,
        detected={**imp.detected, "header_row": header_row},
        status=RosterImport.Status.ANALYSING,
        progress=0,
        phase=_("Đang kiểm tra lại theo cách ghép cột mới"),
    )
    _run(roster_import_analyse_task, imp.pk, background=imp.size > INLINE_MAX_BYTES)
    imp.refresh_from_db()
    return imp


def roster_import_commit(*, imp: RosterImport, actor) -> RosterImport:
    """Write the previewed file to the roster, all or nothing (checked again against the current roster)."""
    from .tasks import roster_import_commit_task

    claimed = RosterImport.objects.filter(
        pk=imp.pk, status=RosterImport.Status.READY, rejected_count=0
    ).update(status=RosterImport.Status.COMMITTING, progress=0, phase=_("Đang chờ ghi"))
    if not claimed:
        raise ValidationError(_("Lần nhập này chưa sẵn sàng để ghi (còn lỗi, đang xử lý hoặc đã ghi)."))
    task_id = _run(
        roster_import_commit_task, imp.pk, actor.pk if actor else None, background=imp.size > INLINE_MAX_BYTES
    )
    if task_id:
        RosterImport.objects.filter(pk=imp.pk).update(task_id=task_id)
    imp.refresh_from_db()
    return imp


@transaction.atomic
def roster_import_cancel(*, imp: RosterImport, actor) -> RosterImport:
    if imp.status in {RosterImport.Status.DONE, RosterImport.Status.COMMITTING}:
        raise ValidationError(_("Lần nhập đã ghi hoặc đang ghi: không hủy được."))
    imp.status = RosterImport.Status.CANCELLED
    imp.save(update_fields=["status", "updated_at"])
    from .importer import cache

    cache.discard(imp)
    audit(
        actor=actor, action="roster.cancel", obj=imp, unit=imp.unit, summary=f"Hủy nhập “{imp.original_name}”"
    )
    return imp
