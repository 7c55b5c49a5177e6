"""Imports of case files: upload → preview (every row checked, mapping that can be overridden) → commit all or
nothing → result file. Small files run inline, larger ones on the background worker (django-tasks)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.core.scoping import unit_in_scope
from canhgiac.org.models import Unit
from canhgiac.org.tabular.reading import ImportFileError, check_upload

from .. import permissions
from ..importer import jobs
from ..models import VICTIM_ROLES, CaseImport

EDITABLE = {CaseImport.Status.READY, CaseImport.Status.FAILED, CaseImport.Status.REJECTED}


def _run(name: str, *args, background: bool) -> str:
    from .. import tasks

    if not background:
        {"analyse": jobs.run_analysis, "commit": jobs.run_commit}[name](*args)
        return ""
    task = {"analyse": tasks.case_import_analyse_task, "commit": tasks.case_import_commit_task}[name]
    return task.enqueue(*args).id


def case_import_start(*, unit: Unit, upload, actor) -> CaseImport:
    """Check and store an upload, then analyse it (inline for small files, in the background otherwise)."""
    if not permissions.can_import(actor) or not unit_in_scope(actor, unit, VICTIM_ROLES):
        raise PermissionDenied(_("Chỉ điều tra viên được nhập sổ vụ việc của địa bàn mình."))
    head = upload.read(16)
    upload.seek(0)
    try:
        kind = check_upload(upload.name, upload.size, head, max_bytes=jobs.MAX_BYTES, noun=_("sổ vụ việc"))
    except ImportFileError as exc:
        raise ValidationError({"file": exc.message}) from None
    imp = CaseImport.objects.create(
        unit=unit,
        uploaded_by=actor,
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        file_kind=kind,
        phase=_("Đang chờ kiểm tra"),
    )
    audit(
        actor=actor,
        action="incident.import.upload",
        obj=imp,
        unit=None,  # province-wide readers only (see services.cases.audit_unit)
        summary=_("Tải lên sổ vụ việc “%(name)s”") % {"name": imp.original_name},
    )
    task_id = _run("analyse", imp.pk, background=upload.size > jobs.INLINE_MAX_BYTES)
    if task_id:
        CaseImport.objects.filter(pk=imp.pk).update(task_id=task_id)
    imp.refresh_from_db()
    return imp


def case_import_remap(*, imp: CaseImport, mapping: dict[int, str], header_row: int, actor) -> CaseImport:
    """Override the automatic column mapping and analyse again."""
    if imp.status not in EDITABLE:
        raise ValidationError(_("Lần nhập này không còn sửa được cách ghép cột."))
    CaseImport.objects.filter(pk=imp.pk).update(
        mapping={str(k): v for k, v in mapping.items() if v},
        mapping_overridden=True,
        detected={**imp.detected, "header_row": header_row},
        status=CaseImport.Status.ANALYSING,
        progress=0,
        phase=_("Đang kiểm tra lại theo cách ghép cột mới"),
    )
    _run("analyse", imp.pk, background=imp.size > jobs.INLINE_MAX_BYTES)
    imp.refresh_from_db()
    return imp


def case_import_commit(*, imp: CaseImport, actor) -> CaseImport:
    """Write the previewed file to the register, all or nothing (checked again against the register)."""
    claimed = CaseImport.objects.filter(pk=imp.pk, status=CaseImport.Status.READY, rejected_count=0).update(
        status=CaseImport.Status.COMMITTING, progress=0, phase=_("Đang chờ ghi")
    )
    if not claimed:
        raise ValidationError(_("Lần nhập này chưa sẵn sàng để ghi (còn lỗi, đang xử lý hoặc đã ghi)."))
    task_id = _run("commit", imp.pk, actor.pk if actor else None, background=imp.size > jobs.INLINE_MAX_BYTES)
    if task_id:
        CaseImport.objects.filter(pk=imp.pk).update(task_id=task_id)
    imp.refresh_from_db()
    return imp


@transaction.atomic
def case_import_cancel(*, imp: CaseImport, actor) -> CaseImport:
    if imp.status in {CaseImport.Status.DONE, CaseImport.Status.COMMITTING}:
        raise ValidationError(_("Lần nhập đã ghi hoặc đang ghi: không hủy được."))
    imp.status = CaseImport.Status.CANCELLED
    imp.save(update_fields=["status", "updated_at"])
    audit(
        actor=actor,
        action="incident.import.cancel",
        obj=imp,
        unit=None,
        summary=_("Hủy nhập “%(name)s”") % {"name": imp.original_name},
    )
    return imp
