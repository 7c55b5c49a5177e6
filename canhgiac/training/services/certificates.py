"""Certificates: issued when a post-test passes a course; verified publicly by code; revocable."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..access import CODE_ALPHABET
from ..models import Attempt, Certificate
from ..signals import course_passed


def new_certificate_code() -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"CN-{body[:4]}-{body[4:]}"


def certificate_issue_for(*, attempt: Attempt) -> Certificate | None:
    """Issue the course certificate for a passing post-test attempt, once per (person, course), and announce
    the pass (signals.course_passed). Called inside attempt_submit's transaction."""
    quiz = attempt.quiz
    person = attempt.person
    if Certificate.objects.filter(person=person, course_id=quiz.course_id).exists():
        return None
    for _try in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    code=new_certificate_code(),
                    person=person,
                    course_id=quiz.course_id,
                    attempt=attempt,
                    person_name=person.full_name,
                    unit_name=person.unit.name,
                    course_title=quiz.course.title,
                    score=attempt.score or 0,
                    issued_at=attempt.submitted_at,
                )
            break
        except IntegrityError:  # a code collision (1 in 10^12) or a concurrent issue for the same course
            if Certificate.objects.filter(person=person, course_id=quiz.course_id).exists():
                return None
    else:
        raise ValidationError(_("Không tạo được mã giấy chứng nhận. Hãy thử nộp lại."))
    audit(
        actor=None,
        actor_label="Hệ thống",
        action="training.certificate.issue",
        obj=certificate,
        unit=person.unit,
        summary=f"Cấp giấy chứng nhận {certificate.code} khóa “{certificate.course_title}”",
    )
    course_passed.send(
        sender=type(quiz.course),
        person=person,
        course=quiz.course,
        attempt=attempt,
        passed_at=attempt.submitted_at,
    )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, actor) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do thu hồi giấy chứng nhận.")})
    if certificate.revoked_at is not None:
        raise ValidationError(_("Giấy chứng nhận này đã bị thu hồi trước đó."))
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = reason[:300]
    certificate.save(update_fields=["revoked_at", "revoke_reason"])
    audit(
        actor=actor,
        action="training.certificate.revoke",
        obj=certificate,
        unit=certificate.person.unit,
        summary=f"Thu hồi giấy chứng nhận {certificate.code}: {certificate.revoke_reason}",
    )
    return certificate


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    """The certificate as an A4 landscape PDF (WeasyPrint), with its code and a QR code of the verify page."""
    import segno
    from django.conf import settings
    from django.template.loader import render_to_string
    from weasyprint import HTML

    qr = segno.make(verify_url, error="m").svg_data_uri(scale=4, border=1, dark="#0b2a4a")
    html = render_to_string(
        "training/certificate_pdf.html",
        {
            "c": certificate,
            "qr": qr,
            "verify_url": verify_url,
            "province_name": settings.PROVINCE_NAME,
            "police_agency_name": settings.POLICE_AGENCY_NAME,
        },
    )
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()
