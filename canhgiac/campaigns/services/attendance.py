"""Attendance at conferences: self check-in by QR code, walk-in guests, marking by hand, and the Reach that a
check-in records when the campaign counts attendance. Every check-in is written to the audit log."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.org.models import Person

from ..models import CHECK_IN_OPENS_BEFORE, Attendance, Conference, Reach
from .reach import reach_rebuild, reach_record


def _fmt(value: datetime) -> str:
    return timezone.localtime(value).strftime("%H:%M ngày %d/%m/%Y")


def window_problem(conference: Conference, now: datetime) -> str:
    """Why a self check-in is refused right now, or ""."""
    if conference.status == Conference.Status.CANCELLED:
        return _("Hội nghị này đã bị hủy (%(reason)s); không điểm danh được.") % {
            "reason": conference.cancel_reason
        }
    if conference.status == Conference.Status.REPORTED:
        return _("Hội nghị đã kết thúc và đã được báo cáo; không điểm danh thêm được.")
    state = conference.checkin_window(now)
    if state == "before":
        return _(
            "Chưa đến giờ điểm danh. Điểm danh mở từ %(opens)s (%(minutes)s phút trước giờ khai mạc)."
        ) % {
            "opens": _fmt(conference.checkin_opens_at),
            "minutes": int(CHECK_IN_OPENS_BEFORE.total_seconds() // 60),
        }
    if state == "after":
        return _(
            "Đã hết thời gian điểm danh: hội nghị kết thúc lúc %(ends)s. Nếu bạn có tham dự, hãy báo đầu mối "
            "đơn vị để được ghi nhận."
        ) % {"ends": _fmt(conference.ends_at)}
    return ""


def _reach(conference: Conference, attendance: Attendance) -> None:
    if attendance.person_id and conference.campaign.counts_attendance:
        from .reach import in_audience

        if in_audience(conference.campaign, attendance.person):
            reach_record(
                person=attendance.person,
                campaign=conference.campaign,
                via=Reach.Via.CONFERENCE,
                at=attendance.checked_in_at,
                conference=conference,
            )


def _create(conference: Conference, **values) -> tuple[Attendance, bool]:
    try:
        with transaction.atomic():
            return Attendance.objects.create(conference=conference, **values), True
    except IntegrityError:  # the same person (or phone) at the same moment from two taps
        lookup = (
            {"person": values["person"]}
            if values.get("person")
            else {"phone": values["phone"], "person": None}
        )
        return Attendance.objects.get(conference=conference, **lookup), False


@transaction.atomic
def attendance_check_in(
    *, conference: Conference, person: Person, now: datetime | None = None
) -> tuple[Attendance, bool]:
    """A staff member checks in on their phone (identified by personal link or code). Idempotent: a second
    check-in returns the first one and `created` False."""
    now = now or timezone.now()
    existing = Attendance.objects.filter(conference=conference, person=person).first()
    if existing is not None:
        return existing, False
    problem = window_problem(conference, now)
    if problem:
        raise ValidationError(problem, code="window")
    if person.status != Person.Status.ACTIVE:
        raise ValidationError(_("Bạn không còn trong danh sách đang công tác; hãy liên hệ đầu mối đơn vị."))
    attendance, created = _create(
        conference, person=person, full_name=person.full_name, via=Attendance.Via.QR, checked_in_at=now
    )
    if created:
        _reach(conference, attendance)
        audit(
            actor=None,
            actor_label=f"{person.full_name} (mã cá nhân)",
            action="attendance.check_in",
            obj=conference,
            unit=conference.unit,
            summary=f"{person.full_name} ({person.unit.name}) tự điểm danh",
            data={"person": person.pk, "via": "qr"},
        )
    return attendance, created


@transaction.atomic
def attendance_walk_in(
    *, conference: Conference, full_name: str, unit_text: str, phone: str, now: datetime | None = None
) -> tuple[Attendance, bool]:
    """Somebody not on a roster (or without their code) signs in as a guest: recorded, never counted."""
    from canhgiac.org.phones import PhoneError, normalise_phone

    now = now or timezone.now()
    full_name = " ".join((full_name or "").split())[:150]
    errors = {}
    if len(full_name.split()) < 2:
        errors["full_name"] = _("Ghi đủ họ và tên.")
    try:
        phone, _note = normalise_phone((phone or "").strip())
    except PhoneError as exc:
        errors["phone"] = str(exc)
    if errors:
        raise ValidationError(errors)
    existing = Attendance.objects.filter(conference=conference, person__isnull=True, phone=phone).first()
    if existing is not None:
        return existing, False
    problem = window_problem(conference, now)
    if problem:
        raise ValidationError(problem, code="window")
    attendance, created = _create(
        conference,
        person=None,
        full_name=full_name,
        unit_text=" ".join((unit_text or "").split())[:200],
        phone=phone,
        via=Attendance.Via.WALK_IN,
        checked_in_at=now,
    )
    if created:
        audit(
            actor=None,
            actor_label=f"{full_name} (khách tự khai)",
            action="attendance.walk_in",
            obj=conference,
            unit=conference.unit,
            summary=f"Khách {full_name} ({attendance.unit_text or 'không ghi đơn vị'}) ghi danh",
            data={"phone": phone},
        )
    return attendance, created


def _manager_can_record(conference: Conference, now: datetime) -> None:
    if not conference.accepts_attendance:
        raise ValidationError(
            _("Hội nghị đang ở trạng thái “%(status)s”; không sửa danh sách tham dự được.")
            % {"status": conference.get_status_display()}
        )
    if now < conference.checkin_opens_at:
        raise ValidationError(_("Hội nghị chưa diễn ra; chỉ ghi nhận người tham dự từ giờ điểm danh."))


@transaction.atomic
def attendance_mark(
    *, conference: Conference, person: Person, actor, now: datetime | None = None
) -> tuple[Attendance, bool]:
    """The unit manager ticks a person of the roster as present (idempotent)."""
    now = now or timezone.now()
    _manager_can_record(conference, now)
    if not person.unit.path.startswith(conference.unit.path):
        raise ValidationError(
            _("%(name)s không thuộc %(unit)s; người ngoài đơn vị tự điểm danh bằng mã QR hoặc ghi là khách.")
            % {"name": person.full_name, "unit": conference.unit.name}
        )
    existing = Attendance.objects.filter(conference=conference, person=person).first()
    if existing is not None:
        return existing, False
    checked_at = min(now, conference.ends_at)
    attendance, created = _create(
        conference,
        person=person,
        full_name=person.full_name,
        via=Attendance.Via.MANUAL,
        checked_in_at=max(checked_at, conference.starts_at),
        recorded_by=actor,
    )
    if created:
        _reach(conference, attendance)
        audit(
            actor=actor,
            action="attendance.mark",
            obj=conference,
            unit=conference.unit,
            summary=f"Đánh dấu {person.full_name} có mặt",
            data={"person": person.pk, "via": "manual"},
        )
    return attendance, created


@transaction.atomic
def attendance_unmark(*, conference: Conference, person: Person, actor) -> bool:
    """Withdraw a person's attendance (a mistake); their Reach is re-derived from what remains."""
    if not conference.accepts_attendance:
        raise ValidationError(_("Hội nghị đã báo cáo; danh sách tham dự được giữ nguyên."))
    deleted, _rows = Attendance.objects.filter(conference=conference, person=person).delete()
    if deleted:
        reach_rebuild(campaign=conference.campaign, person_ids=[person.pk])
        audit(
            actor=actor,
            action="attendance.unmark",
            obj=conference,
            unit=conference.unit,
            summary=f"Bỏ đánh dấu {person.full_name}",
            data={"person": person.pk},
        )
    return bool(deleted)


@transaction.atomic
def attendance_remove_walk_in(*, attendance: Attendance, actor) -> None:
    conference = attendance.conference
    if not conference.accepts_attendance or attendance.person_id:
        raise ValidationError(_("Không xóa được dòng này."))
    audit(
        actor=actor,
        action="attendance.walk_in_remove",
        obj=conference,
        unit=conference.unit,
        summary=f"Xóa khách {attendance.full_name}",
    )
    attendance.delete()
