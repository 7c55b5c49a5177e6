"""Scam checker benchmark: lookups among millions of listed identifiers, and message analysis throughput.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cg_scambench .venv/bin/python bench/scamcheck.py
    .venv/bin/python bench/scamcheck.py                      # SQLite (var/scambench.sqlite3), 1,000,000 identifiers
    ... --identifiers 200000 --lookups 3000 --seconds 5

Loads N identifiers (10,000,000 on PostgreSQL with COPY, 1,000,000 on SQLite with executemany in large
transactions), each with a public listing (most reported, one in ten verified), unless the database already holds
them. Then:
- lookups: what the search box does for one identifier, `selectors.check(query)` on queries typed the way people
  type them (spaces, +84, schemes, bank names): normalise, allowlist, one indexed query (plus the related
  identifiers of verified ones). 70% hit a listed identifier, 30% miss. p50/p99 in milliseconds.
- analysis: `analyzer.analyze(text)` on the team's corpus in a loop, one process, identifiers looked up in the
  database as the API does; messages per second (one core), by the wall clock and per second of the process's
  own CPU time (on a shared machine the wall clock also counts the time other jobs hold the core).

The last line is: identifiers=… lookup_p99_ms=… analyze_per_s=…
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'scambench.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from canhgiac.scamcheck import selectors  # noqa: E402
from canhgiac.scamcheck.analyzer import analyze  # noqa: E402
from canhgiac.scamcheck.analyzer.corpus import load_corpus  # noqa: E402
from canhgiac.scamcheck.banks import all_banks  # noqa: E402
from canhgiac.scamcheck.models import Identifier, digest_key  # noqa: E402

POSTGRES = connection.vendor == "postgresql"
BANKS = [b for b in all_banks() if not b.wallet][:30]
MOBILE = ["32", "33", "34", "35", "36", "37", "38", "39", "70", "76", "77", "78", "79", "81", "82", "83", "84",
          "85", "86", "88", "90", "91", "94", "96", "97", "98"]  # fmt: skip


def row(i: int) -> tuple[str, str, str, str]:
    """The i-th synthetic identifier: (kind, value, qualifier, how a person would type it)."""
    kind = i % 20
    if kind < 10:  # half are phone numbers
        national = MOBILE[i % len(MOBILE)] + f"{(i * 7919) % 10_000_000:07d}"
        return "phone", "+84" + national, "", f"0{national[:3]} {national[3:6]} {national[6:]}"
    if kind < 15:  # a quarter are bank accounts
        bank = BANKS[i % len(BANKS)]
        digits = f"{(i * 104729) % 10**13:013d}"
        return "bank_account", digits, bank.code, f"{bank.short} {digits[:4]} {digits[4:8]} {digits[8:]}"
    if kind < 19:  # a fifth are domains
        domain = f"hotro-{i:x}.{('top', 'xyz', 'online', 'site', 'com')[i % 5]}"
        return "url", domain, "", f"https://xac-thuc.{domain}/dang-nhap"
    handle = f"hotro_{i:x}"
    return "social", f"telegram:{handle}", "", f"t.me/{handle}"


def absent(i: int) -> str:
    """A query for something that is not listed (same shapes, other values)."""
    kind = i % 4
    if kind == 0:
        return f"0599{(i * 31) % 1_000_000:06d}"  # 059 is never generated above
    if kind == 1:
        return f"Vietcombank 99{(i * 17) % 10**11:011d}"
    if kind == 2:
        return f"http://khong-co-{i:x}.example.com/a"
    return f"t.me/khongco_{i:x}"


def existing_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM scamcheck_identifier")
        return cursor.fetchone()[0]


def clear() -> None:
    with connection.cursor() as cursor:
        if POSTGRES:
            cursor.execute(
                "TRUNCATE scamcheck_listing, scamcheck_verification, scamcheck_report_identifiers, "
                "scamcheck_dispute, scamcheck_identifier RESTART IDENTITY CASCADE"
            )
        else:
            for table in ("scamcheck_listing", "scamcheck_verification", "scamcheck_identifier"):
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names


def generate(start: int, stop: int, now: datetime):
    """(identifier row, listing row) for ids start..stop-1 (the id is i + 1)."""
    for i in range(start, stop):
        kind, value, qualifier, _typed = row(i)
        key = digest_key(hashlib.sha256(f"{kind}:{value}".encode()).hexdigest())
        verified = now if i % 10 == 0 else None
        yield (
            (i + 1, kind, value, qualifier, value, key, now),
            (i + 1, 1 + i % 4, now, now, verified, "Số liệu thử tải" if verified else "", False),
        )


def load_postgres(n: int, now: datetime) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE scamcheck_identifier DROP CONSTRAINT IF EXISTS scamcheck_identifier_unique"
        )
        cursor.execute("DROP INDEX IF EXISTS scamcheck_identifier_digest")
        cursor.execute("SET session_replication_role = replica")  # no FK triggers while loading
        raw = cursor.cursor
        chunk = 500_000
        for start in range(0, n, chunk):
            rows = list(generate(start, min(n, start + chunk), now))
            with raw.copy(
                "COPY scamcheck_identifier (id, kind, value, qualifier, display, digest, created_at) FROM STDIN"
            ) as copy:
                for identifier, _listing in rows:
                    copy.write_row(identifier)
            with raw.copy(
                "COPY scamcheck_listing (identifier_id, report_count, first_reported_at, last_reported_at, "
                "verified_at, verified_reason, dispute_open, cleared_reason, updated_at) FROM STDIN"
            ) as copy:
                for _identifier, listing in rows:
                    copy.write_row((*listing, "", now))
            print(f"  {min(n, start + chunk):,} / {n:,}", flush=True)
        cursor.execute("SET session_replication_role = DEFAULT")
        print("  indexing…", flush=True)
        cursor.execute(
            "ALTER TABLE scamcheck_identifier ADD CONSTRAINT scamcheck_identifier_unique UNIQUE (kind, value, qualifier)"
        )
        cursor.execute("CREATE INDEX scamcheck_identifier_digest ON scamcheck_identifier (digest)")
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('scamcheck_identifier', 'id'), {n + 1})")
        cursor.execute("ANALYZE scamcheck_identifier")
        cursor.execute("ANALYZE scamcheck_listing")


def load_sqlite(n: int, now: datetime) -> None:
    chunk = 100_000
    with connection.cursor() as cursor:
        for start in range(0, n, chunk):
            rows = list(generate(start, min(n, start + chunk), now))
            with transaction.atomic():
                cursor.executemany(
                    "INSERT INTO scamcheck_identifier (id, kind, value, qualifier, display, digest, created_at) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                    [identifier for identifier, _listing in rows],
                )
                cursor.executemany(
                    "INSERT INTO scamcheck_listing (identifier_id, report_count, first_reported_at, last_reported_at, "
                    "verified_at, verified_reason, dispute_open, cleared_reason, updated_at) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, '', %s)",
                    [(*listing, now) for _identifier, listing in rows],
                )
            print(f"  {min(n, start + chunk):,} / {n:,}", flush=True)
        cursor.execute("ANALYZE")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--identifiers", type=int, default=10_000_000 if POSTGRES else 1_000_000)
    parser.add_argument("--lookups", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to run the analyzer")
    parser.add_argument("--reload", action="store_true", help="reload even if the identifiers are there")
    options = parser.parse_args()
    n = options.identifiers

    call_command("migrate", verbosity=0)
    call_command("seed_allowlist", verbosity=0)
    call_command("seed_knowledge", verbosity=0)  # the red flags the analyzer matches
    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
    have = existing_count()
    if have != n or options.reload:
        print(f"Loading {n:,} identifiers with their listings (found {have:,})…", flush=True)
        started = time.perf_counter()
        clear()
        now = datetime.now(UTC)
        (load_postgres if POSTGRES else load_sqlite)(n, now)
        print(f"  loaded in {time.perf_counter() - started:.0f} s")
    assert Identifier.objects.count() == n

    rng = random.Random(1509)
    queries = []
    for k in range(options.lookups):
        if rng.random() < 0.7:
            queries.append((row(rng.randrange(n))[3], True))
        else:
            queries.append((absent(k), False))
    for query, _listed in queries[:300]:  # warm up caches and connections
        selectors.check(query)
    timings = []
    wrong = 0
    for query, listed in queries:
        started = time.perf_counter()
        result = selectors.check(query)
        timings.append((time.perf_counter() - started) * 1000)
        if (result.status != "no_information") != listed:
            wrong += 1
    p50, p99 = statistics.median(timings), percentile(timings, 99)
    print(
        f"Lookups: {len(timings):,} (70% listed), p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {max(timings):.2f} ms"
    )
    if wrong:
        print(f"  WARNING: {wrong} answers did not match the data")

    messages = [m.text for m in load_corpus()]
    for text in messages[:50]:
        analyze(text)
    done, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < options.seconds:
        analyze(messages[done % len(messages)])
        done += 1
    with_lookup = done / (time.perf_counter() - started)
    with_lookup_cpu = done / (time.process_time() - cpu)
    done, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < options.seconds / 2:
        analyze(messages[done % len(messages)], lookup=False)
        done += 1
    without_lookup = done / (time.perf_counter() - started)
    without_lookup_cpu = done / (time.process_time() - cpu)
    average = sum(len(t) for t in messages) / len(messages)
    print(
        f"Analysis: {with_lookup:,.0f} messages/s with database look-ups, {without_lookup:,.0f} without "
        f"(one process, corpus messages of {average:.0f} characters on average); per second of this process's "
        f"CPU time (what one core does when the machine is shared): {with_lookup_cpu:,.0f} and "
        f"{without_lookup_cpu:,.0f}; load average {os.getloadavg()[0]:.1f}"
    )
    print(f"identifiers={n} lookup_p99_ms={p99:.2f} analyze_per_s={with_lookup:.0f}")


if __name__ == "__main__":
    main()
