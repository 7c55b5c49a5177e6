"""The speaker pool and assignments, with conflict detection.

A speaker cannot be in two places at once, and Quảng Ninh is large: Hạ Long to Móng Cái or Cô Tô is hours by
road or boat. Two in-person conferences in different units therefore need TRAVEL_BUFFER between the end of one
and the start of the next; the same unit (same venue or the next building) or an online conference needs none.
Busy periods (duty, leave) and the weekdays a speaker takes conferences are respected too. A week with more
than the speaker's `max_per_week` sessions is allowed but returns a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..models import Conference, ConferenceSpeaker, Speaker, SpeakerBusy

TRAVEL_BUFFER = timedelta(minutes=60)
SPEAKER_FIELDS = (
    "user",
    "full_name",
    "title",
    "unit",
    "phone",
    "email",
    "bio",
    "available_weekdays",
    "max_per_week",
    "is_active",
)


def _when(conference: Conference) -> str:
    start, end = timezone.localtime(conference.starts_at), timezone.localtime(conference.ends_at)
    return f"{start:%H:%M}–{end:%H:%M} ngày {start:%d/%m/%Y}"


@dataclass
class Check:
    errors: list[str]
    warnings: list[str]


def speaker_check(
    *,
    speaker: Speaker,
    starts_at: datetime,
    ends_at: datetime,
    unit_id: int,
    mode: str,
    exclude_conference_id: int | None = None,
) -> Check:
    """What stands in the way of `speaker` taking a conference at that time (errors) or should be weighed
    (warnings). One query for bookings, one for busy periods, one for the week's load."""
    errors, warnings = [], []
    if not speaker.is_active:
        errors.append(_("%(name)s hiện không nhận báo cáo.") % {"name": speaker.full_name})
    local_start = timezone.localtime(starts_at)
    if not speaker.works_on(local_start.date()):
        errors.append(
            _("%(name)s không nhận báo cáo vào %(day)s (chỉ nhận: %(days)s).")
            % {
                "name": speaker.full_name,
                "day": WEEKDAY_NAMES[local_start.weekday()],
                "days": ", ".join(speaker.weekday_labels()),
            }
        )
    bookings = (
        ConferenceSpeaker.objects.filter(
            speaker=speaker,
            conference__starts_at__lt=ends_at + TRAVEL_BUFFER,
            conference__ends_at__gt=starts_at - TRAVEL_BUFFER,
        )
        .exclude(conference__status=Conference.Status.CANCELLED)
        .select_related("conference__unit")
    )
    if exclude_conference_id:
        bookings = bookings.exclude(conference_id=exclude_conference_id)
    for booking in bookings:
        other = booking.conference
        overlap = other.starts_at < ends_at and other.ends_at > starts_at
        needs_travel = (
            other.unit_id != unit_id
            and mode != Conference.Mode.ONLINE
            and other.mode != Conference.Mode.ONLINE
        )
        if overlap:
            errors.append(
                _("%(name)s đã được phân công hội nghị “%(title)s” (%(unit)s) lúc %(when)s, trùng giờ.")
                % {
                    "name": speaker.full_name,
                    "title": other.title,
                    "unit": other.unit.name,
                    "when": _when(other),
                }
            )
        elif needs_travel:
            errors.append(
                _(
                    "%(name)s có hội nghị “%(title)s” tại %(unit)s lúc %(when)s: không đủ %(minutes)s phút di "
                    "chuyển giữa hai nơi."
                )
                % {
                    "name": speaker.full_name,
                    "title": other.title,
                    "unit": other.unit.name,
                    "when": _when(other),
                    "minutes": int(TRAVEL_BUFFER.total_seconds() // 60),
                }
            )
    for busy in SpeakerBusy.objects.filter(speaker=speaker, starts_at__lt=ends_at, ends_at__gt=starts_at):
        errors.append(
            _("%(name)s bận từ %(start)s đến %(end)s (%(reason)s).")
            % {
                "name": speaker.full_name,
                "start": timezone.localtime(busy.starts_at).strftime("%H:%M %d/%m/%Y"),
                "end": timezone.localtime(busy.ends_at).strftime("%H:%M %d/%m/%Y"),
                "reason": busy.reason,
            }
        )
    if not errors and speaker.max_per_week:
        monday = local_start.date() - timedelta(days=local_start.weekday())
        week_start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
        week = (
            ConferenceSpeaker.objects.filter(
                speaker=speaker,
                conference__starts_at__gte=week_start,
                conference__starts_at__lt=week_start + timedelta(days=7),
            )
            .exclude(conference__status=Conference.Status.CANCELLED)
            .exclude(conference_id=exclude_conference_id or 0)
            .count()
        )
        if week + 1 > speaker.max_per_week:
            warnings.append(
                _(
                    "%(name)s sẽ có %(n)s buổi trong tuần từ %(monday)s, vượt mức %(max)s buổi/tuần đã đăng ký."
                )
                % {
                    "name": speaker.full_name,
                    "n": week + 1,
                    "monday": monday.strftime("%d/%m"),
                    "max": speaker.max_per_week,
                }
            )
    return Check(errors, warnings)


def check_for_conference(speaker: Speaker, conference: Conference) -> Check:
    """speaker_check for a conference as it is planned (its own booking left out)."""
    return speaker_check(
        speaker=speaker,
        starts_at=conference.starts_at,
        ends_at=conference.ends_at,
        unit_id=conference.unit_id,
        mode=conference.mode,
        exclude_conference_id=conference.pk,
    )


WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


@transaction.atomic
def speaker_assign(
    *, conference: Conference, speaker: Speaker, actor, topic: str = ""
) -> tuple[ConferenceSpeaker, list[str]]:
    """Assign a speaker (coordinator). Refused with the reason when it would double-book them; returns the
    assignment and any warnings. The speaker's row is locked so two coordinators cannot book them at once."""
    speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
    conference = Conference.objects.select_for_update().select_related("unit").get(pk=conference.pk)
    if conference.status not in {Conference.Status.PLANNED, Conference.Status.CONFIRMED}:
        raise ValidationError(
            _("Hội nghị đang ở trạng thái “%(status)s”; chỉ phân công được khi hội nghị chưa diễn ra.")
            % {"status": conference.get_status_display()}
        )
    if ConferenceSpeaker.objects.filter(conference=conference, speaker=speaker).exists():
        raise ValidationError(_("%(name)s đã được phân công cho hội nghị này.") % {"name": speaker.full_name})
    check = check_for_conference(speaker, conference)
    if check.errors:
        raise ValidationError(check.errors)
    assignment = ConferenceSpeaker.objects.create(
        conference=conference, speaker=speaker, topic=topic[:300], assigned_by=actor
    )
    audit(
        actor=actor,
        action="conference.speaker_assign",
        obj=conference,
        unit=conference.unit,
        summary=f"Phân công {speaker.full_name} báo cáo tại “{conference.title}” ({_when(conference)})",
    )
    return assignment, check.warnings


@transaction.atomic
def speaker_unassign(*, assignment: ConferenceSpeaker, actor) -> None:
    conference = assignment.conference
    if conference.status not in {Conference.Status.PLANNED, Conference.Status.CONFIRMED}:
        raise ValidationError(_("Hội nghị đã diễn ra; không thay đổi phân công được."))
    audit(
        actor=actor,
        action="conference.speaker_unassign",
        obj=conference,
        unit=conference.unit,
        summary=f"Thôi phân công {assignment.speaker.full_name} tại “{conference.title}”",
    )
    assignment.delete()


def speakers_recheck(
    *, conference: Conference, starts_at: datetime, ends_at: datetime, unit_id: int, mode: str
) -> list[str]:
    """Conflicts the assigned speakers would have if the conference moved to this time (for edits)."""
    errors = []
    for assignment in conference.assignments.select_related("speaker"):
        errors += speaker_check(
            speaker=assignment.speaker,
            starts_at=starts_at,
            ends_at=ends_at,
            unit_id=unit_id,
            mode=mode,
            exclude_conference_id=conference.pk,
        ).errors
    return errors


@transaction.atomic
def speaker_save(*, actor, speaker: Speaker | None = None, methods=None, **values) -> Speaker:
    creating = speaker is None
    speaker = speaker or Speaker()
    for key, value in values.items():
        if key in SPEAKER_FIELDS:
            setattr(speaker, key, value)
    if speaker.user_id:
        from canhgiac.core.roles import Role

        if not speaker.user.memberships.filter(role=Role.SPEAKER, is_active=True).exists():
            raise ValidationError({"user": _("Tài khoản này chưa có vai trò báo cáo viên.")})
        clash = Speaker.objects.filter(user_id=speaker.user_id).exclude(pk=speaker.pk).first()
        if clash:
            raise ValidationError(
                {"user": _("Tài khoản này đã gắn với hồ sơ %(name)s.") % {"name": clash.full_name}}
            )
    if any(d not in range(7) for d in speaker.available_weekdays):
        raise ValidationError({"available_weekdays": _("Ngày trong tuần không hợp lệ.")})
    speaker.full_clean(exclude=["user", "unit"])
    speaker.save()
    if methods is not None:
        speaker.methods.set(methods)
    audit(
        actor=actor,
        action="speaker.create" if creating else "speaker.update",
        obj=speaker,
        summary=f"{'Thêm' if creating else 'Sửa'} báo cáo viên {speaker.full_name}",
    )
    return speaker


@transaction.atomic
def speaker_busy_add(
    *, speaker: Speaker, starts_at: datetime, ends_at: datetime, reason: str, actor
) -> SpeakerBusy:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do bận (ví dụ: trực ban, nghỉ phép, tập huấn).")})
    clash = (
        ConferenceSpeaker.objects.filter(
            speaker=speaker, conference__starts_at__lt=ends_at, conference__ends_at__gt=starts_at
        )
        .exclude(conference__status=Conference.Status.CANCELLED)
        .select_related("conference")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            _(
                "Khoảng thời gian này trùng hội nghị “%(title)s” (%(when)s) đã phân công; hãy thôi phân công trước."
            )
            % {"title": clash.conference.title, "when": _when(clash.conference)}
        )
    busy = SpeakerBusy.objects.create(
        speaker=speaker, starts_at=starts_at, ends_at=ends_at, reason=reason.strip()[:200]
    )
    audit(
        actor=actor, action="speaker.busy_add", obj=speaker, summary=f"{speaker.full_name} bận: {busy.reason}"
    )
    return busy


@transaction.atomic
def speaker_busy_remove(*, busy: SpeakerBusy, actor) -> None:
    audit(actor=actor, action="speaker.busy_remove", obj=busy.speaker, summary=f"Bỏ lịch bận: {busy.reason}")
    busy.delete()
