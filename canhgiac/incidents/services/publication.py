"""A case's identifiers on the public scam checker.

A case counts as verified fraud from `Case.confirmed_at` (set by the "xác minh" action or by prosecution). While
it does, each linked identifier is verified on the ground `incident:<code>` (scamcheck.listing_verify); when the
case stops counting (closed as not fraud) or an identifier is unlinked, that ground alone is withdrawn
(scamcheck.listing_withdraw): other cases and reports keep the identifier listed.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canhgiac.scamcheck.services import listing_verify, listing_withdraw

from ..models import Case, CaseIdentifier

_KIND_WORDS = {
    "phone": gettext_lazy("Số điện thoại này"),
    "bank_account": gettext_lazy("Tài khoản ngân hàng này"),
    "url": gettext_lazy("Đường link, tên miền này"),
    "social": gettext_lazy("Tài khoản mạng xã hội này"),
}


def source_of(case: Case) -> str:
    return f"incident:{case.code}"


def public_reason(case: Case, kind: str) -> str:
    """What citizens read on the checker: no case details, no personal data."""
    subject = _KIND_WORDS.get(kind, _("Định danh này"))
    if case.method_id:
        return _(
            "%(subject)s đã được %(agency)s xác minh là dùng trong vụ lừa đảo theo thủ đoạn “%(method)s”."
        ) % {
            "subject": subject,
            "agency": settings.POLICE_AGENCY_NAME,
            "method": case.method.name,
        }
    return _("%(subject)s đã được %(agency)s xác minh là dùng trong một vụ lừa đảo chiếm đoạt tài sản.") % {
        "subject": subject,
        "agency": settings.POLICE_AGENCY_NAME,
    }


def publish_one(case: Case, link: CaseIdentifier, actor) -> str:
    """Verify one identifier on the case's ground; "" or the reason it is not published (an official contact)."""
    try:
        listing_verify(
            identifier=link.identifier,
            reason=public_reason(case, link.identifier.kind),
            source=source_of(case),
            actor=actor,
            method=case.method,
        )
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


def publish(case: Case, actor) -> list[str]:
    """Verify every identifier of a verified case; the messages of those refused (official contacts)."""
    refused = []
    for link in case.links.select_related("identifier"):
        message = publish_one(case, link, actor)
        if message:
            refused.append(message)
    return refused


def withdraw_one(case: Case, link: CaseIdentifier, actor, reason: str) -> None:
    listing_withdraw(identifier=link.identifier, source=source_of(case), reason=reason, actor=actor)


def withdraw(case: Case, actor, reason: str) -> None:
    for link in case.links.select_related("identifier"):
        withdraw_one(case, link, actor, reason)
