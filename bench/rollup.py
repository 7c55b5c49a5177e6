"""Dashboard rollup benchmark: the campaign dashboard's server time at a province's and at a country's scale.

    .venv/bin/python bench/rollup.py --scale province            # SQLite in a temporary folder, 60,000 people
    .venv/bin/python bench/rollup.py --scale national [--regenerate]   # PostgreSQL database cg_national

Builds the data with bench/generate.py (national: kept in `cg_national` between runs; `--regenerate` builds it
again; `--database-url` chooses another database), runs the hourly coverage task (what the scheduler does: the
counters must be for today), then times whole requests through Django's test client — middleware, selectors,
template — signed in as the province leader: the dashboard at the root (every unit summed up), a drill-down to a
commune, the two panels loaded after the page (knowledge, conferences) and the ward manager's dashboard. Best
and median of `--runs`, with the query count of the root dashboard (constant whatever the units: tests assert it).

Last line: scale=… people=… units=… dashboard_ms=… queries=…  (dashboard_ms: best of the runs, root dashboard)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

NATIONAL_DB = "cg_national"


def _pg_url(name: str) -> str:
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(sql)


def _has_data() -> bool:
    from django.db import connection

    from canhgiac.campaigns.models import Campaign

    try:
        return Campaign.objects.exists()
    except Exception:  # noqa: BLE001 - an empty database has no tables yet
        connection.close()
        return False


def timed(client, url: str, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    status = 0
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return min(times), statistics.median(times), len(ctx.captured_queries), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["province", "national"], default="province")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--seed", type=int, default=1509)
    parser.add_argument("--regenerate", action="store_true", help="Build the national database again.")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = None
    if args.database_url:
        url = args.database_url
    elif args.scale == "province":
        folder = tempfile.mkdtemp(prefix="cg-rollup-")
        url = f"sqlite:///{folder}/rollup.sqlite3"
    else:
        url = _pg_url(NATIONAL_DB)
        if args.regenerate:
            _pg(f'DROP DATABASE IF EXISTS "{NATIONAL_DB}" WITH (FORCE)')
        import psycopg

        with contextlib.suppress(psycopg.errors.DuplicateDatabase):  # it exists: reuse it
            _pg(f'CREATE DATABASE "{NATIONAL_DB}"')
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    os.environ.setdefault("CANHGIAC_TESTING", "true")  # plain static files (no collected manifest)
    os.environ.setdefault("TASKS_IMMEDIATE", "true")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    try:
        import django

        django.setup()
        import generate

        print(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
        if not _has_data():
            start = time.perf_counter()
            summary = generate.generate(args.scale, args.seed)
            print(f"generated in {time.perf_counter() - start:.1f} s: {summary['seconds']}")
        from django.test import Client

        from canhgiac.accounts.models import User
        from canhgiac.campaigns.models import Campaign
        from canhgiac.campaigns.services.counters import coverage_refresh
        from canhgiac.org.models import Person, Unit

        start = time.perf_counter()
        coverage_refresh()
        print(f"hourly coverage task: {time.perf_counter() - start:.2f} s")
        campaign = Campaign.objects.order_by("pk").first()
        leader = User.objects.get(email="lanhdao@bench.vn")
        manager = User.objects.get(email="daumoi@bench.vn")
        commune = manager.memberships.first().unit
        people, units = Person.objects.count(), Unit.objects.count()
        client = Client()
        client.force_login(leader)
        base = f"/bao-cao/tong-quan/{campaign.pk}/"
        unit_base = f"{base}don-vi/{commune.pk}/"
        block = Unit.objects.get(path=commune.path[:8])
        results = {}
        for name, url in [
            ("dashboard", base),
            ("block", f"{base}don-vi/{block.pk}/"),
            ("commune", unit_base),
            ("learning", f"{base}don-vi/{Unit.objects.get(depth=1).pk}/hoc-tap/"),
            ("conferences", f"{base}don-vi/{Unit.objects.get(depth=1).pk}/hoi-nghi/"),
        ]:
            client.get(url)  # warm
            results[name] = timed(client, url, args.runs)
        manager_client = Client()
        manager_client.force_login(manager)
        manager_client.get(base)
        results["manager"] = timed(manager_client, base, args.runs)
        results["home"] = timed(client, "/", args.runs)
        for name, (best, median, queries, status) in results.items():
            print(
                f"{name:12s} best {best:8.1f} ms  median {median:8.1f} ms  queries {queries:3d}  status {status}"
            )
        best, _median, queries, _status = results["dashboard"]
        print(f"scale={args.scale} people={people} units={units} dashboard_ms={best:.1f} queries={queries}")
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
