"""Withdrawing one ground of a verification (used by the case register when a case is closed as not fraud)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from canhgiac.core.models import AuditEvent
from canhgiac.scamcheck import selectors, services
from canhgiac.scamcheck.models import PublicStatus, Verification

pytestmark = pytest.mark.django_db


def test_withdrawing_one_ground_keeps_the_others(coordinator, make_report):
    phone = services.identifier_get_or_create(kind="phone", raw="0369 125 478")
    for source in ("incident:VV-2026-0001", "incident:VV-2026-0002"):
        services.listing_verify(
            identifier=phone, reason=f"Dùng trong vụ việc {source}.", source=source, actor=coordinator
        )
    services.listing_withdraw(
        identifier=phone,
        source="incident:VV-2026-0001",
        reason="Vụ việc không phải lừa đảo.",
        actor=coordinator,
    )
    assert selectors.check("0369125478").status == PublicStatus.VERIFIED_SCAM
    phone.listing.refresh_from_db()
    assert phone.listing.verified_reason == "Dùng trong vụ việc incident:VV-2026-0002."
    services.listing_withdraw(
        identifier=phone,
        source="incident:VV-2026-0002",
        reason="Vụ việc không phải lừa đảo.",
        actor=coordinator,
    )
    assert selectors.check("0369125478").status == PublicStatus.NO_INFORMATION
    assert not Verification.objects.filter(identifier=phone, is_active=True).exists()
    assert AuditEvent.objects.filter(action="scamcheck.listing.withdraw").count() == 2


def test_citizens_reports_keep_counting_after_the_police_withdraw(coordinator, make_report):
    make_report("0868 531 274")
    phone = services.identifier_get_or_create(kind="phone", raw="0868 531 274")
    services.listing_verify(
        identifier=phone,
        reason="Dùng trong vụ việc VV-2026-0003.",
        source="incident:VV-2026-0003",
        actor=coordinator,
    )
    services.listing_withdraw(
        identifier=phone,
        source="incident:VV-2026-0003",
        reason="Vụ việc không phải lừa đảo.",
        actor=coordinator,
    )
    assert selectors.check("0868531274").status == PublicStatus.REPORTED


def test_withdraw_needs_a_reason_and_ignores_unknown_grounds(coordinator):
    phone = services.identifier_get_or_create(kind="phone", raw="0369 125 478")
    with pytest.raises(ValidationError, match="lý do"):
        services.listing_withdraw(identifier=phone, source="incident:X", reason="", actor=coordinator)
    assert (
        services.listing_withdraw(
            identifier=phone, source="incident:X", reason="Không còn căn cứ nào.", actor=coordinator
        )
        is None
    )
