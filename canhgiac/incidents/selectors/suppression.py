"""Small-cell suppression for aggregates read by the public and by unit managers.

Rule: a cell of 1 or 2 cases is never shown ("< 3"); its money is not shown either. Because each table's total
is published, hiding those cells alone is not enough: total − visible cells = the hidden cases, which pins a
lone hidden cell. So cells are hidden in addition ("complementary suppression", shown as "ẩn") until every
hidden small cell could be 1 or 2 for all the reader can compute, knowing that hidden small cells hold 1–2
cases and the others at least 3 and at most the smallest cell still shown. When no choice achieves it, the
table is withheld and only its total is given. Zero cells are not rows at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

THRESHOLD = 3

SHOWN = "shown"
SMALL = "small"  # fewer than THRESHOLD cases: "< 3"
HIDDEN = "hidden"  # hidden so that the small cells cannot be worked out: "ẩn"


@dataclass
class Cell:
    key: object
    label: str
    cases: int
    lost: int
    recovered: int = 0
    state: str = SHOWN
    extra: dict = field(default_factory=dict)

    @property
    def visible(self) -> bool:
        return self.state == SHOWN


def small_cell_pinned(small: int, hidden: int, total_hidden: int, smallest_shown: int | None) -> bool:
    """Whether a reader can tell the value (1 or 2) of a small hidden cell.

    `small` cells hold 1..THRESHOLD-1 each, `hidden` complementary cells hold THRESHOLD..smallest_shown each
    (no upper bound when nothing is shown), and together they hold `total_hidden` (published total − shown).
    A small cell is safe when both 1 and 2 fit with the others inside their bounds.
    """
    if small == 0:
        return False
    upper = THRESHOLD - 1
    for value in range(1, upper + 1):
        rest = total_hidden - value
        low = (small - 1) * 1 + hidden * THRESHOLD
        if not hidden:
            top = 0
        elif smallest_shown is None:
            top = float("inf")
        else:
            top = hidden * smallest_shown
        high = (small - 1) * upper + top
        if not (low <= rest <= high):
            return True
    return False


def suppress(cells: list[Cell]) -> tuple[list[Cell], bool]:
    """Mark the cells to hide, in place; (cells, withheld). `withheld`: no safe choice, show only the total.

    Complementary cells are taken smallest first (fewest cases, then least money), which hides the least.
    """
    cells = [c for c in cells if c.cases > 0]
    for cell in cells:
        cell.state = SMALL if cell.cases < THRESHOLD else SHOWN
    small = [c for c in cells if c.state == SMALL]
    if not small:
        return cells, False
    candidates = sorted((c for c in cells if c.state == SHOWN), key=lambda c: (c.cases, c.lost))
    hidden: list[Cell] = []
    while True:
        total_hidden = sum(c.cases for c in small) + sum(c.cases for c in hidden)
        shown = [c for c in candidates if c.state == SHOWN]
        smallest = min((c.cases for c in shown), default=None)
        if not small_cell_pinned(len(small), len(hidden), total_hidden, smallest):
            return cells, False
        if not shown:
            return cells, True
        nxt = shown[0]
        nxt.state = HIDDEN
        hidden.append(nxt)


def visible_totals(cells: list[Cell]) -> tuple[int, int]:
    """Cases and money of the cells that are shown (what a table's "shown cells" row adds up)."""
    return sum(c.cases for c in cells if c.visible), sum(c.lost for c in cells if c.visible)
