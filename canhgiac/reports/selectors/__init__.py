"""Reads of the reports app: every function takes the viewer and runs a constant number of queries."""

from .completeness import Completeness, CompletenessRow, State, reporting_completeness
from .reports import (
    Consolidation,
    can_edit,
    consolidation,
    figures_by_participant,
    is_coordinator,
    pending_for,
    province_report_for,
    report_for_participant,
    report_for_viewer,
    report_history,
    unit_report_figures,
)

__all__ = [
    "Completeness",
    "CompletenessRow",
    "Consolidation",
    "State",
    "can_edit",
    "consolidation",
    "figures_by_participant",
    "is_coordinator",
    "pending_for",
    "province_report_for",
    "report_for_participant",
    "report_for_viewer",
    "report_history",
    "reporting_completeness",
    "unit_report_figures",
]
