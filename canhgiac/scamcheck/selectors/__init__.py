"""Reads of the scam checker (the views, the API, the analyzer and other apps use these).

- `lookup`: what the checker answers — the allowlist index, `lookup_many`, `check`, related identifiers;
- `kanon`: the k-anonymity range;
- `moderation`: queues, yearly reviews, duplicates, histories, public figures.

The public lookup path is: normalise (identifiers.py) → allowlist (in-process index) → one indexed query on
Identifier (kind, value, qualifier) joined to its Listing. That is what bench/scamcheck.py measures.
"""

from .kanon import HASH_PAD_TO, HASH_PREFIX_MAX, HASH_PREFIX_MIN, digest_for, hash_range
from .lookup import (
    STATUS_RANK,
    AllowInfo,
    CheckResult,
    ItemResult,
    _allow,
    allowlist_changed,
    brandname_for,
    check,
    lookalike_detector,
    lookup_many,
    official_entry,
    parsed_key,
    related_identifiers,
)
from .moderation import (
    identifier_history,
    listing_stats,
    possible_duplicates,
    public_allowlist,
    queue_counts,
    report_queue,
    review_due,
)

__all__ = [
    "HASH_PAD_TO",
    "HASH_PREFIX_MAX",
    "HASH_PREFIX_MIN",
    "STATUS_RANK",
    "AllowInfo",
    "CheckResult",
    "ItemResult",
    "_allow",
    "allowlist_changed",
    "brandname_for",
    "check",
    "digest_for",
    "hash_range",
    "identifier_history",
    "listing_stats",
    "lookalike_detector",
    "lookup_many",
    "official_entry",
    "parsed_key",
    "possible_duplicates",
    "public_allowlist",
    "queue_counts",
    "related_identifiers",
    "report_queue",
    "review_due",
]
