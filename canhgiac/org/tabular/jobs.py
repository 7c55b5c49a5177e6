"""The two steps of every import, as run inline or by the background worker.

analyse: read the file, check every row, store the preview (counts, problems, mapping). Writes nothing else.
commit: read and check again inside one transaction (the database may have changed since the preview), then
write everything, or nothing when any row is rejected.

An importer subclasses `ImportRunner` with its import model (fields: status, progress, phase, message, detected,
columns, mapping, mapping_overridden, total_rows, created/updated/unchanged/rejected_count, outcomes, problems,
notes, sample, analysed_at, committed_at, committed_by, file, file_kind) and three hooks: `read`, `analyse`
and `apply`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .reading import ImportFileError, Table

log = logging.getLogger(__name__)
MAX_STORED_PROBLEMS = 5000

CREATED, UPDATED, UNCHANGED, REJECTED = "C", "U", "N", "R"
OUTCOME_LABELS = {
    CREATED: gettext_lazy("Tạo mới"),
    UPDATED: gettext_lazy("Cập nhật"),
    UNCHANGED: gettext_lazy("Không đổi"),
    REJECTED: gettext_lazy("Bị từ chối"),
}


@dataclass
class Analysis:
    """What analysing a file found: one outcome letter per data row, problems and notes by row number."""

    header_row: int = -1
    mapping: dict[int, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    problems: dict[int, list[str]] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)
    creates: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    sample: list[dict] = field(default_factory=list)
    fatal: str = ""

    def count(self, outcome: str) -> int:
        return self.outcomes.count(outcome)

    @property
    def rejected(self) -> int:
        return self.count(REJECTED)


def store_preview(imp, table: Table | None, result) -> None:
    """Copy what reading and analysing found onto the import record (not saved): detected sheet/encoding/font,
    header row, columns, mapping, counts, outcome letters, problems and notes (the first 5,000), the sample."""
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


class ImportRunner:
    model = None
    # Wording of the phases and failures (each importer names what it writes to).
    checking_phase = gettext_lazy("Đang kiểm tra và ghi")
    read_failed = gettext_lazy(
        "Hệ thống gặp lỗi khi đọc tệp. Hãy thử lại; nếu vẫn lỗi, gửi tệp cho quản trị hệ thống."
    )
    write_failed = gettext_lazy("Hệ thống gặp lỗi khi ghi; không có thay đổi nào được lưu. Hãy thử lại.")
    rejected_message = gettext_lazy(
        "Không ghi gì: %(n)s dòng có lỗi (dữ liệu đã thay đổi từ lúc xem trước). Tải tệp kết quả, sửa các dòng "
        "có lỗi rồi tải lên lại."
    )

    # --- hooks ---------------------------------------------------------------------------------------------
    def read(self, imp) -> Table:
        raise NotImplementedError

    def analyse(self, imp, table: Table, report) -> Analysis:
        raise NotImplementedError

    def apply(self, imp, result: Analysis, actor) -> None:
        """Write an analysis without rejected rows, inside the commit's transaction (audit it here)."""
        raise NotImplementedError

    # --- the flow ------------------------------------------------------------------------------------------
    def progress(self, imp):
        model = type(imp)

        def report(percent: int, phase: str) -> None:
            model.objects.filter(pk=imp.pk).update(progress=percent, phase=str(phase)[:100])

        return report

    def mapping_override(self, imp) -> tuple[int | None, dict[int, str] | None]:
        """(header row, mapping) chosen by hand on the preview, or (None, None) to detect them."""
        if not imp.mapping_overridden:
            return None, None
        return imp.detected.get("header_row"), {int(k): v for k, v in imp.mapping.items()}

    def store(self, imp, table: Table | None, result: Analysis | None) -> None:
        store_preview(imp, table, result)

    def _read(self, imp, report) -> Table:
        report(10, _("Đang đọc tệp"))
        return self.read(imp)

    def run_analysis(self, import_id: int) -> None:
        imp = self.model.objects.select_related("unit").get(pk=import_id)
        report = self.progress(imp)
        table = result = None
        try:
            table = self._read(imp, report)
            result = self.analyse(imp, table, report)
        except ImportFileError as exc:
            imp.status, imp.message = self.model.Status.FAILED, exc.message
        except Exception:
            log.exception("%s %s: analysis failed", self.model.__name__, import_id)
            imp.status, imp.message = self.model.Status.FAILED, str(self.read_failed)
        else:
            imp.status = self.model.Status.FAILED if result.fatal else self.model.Status.READY
        self.store(imp, table, result)
        imp.progress, imp.phase, imp.analysed_at = 100, "", timezone.now()
        imp.save()

    def run_commit(self, import_id: int, actor_id: int | None) -> None:
        from django.contrib.auth import get_user_model

        imp = self.model.objects.select_related("unit").get(pk=import_id)
        actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
        report = self.progress(imp)
        table = result = None
        try:
            table = self._read(imp, report)
            report(30, self.checking_phase)
            with transaction.atomic():
                result = self.analyse(imp, table, report)
                if not result.fatal and result.rejected == 0:
                    self.apply(imp, result, actor)
        except ImportFileError as exc:
            imp.status, imp.message = self.model.Status.FAILED, exc.message
        except Exception:
            log.exception("%s %s: commit failed", self.model.__name__, import_id)
            imp.status, imp.message = self.model.Status.FAILED, str(self.write_failed)
        else:
            if result.fatal:
                imp.status = self.model.Status.FAILED
            elif result.rejected:
                imp.status = self.model.Status.REJECTED
                imp.message = str(self.rejected_message) % {"n": result.rejected}
            else:
                imp.status = self.model.Status.DONE
                imp.committed_at, imp.committed_by = timezone.now(), actor
        self.store(imp, table, result)
        imp.progress, imp.phase = 100, ""
        imp.save()
