"""Public reports: submitted by anyone, moderated by the police (verify with a reason, reject, merge duplicates)."""

from __future__ import annotations

import hashlib
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..identifiers import Parsed
from ..models import Identifier, Report
from .common import clean_reason
from .evidence import attach_images, check_images
from .listings import identifier_get_or_create, listing_refresh, listing_verify

MAX_IDENTIFIERS = 10
MAX_AMOUNT = 1_000_000_000_000  # one thousand billion đồng: anything above is a typing mistake


def client_fingerprint(ip: str) -> str:
    """A keyed hash of the client address: lets moderators see floods from one source without storing the IP."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()


def _reporter_label(report: Report) -> str:
    if report.is_anonymous:
        return _("Người dân (ẩn danh)")
    return _("Người dân: %(name)s") % {"name": report.reporter_name or _("không ghi tên")}


@transaction.atomic
def report_submit(
    *,
    identifiers: list[Parsed],
    channel: str,
    description: str,
    method=None,
    occurred_on: date | None = None,
    amount_lost: int | None = None,
    message_text: str = "",
    is_anonymous: bool = True,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    contact_consent: bool = False,
    unit=None,
    images=(),
    client_ip: str = "",
) -> Report:
    """Record a citizen's report; the identifiers become "reported" at once (never "verified")."""
    from ..analyzer import analyze
    from ..selectors import official_entry

    if not identifiers:
        raise ValidationError(
            _("Hãy nhập ít nhất một số điện thoại, số tài khoản, đường link hoặc tài khoản mạng xã hội.")
        )
    if len(identifiers) > MAX_IDENTIFIERS:
        raise ValidationError(_("Một phản ánh ghi tối đa %(n)d định danh.") % {"n": MAX_IDENTIFIERS})
    official = [(p, official_entry(p)) for p in identifiers]
    official = [(p, info) for p, info in official if info is not None]
    if official:
        names = "; ".join(f"{p.display} ({info.organisation})" for p, info in official)
        raise ValidationError(
            _(
                "Đây là đầu mối chính thức, không phải của kẻ gian: %(names)s. Nếu có người mạo danh, hãy ghi "
                "số hoặc đường link thật mà họ đã dùng, và kể lại trong phần diễn biến."
            )
            % {"names": names}
        )
    if amount_lost is not None and not 0 <= amount_lost <= MAX_AMOUNT:
        raise ValidationError(_("Số tiền bị mất phải là số đồng từ 0 đến 1.000 tỷ."))
    if occurred_on and occurred_on > timezone.localdate():
        raise ValidationError(_("Ngày xảy ra không thể sau hôm nay."))
    if not (description or "").strip() and not (message_text or "").strip():
        raise ValidationError(_("Hãy kể lại sự việc hoặc dán nội dung tin nhắn nhận được."))
    if is_anonymous:
        reporter_name = reporter_phone = reporter_email = ""
        contact_consent = False
    elif not (reporter_phone or reporter_email):
        raise ValidationError(_("Hãy để lại số điện thoại hoặc thư điện tử, hoặc chọn gửi ẩn danh."))
    elif not contact_consent:
        raise ValidationError(_("Hãy đồng ý để Công an liên hệ khi cần, hoặc chọn gửi ẩn danh."))
    cleaned_images = check_images(images)

    text_for_analysis = "\n".join(t for t in (message_text, description) if t)
    analysis = analyze(text_for_analysis, lookup=False).as_dict() if text_for_analysis else {}
    report = Report.objects.create(
        method=method,
        channel=channel,
        occurred_on=occurred_on,
        amount_lost=amount_lost,
        description=(description or "").strip()[:10_000],
        message_text=(message_text or "").strip()[:10_000],
        is_anonymous=is_anonymous,
        reporter_name=reporter_name.strip()[:120],
        reporter_phone=reporter_phone.strip()[:20],
        reporter_email=reporter_email.strip()[:254],
        contact_consent=contact_consent,
        unit=unit,
        analysis={k: analysis[k] for k in ("verdict", "score", "methods", "red_flags") if k in analysis},
        client_hash=client_fingerprint(client_ip) if client_ip else "",
    )
    stored = [identifier_get_or_create(kind=p.kind, parsed=p) for p in identifiers]
    report.identifiers.set(stored)
    attach_images(cleaned_images, report=report)
    for identifier in stored:
        listing_refresh(identifier=identifier)
    audit(
        actor=None,
        actor_label=_reporter_label(report),
        action="scamcheck.report.submit",
        obj=report,
        unit=unit,
        summary=_("Phản ánh %(code)s: %(n)d định danh") % {"code": report.code, "n": len(stored)},
    )
    return report


def _decide(report: Report, status: str, reason: str, public_note: str, actor) -> None:
    report.status = status
    report.decided_by = actor
    report.decided_at = timezone.now()
    report.decision_reason = reason
    report.public_note = (public_note or "").strip()[:500]


@transaction.atomic
def report_verify(
    *, report: Report, identifiers: list[Identifier], reason: str, actor, method=None, public_note: str = ""
) -> Report:
    """The police confirm the report: the chosen identifiers become "verified scam" on the ground of this report."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != Report.Status.NEW:
        raise ValidationError(_("Phản ánh này đã được xử lý."))
    reason = clean_reason(reason, _("Hãy ghi căn cứ xác minh (ít nhất 10 ký tự)."))
    own = set(report.identifiers.values_list("pk", flat=True))
    chosen = [i for i in identifiers if i.pk in own]
    if not chosen:
        raise ValidationError(_("Hãy chọn ít nhất một định danh của phản ánh để xác minh."))
    method = method or report.method
    for identifier in chosen:
        listing_verify(
            identifier=identifier, reason=reason, source=f"report:{report.code}", actor=actor, method=method
        )
    _decide(report, Report.Status.VERIFIED, reason, public_note, actor)
    report.method = method
    report.save()
    audit(
        actor=actor,
        action="scamcheck.report.verify",
        obj=report,
        unit=report.unit,
        summary=_("Xác minh phản ánh %(code)s (%(n)d định danh)") % {"code": report.code, "n": len(chosen)},
        data={"identifiers": [i.pk for i in chosen]},
    )
    return report


@transaction.atomic
def report_reject(*, report: Report, reason: str, actor, public_note: str = "") -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != Report.Status.NEW:
        raise ValidationError(_("Phản ánh này đã được xử lý."))
    reason = clean_reason(reason, _("Hãy ghi lý do không chấp nhận (ít nhất 10 ký tự)."))
    _decide(report, Report.Status.REJECTED, reason, public_note, actor)
    report.save()
    for identifier in report.identifiers.all():
        listing_refresh(identifier=identifier)
    audit(
        actor=actor,
        action="scamcheck.report.reject",
        obj=report,
        unit=report.unit,
        summary=_("Không chấp nhận phản ánh %(code)s") % {"code": report.code},
    )
    return report


@transaction.atomic
def report_merge(*, report: Report, into: Report, actor, reason: str = "") -> Report:
    """The same person sent the same report twice: keep `into`, move the identifiers, stop counting `report`."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    into = Report.objects.select_for_update().get(pk=into.pk)
    if report.pk == into.pk:
        raise ValidationError(_("Không thể gộp một phản ánh vào chính nó."))
    if report.status != Report.Status.NEW:
        raise ValidationError(_("Chỉ gộp được phản ánh chưa xử lý."))
    if into.status in {Report.Status.DUPLICATE, Report.Status.REJECTED}:
        raise ValidationError(
            _("Phản ánh %(code)s đã bị gộp hoặc không được chấp nhận; hãy gộp vào phản ánh gốc.")
            % {"code": into.code}
        )
    moved = list(report.identifiers.all())
    into.identifiers.add(*moved)
    _decide(
        report,
        Report.Status.DUPLICATE,
        (reason or "").strip() or _("Trùng với %(code)s") % {"code": into.code},
        "",
        actor,
    )
    report.duplicate_of = into
    report.save()
    for identifier in moved:
        listing_refresh(identifier=identifier)
    audit(
        actor=actor,
        action="scamcheck.report.merge",
        obj=report,
        unit=report.unit,
        summary=_("Gộp phản ánh %(code)s vào %(into)s") % {"code": report.code, "into": into.code},
    )
    return report
