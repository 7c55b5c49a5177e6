"""Stored uploads: where the server puts them and how they are served back.

An upload is stored under a path the server chooses (never the uploader's file name: only an extension is
kept) and served with the headers that stop a browser from running it: `nosniff`, a sandboxing
Content-Security-Policy, and an attachment unless the caller shows an image inline.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.http import FileResponse, Http404
from django.utils import timezone

# An attachment, or an image shown inline: nothing runs, an image may load.
SANDBOX_CSP = "default-src 'none'; img-src 'self'; sandbox"


def server_path(folder: str, ext: str) -> str:
    """`folder/YYYY/MM/<random>.ext` (ext without its dot; "" for none)."""
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{'.' + ext if ext else ''}"


def suffix_of(filename: str) -> str:
    """The uploader's extension, lower-cased and short, without its dot (for spreadsheets kept as sent)."""
    return Path(filename).suffix.lower()[1:6]


def serve_stored(
    field, *, filename: str, content_type: str, inline: bool = False, csp: str = SANDBOX_CSP
) -> FileResponse:
    """The stored file of `field` as a download (or inline), 404 when the file is gone from storage."""
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = csp
    return response
