"""The k-anonymity range: listed and official identifiers by hash prefix, padded with stable decoys.

The public lookup path is: normalise (identifiers.py) → allowlist (in-process index) → one indexed query on
Identifier (kind, value, qualifier) joined to its Listing. That is what bench/scamcheck.py measures.
"""

from __future__ import annotations

import hashlib
import hmac
import random

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..identifiers import BRANDNAME
from ..models import (
    Identifier,
    Listing,
    PublicStatus,
    digest_hex,
    digest_key,
)
from .lookup import STATUS_RANK, _allow_index

# --- k-anonymity ---------------------------------------------------------------------------------------

HASH_PREFIX_MIN = 5
HASH_PREFIX_MAX = 8
HASH_PAD_TO = 16  # answers are padded up to a multiple of this


def _prefix_range(prefix: str) -> tuple[int, int]:
    bits = 4 * len(prefix)
    low = int(prefix, 16) << (64 - bits)
    high = low + (1 << (64 - bits)) - 1
    return low - (1 << 63), high - (1 << 63)


def hash_range(prefix: str, *, now=None) -> list[dict]:
    """Listed and official identifiers whose sha256("kind:value") starts with `prefix`, padded with decoys.

    The decoys are derived from a keyed hash of the prefix and the day, so the same question gets the same
    answer all day and comparing answers does not reveal which entries are real.
    """
    prefix = prefix.lower()
    now = now or timezone.now()
    low, high = _prefix_range(prefix)
    rows = (
        Identifier.objects.filter(digest__gte=low, digest__lte=high)
        .filter(Exists(Listing.objects.filter(identifier=OuterRef("pk"))))
        .select_related("listing")
    )
    found: dict[str, str] = {}
    for identifier in rows:
        status = identifier.listing.public_status(now)
        if status == PublicStatus.NO_INFORMATION:
            continue
        hexdigest = identifier.hexdigest
        if hexdigest.startswith(prefix) and STATUS_RANK[status] > STATUS_RANK.get(found.get(hexdigest), -1):
            found[hexdigest] = status
    index = _allow_index()
    for (kind, value, _qualifier), _info in index.exact.items():
        if kind == BRANDNAME:
            continue
        hexdigest = digest_hex(kind, value)
        if hexdigest.startswith(prefix):
            found[hexdigest] = PublicStatus.OFFICIAL
    entries = [{"hash": h, "status": s} for h, s in found.items()]
    target = max(HASH_PAD_TO, -(-len(entries) // HASH_PAD_TO) * HASH_PAD_TO)
    seed = hmac.new(
        settings.SECRET_KEY.encode(), f"{prefix}:{now.date().isoformat()}".encode(), hashlib.sha256
    )
    rng = random.Random(seed.digest())  # noqa: S311 - decoys, not secrets
    statuses = [
        PublicStatus.REPORTED,
        PublicStatus.REPORTED,
        PublicStatus.VERIFIED_SCAM,
        PublicStatus.OFFICIAL,
    ]
    while len(entries) < target:
        tail = "".join(rng.choice("0123456789abcdef") for _ in range(64 - len(prefix)))
        entries.append({"hash": prefix + tail, "status": rng.choice(statuses)})
    entries.sort(key=lambda e: e["hash"])
    return entries


def digest_for(kind: str, value: str) -> tuple[str, int]:
    hexdigest = digest_hex(kind, value)
    return hexdigest, digest_key(hexdigest)
