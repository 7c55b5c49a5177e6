"""Campaign coverage benchmark: the selectors the reports app's dashboards will call, on a province-sized tree.

    .venv/bin/python bench/campaign_coverage.py [--units 600] [--people 60000] [--runs 7] [--postgres]

Builds, in a fresh database (a SQLite file in a temporary folder; with --postgres a database created on
127.0.0.1:5432 and dropped afterwards), a tree of `units` units (province → 6 blocks → communes/agencies →
sub-units), `people` people with their roster history (2 % exempt), a running campaign whose responsible units
each have obligations and a conference, and Reach for 55 % of the people. Then it times, best of `runs` (the
median is printed too), as the coordinator at the root sees them:

- coverage_by_unit: every unit's reached ÷ in scope, rolled up the tree (one grouped query + units);
- obligations_status: the obligations board (participants, obligations, conference counts, coverage);
- coverage_over_time: the province's weekly curve from the start (one query, two counts per date);
- check-in: attendance_check_in for 300 people one after the other (a hall scanning the QR code), per check-in.

The last line: scale=… people=… units=… coverage_ms=… board_ms=… timeline_ms=… checkin_ms=… queries=…
(queries = those of coverage_by_unit).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_database(postgres: bool) -> tuple[str, str | None, str | None]:
    if postgres:
        name = f"cg_campaigns_bench_{uuid.uuid4().hex[:8]}"
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgres://postgres@127.0.0.1:5432/{name}", name, None
    folder = tempfile.mkdtemp(prefix="cg-campaign-bench-")
    return f"sqlite:///{folder}/bench.sqlite3", None, folder


def drop_database(name: str | None) -> None:
    if name:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build(units_wanted: int, people_wanted: int, rng: random.Random):
    from django.db import transaction
    from django.utils import timezone

    from canhgiac.accounts.models import Membership, User
    from canhgiac.campaigns import services
    from canhgiac.campaigns.models import CampaignUnit, Conference, Reach
    from canhgiac.org.models import Exemption, Person, Placement, Unit

    today = timezone.localdate()
    with transaction.atomic():
        root = Unit.objects.add_root({"code": "QN", "name": "Tỉnh Quảng Ninh", "kind": Unit.Kind.PROVINCE})
        leaves, made = [], 1
        blocks = [
            Unit.objects.add_child(root, {"code": f"B{b}", "name": f"Khối {b}", "kind": Unit.Kind.BLOCK})
            for b in range(6)
        ]
        made += len(blocks)
        agencies = []
        per_block = max(1, (units_wanted - made) // (len(blocks) * 3))
        for block in blocks:
            for a in range(per_block):
                agencies.append(
                    Unit.objects.add_child(
                        block,
                        {
                            "code": f"{block.code}-{a}",
                            "name": f"Xã {block.code}-{a}",
                            "kind": Unit.Kind.COMMUNE,
                        },
                    )
                )
        made += len(agencies)
        while made < units_wanted:
            parent = agencies[made % len(agencies)]
            leaves.append(
                Unit.objects.add_child(
                    parent, {"code": f"S{made}", "name": f"Bộ phận {made}", "kind": Unit.Kind.SUBUNIT}
                )
            )
            made += 1
        homes = agencies + leaves
        people = []
        for i in range(people_wanted):
            person = Person(unit=homes[i % len(homes)], full_name=f"Người Thử {i}", staff_code=f"P{i:07d}")
            person.refresh_derived()
            people.append(person)
        Person.objects.bulk_create(people, batch_size=5000)
        ids = list(Person.objects.values_list("id", "unit_id"))
        Placement.objects.bulk_create(
            [Placement(person_id=pid, unit_id=uid, status="active") for pid, uid in ids], batch_size=5000
        )
        Exemption.objects.bulk_create(
            [
                Exemption(person_id=pid, reason="long_leave", starts_on=today - timedelta(days=20))
                for pid, _u in ids[::50]
            ],
            batch_size=5000,
        )
        user = User.objects.create_user(email="dieuphoi@bench.vn", password="x", full_name="Điều phối")
        Membership.objects.create(user=user, unit=root, role="coordinator")
        campaign = services.campaign_create(
            actor=user,
            audience_units=[root],
            title="Chiến dịch thử",
            legal_number="1/KH",
            legal_date=today - timedelta(days=90),
            starts_on=today - timedelta(days=84),
            deadline=today + timedelta(days=20),
        )
        campaign = services.campaign_launch(campaign=campaign, actor=user)
        participants = list(CampaignUnit.objects.filter(campaign=campaign).select_related("unit"))
        now = timezone.now()
        Conference.objects.bulk_create(
            [
                Conference(
                    campaign=campaign,
                    unit=p.unit,
                    title="Hội nghị",
                    starts_at=now - timedelta(days=rng.randint(1, 80)),
                    ends_at=now - timedelta(days=1),
                    status=rng.choice(["held", "reported", "planned", "confirmed"]),
                    checkin_token=uuid.uuid4().hex[:16],
                )
                for p in participants
            ]
        )
        Reach.objects.bulk_create(
            [
                Reach(
                    person_id=pid,
                    campaign=campaign,
                    unit_id=uid,
                    via="conference",
                    reached_at=now - timedelta(days=rng.randint(0, 80)),
                )
                for pid, uid in ids
                if rng.random() < 0.55
            ],
            batch_size=5000,
        )
        live = Conference.objects.create(
            campaign=campaign,
            unit=participants[0].unit,
            title="Hội nghị đang diễn ra",
            starts_at=now - timedelta(minutes=5),
            ends_at=now + timedelta(hours=2),
            status="confirmed",
        )
    return campaign, user, live, Unit.objects.count()


def timed(func, runs):
    from django.db import connection, reset_queries

    times, queries = [], 0
    for _ in range(runs):
        reset_queries()
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
        queries = len(connection.queries)
    return min(times), statistics.median(times), queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--people", type=int, default=60000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    url, pg_name, folder = setup_database(args.postgres)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        settings.DEBUG = True  # keep connection.queries
        call_command("migrate", verbosity=0)
        rng = random.Random(1509)
        t0 = time.perf_counter()
        campaign, user, live, units = build(args.units, args.people, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics, as a live database has them
        print(
            f"built {units} units, {args.people} people in {time.perf_counter() - t0:.1f} s ({connection.vendor})"
        )

        from canhgiac.accounts.models import User
        from canhgiac.campaigns import selectors, services
        from canhgiac.campaigns.models import Campaign
        from canhgiac.org.models import Person

        def fresh():
            return User.objects.get(pk=user.pk), Campaign.objects.get(pk=campaign.pk)

        def coverage():
            viewer, c = fresh()
            rows = selectors.coverage_by_unit(viewer=viewer, campaign=c)
            assert rows and rows[0].people

        def board():
            viewer, c = fresh()
            selectors.obligations_status(viewer=viewer, campaign=c)

        def timeline():
            viewer, c = fresh()
            selectors.coverage_over_time(viewer=viewer, campaign=c)

        cov = timed(coverage, args.runs)
        brd = timed(board, args.runs)
        tl = timed(timeline, max(3, args.runs // 2))
        people = list(
            Person.objects.filter(unit__path__startswith=live.unit.path).select_related("unit")[:300]
        )
        if len(people) < 300:
            people = list(Person.objects.select_related("unit")[:300])
        start = time.perf_counter()
        for person in people:
            services.attendance_check_in(conference=live, person=person)
        checkin = (time.perf_counter() - start) * 1000 / len(people)
        for name, (best, median, queries) in (
            ("coverage_by_unit", cov),
            ("obligations_status", brd),
            ("coverage_over_time", tl),
        ):
            print(f"{name}: best {best:.1f} ms, median {median:.1f} ms, {queries} queries")
        print(f"attendance_check_in: {checkin:.2f} ms per check-in ({len(people)} people)")
        scale = "province" if args.people <= 100_000 else "national"
        print(
            f"scale={scale} people={args.people} units={units} coverage_ms={cov[0]:.1f} board_ms={brd[0]:.1f} "
            f"timeline_ms={tl[0]:.1f} checkin_ms={checkin:.2f} queries={cov[2]}"
        )
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(pg_name)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
