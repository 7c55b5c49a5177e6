"""The result workbook of an import: the file as uploaded, every data row followed by its outcome and problems."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from canhgiac.core.exports import safe_cell


def write_result(
    target,
    *,
    rows: list[list],
    columns: list[str],
    numbers: list[int],
    outcomes: str,
    labels: Mapping[str, str],
    problems: Mapping[str, list[str]],
    notes: Mapping[str, list[str]],
    committed: bool,
    rejected: str,
) -> None:
    """Write an .xlsx to `target` (a path or a binary file).

    `rows` are the table's rows, `numbers` the row numbers (from 1) of the data rows, `outcomes` one letter per
    data row, `labels` the words for each letter; before commit, accepted rows read "Sẽ …" (will be …).
    Every cell from the file goes through `safe_cell`: a hostile file cannot plant a formula in the result.
    """
    import xlsxwriter

    outcome_of = dict(zip(numbers, outcomes, strict=False))
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet(_("Kết quả"))
    bold = workbook.add_format({"bold": True, "bg_color": "#E7F0FA", "border": 1, "text_wrap": True})
    red = workbook.add_format({"font_color": "#B42318", "text_wrap": True})
    labels_row = list(columns) or [""]
    width = len(labels_row)
    sheet.write_row(
        0, 0, [safe_cell(x) for x in labels_row] + [_("Dòng trong tệp"), _("Kết quả"), _("Lỗi")], bold
    )
    sheet.set_column(width, width, 10)
    sheet.set_column(width + 1, width + 1, 14)
    sheet.set_column(width + 2, width + 2, 70)
    out = 1
    for number in numbers:
        row = rows[number - 1]
        cells = [safe_cell(row[i]) if i < len(row) else "" for i in range(width)]
        outcome = outcome_of.get(number, "")
        label = labels.get(outcome, "")
        if outcome != rejected and not committed:
            label = _("Sẽ %(what)s") % {"what": str(label).lower()}
        row_problems = "; ".join(problems.get(str(number), []))
        row_notes = "; ".join(notes.get(str(number), []))
        sheet.write_row(out, 0, cells)
        sheet.write_number(out, width, number)
        sheet.write_string(out, width + 1, str(label))
        if row_problems:
            sheet.write_string(out, width + 2, safe_cell(row_problems), red)
        elif row_notes:
            sheet.write_string(out, width + 2, safe_cell(row_notes))
        out += 1
    sheet.freeze_panes(1, 0)
    workbook.close()
