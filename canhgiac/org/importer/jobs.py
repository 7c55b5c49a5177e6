"""The two steps of an import, as run inline or by the background worker, and the result workbook.

analyse: read the file, check every row, store the preview (counts, problems, mapping). Writes no person.
commit: read and check again inside one transaction (the database may have changed since the preview), then
write everything, or nothing when any row is rejected.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.core.exports import safe_cell

from ..models import RosterImport
from . import commit as writer
from .analyse import CREATED, REJECTED, UNCHANGED, UPDATED, Analysis, analyse
from .reading import ImportFileError, Table, read_table

log = logging.getLogger(__name__)
MAX_STORED_PROBLEMS = 5000


def _progress(imp: RosterImport):
    def report(percent: int, phase: str) -> None:
        RosterImport.objects.filter(pk=imp.pk).update(progress=percent, phase=phase[:100])

    return report


def _read(imp: RosterImport, report) -> Table:
    report(10, _("Đang đọc tệp"))
    return read_table(imp.file.path, imp.file_kind, sheet_index=imp.detected.get("sheet_index"))


def _store(imp: RosterImport, table: Table | None, result: Analysis | None) -> None:
    if table is not None:
        imp.detected = {
            **imp.detected,
            "sheet": table.sheet,
            "sheets": table.sheets,
            "encoding": table.encoding,
            "legacy": table.legacy or "",
        }
    if result is None:
        return
    imp.message = result.fatal
    if result.header_row >= 0:
        imp.detected["header_row"] = result.header_row
        imp.columns = result.columns
        imp.mapping = {str(k): v for k, v in result.mapping.items()}
    imp.total_rows = len(result.outcomes)
    imp.created_count = result.count(CREATED)
    imp.updated_count = result.count(UPDATED)
    imp.unchanged_count = result.count(UNCHANGED)
    imp.rejected_count = result.count(REJECTED)
    imp.outcomes = "".join(result.outcomes)
    imp.problems = {str(k): v for k, v in list(result.problems.items())[:MAX_STORED_PROBLEMS]}
    imp.notes = {str(k): v for k, v in list(result.notes.items())[:MAX_STORED_PROBLEMS]}
    imp.sample = result.sample


def _analyse(imp: RosterImport, table: Table, report) -> Analysis:
    header_row = imp.detected.get("header_row") if imp.mapping_overridden else None
    mapping = {int(k): v for k, v in imp.mapping.items()} if imp.mapping_overridden else None
    return analyse(
        table,
        target=imp.unit,
        mapping=mapping,
        header_row=header_row,
        effective_on=imp.effective_on,
        progress=report,
    )


def run_analysis(import_id: int) -> None:
    imp = RosterImport.objects.select_related("unit").get(pk=import_id)
    report = _progress(imp)
    table = result = None
    try:
        table = _read(imp, report)
        result = _analyse(imp, table, report)
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
    imp.progress, imp.phase, imp.analysed_at = 100, "", timezone.now()
    imp.save()


def run_commit(import_id: int, actor_id: int | None) -> None:
    from django.contrib.auth import get_user_model

    imp = RosterImport.objects.select_related("unit").get(pk=import_id)
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    report = _progress(imp)
    table = result = None
    try:
        table = _read(imp, report)
        report(30, _("Đang kiểm tra và ghi vào danh sách"))
        with transaction.atomic():
            result = _analyse(imp, table, report)
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
    _store(imp, table, result)
    imp.progress, imp.phase = 100, ""
    imp.save()


OUTCOME_LABELS = {
    CREATED: _("Tạo mới"),
    UPDATED: _("Cập nhật"),
    UNCHANGED: _("Không đổi"),
    REJECTED: _("Bị từ chối"),
}


def write_result(imp: RosterImport, target) -> None:
    """The file as uploaded, every data row followed by its outcome and its problems (.xlsx)."""
    import xlsxwriter

    table = read_table(imp.file.path, imp.file_kind, sheet_index=imp.detected.get("sheet_index"))
    numbers = _row_numbers(imp, table)
    outcome_of = dict(zip(numbers, imp.outcomes, strict=False))
    committed = imp.status == RosterImport.Status.DONE
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet(_("Kết quả"))
    bold = workbook.add_format({"bold": True, "bg_color": "#E7F0FA", "border": 1, "text_wrap": True})
    red = workbook.add_format({"font_color": "#B42318", "text_wrap": True})
    labels = list(imp.columns) or [""]
    width = len(labels)
    sheet.write_row(
        0, 0, [safe_cell(x) for x in labels] + [_("Dòng trong tệp"), _("Kết quả"), _("Lỗi")], bold
    )
    sheet.set_column(width, width, 10)
    sheet.set_column(width + 1, width + 1, 14)
    sheet.set_column(width + 2, width + 2, 70)
    out = 1
    for number in numbers:
        row = table.rows[number - 1]
        cells = [safe_cell(row[i]) if i < len(row) else "" for i in range(width)]
        outcome = outcome_of.get(number, "")
        label = OUTCOME_LABELS.get(outcome, "")
        if outcome != REJECTED and not committed:
            label = _("Sẽ %(what)s") % {"what": str(label).lower()}
        problems = "; ".join(imp.problems.get(str(number), []))
        notes = "; ".join(imp.notes.get(str(number), []))
        sheet.write_row(out, 0, cells)
        sheet.write_number(out, width, number)
        sheet.write_string(out, width + 1, str(label))
        if problems:
            sheet.write_string(out, width + 2, safe_cell(problems), red)
        elif notes:
            sheet.write_string(out, width + 2, safe_cell(notes))
        out += 1
    sheet.freeze_panes(1, 0)
    workbook.close()


def _row_numbers(imp: RosterImport, table: Table) -> list[int]:
    from .analyse import _data_rows
    from .headers import FIELDS

    mapping = {int(k): v for k, v in imp.mapping.items() if v in FIELDS}
    by_field = {v: k for k, v in mapping.items()}
    name_cols = [by_field[f] for f in ("full_name", "family_name", "given_name") if f in by_field]
    return [
        number
        for number, _row, _section in _data_rows(table.rows, imp.detected.get("header_row", 0), name_cols)
    ]
