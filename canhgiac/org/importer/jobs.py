"""The roster import's two steps (canhgiac.org.tabular.jobs.ImportRunner) and its result workbook.

analyse: read the file, check every row, store the preview (counts, problems, mapping). Writes no person.
commit: read and check again inside one transaction (the database may have changed since the preview), then
write everything, or nothing when any row is rejected.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from canhgiac.core.audit import audit

from ..models import RosterImport
from ..tabular.jobs import OUTCOME_LABELS, REJECTED, Analysis, ImportRunner
from ..tabular.result import write_result as write_result_workbook
from . import commit as writer
from .analyse import CREATED, UNCHANGED, UPDATED, analyse
from .reading import Table, read_table

__all__ = ["OUTCOME_LABELS", "RosterRunner", "run_analysis", "run_commit", "write_result"]


class RosterRunner(ImportRunner):
    model = RosterImport
    checking_phase = gettext_lazy("Đang kiểm tra và ghi vào danh sách")
    write_failed = gettext_lazy(
        "Hệ thống gặp lỗi khi ghi danh sách; không có thay đổi nào được lưu. Hãy thử lại."
    )
    rejected_message = gettext_lazy(
        "Không ghi gì vào danh sách: %(n)s dòng có lỗi (danh sách đã thay đổi từ lúc xem trước). Tải tệp "
        "kết quả, sửa các dòng có lỗi rồi tải lên lại."
    )

    def read(self, imp: RosterImport) -> Table:
        return read_table(imp.file.path, imp.file_kind, sheet_index=imp.detected.get("sheet_index"))

    def analyse(self, imp: RosterImport, table: Table, report) -> Analysis:
        header_row, mapping = self.mapping_override(imp)
        return analyse(
            table,
            target=imp.unit,
            mapping=mapping,
            header_row=header_row,
            effective_on=imp.effective_on,
            progress=report,
        )

    def apply(self, imp: RosterImport, result: Analysis, actor) -> None:
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


RUNNER = RosterRunner()


def run_analysis(import_id: int) -> None:
    RUNNER.run_analysis(import_id)


def run_commit(import_id: int, actor_id: int | None) -> None:
    RUNNER.run_commit(import_id, actor_id)


def write_result(imp: RosterImport, target) -> None:
    """The file as uploaded, every data row followed by its outcome and its problems (.xlsx)."""
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
    from .analyse import _data_rows
    from .headers import FIELDS

    mapping = {int(k): v for k, v in imp.mapping.items() if v in FIELDS}
    by_field = {v: k for k, v in mapping.items()}
    name_cols = [by_field[f] for f in ("full_name", "family_name", "given_name") if f in by_field]
    return [
        number
        for number, _row, _section in _data_rows(table.rows, imp.detected.get("header_row", 0), name_cols)
    ]
