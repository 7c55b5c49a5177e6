"""Check-in load benchmark: many people reached at the same time in one campaign, on PostgreSQL.

    .venv/bin/python bench/checkin_load.py [--people 400] [--threads 8] [--database-url postgres://…]

Every reach moves its unit's coverage counter and the rolled-up rows of the unit and all its ancestors (the
country's row among them), locked in path order until the transaction commits: simultaneous check-ins of one
campaign queue on those rows. This bench measures what that costs under load, on the national database that
`bench/rollup.py --scale national` builds (`cg_national`, 2,000,000 people, 20,000 units): it refreshes the
counters for today, picks `--people` people of the campaign's audience not reached yet (spread over the tree,
from a seed), and reaches them from `--threads` threads at once, each reach in its own transaction as a
check-in does. Then it checks that every counter and rolled-up row moved by exactly what was added, deletes
the reaches it made (the receivers move everything back) and checks the figures are as before.

Last line: checkins=… threads=… per_s=… p50_ms=… p95_ms=… max_ms=… errors=…
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1509)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/cg_national")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    os.environ.setdefault("TASKS_IMMEDIATE", "true")
    import django

    django.setup()
    from django.db import connection, connections, transaction
    from django.utils import timezone

    from canhgiac.campaigns.models import Campaign, CoverageCounter, CoverageRollup, Reach
    from canhgiac.campaigns.services import reach_record
    from canhgiac.campaigns.services.counters import coverage_refresh
    from canhgiac.org.models import Person, Unit
    from canhgiac.org.selectors import exempt_people_on

    if connection.vendor != "postgresql":
        sys.exit("This bench needs PostgreSQL (SQLite runs one writer at a time).")
    campaign = Campaign.objects.filter(status=Campaign.Status.ACTIVE).order_by("pk").first()
    if campaign is None:
        sys.exit("No running campaign: build the data first (bench/rollup.py --scale national).")
    coverage_refresh()
    root = Unit.objects.get(depth=1)

    def figures():
        rolled = CoverageRollup.objects.get(campaign=campaign, unit=root)
        counted = sum(CoverageCounter.objects.filter(campaign=campaign).values_list("reached", flat=True))
        return rolled.reached, counted

    before = figures()
    # random people of the whole roster (ids drawn from its range), less those already reached and those not at
    # work: a NOT IN over a million reaches would take minutes
    rng = random.Random(args.seed)
    low, high = (
        Person.objects.order_by("pk").values_list("pk", flat=True)[:1][0],
        Person.objects.latest("pk").pk,
    )
    drawn = set(rng.sample(range(low, high + 1), min(high - low + 1, args.people * 4)))
    done = set(
        Reach.objects.filter(campaign=campaign, person_id__in=drawn).values_list("person_id", flat=True)
    )
    at_work = Person.objects.filter(pk__in=drawn - done, status=Person.Status.ACTIVE).values_list(
        "pk", flat=True
    )
    # exempt people are reached but not counted (coverage leaves them out): draw people who count
    exempt = set(
        exempt_people_on(timezone.localdate()).filter(person_id__in=drawn).values_list("person_id", flat=True)
    )
    chosen = sorted(set(at_work) - exempt)[: args.people]
    people = list(Person.objects.filter(pk__in=chosen).select_related("unit"))
    units = len({p.unit_id for p in people})
    print(
        f"campaign {campaign.pk}: {len(people)} people of {units} units, {args.threads} threads; "
        f"root reached {before[0]:,} (counters {before[1]:,}); load {os.getloadavg()[0]:.1f}"
    )

    latencies: list[float] = []
    errors: list[str] = []
    made: list[int] = []
    lock = threading.Lock()
    start_line = threading.Barrier(args.threads)

    def worker(batch):
        try:
            start_line.wait(timeout=30)
            for person in batch:
                started = time.perf_counter()
                try:
                    with transaction.atomic():
                        reach = reach_record(
                            person=person, campaign=campaign, via=Reach.Via.CONFERENCE, at=timezone.now()
                        )
                except Exception as exc:  # noqa: BLE001 - counted and shown
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    made.append(reach.pk)
        finally:
            connections.close_all()

    batches = [people[i :: args.threads] for i in range(args.threads)]
    threads = [threading.Thread(target=worker, args=(batch,)) for batch in batches]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started

    after = figures()
    added = after[0] - before[0]
    consistent = added == len(made) and after[1] - before[1] == len(made)
    print(
        f"root reached +{added:,}, counters +{after[1] - before[1]:,} for {len(made)} reaches: "
        f"{'consistent' if consistent else 'NOT CONSISTENT'}"
    )
    for reach in Reach.objects.filter(pk__in=made):
        reach.delete()  # one by one, as a withdrawn attendance does: the receivers move the figures back
    restored = figures()
    print(
        f"after deleting them: root {restored[0]:,}, counters {restored[1]:,} ({'as before' if restored == before else 'CHANGED'})"
    )
    ordered = sorted(latencies) or [0.0]
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"checkins={len(made)} threads={args.threads} per_s={len(made) / wall:.0f} "
        f"p50_ms={statistics.median(ordered):.1f} p95_ms={p95:.1f} max_ms={ordered[-1]:.1f} "
        f"errors={len(errors) + (0 if consistent and restored == before else 1)}"
    )
    if errors:
        print("first error:", errors[0], file=sys.stderr)


if __name__ == "__main__":
    main()
