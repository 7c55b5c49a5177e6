"""Reads of the case register. Other apps use these (never the views):

- `rising_methods(*, months=3, min_cases=5, today=None, viewer=None)` — methods whose cases grew (docs/incidents.md)
- `method_weights(*, months=3, min_cases=5, today=None)` — {slug: weight ≥ 1} for drawing quiz questions
- `stats_cases`, `breakdown`, `table`, `compare`, `totals`, `Period` — the statistics
- `public_overview(*, year)` — the public aggregates with small cells hidden
"""

from .cases import CaseFilters, case_for_viewer, case_list, localities_for
from .public import public_overview, public_years
from .stats import (
    DIMENSIONS,
    Period,
    breakdown,
    compare,
    method_weights,
    period_label,
    rising_methods,
    stats_cases,
    table,
    totals,
)

__all__ = [
    "DIMENSIONS",
    "CaseFilters",
    "Period",
    "breakdown",
    "case_for_viewer",
    "case_list",
    "compare",
    "localities_for",
    "method_weights",
    "period_label",
    "public_overview",
    "public_years",
    "rising_methods",
    "stats_cases",
    "table",
    "totals",
]
