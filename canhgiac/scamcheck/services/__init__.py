"""Writes of the scam checker. Other apps import from here (see docs/scamcheck.md, "API for other apps")."""

from .allowlist import allowlist_add, allowlist_seed, allowlist_set_active, allowlist_update
from .disputes import dispute_decide, dispute_submit
from .listings import (
    identifier_get_or_create,
    listing_clear,
    listing_confirm_review,
    listing_refresh,
    listing_verify,
    listing_withdraw,
)
from .reports import report_merge, report_reject, report_submit, report_verify

__all__ = [
    "allowlist_add",
    "allowlist_seed",
    "allowlist_set_active",
    "allowlist_update",
    "dispute_decide",
    "dispute_submit",
    "identifier_get_or_create",
    "listing_clear",
    "listing_confirm_review",
    "listing_refresh",
    "listing_verify",
    "listing_withdraw",
    "report_merge",
    "report_reject",
    "report_submit",
    "report_verify",
]
