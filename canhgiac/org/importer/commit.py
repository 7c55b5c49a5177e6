"""Write an analysed roster: insert new people, update changed ones, extend their roster history.

Runs inside the caller's transaction (all-or-nothing). Bulk statements only: Django's bulk_create spends most of
its time preparing model instances (4 s for 100,000 people here), so rows go to `executemany` as tuples, and the
first history stretch of every new person is copied by one INSERT … SELECT.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone

from ..models import Person, Placement
from .analyse import Analysis, _fast_sort_name, fast_search_text

BATCH = 5000


def _columns(model, names):
    return [model._meta.get_field(name).column for name in names]


def _insert_sql(model, names) -> str:
    quote = connection.ops.quote_name
    cols = ", ".join(quote(c) for c in _columns(model, names))
    marks = ", ".join(["%s"] * len(names))
    return f"INSERT INTO {quote(model._meta.db_table)} ({cols}) VALUES ({marks})"  # noqa: S608 - names from _meta


def _executemany(sql: str, rows: list) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _derived(values: dict, fold_cache: dict, sort_cache: dict) -> tuple[str, str]:
    return fast_search_text(values, fold_cache), _fast_sort_name(values["full_name"], sort_cache)


def apply(analysis: Analysis, *, import_id: int, effective_on: dt.date | None) -> None:
    ops = connection.ops
    if connection.vendor == "sqlite" and len(analysis.creates) + len(analysis.updates) > 10_000:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache for the index inserts
    now = ops.adapt_datetimefield_value(timezone.now())
    day = effective_on
    change_day = effective_on or timezone.localdate()
    fold_cache: dict = {}
    sort_cache: dict = {}
    if analysis.creates:
        names = [
            "created_at",
            "updated_at",
            "unit",
            "full_name",
            "position",
            "staff_group",
            "email",
            "phone",
            "staff_code",
            "date_of_birth",
            "status",
            "search_text",
            "sort_name",
            "source_import",
        ]
        rows = []
        for v in analysis.creates:
            search, sort_name = _derived(v, fold_cache, sort_cache)
            rows.append(
                (
                    now,
                    now,
                    v["unit_id"],
                    v["full_name"],
                    v["position"],
                    v["staff_group"],
                    v["email"],
                    v["phone"],
                    v["staff_code"],
                    ops.adapt_datefield_value(v["date_of_birth"]),
                    v["status"],
                    search,
                    sort_name,
                    import_id,
                )
            )
        _executemany(_insert_sql(Person, names), rows)
        quote = ops.quote_name
        p_cols = ", ".join(
            quote(c) for c in _columns(Placement, ["person", "unit", "status", "valid_from", "created_at"])
        )
        person = Person._meta
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(Placement._meta.db_table)} ({p_cols}) "  # noqa: S608 - names from _meta
                f"SELECT {quote(person.pk.column)}, {quote(person.get_field('unit').column)}, "
                f"{quote(person.get_field('status').column)}, %s, %s FROM {quote(person.db_table)} "
                f"WHERE {quote(person.get_field('source_import').column)} = %s",
                [ops.adapt_datefield_value(day), now, import_id],
            )
    if analysis.updates:
        _apply_updates(analysis, now, change_day, fold_cache, sort_cache)


def _apply_updates(analysis: Analysis, now, day: dt.date, fold_cache, sort_cache) -> None:
    ops = connection.ops
    quote = ops.quote_name
    fields = [
        "unit",
        "full_name",
        "position",
        "staff_group",
        "email",
        "phone",
        "staff_code",
        "date_of_birth",
        "status",
    ]
    sets = ", ".join(
        f"{quote(c)} = %s" for c in _columns(Person, [*fields, "search_text", "sort_name", "updated_at"])
    )
    sql = f"UPDATE {quote(Person._meta.db_table)} SET {sets} WHERE {quote(Person._meta.pk.column)} = %s"  # noqa: S608
    rows = []
    moved: dict[int, tuple[int, str]] = {}
    for old, changed in analysis.updates:
        merged = {**old, **changed}
        search, sort_name = _derived(merged, fold_cache, sort_cache)
        rows.append(
            (
                merged["unit_id"],
                merged["full_name"],
                merged["position"],
                merged["staff_group"],
                merged["email"],
                merged["phone"],
                merged["staff_code"],
                ops.adapt_datefield_value(merged["date_of_birth"]),
                merged["status"],
                search,
                sort_name,
                now,
                old["id"],
            )
        )
        if "unit_id" in changed or "status" in changed:
            moved[old["id"]] = (merged["unit_id"], merged["status"])
    _executemany(sql, rows)
    if moved:
        record_moves(moved, day)


def record_moves(moved: dict[int, tuple[int, str]], day: dt.date) -> None:
    """Close each person's open history stretch at `day` and open a new one (unit, status) from `day`.

    A stretch that starts on or after `day` is rewritten in place instead: two changes on one day leave one
    stretch, never an empty one.
    """
    ids = list(moved)
    open_rows: dict[int, Placement] = {}
    for start in range(0, len(ids), 2000):
        for placement in Placement.objects.filter(
            person_id__in=ids[start : start + 2000], valid_to__isnull=True
        ):
            open_rows[placement.person_id] = placement
    to_close, to_rewrite, to_create = [], [], []
    for person_id, (unit_id, status) in moved.items():
        current = open_rows.get(person_id)
        if current is not None and current.valid_from is not None and current.valid_from >= day:
            current.unit_id, current.status = unit_id, status
            to_rewrite.append(current)
            continue
        if current is not None:
            current.valid_to = day
            to_close.append(current)
        to_create.append(Placement(person_id=person_id, unit_id=unit_id, status=status, valid_from=day))
    if to_close:
        Placement.objects.bulk_update(to_close, ["valid_to"], batch_size=1000)
    if to_rewrite:
        Placement.objects.bulk_update(to_rewrite, ["unit", "status"], batch_size=1000)
    if to_create:
        Placement.objects.bulk_create(to_create, batch_size=1000)
