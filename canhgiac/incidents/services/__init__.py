"""Writes of the case register (docs/incidents.md)."""

from .cases import (
    case_confirm,
    case_create,
    case_link_identifier,
    case_set_status,
    case_unlink_identifier,
    case_update,
    victim_view,
)

__all__ = [
    "case_confirm",
    "case_create",
    "case_link_identifier",
    "case_set_status",
    "case_unlink_identifier",
    "case_update",
    "victim_view",
]
