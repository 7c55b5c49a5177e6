"""Identifiers and their public listing: the API other apps (incidents) use to link police-verified cases.

    from canhgiac.scamcheck.services import identifier_get_or_create, listing_verify

    identifier = identifier_get_or_create(kind="phone", raw="0912 345 678")
    listing_verify(identifier=identifier, reason="Số dùng để gọi giả danh Công an trong vụ việc QN-2026-0012.",
                   source="incident:QN-2026-0012", actor=officer, method=method)

Identifiers verified from the same `source` are shown to the public as related to each other.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..identifiers import PHONE, Parsed, normalise
from ..models import PHONE_REVIEW_AFTER, Identifier, Listing, Report, Verification
from .common import clean_reason

_SOURCE = re.compile(r"^[a-z_]{2,20}(?::[^\s]{1,100})?$")


def identifier_get_or_create(
    *, kind: str, raw: str = "", bank: str | None = None, parsed: Parsed | None = None
) -> Identifier:
    """The stored Identifier for a value as typed (normalised first); ValidationError if it is not one."""
    if parsed is None:
        parsed = normalise(kind, raw, bank=bank)
    try:
        with transaction.atomic():
            identifier, _created = Identifier.objects.get_or_create(
                kind=parsed.kind,
                value=parsed.value,
                qualifier=parsed.qualifier,
                defaults={"display": parsed.display[:300]},
            )
    except IntegrityError:  # created by a concurrent request
        identifier = Identifier.objects.get(kind=parsed.kind, value=parsed.value, qualifier=parsed.qualifier)
    return identifier


def parsed_of(identifier: Identifier) -> Parsed:
    from ..identifiers import parse_url

    if identifier.kind == "url":
        found = parse_url(identifier.value)
        if found is not None and found.value == identifier.value:
            return found
    return Parsed(
        identifier.kind, identifier.value, qualifier=identifier.qualifier, display=identifier.display
    )


def _ensure_not_official(identifier: Identifier) -> None:
    from ..selectors import official_entry

    official = official_entry(parsed_of(identifier))
    if official is not None:
        raise ValidationError(
            _(
                "“%(value)s” là đầu mối chính thức (%(org)s) trong danh sách chính thức, không thể xác minh là lừa đảo."
            )
            % {"value": identifier.display, "org": official.organisation}
        )


def listing_refresh(*, identifier: Identifier) -> Listing | None:
    """Recount the live public reports of an identifier (never incremented by hand: no drift)."""
    listing = Listing.objects.filter(identifier=identifier).first()
    reports = Report.objects.filter(
        identifiers=identifier, status__in=[Report.Status.NEW, Report.Status.VERIFIED]
    )
    if listing is not None and listing.cleared_at is not None:
        reports = reports.filter(created_at__gt=listing.cleared_at)
    figures = reports.aggregate(first=Min("created_at"), last=Max("created_at"), n=Count("pk"))
    count = figures["n"]
    if listing is None:
        if not count:
            return None
        listing = Listing(identifier=identifier)
    listing.report_count = count
    listing.first_reported_at = figures["first"]
    listing.last_reported_at = figures["last"]
    listing.save()
    return listing


@transaction.atomic
def listing_verify(
    *, identifier: Identifier, reason: str, source: str, actor, method=None, public_reason: str | None = None
) -> Listing:
    """Mark an identifier as used for fraud, verified by the police, on the ground `source`.

    `source` names the ground: "report:PA-XXXX-XXXX", "incident:<case code>" or "manual". A verified phone
    number comes up for review after 12 months (numbers are recycled).
    """
    reason = clean_reason(
        reason, _("Hãy ghi căn cứ xác minh (ít nhất 10 ký tự): người dân sẽ đọc căn cứ này.")
    )
    if not _SOURCE.match(source or ""):
        raise ValidationError(_("Nguồn xác minh không hợp lệ: dùng report:<mã>, incident:<mã> hoặc manual."))
    _ensure_not_official(identifier)
    now = timezone.now()
    listing, _created = Listing.objects.select_for_update().get_or_create(identifier=identifier)
    verification = Verification.objects.filter(identifier=identifier, source=source, is_active=True).first()
    if verification is None:
        Verification.objects.create(
            identifier=identifier, source=source, reason=reason, method=method, actor=actor, created_at=now
        )
    else:
        verification.reason = reason
        verification.method = method or verification.method
        verification.save(update_fields=["reason", "method"])
    if listing.verified_at is None:
        listing.verified_at = now
    listing.verified_reason = (public_reason or reason)[:2000]
    listing.method = method or listing.method
    listing.cleared_at = None
    listing.cleared_reason = ""
    listing.review_due_at = now + PHONE_REVIEW_AFTER if identifier.kind == PHONE else None
    listing.save()
    listing_refresh(identifier=identifier)
    listing.refresh_from_db()
    audit(
        actor=actor,
        action="scamcheck.listing.verify",
        obj=identifier,
        summary=_("Xác minh lừa đảo: %(value)s") % {"value": identifier.display},
        data={"source": source, "method": getattr(method, "slug", None)},
    )
    return listing


@transaction.atomic
def listing_clear(*, identifier: Identifier, reason: str, actor) -> Listing:
    """Withdraw a verification (dispute upheld, number recycled, mistake): the public no longer sees it as a scam;
    reports made before today stop counting."""
    reason = clean_reason(reason, _("Hãy ghi lý do gỡ khỏi danh sách (ít nhất 10 ký tự)."))
    listing = Listing.objects.select_for_update().filter(identifier=identifier).first()
    if listing is None:
        raise ValidationError(_("Định danh này chưa có trong danh sách."))
    now = timezone.now()
    Verification.objects.filter(identifier=identifier, is_active=True).update(
        is_active=False, withdrawn_at=now, withdrawn_reason=reason
    )
    listing.verified_at = None
    listing.verified_reason = ""
    listing.review_due_at = None
    listing.cleared_at = now
    listing.cleared_reason = reason
    listing.save()
    listing = listing_refresh(identifier=identifier) or listing
    audit(
        actor=actor,
        action="scamcheck.listing.clear",
        obj=identifier,
        summary=_("Gỡ khỏi danh sách: %(value)s") % {"value": identifier.display},
        data={"reason": reason},
    )
    return listing


@transaction.atomic
def listing_withdraw(*, identifier: Identifier, source: str, reason: str, actor) -> Listing | None:
    """Withdraw the one ground `source` of a verification (a case closed as not fraud, an identifier unlinked
    from a case). The identifier stays verified while another active ground remains; with none left it is no
    longer verified. Unlike `listing_clear`, citizens' reports keep counting as before: only the police's own
    ground is taken back."""
    reason = clean_reason(reason, _("Hãy ghi lý do rút căn cứ xác minh (ít nhất 10 ký tự)."))
    listing = Listing.objects.select_for_update().filter(identifier=identifier).first()
    now = timezone.now()
    withdrawn = Verification.objects.filter(identifier=identifier, source=source, is_active=True).update(
        is_active=False, withdrawn_at=now, withdrawn_reason=reason
    )
    if not withdrawn or listing is None:
        return listing
    remaining = (
        Verification.objects.filter(identifier=identifier, is_active=True).order_by("-created_at").first()
    )
    if remaining is None:
        listing.verified_at = None
        listing.verified_reason = ""
        listing.review_due_at = None
    else:
        listing.verified_reason = remaining.reason[:2000]
        listing.method = remaining.method or listing.method
    listing.save()
    audit(
        actor=actor,
        action="scamcheck.listing.withdraw",
        obj=identifier,
        summary=_("Rút căn cứ %(source)s: %(value)s") % {"source": source, "value": identifier.display},
        data={"source": source, "reason": reason, "still_verified": remaining is not None},
    )
    return listing


@transaction.atomic
def listing_confirm_review(*, identifier: Identifier, reason: str, actor) -> Listing:
    """A verified phone number reviewed after 12 months and still in criminal use: keep it for another year."""
    reason = clean_reason(reason, _("Hãy ghi căn cứ giữ nguyên xác minh (ít nhất 10 ký tự)."))
    listing = (
        Listing.objects.select_for_update().filter(identifier=identifier, verified_at__isnull=False).first()
    )
    if listing is None:
        raise ValidationError(_("Định danh này không ở trạng thái đã xác minh."))
    now = timezone.now()
    listing.review_due_at = now + PHONE_REVIEW_AFTER
    listing.save(update_fields=["review_due_at", "updated_at"])
    Verification.objects.create(
        identifier=identifier, source=f"review:{now:%Y%m%d}", reason=reason, actor=actor
    )
    audit(
        actor=actor,
        action="scamcheck.listing.review",
        obj=identifier,
        summary=_("Xem xét lại, giữ nguyên xác minh: %(value)s") % {"value": identifier.display},
        data={"reason": reason},
    )
    return listing
