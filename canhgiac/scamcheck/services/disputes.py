"""Disputes: the owner of a listed identifier asks for it to be removed; the police decide, with a reason."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..identifiers import Parsed
from ..models import Dispute, Listing, PublicStatus
from .common import clean_reason
from .evidence import attach_images, check_images
from .listings import listing_clear


@transaction.atomic
def dispute_submit(
    *,
    parsed: Parsed,
    claimant_name: str,
    statement: str,
    relation: str = Dispute.Relation.OWNER,
    claimant_phone: str = "",
    claimant_email: str = "",
    consent: bool = False,
    images=(),
) -> Dispute:
    listing = (
        Listing.objects.select_for_update()
        .select_related("identifier")
        .filter(
            identifier__kind=parsed.kind,
            identifier__value=parsed.value,
            **(
                {"identifier__qualifier": parsed.qualifier}
                if parsed.kind == "bank_account" and parsed.qualifier
                else {}
            ),
        )
        .order_by("-verified_at", "-report_count")
        .first()
    )
    if listing is None or listing.public_status() == PublicStatus.NO_INFORMATION:
        raise ValidationError(
            _("“%(value)s” không có trong danh sách phản ánh hay xác minh lừa đảo, nên không cần khiếu nại.")
            % {"value": parsed.display}
        )
    if not (claimant_name or "").strip():
        raise ValidationError(_("Hãy ghi họ và tên người khiếu nại."))
    if not (claimant_phone or "").strip() and not (claimant_email or "").strip():
        raise ValidationError(_("Hãy để lại số điện thoại hoặc thư điện tử để Công an liên hệ."))
    if len((statement or "").strip()) < 20:
        raise ValidationError(
            _("Hãy trình bày rõ vì sao định danh này là của bạn và không dùng để lừa đảo (ít nhất 20 ký tự).")
        )
    if not consent:
        raise ValidationError(
            _("Hãy xác nhận thông tin là đúng sự thật và đồng ý để Công an liên hệ xác minh.")
        )
    cleaned = check_images(images)
    if not cleaned:
        raise ValidationError(
            _(
                "Hãy gửi ít nhất một ảnh bằng chứng (ví dụ: ảnh thông tin thuê bao trong ứng dụng nhà mạng, sao kê tài khoản)."
            )
        )
    identifier = listing.identifier
    try:
        with transaction.atomic():
            dispute = Dispute.objects.create(
                identifier=identifier,
                relation=relation,
                claimant_name=claimant_name.strip()[:120],
                claimant_phone=(claimant_phone or "").strip()[:20],
                claimant_email=(claimant_email or "").strip()[:254],
                statement=statement.strip()[:10_000],
            )
    except IntegrityError:
        raise ValidationError(
            _("Đã có một khiếu nại đang được xem xét cho “%(value)s”. Công an sẽ trả lời khiếu nại đó trước.")
            % {"value": identifier.display}
        ) from None
    attach_images(cleaned, dispute=dispute)
    listing.dispute_open = True
    listing.save(update_fields=["dispute_open", "updated_at"])
    audit(
        actor=None,
        actor_label=_("Người khiếu nại: %(name)s") % {"name": dispute.claimant_name},
        action="scamcheck.dispute.submit",
        obj=dispute,
        summary=_("Khiếu nại %(code)s về %(value)s") % {"code": dispute.code, "value": identifier.display},
    )
    return dispute


@transaction.atomic
def dispute_decide(*, dispute: Dispute, uphold: bool, reason: str, actor) -> Dispute:
    """Uphold (the listing is withdrawn) or reject (the listing stays); the reason is recorded and shown to the claimant."""
    dispute = Dispute.objects.select_for_update().select_related("identifier").get(pk=dispute.pk)
    if dispute.status != Dispute.Status.OPEN:
        raise ValidationError(_("Khiếu nại này đã có quyết định."))
    reason = clean_reason(
        reason, _("Hãy ghi căn cứ quyết định (ít nhất 10 ký tự): người khiếu nại sẽ đọc căn cứ này.")
    )
    identifier = dispute.identifier
    if uphold:
        listing_clear(
            identifier=identifier,
            reason=_("Khiếu nại %(code)s được chấp nhận: %(reason)s")
            % {"code": dispute.code, "reason": reason},
            actor=actor,
        )
    dispute.status = Dispute.Status.UPHELD if uphold else Dispute.Status.REJECTED
    dispute.decided_by = actor
    dispute.decided_at = timezone.now()
    dispute.decision_reason = reason
    dispute.save()
    Listing.objects.filter(identifier=identifier).update(dispute_open=False)
    audit(
        actor=actor,
        action="scamcheck.dispute.decide",
        obj=dispute,
        summary=_("Khiếu nại %(code)s: %(decision)s")
        % {"code": dispute.code, "decision": dispute.get_status_display()},
        data={"uphold": uphold},
    )
    return dispute
