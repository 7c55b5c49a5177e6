"""The case import's two steps (canhgiac.org.tabular.jobs.ImportRunner) and its result workbook."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy

from canhgiac.org.tabular.jobs import OUTCOME_LABELS, REJECTED, Analysis, ImportRunner
from canhgiac.org.tabular.reading import Table, read_table
from canhgiac.org.tabular.result import write_result as write_result_workbook
from canhgiac.org.tabular.rows import data_rows

from ..models import CaseImport
from . import commit
from .analyse import KEY_COLUMNS, analyse
from .spec import FIELDS, SPEC

MAX_BYTES = getattr(settings, "CASE_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
INLINE_MAX_BYTES = getattr(settings, "CASE_IMPORT_INLINE_MAX_BYTES", 400 * 1024)


def read(imp: CaseImport) -> Table:
    return read_table(
        imp.file.path,
        imp.file_kind,
        sheet_index=imp.detected.get("sheet_index"),
        looks_right=lambda rows: SPEC.find_header(rows) is not None,
    )


class CaseRunner(ImportRunner):
    model = CaseImport
    checking_phase = gettext_lazy("Đang kiểm tra và ghi vào sổ vụ việc")
    write_failed = gettext_lazy(
        "Hệ thống gặp lỗi khi ghi sổ vụ việc; không có thay đổi nào được lưu. Hãy thử lại."
    )
    rejected_message = gettext_lazy(
        "Không ghi gì vào sổ: %(n)s dòng có lỗi (sổ đã thay đổi từ lúc xem trước). Tải tệp kết quả, sửa các "
        "dòng có lỗi rồi tải lên lại."
    )

    def read(self, imp: CaseImport) -> Table:
        return read(imp)

    def analyse(self, imp: CaseImport, table: Table, report) -> Analysis:
        header_row, mapping = self.mapping_override(imp)
        return analyse(table, target=imp.unit, mapping=mapping, header_row=header_row, progress=report)

    def apply(self, imp: CaseImport, result: Analysis, actor) -> None:
        commit.apply(result, imp=imp, actor=actor)


RUNNER = CaseRunner()


def run_analysis(import_id: int) -> None:
    RUNNER.run_analysis(import_id)


def run_commit(import_id: int, actor_id: int | None) -> None:
    RUNNER.run_commit(import_id, actor_id)


def write_result(imp: CaseImport, target) -> None:
    """The file as uploaded, every data row followed by its outcome and its problems (.xlsx)."""
    table = read(imp)
    mapping = {int(k): v for k, v in imp.mapping.items() if v in FIELDS}
    by_field = {v: k for k, v in mapping.items()}
    key_cols = [by_field[f] for f in KEY_COLUMNS if f in by_field]
    numbers = [
        number for number, _row, _s in data_rows(table.rows, imp.detected.get("header_row", 0), key_cols)
    ]
    write_result_workbook(
        target,
        rows=table.rows,
        columns=imp.columns,
        numbers=numbers,
        outcomes=imp.outcomes,
        labels=OUTCOME_LABELS,
        problems=imp.problems,
        notes=imp.notes,
        committed=imp.status == CaseImport.Status.DONE,
        rejected=REJECTED,
    )
