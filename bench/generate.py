"""Synthetic data at a chosen scale, reproducible from a seed, loaded in bulk (INSERT … SELECT inside the
database; no row goes through Python except the units, conferences and the few fixed objects).

    .venv/bin/python bench/generate.py --scale province|national [--seed 1509]   # into DATABASE_URL

Scales: province = 60,000 people in 600 units (the real Quảng Ninh order of size); national = 2,000,000 people
in 20,000 units. What it makes (docs/dashboards.md):

- a unit tree: province root → 6 blocks → agencies/communes → sub-units (paths written directly, no
  treebeard calls); people spread over agencies and sub-units, each with their roster history (1 % moved to
  another unit three weeks ago), 2 % exempt (long leave);
- a campaign launched 12 weeks ago with a deadline in 3 weeks, its responsible units, one held conference
  per agency; Reach for people at a pace that differs by unit (some units will miss the target), 70 % by a
  conference check-in (with its Attendance row) and 30 % by the course; coverage counters and weekly history;
- the course's pre-test (40 % of people) and post-test (half of those), their attempts and results, method
  scores for one attempt in ten;
- logins: a coordinator and a leader at the root, a unit manager of the first commune.

Used by bench/rollup.py; `generate(scale, seed)` returns a summary dict.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCALES = {"province": (600, 60_000), "national": (20_000, 2_000_000)}
BLOCKS = 6
PASSWORD = "bench-canhgiac"


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    import django

    django.setup()


def _numbers(n: int) -> str:
    """A row source of 1..n in SQL (generate_series on PostgreSQL, a recursive CTE on SQLite)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return f"(SELECT generate_series(1::bigint, {int(n)}) AS i) AS n"
    return f"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {int(n)}) SELECT i FROM s) AS n"


def _plus_days(base_param: str, days_sql: str) -> str:
    """SQL for a timestamp `days_sql` days after the parameter (an aware datetime)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return f"({base_param}::timestamptz + ({days_sql}) * interval '1 day')"
    return f"datetime({base_param}, '+' || ({days_sql}) || ' days')"


def insert_select(model, exprs: dict[str, str], source: str, params=()) -> int:
    """INSERT INTO model (columns) SELECT exprs FROM source — the model's other NOT NULL columns get their
    Python default as a parameter (Django defaults are not database defaults). The statement always runs with
    parameters, so a modulo is written %% in `exprs` and `source`."""
    from django.db import connection

    names, values, extra = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.column not in exprs:
            continue
        if field.column in exprs:
            names.append(field.column)
            values.append(exprs[field.column])
        elif not field.null:
            names.append(field.column)
            values.append("%s")
            extra.append(field.get_db_prep_save(field.get_default(), connection))
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(n) for n in names)}) "  # noqa: S608
        f"SELECT {', '.join(values)} FROM {source}"
    )
    # parameters in the order they appear: the defaults come after the explicit expressions' own ones
    ordered, explicit, defaults = [], list(params), list(extra)
    for name in names:
        if name in exprs:
            ordered.extend(explicit[: exprs[name].count("%s")])
            explicit = explicit[exprs[name].count("%s") :]
        else:
            ordered.append(defaults.pop(0))
    ordered.extend(explicit)  # parameters of the FROM part
    with connection.cursor() as cursor:
        cursor.execute(sql, ordered)
        return cursor.rowcount


def _units(n_units: int) -> dict:
    """Root, blocks, agencies (a third of the rest), sub-units under agencies; paths written directly."""
    from django.utils import timezone

    from canhgiac.core.text import fold
    from canhgiac.org.models import Unit

    def key(i):
        return f"{i:04d}" if i < 10000 else format(i, "X").rjust(4, "0")[-4:]

    now = timezone.now()
    rest = n_units - 1 - BLOCKS
    n_agencies = max(BLOCKS, rest // 3)
    n_sub = rest - n_agencies
    rows = [("0001", 1, BLOCKS, "QN", "Tỉnh Quảng Ninh", Unit.Kind.PROVINCE)]
    blocks = [f"0001{key(b + 1)}" for b in range(BLOCKS)]
    per_block = [0] * BLOCKS
    agencies = []
    for a in range(n_agencies):
        b = a % BLOCKS
        per_block[b] += 1
        agencies.append((f"{blocks[b]}{key(per_block[b])}", b))
    kinds = [
        Unit.Kind.WARD,
        Unit.Kind.COMMUNE,
        Unit.Kind.DEPARTMENT,
        Unit.Kind.COMMUNE,
        Unit.Kind.PUBLIC_SERVICE,
        Unit.Kind.WARD,
    ]
    for b, path in enumerate(blocks):
        rows.append((path, 2, per_block[b], f"K{b + 1}", f"Khối thử {b + 1}", Unit.Kind.BLOCK))
    per_agency = [0] * n_agencies
    subs = []
    for s in range(n_sub):
        a = s % n_agencies
        per_agency[a] += 1
        subs.append((f"{agencies[a][0]}{key(per_agency[a])}", a))
    for a, (path, b) in enumerate(agencies):
        rows.append(
            (
                path,
                3,
                per_agency[a],
                f"D{a + 1:05d}",
                f"Đơn vị {a + 1} ({'phường' if a % 2 else 'xã'})",
                kinds[b],
            )
        )
    for s, (path, _a) in enumerate(subs):
        rows.append((path, 4, 0, f"S{s + 1:06d}", f"Bộ phận {s + 1}", Unit.Kind.SUBUNIT))
    Unit.objects.bulk_create(
        [
            Unit(
                path=p,
                depth=d,
                numchild=c,
                code=code,
                name=name,
                kind=kind,
                search_text=fold(f"{name} {code}"),
                created_at=now,
                updated_at=now,
            )
            for p, d, c, code, name, kind in rows
        ],
        batch_size=5000,
    )
    ids = dict(Unit.objects.values_list("path", "id"))
    homes = sorted(ids[p] for p, _b in agencies) + sorted(ids[p] for p, _a in subs)
    return {
        "root": ids["0001"],
        "agencies": [ids[p] for p, _b in agencies],
        "homes": homes,
        "total": len(rows),
    }


def generate(scale: str, seed: int = 1509, log=print) -> dict:
    _setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from canhgiac.accounts.models import Membership, User
    from canhgiac.campaigns import services
    from canhgiac.campaigns.models import Attendance, Campaign, Conference, Reach
    from canhgiac.campaigns.services.counters import coverage_backfill, coverage_rebuild, coverage_snapshot
    from canhgiac.knowledge.models import ScamMethod
    from canhgiac.org.models import Exemption, Person, Placement, Unit
    from canhgiac.training.models import Attempt, AttemptMethodScore, Course, Quiz, QuizResult

    n_units, n_people = SCALES[scale]
    started = time.perf_counter()
    steps = {}

    def step(name):
        steps[name] = round(time.perf_counter() - started, 1)
        log(f"  {name}: {steps[name]} s")

    call_command("migrate", verbosity=0)
    step("migrate")
    today = timezone.localdate()
    now = timezone.now().replace(microsecond=0)
    start_day = today - timedelta(days=84)
    with transaction.atomic():
        tree = _units(n_units)
        root = Unit.objects.get(pk=tree["root"])
        first_commune = Unit.objects.get(pk=tree["agencies"][1])
        coordinator = User.objects.create_user(
            email="dieuphoi@bench.vn", password=PASSWORD, full_name="Điều phối thử"
        )
        leader = User.objects.create_user(
            email="lanhdao@bench.vn", password=PASSWORD, full_name="Lãnh đạo thử"
        )
        manager = User.objects.create_user(
            email="daumoi@bench.vn", password=PASSWORD, full_name="Đầu mối thử"
        )
        Membership.objects.create(user=coordinator, unit=root, role="coordinator")
        Membership.objects.create(user=leader, unit=root, role="leader")
        Membership.objects.create(user=manager, unit=first_commune, role="unit_manager")
        methods = [
            ScamMethod.objects.create(
                number=i + 1,
                slug=f"phuong-thuc-{i + 1}",
                name=f"Phương thức thử {i + 1}",
                group="combined",
                is_published=True,
            )
            for i in range(8)
        ]
        course = Course.objects.create(title="Nhận diện lừa đảo trực tuyến", is_published=True)
        pre = Quiz.objects.create(
            course=course, kind=Quiz.Kind.PRE, title="Kiểm tra đầu vào", slug="dau-vao", is_published=True
        )
        post = Quiz.objects.create(
            course=course,
            kind=Quiz.Kind.POST,
            title="Kiểm tra cuối khóa",
            slug="cuoi-khoa",
            is_published=True,
        )
        campaign = services.campaign_create(
            actor=coordinator,
            audience_units=[root],
            title="Tuyên truyền phòng, chống lừa đảo trên không gian mạng (thử)",
            legal_number="1509/UBND-NC",
            legal_date=start_day - timedelta(days=10),
            starts_on=start_day,
            deadline=today + timedelta(days=21),
            target_coverage=100,
            course=course,
        )
        campaign = services.campaign_launch(campaign=campaign, actor=coordinator)
    step("units, logins, campaign")

    homes = tree["homes"]
    n_homes = len(homes)
    first_home = homes[0]
    assert homes == list(range(first_home, first_home + n_homes)), "home units must have consecutive ids"
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # rows made consistent by construction: skip the deferred foreign-key checks of millions of rows at
            # commit (minutes at the national scale); needs a superuser, as the bench databases here have
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
        stamp = connection.ops.adapt_datetimefield_value(now)
        unit_of = f"({first_home} + ((n.i * 7919 + {seed}) %% {n_homes}))"
        insert_select(
            Person,
            {
                "created_at": "%s",
                "updated_at": "%s",
                "unit_id": unit_of,
                "full_name": "'Người thử ' || n.i",
                "search_text": "'nguoi thu ' || n.i",
                "sort_name": "'nguoi thu ' || n.i",
                "staff_code": "'T' || n.i",
                "staff_group": "CASE WHEN n.i %% 10 = 0 THEN 'nguoi_lao_dong' ELSE 'cong_chuc' END",
                "status": "'active'",
            },
            _numbers(n_people),
            [stamp, stamp],
        )
        step("people")
        moved_on = today - timedelta(days=21)
        day = connection.ops.adapt_datefield_value(moved_on)
        person = Person._meta.db_table
        mover = f"(p.id + {seed}) %% 100 = 7"
        insert_select(
            Placement,
            {
                "person_id": "p.id",
                "unit_id": "p.unit_id",
                "status": "'active'",
                "valid_from": "NULL",
                "valid_to": f"CASE WHEN {mover} THEN %s ELSE NULL END",
                "created_at": "%s",
            },
            f"{person} p",
            [day, stamp],
        )
        # the movers' earlier stretch: recorded in the unit next door until three weeks ago
        Placement.objects.filter(valid_to=moved_on).update(valid_from=moved_on, valid_to=None)
        insert_select(
            Placement,
            {
                "person_id": "p.id",
                "unit_id": f"({first_home} + ((p.unit_id - {first_home} + 1) %% {n_homes}))",
                "status": "'active'",
                "valid_from": "NULL",
                "valid_to": "%s",
                "created_at": "%s",
            },
            f"{person} p WHERE {mover}",
            [day, stamp],
        )
        insert_select(
            Exemption,
            {
                "person_id": "p.id",
                "reason": "'long_leave'",
                "starts_on": "%s",
                "ends_on": "NULL",
                "created_at": "%s",
                "updated_at": "%s",
                "note": "''",
            },
            f"{person} p WHERE (p.id + {seed}) %% 50 = 3",
            [connection.ops.adapt_datefield_value(today - timedelta(days=30)), stamp, stamp],
        )
        step("roster history, exemptions")
        # Reach: each unit has its own pace (30 %–95 % of its people by now), spread over the 12 weeks with
        # more recently; a reach on day d of 84.
        pace = f"(300 + ((p.unit_id * 37 + {seed}) %% 66) * 10)"
        hashed = f"((p.id * 2654435761 + {seed}) %% 1000)"
        days = f"(84 - ((p.id * 31 + {seed}) %% 84) * ((p.id * 17 + {seed}) %% 84) / 84)"
        base = connection.ops.adapt_datetimefield_value(
            timezone.make_aware(datetime.combine(start_day, datetime.min.time())) + timedelta(hours=8)
        )
        insert_select(
            Reach,
            {
                "person_id": "p.id",
                "campaign_id": str(campaign.pk),
                "unit_id": "p.unit_id",
                "reached_at": _plus_days("%s", f"{days} - 1"),
                "via": "CASE WHEN p.id %% 10 < 7 THEN 'conference' ELSE 'course' END",
            },
            f"{person} p WHERE {hashed} < {pace}",
            [base],
        )
        step("reach")
        Conference.objects.bulk_create(
            [
                Conference(
                    campaign=campaign,
                    unit_id=uid,
                    title="Hội nghị tuyên truyền phòng, chống lừa đảo",
                    starts_at=now - timedelta(days=1 + (uid * 13 + seed) % 80),
                    ends_at=now - timedelta(days=1 + (uid * 13 + seed) % 80, hours=-2),
                    status=Conference.Status.HELD,
                    checkin_token=uuid.uuid4().hex[:16],
                    venue="Hội trường",
                )
                for uid in tree["agencies"]
            ],
            batch_size=2000,
        )
        unit = Unit._meta.db_table
        insert_select(
            Attendance,
            {
                "conference_id": "c.id",
                "person_id": "r.person_id",
                "checked_in_at": "r.reached_at",
                "via": "'qr'",
                "full_name": "''",
                "unit_text": "''",
                "phone": "''",
            },
            f"{Reach._meta.db_table} r JOIN {person} p ON p.id = r.person_id JOIN {unit} u ON u.id = p.unit_id "
            f"JOIN {unit} a ON a.path = substr(u.path, 1, 12) JOIN {Conference._meta.db_table} c ON c.unit_id = a.id "
            "WHERE r.via = 'conference'",
        )
        step("conferences, attendance")
        deadline = connection.ops.adapt_datetimefield_value(now)
        for quiz, share, score in (
            (pre, 4, f"45 + (p.id * 7 + {seed}) %% 30"),
            (post, 2, f"65 + (p.id * 11 + {seed}) %% 35"),
        ):
            insert_select(
                Attempt,
                {
                    "quiz_id": str(quiz.pk),
                    "person_id": "p.id",
                    "unit_id": "p.unit_id",
                    "deadline": "%s",
                    "started_at": "%s",
                    "submitted_at": "%s",
                    "number": "1",
                    "question_count": "20",
                    "score": score,
                    "correct_count": f"({score}) / 5",
                    "passed": f"({score}) >= 70",
                },
                f"{person} p WHERE (p.id + {seed}) %% 10 < {share}",
                [deadline, deadline, deadline],
            )
            insert_select(
                QuizResult,
                {
                    "quiz_id": str(quiz.pk),
                    "person_id": "t.person_id",
                    "unit_id": "t.unit_id",
                    "kind": f"'{quiz.kind}'",
                    "attempts": "1",
                    "best_score": "t.score",
                    "first_score": "t.score",
                    "best_attempt_id": "t.id",
                    "passed": "t.passed",
                },
                f"{Attempt._meta.db_table} t WHERE t.quiz_id = {quiz.pk}",
            )
        for i, method in enumerate(methods):
            insert_select(
                AttemptMethodScore,
                {
                    "attempt_id": "t.id",
                    "method_id": str(method.pk),
                    "correct": f"(t.score * 3 + {i * 7} + t.id) %% 4",
                    "total": "3",
                },
                f"{Attempt._meta.db_table} t WHERE t.id %% 10 = 0",
            )
        step("quiz attempts, results, method scores")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    step("analyze")
    campaign = Campaign.objects.get(pk=campaign.pk)
    coverage_rebuild(campaign=campaign)
    coverage_snapshot(campaign=campaign, day=today)
    coverage_backfill(campaign=campaign, days=campaign.weekly_dates() + [today - timedelta(days=14)])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the counters and the history are new: the planner must know their size
    step("coverage counters and history")
    return {
        "scale": scale,
        "people": Person.objects.count(),
        "units": Unit.objects.count(),
        "campaign": campaign.pk,
        "seconds": steps,
        "leader": leader.email,
        "manager": manager.email,
        "focus_commune": first_commune.pk,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="province")
    parser.add_argument("--seed", type=int, default=1509)
    args = parser.parse_args()
    summary = generate(args.scale, args.seed)
    print(" ".join(f"{k}={v}" for k, v in summary.items() if k != "seconds"))


if __name__ == "__main__":
    main()
