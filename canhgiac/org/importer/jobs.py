"""The two steps of an import, as run inline or by the background worker, and the result workbook.

analyse: read the file, check every row, store the preview (counts, problems, mapping). Writes no person;
keeps the parsed rows next to the upload when the file can be committed (cache.py).
commit: check again inside one transaction (the database may have changed since the preview): the preview's
parsed rows when they are still those of the stored file, else the file read and parsed again; then write
everything, or nothing when any row is rejected.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..models import RosterImport
from ..tabular.bulk import collector_paused
from ..tabular.jobs import OUTCOME_LABELS, store_preview
from ..tabular.result import write_result as write_result_workbook
from . import cache
from . import commit as writer
from .analyse import CREATED, REJECTED, UNCHANGED, UPDATED, Analysis, check
from .parse import Parsed, parse
from .reading import ImportFileError, Table, read_table

log = logging.getLogger(__name__)


def _progress(imp: RosterImport):
    def report(percent: int, phase: str) -> None:
        RosterImport.objects.filter(pk=imp.pk).update(progress=percent, phase=phase[:100])

    return report


def _read(imp: RosterImport, report) -> Table:
    report(10, _("Đang đọc tệp"))
    return read_table(imp.file.path, imp.file_kind, sheet_index=imp.detected.get("sheet_index"))


def _store(imp: RosterImport, table: Table | None, result: Analysis | None) -> None:
    store_preview(imp, table, result)


def _parse(imp: RosterImport, table: Table, report) -> Parsed:
    report(40, _("Đang kiểm tra từng dòng"))
    header_row = imp.detected.get("header_row") if imp.mapping_overridden else None
    mapping = {int(k): v for k, v in imp.mapping.items()} if imp.mapping_overridden else None
    return parse(table, mapping=mapping, header_row=header_row)


def _keep_rows(imp: RosterImport, result: Analysis) -> None:
    """Keep the parsed rows, with the derived columns of the people to create, for the commit (which checks
    them against the roster again). Only a shortcut: when anything goes wrong, the commit reads the file."""
    try:
        if result.creates:
            writer.derive(result.parsed, result.creates)
        cache.save(imp, result.parsed, cache.key_for(imp, cache.file_digest(imp.file.path)))
    except Exception:
        log.warning("roster import %s: parsed rows not kept", imp.pk, exc_info=True)
        cache.discard(imp)


def _kept_rows(imp: RosterImport) -> Parsed | None:
    """The rows the preview parsed, if they are still those of the stored file (cache.py)."""
    try:
        digest = cache.file_digest(imp.file.path)
    except (OSError, ValueError):
        return None
    return cache.load(imp, cache.key_for(imp, digest))


def run_analysis(import_id: int) -> None:
    with collector_paused():
        _run_analysis(import_id)


def _run_analysis(import_id: int) -> None:
    imp = RosterImport.objects.select_related("unit").get(pk=import_id)
    report = _progress(imp)
    table = result = None
    try:
        table = _read(imp, report)
        result = check(
            _parse(imp, table, report), target=imp.unit, effective_on=imp.effective_on, progress=report
        )
    except ImportFileError as exc:
        imp.status, imp.message = RosterImport.Status.FAILED, exc.message
    except Exception:
        log.exception("roster import %s: analysis failed", import_id)
        imp.status = RosterImport.Status.FAILED
        imp.message = _(
            "Hệ thống gặp lỗi khi đọc tệp. Hãy thử lại; nếu vẫn lỗi, gửi tệp cho quản trị hệ thống."
        )
    else:
        imp.status = RosterImport.Status.FAILED if result.fatal else RosterImport.Status.READY
    _store(imp, table, result)
    cache.discard(imp)
    if result is not None and not result.fatal and result.rejected == 0:
        _keep_rows(imp, result)
    imp.progress, imp.phase, imp.analysed_at = 100, "", timezone.now()
    imp.save()


def run_commit(import_id: int, actor_id: int | None) -> None:
    with collector_paused():
        _run_commit(import_id, actor_id)


def _run_commit(import_id: int, actor_id: int | None) -> None:
    from django.contrib.auth import get_user_model

    imp = RosterImport.objects.select_related("unit").get(pk=import_id)
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    report = _progress(imp)
    table = result = None
    try:
        parsed = _kept_rows(imp)
        if parsed is None:
            table = _read(imp, report)
            parsed = _parse(imp, table, report)
        report(30, _("Đang kiểm tra và ghi vào danh sách"))
        with transaction.atomic():
            result = check(parsed, target=imp.unit, effective_on=imp.effective_on, progress=report)
            if not result.fatal and result.rejected == 0:
                writer.apply(result, import_id=imp.pk, effective_on=imp.effective_on)
                audit(
                    actor=actor,
                    action="roster.import",
                    obj=imp,
                    unit=imp.unit,
                    summary=(
                        f"Nhập danh sách “{imp.original_name}”: {result.count(CREATED)} tạo mới, "
                        f"{result.count(UPDATED)} cập nhật, {result.count(UNCHANGED)} không đổi"
                    ),
                    data={
                        "created": result.count(CREATED),
                        "updated": result.count(UPDATED),
                        "unchanged": result.count(UNCHANGED),
                    },
                )
    except ImportFileError as exc:
        imp.status, imp.message = RosterImport.Status.FAILED, exc.message
    except Exception:
        log.exception("roster import %s: commit failed", import_id)
        imp.status = RosterImport.Status.FAILED
        imp.message = _("Hệ thống gặp lỗi khi ghi danh sách; không có thay đổi nào được lưu. Hãy thử lại.")
    else:
        if result.fatal:
            imp.status = RosterImport.Status.FAILED
        elif result.rejected:
            imp.status = RosterImport.Status.REJECTED
            imp.message = _(
                "Không ghi gì vào danh sách: %(n)s dòng có lỗi (danh sách đã thay đổi từ lúc xem trước). Tải tệp "
                "kết quả, sửa các dòng có lỗi rồi tải lên lại."
            ) % {"n": result.rejected}
        else:
            imp.status = RosterImport.Status.DONE
            imp.committed_at, imp.committed_by = timezone.now(), actor
    cache.discard(imp)
    _store(imp, table, result)
    imp.progress, imp.phase = 100, ""
    imp.save()


def write_result(imp: RosterImport, target) -> None:
    """The file as uploaded, every data row followed by its outcome and its problems (.xlsx)."""
    with collector_paused():
        _write_result(imp, target)


def _write_result(imp: RosterImport, target) -> None:
    table = read_table(imp.file.path, imp.file_kind, sheet_index=imp.detected.get("sheet_index"))
    write_result_workbook(
        target,
        rows=table.rows,
        columns=imp.columns,
        numbers=_row_numbers(imp, table),
        outcomes=imp.outcomes,
        labels=OUTCOME_LABELS,
        problems=imp.problems,
        notes=imp.notes,
        committed=imp.status == RosterImport.Status.DONE,
        rejected=REJECTED,
    )


def _row_numbers(imp: RosterImport, table: Table) -> list[int]:
    from .headers import FIELDS
    from .parse import data_rows

    mapping = {int(k): v for k, v in imp.mapping.items() if v in FIELDS}
    by_field = {v: k for k, v in mapping.items()}
    name_cols = [by_field[f] for f in ("full_name", "family_name", "given_name") if f in by_field]
    return [
        number
        for number, _row, _section in data_rows(table.rows, imp.detected.get("header_row", 0), name_cols)
    ]
