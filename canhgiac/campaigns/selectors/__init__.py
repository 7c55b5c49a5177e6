"""Reads of the campaigns app: every function takes the viewer and runs a constant number of queries."""

from .conferences import (
    conference_detail,
    conference_for_viewer,
    conference_list,
    conferences_per_week,
    managed_conference,
    month_calendar,
)
from .coverage import (
    UnitCoverage,
    coverage_by_unit,
    coverage_counts,
    coverage_over_time,
    coverage_total,
    default_day,
    exempt_by_unit,
    people_status,
    reach_by_via,
)
from .needs import pretest_course, province_needs, unit_needs
from .obligations import (
    STATUS_FILTERS,
    BoardRow,
    obligations_status,
    participant_for_viewer,
    participant_list,
)
from .speakers import speaker_candidates, speaker_list, speaker_schedule, speaker_workload

__all__ = [
    "STATUS_FILTERS",
    "BoardRow",
    "UnitCoverage",
    "conference_detail",
    "conference_for_viewer",
    "conference_list",
    "conferences_per_week",
    "coverage_by_unit",
    "coverage_counts",
    "coverage_over_time",
    "coverage_total",
    "default_day",
    "exempt_by_unit",
    "managed_conference",
    "month_calendar",
    "obligations_status",
    "participant_for_viewer",
    "participant_list",
    "people_status",
    "pretest_course",
    "province_needs",
    "reach_by_via",
    "speaker_candidates",
    "speaker_list",
    "speaker_schedule",
    "speaker_workload",
    "unit_needs",
]
