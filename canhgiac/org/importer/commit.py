"""Write an analysed roster: insert new people, update changed ones, extend their roster history.

Runs inside the caller's transaction (all-or-nothing). Bulk statements only: Django's bulk_create spends most of
its time preparing model instances (4 s for 100,000 people here), so new people go to the database as
multi-row INSERTs of tuples assembled column by column, and the first history stretch of every new person is
copied by one INSERT … SELECT.
"""

from __future__ import annotations

import datetime as dt
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from canhgiac.core.text import fold

from ..models import Person, Placement
from ..signals import send_roster_changed
from .analyse import Analysis, _fast_sort_name, fast_search_text, max_params
from .parse import Parsed

BATCH = 5000
# The values a file gives a person, in the order rows are written (inserts and updates alike).
_VALUES = (
    "unit",
    "full_name",
    "position",
    "staff_group",
    "email",
    "phone",
    "staff_code",
    "date_of_birth",
    "status",
)
_NEW_PERSON = ("created_at", "updated_at", *_VALUES, "search_text", "sort_name", "source_import")


def _columns(model, names):
    return [model._meta.get_field(name).column for name in names]


def _insert_sql(model, names, rows: int = 1) -> str:
    """A multi-row INSERT in the driver's own parameter style (for the DB-API cursor: Django's SQLite cursor
    would rewrite each of the 28,000 "%s" of a big statement with a regex)."""
    quote = connection.ops.quote_name
    cols = ", ".join(quote(c) for c in _columns(model, names))
    mark = "?" if connection.vendor == "sqlite" else "%s"
    marks = ", ".join([f"({', '.join([mark] * len(names))})"] * rows)
    return f"INSERT INTO {quote(model._meta.db_table)} ({cols}) VALUES {marks}"  # noqa: S608 - names from _meta


def _executemany(sql: str, rows: list) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _insert(model, names: tuple[str, ...], columns: list, count: int) -> None:
    """INSERT `count` rows given column by column: a list per column, one value for every row, or a function
    (start, stop) -> the values of rows start to stop, computed as the rows are written.

    PostgreSQL: COPY, its bulk path. SQLite: up to 2,000 rows per statement (as one-row statements through
    executemany, SQLite spends more time preparing and stepping each than doing the work); each statement's
    parameters are interleaved by slice assignment (parameter k of every row is params[k::width]), without
    a tuple per row. SQLite runs each statement in a second thread while this one prepares the next (the
    sqlite3 module lets go of the interpreter while SQLite works, so the two overlap on two cores); only one
    statement is ever running and this thread does not touch the connection meanwhile. Both on the DB-API
    connection of Django's: same connection, same transaction."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        cols = ", ".join(quote(c) for c in _columns(model, names))
        texts = [_copy_column(column(0, count) if callable(column) else column, count) for column in columns]
        with (
            connection.wrap_database_errors,
            connection.connection.cursor() as cursor,
            cursor.copy(f"COPY {quote(model._meta.db_table)} ({cols}) FROM STDIN") as copy,
        ):
            for start in range(0, count, 10_000):
                rows = zip(*(text[start : start + 10_000] for text in texts), strict=True)
                copy.write("".join("\t".join(row) + "\n" for row in rows))
        return
    import sqlite3

    width = len(names)
    per_statement = max(1, min(max_params() // width, 2000))
    # a plain sqlite3 cursor: Django's would scan the 28,000 "?" of each statement for "%s" to rewrite
    cursor = sqlite3.Cursor(connection.connection)
    sql = None
    with (
        connection.wrap_database_errors,  # Django's exception classes, as for its own cursors
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="roster-insert") as writer,
    ):
        running = None
        try:
            for start in range(0, count, per_statement):
                rows = min(per_statement, count - start)
                params: list = [None] * (rows * width)
                for k, column in enumerate(columns):
                    if callable(column):
                        params[k::width] = column(start, start + rows)
                    elif isinstance(column, list):
                        params[k::width] = column[start : start + rows]
                    else:
                        params[k::width] = [column] * rows
                if rows != per_statement or sql is None:
                    sql = _insert_sql(model, names, rows)
                if running is not None:
                    running.result()
                running = writer.submit(cursor.execute, sql, params)
            if running is not None:
                running.result()
        finally:
            if running is not None:
                futures.wait([running])  # never leave a statement running behind a rollback
            cursor.close()


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_column(column, count: int) -> list[str]:
    """A column as the fields of PostgreSQL's COPY text format: NULL is \\N; backslash, tab and line breaks are
    escaped (a column is scanned once, and values translated only when one of them needs it)."""
    if not isinstance(column, list):
        return [_copy_field(column)] * count
    distinct = set(column)
    if all(value.__class__ is str for value in distinct):
        joined = "".join(distinct)
        if "\\" in joined or "\t" in joined or "\n" in joined or "\r" in joined:
            return [value.translate(_COPY_ESCAPES) for value in column]
        return column
    fields = {value: _copy_field(value) for value in distinct}
    return list(map(fields.__getitem__, column))


def _copy_field(value) -> str:
    if value is None:
        return "\\N"
    return str(value).translate(_COPY_ESCAPES)


def _search_texts(full, positions, emails, phones, codes, folded: dict | None = None) -> list[str]:
    """Person.search_text of many rows: fold("name position e-mail phone code"). Folding works word by word
    and is idempotent, so the name and position are folded once per distinct value (kept in `folded` from one
    call to the next) and the joined text folded again costs only its ASCII shortcut."""
    folded = {} if folded is None else folded
    missing = set(full).union(positions).difference(folded)
    if missing:
        folded.update({value: fold(value) for value in missing})
    get = folded.__getitem__
    return [
        fold(" ".join(parts))[:400]
        for parts in zip(map(get, full), map(get, positions), emails, phones, codes, strict=True)
    ]


def _sort_names(full, keys: dict | None = None) -> list[str]:
    """Person.sort_name of many rows, once per distinct name (kept in `keys` from one call to the next)."""
    keys = {} if keys is None else keys
    for name in set(full).difference(keys):
        _fast_sort_name(name, keys)
    return list(map(keys.__getitem__, full))


def derive(parsed: Parsed, chosen: list[int]) -> None:
    """Fill parsed.search_texts and parsed.sort_names (Person's derived columns) for the rows `chosen`.

    They depend on the file's values alone, so the preview computes them for the rows it would create and
    keeps them with the parsed rows; the commit only recomputes what is missing."""
    every = len(chosen) == len(parsed)

    def pick(column):
        if column is None:
            return [""] * len(chosen)
        return column if every else [column[i] for i in chosen]

    full = pick(parsed.full)
    search = _search_texts(
        full, pick(parsed.positions), pick(parsed.emails), pick(parsed.phones), pick(parsed.codes)
    )
    sort_names = _sort_names(full)
    if every:
        parsed.search_texts, parsed.sort_names = search, sort_names
        return
    parsed.search_texts, parsed.sort_names = [""] * len(parsed), [""] * len(parsed)
    for i, text, key in zip(chosen, search, sort_names, strict=True):
        parsed.search_texts[i], parsed.sort_names[i] = text, key


def _derived(values: dict, fold_cache: dict, sort_cache: dict) -> tuple[str, str]:
    return fast_search_text(values, fold_cache), _fast_sort_name(values["full_name"], sort_cache)


def apply(analysis: Analysis, *, import_id: int, effective_on: dt.date | None) -> None:
    ops = connection.ops
    if connection.vendor == "sqlite" and len(analysis.creates) + len(analysis.updates) > 10_000:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache for the index inserts
    now = ops.adapt_datetimefield_value(timezone.now())
    change_day = effective_on or timezone.localdate()
    if analysis.creates:
        _insert_people(analysis, import_id, now, effective_on)
    if analysis.updates:
        _apply_updates(analysis, now, change_day, {}, {})
    # the raw inserts and updates above send no model signals: say which rosters changed, once
    touched = {analysis.unit_ids[i] for i in analysis.creates}
    for old, changed in analysis.updates:
        touched.update((old["unit_id"], changed.get("unit_id", old["unit_id"])))
    send_roster_changed(touched)


def _insert_people(analysis: Analysis, import_id: int, now, day: dt.date | None) -> None:
    """The new people (column by column: the file's rows are already clean values), then their first
    history stretch, copied from the rows just inserted."""
    ops = connection.ops
    parsed, chosen = analysis.parsed, analysis.creates
    every = len(chosen) == len(parsed)

    def pick(column, default=""):
        if column is None:
            return [default] * len(chosen)
        return column if every else [column[i] for i in chosen]

    full = pick(parsed.full)
    positions, emails, phones, codes = (
        pick(parsed.positions),
        pick(parsed.emails),
        pick(parsed.phones),
        pick(parsed.codes),
    )
    groups = _with_default(pick(parsed.groups), Person.StaffGroup.CIVIL_SERVANT)
    statuses = _with_default(pick(parsed.statuses), Person.Status.ACTIVE)
    births = pick(parsed.births, None)
    adapted = {d: ops.adapt_datefield_value(d) for d in set(births)}
    if parsed.search_texts is not None and all(map(parsed.search_texts.__getitem__, chosen)):
        search_texts, sort_names = pick(parsed.search_texts), pick(parsed.sort_names)
    else:  # not kept by the preview: computed a statement at a time, while the one before is written
        folded: dict = {}
        keys: dict = {}

        def search_texts(start, stop):
            return _search_texts(
                full[start:stop],
                positions[start:stop],
                emails[start:stop],
                phones[start:stop],
                codes[start:stop],
                folded,
            )

        def sort_names(start, stop):
            return _sort_names(full[start:stop], keys)

    columns = [
        now,
        now,
        pick(analysis.unit_ids),
        full,
        positions,
        groups,
        emails,
        phones,
        codes,
        list(map(adapted.__getitem__, births)),
        statuses,
        search_texts,
        sort_names,
        import_id,
    ]
    quote = ops.quote_name
    person = Person._meta
    table, pk = quote(person.db_table), quote(person.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX({pk}) FROM {table}")  # noqa: S608 - names from _meta
        before = cursor.fetchone()[0] or 0
    p_cols = ", ".join(
        quote(c) for c in _columns(Placement, ["person", "unit", "status", "valid_from", "created_at"])
    )
    with indexes_rebuilt_after((Person, Placement), len(chosen)):
        _insert(Person, _NEW_PERSON, columns, len(chosen))
        with connection.cursor() as cursor:
            # ids only grow, so "id > before" finds this import's rows through the primary key
            cursor.execute(
                f"INSERT INTO {quote(Placement._meta.db_table)} ({p_cols}) "  # noqa: S608 - names from _meta
                f"SELECT {pk}, {quote(person.get_field('unit').column)}, "
                f"{quote(person.get_field('status').column)}, %s, %s FROM {table} "
                f"WHERE {pk} > %s AND {quote(person.get_field('source_import').column)} = %s",
                [ops.adapt_datefield_value(day), now, before, import_id],
            )


# Rebuild the indexes when at least this many rows are inserted, and at least this share of the rows already there.
REBUILD_MIN_ROWS = 20_000
REBUILD_MIN_SHARE = 1.0


@contextmanager
def indexes_rebuilt_after(models, adding: int):
    """SQLite, for a bulk insert that at least doubles the tables: drop their indexes, let the caller insert,
    create the indexes again from the statements SQLite keeps (same names, same definitions). Yields whether
    it did.

    Building an index over rows already there sorts them once; keeping it up to date while inserting places
    each row in every index, one at a time (for 100,000 new people and their history: 0.3-0.45 s saved out of
    1.3 s here). Unique indexes are created again too, so a duplicate that slipped past the checks still
    fails the import. All of it inside a savepoint: when anything fails, the indexes come back with the
    rollback (SQLite's schema changes are transactional; other connections keep reading the last committed
    state, indexes included). Elsewhere, or for smaller inserts, a plain block."""
    if connection.vendor != "sqlite" or adding < REBUILD_MIN_ROWS:
        yield False
        return
    tables = [model._meta.db_table for model in models]
    quote = connection.ops.quote_name
    cursor = (
        connection.connection.cursor()
    )  # the DB-API cursor: index statements are run as SQLite stored them
    try:
        existing = max(
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}").fetchone()[0]  # noqa: S608 - names from _meta
            for table in tables
        )
        if adding < existing * REBUILD_MIN_SHARE:
            yield False
            return
        marks = ", ".join("?" * len(tables))
        saved = cursor.execute(
            "SELECT name, sql FROM sqlite_master "  # noqa: S608 - only placeholders added
            f"WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name",
            tables,
        ).fetchall()
        with connection.wrap_database_errors, transaction.atomic():
            for name, _sql in saved:
                cursor.execute(f"DROP INDEX {quote(name)}")
            yield True
            for _name, sql in saved:
                cursor.execute(sql)
    finally:
        cursor.close()


def _with_default(column: list[str], default: str) -> list[str]:
    mapped = {value: value or default for value in set(column)}
    return list(map(mapped.__getitem__, column))


def _apply_updates(analysis: Analysis, now, day: dt.date, fold_cache, sort_cache) -> None:
    ops = connection.ops
    quote = ops.quote_name
    sets = ", ".join(
        f"{quote(c)} = %s" for c in _columns(Person, [*_VALUES, "search_text", "sort_name", "updated_at"])
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
    touched = {unit_id for unit_id, _status in moved.values()}
    touched.update(p.unit_id for p in open_rows.values())
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
    send_roster_changed(touched)
