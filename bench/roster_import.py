"""Roster import benchmark: build a 100,000-row .xlsx like a province-wide list, import it, compare with a bare
calamine read of the same file.

    .venv/bin/python bench/roster_import.py [--rows 100000]

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL when set). The import is measured end to
end as the worker runs it: read the file, check every row against the roster, write (run_commit). The preview
step (run_analysis: read + check, no write) is timed too. The last line is the figure the issue asks for:
rows=… import_s=… calamine_read_s=… ratio=…  (ratio = calamine read time ÷ import time).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_file(path: Path, rows: int, unit_codes: list[str]) -> None:
    import xlsxwriter

    from canhgiac.org.demo import POSITIONS_COMMUNE, vietnamese_name

    rng = random.Random(2026)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Danh sách")
    sheet.write_string(0, 0, "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG TỈNH QUẢNG NINH")
    sheet.write_row(
        2,
        0,
        [
            "STT",
            "Họ và tên",
            "Mã cán bộ",
            "Chức vụ",
            "Mã đơn vị",
            "Nhóm đối tượng",
            "Số điện thoại",
            "Email",
            "Ngày sinh",
        ],
    )
    groups = ["Cán bộ", "Công chức", "Viên chức", "Người lao động"]
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    import datetime as dt

    for i in range(rows):
        r = i + 3
        sheet.write_number(r, 0, i + 1)
        sheet.write_string(r, 1, vietnamese_name(rng))
        sheet.write_string(r, 2, f"QN{i:07d}")
        sheet.write_string(r, 3, rng.choice(POSITIONS_COMMUNE))
        sheet.write_string(r, 4, rng.choice(unit_codes))
        sheet.write_string(r, 5, rng.choice(groups))
        sheet.write_number(r, 6, 900_000_000 + i)  # stored as a number: the leading 0 is lost
        sheet.write_string(r, 7, f"cb{i}@quangninh.gov.vn" if i % 3 else "")
        sheet.write_datetime(r, 8, dt.datetime(1965 + i % 35, 1 + i % 12, 1 + i % 28), date_format)
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="print where the import spends its time")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["CANHGIAC_DATA_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "canhgiac.settings"
    os.environ["TASKS_IMMEDIATE"] = "true"
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from python_calamine import CalamineWorkbook

    from canhgiac.org.importer import jobs

    run_analysis, run_commit = jobs.run_analysis, jobs.run_commit
    from canhgiac.org.models import Person, RosterImport, Unit
    from canhgiac.org.seed import seed_province

    seed_province()
    root = Unit.objects.get(depth=1)
    codes = list(Unit.objects.filter(depth__gte=3).values_list("code", flat=True))
    path = workdir / "danh-sach-100k.xlsx"
    started = time.perf_counter()
    build_file(path, args.rows, codes)
    print(
        f"file: {path.stat().st_size / 1e6:.1f} MB, {args.rows} rows, built in {time.perf_counter() - started:.1f} s"
    )

    reads = []
    for _ in range(3):
        started = time.perf_counter()
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
        reads.append(time.perf_counter() - started)
    calamine_s = min(reads)

    def new_import() -> RosterImport:
        with path.open("rb") as handle:
            return RosterImport.objects.create(
                unit=root,
                file=File(handle, name=path.name),
                original_name=path.name,
                size=path.stat().st_size,
                file_kind="xlsx",
            )

    imp = new_import()
    started = time.perf_counter()
    run_analysis(imp.pk)
    preview_s = time.perf_counter() - started
    imp.refresh_from_db()
    print(
        f"preview (read + check, no write): {preview_s:.2f} s; would create {imp.created_count}, rejected {imp.rejected_count}"
    )
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    run_commit(imp.pk, None)
    import_s = time.perf_counter() - started
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    imp.refresh_from_db()
    assert imp.status == RosterImport.Status.DONE, (imp.status, imp.message)
    assert Person.objects.count() == args.rows
    print(f"import (read + check + write): {import_s:.2f} s, created {imp.created_count}")

    again = new_import()
    started = time.perf_counter()
    run_commit(again.pk, None) if again.__class__.objects.filter(pk=again.pk).update(status="ready") else None
    reimport_s = time.perf_counter() - started
    again.refresh_from_db()
    print(
        f"re-import of the same file: {reimport_s:.2f} s, unchanged {again.unchanged_count}, created {again.created_count}"
    )
    print(f"calamine bare read: {calamine_s:.2f} s (best of 3)")
    print(
        f"rows={args.rows} import_s={import_s:.2f} calamine_read_s={calamine_s:.2f} ratio={calamine_s / import_s:.2f}"
    )


if __name__ == "__main__":
    main()
