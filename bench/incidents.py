"""Case register benchmark: statistics, the public page and the list over a large register, and the importer.

    .venv/bin/python bench/incidents.py [--cases 100000] [--import-rows 10000]

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL when set). Builds the real Quảng Ninh tree
and catalogue, `--cases` cases spread over 2023–2026 across the 54 communes and wards (inserted in bulk), then
measures whole requests through Django's test client (server time, median of 5, and the query count):
the statistics page of a province-wide investigator, the public page, the first page of the register list with
a filter. Then imports an .xlsx of `--import-rows` new cases with identifiers through the importer (preview +
commit, as "Ghi" runs). Last line:
cases=… stats_ms=… stats_queries=… public_ms=… list_ms=… import_rows=… import_s=… import_rows_per_s=…
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(client, url, params=None, runs=5):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url, params or {})
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(ctx.captured_queries)


def build_cases(n: int) -> None:
    from canhgiac.incidents.models import Case, CaseCounter
    from canhgiac.knowledge.models import ScamMethod
    from canhgiac.org.models import Unit

    rng = random.Random(2026)
    units = list(
        Unit.objects.filter(kind__in=["ward", "commune", "special_zone"]).values_list("pk", flat=True)
    )
    methods = list(ScamMethod.objects.values_list("pk", flat=True))
    start = dt.date(2023, 1, 1)
    span = (dt.date(2026, 11, 27) - start).days
    per_year: dict[int, int] = {}
    batch = []
    for i in range(n):
        reported = start + dt.timedelta(days=rng.randrange(span))
        occurred = reported - dt.timedelta(days=rng.randrange(10))
        seq = per_year[reported.year] = per_year.get(reported.year, 0) + 1
        lost = rng.randrange(0, 500) * 1_000_000
        batch.append(
            Case(
                code=f"VV-{reported.year}-{seq:06d}",
                year=reported.year,
                sequence=seq,
                reported_on=reported,
                occurred_on=occurred,
                unit_id=rng.choice(units),
                method_id=rng.choice(methods),
                channel=rng.choice(["call", "zalo", "facebook", "telegram", "sms", "website"]),
                amount_lost=lost,
                amount_recovered=lost // 10 if i % 7 == 0 else 0,
                victim_group=rng.choice(
                    ["civil_servant", "finance", "worker", "student", "retiree", "business", "other"]
                ),
                age_band=rng.choice(["18_30", "31_45", "46_60", "o60", "unknown"]),
                offender_abroad=rng.choice(["yes", "yes", "no", "unknown"]),
                status=rng.choice(["reported", "verifying", "prosecuted", "suspended"]),
                search_text=f"vv-{reported.year}-{seq:06d}",
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    for year, last in per_year.items():
        CaseCounter.objects.update_or_create(year=year, defaults={"last": last})


def build_file(path: Path, rows: int) -> None:
    import xlsxwriter

    from canhgiac.incidents.demo_data import BANKS, MOBILE_PREFIXES
    from canhgiac.org.demo import vietnamese_name
    from canhgiac.org.models import Unit

    rng = random.Random(9)
    names = list(
        Unit.objects.filter(kind__in=["ward", "commune", "special_zone"]).values_list("name", flat=True)
    )
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("So vu viec")
    sheet.write_string(0, 0, "SỔ THEO DÕI VỤ VIỆC LỪA ĐẢO CHIẾM ĐOẠT TÀI SẢN TRÊN KHÔNG GIAN MẠNG")
    heads = [
        "STT",
        "Số tin báo",
        "Ngày tiếp nhận",
        "Ngày xảy ra",
        "Xã, phường",
        "Phương thức",
        "Kênh",
        "Số tiền bị chiếm đoạt",
        "Nghề nghiệp",
        "Tình trạng",
        "SĐT đối tượng",
        "STK nhận tiền",
        "Họ tên nạn nhân",
        "Năm sinh",
    ]
    sheet.write_row(2, 0, heads)
    fmt = book.add_format({"num_format": "dd/mm/yyyy"})
    for i in range(rows):
        r = 3 + i
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i % 320)
        sheet.write_number(r, 0, i + 1)
        sheet.write_string(r, 1, f"{i + 1}/TB-BENCH")
        sheet.write_datetime(r, 2, dt.datetime.combine(day, dt.time()), fmt)
        sheet.write_string(r, 3, (day - dt.timedelta(days=i % 5)).strftime("%d/%m/%Y"))
        sheet.write_string(r, 4, rng.choice(names))
        sheet.write_string(r, 5, str(1 + i % 24))
        sheet.write_string(r, 6, rng.choice(["Zalo", "Gọi điện", "Facebook", "Telegram"]))
        sheet.write_string(r, 7, f"{rng.randrange(1, 900)} triệu")
        sheet.write_string(r, 8, rng.choice(["Cán bộ", "Công nhân", "Sinh viên", "Kinh doanh", "Nghỉ hưu"]))
        sheet.write_string(r, 9, rng.choice(["Tiếp nhận", "Đang xác minh"]))
        sheet.write_string(r, 10, f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**7):07d}")
        sheet.write_string(r, 11, f"{rng.choice(BANKS)} {rng.randrange(10**11, 10**12)}")
        sheet.write_string(r, 12, vietnamese_name(rng))
        sheet.write_number(r, 13, 1950 + i % 50)
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument(
        "--profile", action="store_true", help="print where the import's commit spends its time"
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cg-bench-incidents-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["CANHGIAC_DATA_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "canhgiac.settings"
    os.environ["TASKS_IMMEDIATE"] = "true"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    # plain static storage: no collectstatic manifest needed
    os.environ.setdefault("CANHGIAC_TESTING", "true")
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from canhgiac.accounts.models import Membership, User
    from canhgiac.incidents.importer import jobs
    from canhgiac.incidents.models import Case, CaseImport
    from canhgiac.knowledge.catalogue import ensure_catalogue
    from canhgiac.org.models import Unit
    from canhgiac.org.seed import seed_province

    seed_province()
    ensure_catalogue()
    root = Unit.objects.get(depth=1)
    user = User.objects.create_user(email="bench@test.vn", password="x", full_name="Điều tra viên")
    Membership.objects.create(user=user, unit=root, role="investigator")
    started = time.perf_counter()
    build_cases(args.cases)
    print(f"{Case.objects.count()} cases inserted in {time.perf_counter() - started:.1f} s")

    client = Client()
    client.force_login(user)
    year = {"date_from": "2026-01-01", "date_to": "2026-11-27"}
    stats_ms, stats_q = timed(client, "/vu-viec/thong-ke/", year)
    print(
        f"statistics page (this year, province, 8 tables, comparison, rising): {stats_ms:.0f} ms, {stats_q} queries"
    )
    three_years_ms, _q = timed(
        client, "/vu-viec/thong-ke/", {"date_from": "2023-01-01", "date_to": "2026-11-27"}
    )
    print(f"statistics page over four years: {three_years_ms:.0f} ms")
    public_ms, public_q = timed(Client(), "/vu-viec/tinh-hinh/", {"nam": 2026})
    print(f"public page (4 suppressed tables, rising): {public_ms:.0f} ms, {public_q} queries")
    list_ms, list_q = timed(client, "/vu-viec/", {"channel": "zalo", "date_from": "2025-01-01"})
    print(f"register list, filtered, first page of 50: {list_ms:.0f} ms, {list_q} queries")

    path = workdir / "so-vu-viec.xlsx"
    build_file(path, args.import_rows)
    with path.open("rb") as handle:
        imp = CaseImport.objects.create(
            unit=root,
            uploaded_by=user,
            file=File(handle, name=path.name),
            original_name=path.name,
            size=path.stat().st_size,
            file_kind="xlsx",
        )
    started = time.perf_counter()
    jobs.run_analysis(imp.pk)
    preview_s = time.perf_counter() - started
    imp.refresh_from_db()
    assert imp.rejected_count == 0, list(imp.problems.items())[:3]
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    jobs.run_commit(imp.pk, user.pk)
    import_s = time.perf_counter() - started
    if args.profile:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    imp.refresh_from_db()
    assert imp.status == CaseImport.Status.DONE and imp.created_count == args.import_rows, (
        imp.status,
        imp.message,
    )
    print(
        f"import of {args.import_rows} rows: preview {preview_s:.2f} s, commit (read + check + write) {import_s:.2f} s"
    )
    print(
        f"cases={args.cases} stats_ms={stats_ms:.0f} stats_queries={stats_q} public_ms={public_ms:.0f} "
        f"list_ms={list_ms:.0f} import_rows={args.import_rows} import_s={import_s:.2f} "
        f"import_rows_per_s={args.import_rows / import_s:.0f}"
    )


if __name__ == "__main__":
    main()
