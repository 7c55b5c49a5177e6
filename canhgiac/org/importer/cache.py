"""The preview's parsed rows, kept for the commit so that "Ghi" does not read and convert the file again.

Only what depends on the file alone is kept (`parse.Parsed`: clean values, problems found in the file, notes);
the commit still checks everything that depends on the database (units, duplicates against the roster, who
each row is) inside its transaction. The kept rows are used only when they are certainly those the file gives
today: the key covers the SHA-256 of the stored upload, the sheet, the column mapping, the date (birth dates
are judged against today) and the format of this module; anything else reads the file again.

Format: one line of magic, one line of JSON (small fields, offsets), then the large columns as UTF-8 text:
values joined by U+001F (cleaned values never hold it: it is white space to str.split, which every converter
collapses; checked anyway), columns with few distinct values as one character per row indexing a list.
Reading it back is string splitting, about 50 ms for 100,000 rows; nothing in it is executed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path

from django.utils import timezone, translation

from .parse import Parsed

log = logging.getLogger(__name__)
MAGIC = b"canhgiac roster rows v1\n"
SEP = "\x1f"
_STRINGS = (
    "full",
    "codes",
    "emails",
    "phones",
    "positions",
    "groups",
    "statuses",
    "births",
    "search_texts",
    "sort_names",
)
_FEW = 50_000  # below this many distinct values a column is stored as indices (one character each)


def file_digest(path: str | Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def key_for(imp, digest: str) -> str:
    parts = {
        "file": digest,
        "kind": imp.file_kind,
        "sheet": imp.detected.get("sheet_index"),
        "mapping": imp.mapping if imp.mapping_overridden else None,
        "header_row": imp.detected.get("header_row") if imp.mapping_overridden else None,
        "today": timezone.localdate().isoformat(),
        "language": translation.get_language(),
        "format": MAGIC.decode().strip(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def path_for(imp) -> Path:
    return Path(f"{imp.file.path}.rows")


def discard(imp) -> None:
    with contextlib.suppress(OSError, ValueError):  # no file attached, or storage without paths
        path_for(imp).unlink(missing_ok=True)


def save(imp, parsed: Parsed, key: str) -> bool:
    """Write the parsed rows next to the upload; False (and nothing written) when they cannot be kept."""
    n = len(parsed)
    header: dict = {
        "key": key,
        "n": n,
        "header_row": parsed.header_row,
        "mapping": {str(k): v for k, v in parsed.mapping.items()},
        "columns": parsed.columns,
        "today": parsed.today.isoformat() if parsed.today else None,
        "unit_mode": parsed.unit_mode,
        "unit_label": parsed.unit_label,
        "unit_inputs": parsed.unit_inputs,
        "cells": {str(k): v for k, v in parsed.cells.items()},
        "names": {str(k): v for k, v in parsed.names.items()},
        "long_codes": parsed.long_codes,
        "notes": {str(k): v for k, v in parsed.notes.items()},
        "blobs": {},
    }
    blobs: list[str] = []
    offset = 0

    def add(name: str, kind: str, text: str, extra=None) -> None:
        nonlocal offset
        data = text.encode("utf-8", "surrogatepass")
        header["blobs"][name] = [kind, offset, len(data), extra]
        blobs.append(data)
        offset += len(data)

    add("row_numbers", "ints", " ".join(map(str, parsed.row_numbers)))
    add("unit_keys", "index", "".join(map(chr, (k + 1 for k in parsed.unit_keys))))
    for name in _STRINGS:
        column = getattr(parsed, name)
        if column is None:
            continue
        if name == "births":
            column = [d.isoformat() if d else "" for d in column]
        distinct = set(column)
        if len(distinct) < _FEW:
            distinct = sorted(distinct)
            index = {value: chr(i) for i, value in enumerate(distinct)}
            add(name, "index", "".join(map(index.__getitem__, column)), distinct)
        else:
            joined = SEP.join(column)
            if joined.count(SEP) != n - 1:
                return False  # a value holds the separator: keep nothing, the commit reads the file
            add(name, "joined", joined)
    path = path_for(imp)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(MAGIC)
            handle.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
            for data in blobs:
                handle.write(data)
        os.replace(tmp, path)
    except OSError:
        log.warning("roster import %s: could not keep the checked rows", imp.pk, exc_info=True)
        tmp.unlink(missing_ok=True)
        return False
    return True


def load(imp, key: str) -> Parsed | None:
    """The parsed rows kept by the preview, or None when there are none or they do not match `key`."""
    try:
        data = path_for(imp).read_bytes()
    except (OSError, ValueError):
        return None
    try:
        return _decode(data, key)
    except (ValueError, KeyError, TypeError, IndexError):
        log.warning("roster import %s: kept rows unreadable, reading the file again", imp.pk, exc_info=True)
        return None


def _decode(data: bytes, key: str) -> Parsed | None:
    if not data.startswith(MAGIC):
        return None
    end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC) : end])
    if header["key"] != key:
        return None
    body = memoryview(data)[end + 1 :]
    n = header["n"]

    def blob(name):
        spec = header["blobs"].get(name)
        if spec is None:
            return None
        kind, start, length, extra = spec
        text = bytes(body[start : start + length]).decode("utf-8", "surrogatepass")
        if kind == "ints":
            values = list(map(int, text.split()))
        elif kind == "index":
            values = list(map(ord, text))
            if extra is not None:
                values = list(map(extra.__getitem__, values))
        else:
            values = text.split(SEP)
        if len(values) != n:
            raise ValueError(f"column {name}: {len(values)} values for {n} rows")
        return values

    parsed = Parsed(
        header_row=header["header_row"],
        mapping={int(k): v for k, v in header["mapping"].items()},
        columns=header["columns"],
        today=dt.date.fromisoformat(header["today"]) if header["today"] else None,
        row_numbers=blob("row_numbers"),
        unit_mode=header["unit_mode"],
        unit_label=header["unit_label"],
        unit_inputs=[tuple(item) for item in header["unit_inputs"]],
        unit_keys=[k - 1 for k in blob("unit_keys")],
        cells={int(k): v for k, v in header["cells"].items()},
        names={int(k): v for k, v in header["names"].items()},
        long_codes=header["long_codes"],
        notes={int(k): v for k, v in header["notes"].items()},
    )
    for name in _STRINGS:
        setattr(parsed, name, blob(name))
    if parsed.births is not None:
        dates = {value: dt.date.fromisoformat(value) if value else None for value in set(parsed.births)}
        parsed.births = list(map(dates.__getitem__, parsed.births))
    if parsed.full is None:
        raise ValueError("no names")
    return parsed
