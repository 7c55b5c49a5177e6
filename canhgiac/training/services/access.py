"""Issuing and revoking personal links and codes (audited). The secrets are returned once, never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..access import code_digest, format_code, link_digest, new_code, new_link_token
from ..models import DEFAULT_ACCESS_DAYS, StaffAccess


@dataclass
class IssuedAccess:
    person: object
    token: str  # the personal link's secret
    code: str  # the personal code, formatted ABCD-EFGH
    expires_at: object


@transaction.atomic
def staff_access_issue(
    *, people: list, actor, unit=None, days: int = DEFAULT_ACCESS_DAYS
) -> list[IssuedAccess]:
    """Give each person a new personal link and code, revoking the ones they had (4 queries for any number)."""
    if not 1 <= days <= 730:
        raise ValidationError({"days": _("Thời hạn phải từ 1 đến 730 ngày.")})
    people = list(people)
    if not people:
        raise ValidationError(_("Không có ai để cấp mã: đơn vị chưa có người đang công tác trong danh sách."))
    now = timezone.now()
    expires = now + timedelta(days=days)
    StaffAccess.objects.filter(person__in=people, revoked_at__isnull=True).update(revoked_at=now)
    issued, rows = [], []
    for person in people:
        token, code = new_link_token(), new_code()
        for kind, digest, hint in (
            ("link", link_digest(token), token[-4:]),
            ("code", code_digest(code), code[-4:]),
        ):
            rows.append(
                StaffAccess(
                    person=person, kind=kind, digest=digest, hint=hint, created_by=actor, expires_at=expires
                )
            )
        issued.append(IssuedAccess(person=person, token=token, code=format_code(code), expires_at=expires))
    StaffAccess.objects.bulk_create(rows, batch_size=1000)
    audit(
        actor=actor,
        action="training.access.issue",
        obj=unit if unit is not None and len(people) > 1 else people[0],
        unit=unit or people[0].unit,
        summary=f"Cấp đường dẫn và mã cá nhân mới cho {len(people)} người (hạn {days} ngày); mã cũ bị thu hồi",
        data={"people": [p.pk for p in people][:5000], "days": days},
    )
    return issued


@transaction.atomic
def staff_access_revoke(*, person, actor) -> int:
    count = StaffAccess.objects.filter(person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if count == 0:
        raise ValidationError(_("Người này không có đường dẫn hay mã cá nhân nào đang hiệu lực."))
    audit(
        actor=actor,
        action="training.access.revoke",
        obj=person,
        unit=person.unit,
        summary=f"Thu hồi đường dẫn và mã cá nhân của {person.full_name}",
    )
    return count
