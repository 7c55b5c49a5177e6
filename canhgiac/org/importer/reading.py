"""Reading roster files: the shared spreadsheet reader (`canhgiac.org.tabular.reading`) with the roster's limit,
wording and sheet choice (the first visible sheet with a roster header)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ..tabular import reading as _tabular
from ..tabular.reading import KINDS, ImportFileError, Table, decode_csv, human_size

MAX_BYTES = getattr(settings, "ROSTER_IMPORT_MAX_BYTES", 20 * 1024 * 1024)

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "ImportFileError",
    "Table",
    "check_upload",
    "decode_csv",
    "human_size",
    "read_table",
]


def check_upload(name: str, size: int, head: bytes) -> str:
    """The kind of an upload ("xlsx", "xls", "csv"), or ImportFileError saying what is wrong."""
    return _tabular.check_upload(name, size, head, max_bytes=MAX_BYTES, noun=_("danh sách"))


def _looks_like_roster(rows: list[list]) -> bool:
    from .headers import find_header

    return find_header(rows) is not None


def read_table(path: str | Path, kind: str, *, sheet_index: int | None = None) -> Table:
    return _tabular.read_table(path, kind, sheet_index=sheet_index, looks_right=_looks_like_roster)
