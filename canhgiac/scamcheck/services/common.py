"""Small rules shared by the scam checker's services."""

from __future__ import annotations

from django.core.exceptions import ValidationError

MIN_REASON = 10


def clean_reason(reason: str | None, message: str) -> str:
    """A decision's reason, stripped; ValidationError(`message`) when it is shorter than MIN_REASON characters.

    Reasons are what citizens and claimants read (or what a later officer relies on): one word is not one.
    """
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ValidationError(message)
    return reason
