"""Helpers shared by every export (.xlsx, .csv): cells that a spreadsheet cannot turn into a formula.

A cell whose text starts with = + - @ (or a tab / carriage return that hides one) is run as a formula by Excel
and LibreOffice when the file is opened: "=HYPERLINK(...)" in a name or a scam report would be a link, or worse.
`safe_cell` prefixes such text with an apostrophe-like guard (a leading single quote), which spreadsheets show
as plain text. Numbers, dates and booleans pass through unchanged.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value):
    """The value to write in an exported cell: text that would start a formula is neutralised."""
    if value is None:
        return ""
    if isinstance(value, str):
        if value.startswith(_TRIGGERS):
            return "'" + value
        return value
    return value


def safe_row(values) -> list:
    return [safe_cell(v) for v in values]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str):
    """An HttpResponse ready to receive an .xlsx (Content-Type and a download file name)."""
    from django.http import HttpResponse

    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_file(write, filename: str):
    """A download of an .xlsx that `write(handle)` writes into a temporary file (large workbooks are not held
    in memory; the response closes the file)."""
    import tempfile

    from django.http import FileResponse

    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    write(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX)
