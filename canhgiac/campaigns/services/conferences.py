"""Conferences: planned by a unit, confirmed by the coordinator, held, reported — or cancelled."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.knowledge.filetypes import FORMATS, MB, detect_format, human_size

from ..models import Campaign, Conference, ConferenceFile
from .campaigns import obligation_refresh_conferences, participant_for_unit
from .speakers import _when, speakers_recheck

CONFERENCE_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "mode",
    "venue",
    "online_link",
    "audience",
    "expected_attendance",
    "speaker_requested",
    "request_note",
)
# What a report may carry, checked by content (knowledge.filetypes), never by name: minutes as documents,
# photos as raster images (no SVG: it can carry script), scanned sign-in sheets as PDF or photos.
FILE_FORMATS = {
    ConferenceFile.Kind.MINUTES: {"pdf", "docx", "odt"},
    ConferenceFile.Kind.PHOTO: {"jpeg", "png", "webp"},
    ConferenceFile.Kind.SIGNIN: {"pdf", "jpeg", "png", "webp"},
}
FILE_MAX_BYTES = 20 * MB
FILE_MAX_PER_CONFERENCE = 40


def _validate(values: dict, campaign: Campaign) -> None:
    errors = {}
    starts_at, ends_at = values.get("starts_at"), values.get("ends_at")
    if starts_at and ends_at:
        if ends_at <= starts_at:
            errors["ends_at"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        if timezone.localdate(starts_at) < campaign.starts_on:
            errors["starts_at"] = _("Chiến dịch bắt đầu từ %(day)s; hội nghị phải từ ngày đó trở đi.") % {
                "day": campaign.starts_on.strftime("%d/%m/%Y")
            }
    mode = values.get("mode")
    if (
        mode in {Conference.Mode.IN_PERSON, Conference.Mode.HYBRID}
        and not (values.get("venue") or "").strip()
    ):
        errors["venue"] = _("Ghi địa điểm tổ chức (ví dụ: Hội trường UBND phường, tầng 2).")
    if mode in {Conference.Mode.ONLINE, Conference.Mode.HYBRID}:
        link = (values.get("online_link") or "").strip()
        if not link.startswith(("https://", "http://")):
            errors["online_link"] = _("Ghi đường dẫn phòng họp trực tuyến, bắt đầu bằng https://.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def conference_plan(*, campaign: Campaign, unit, actor, methods=(), **values) -> Conference:
    """A unit plans a conference of a running campaign (status "đã đăng ký")."""
    if campaign.status != Campaign.Status.ACTIVE:
        raise ValidationError(
            _("Chiến dịch “%(title)s” không còn nhận đăng ký hội nghị.") % {"title": campaign.title}
        )
    if participant_for_unit(campaign=campaign, unit=unit) is None:
        raise ValidationError(
            {"unit": _("%(unit)s không thuộc các đơn vị thực hiện chiến dịch này.") % {"unit": unit.name}}
        )
    values = {k: v for k, v in values.items() if k in CONFERENCE_FIELDS}
    _validate(values, campaign)
    conference = Conference(campaign=campaign, unit=unit, created_by=actor, **values)
    conference.full_clean(exclude=["created_by", "campaign", "unit"])
    conference.save()
    conference.requested_methods.set(methods)
    audit(
        actor=actor,
        action="conference.plan",
        obj=conference,
        unit=unit,
        summary=f"Đăng ký hội nghị “{conference.title}” {_when(conference)}",
    )
    return conference


@transaction.atomic
def conference_update(*, conference: Conference, actor, methods=None, **values) -> Conference:
    conference = Conference.objects.select_for_update().select_related("campaign").get(pk=conference.pk)
    if conference.status not in {Conference.Status.PLANNED, Conference.Status.CONFIRMED}:
        raise ValidationError(_("Hội nghị đã diễn ra hoặc đã hủy; không sửa thông tin được."))
    values = {k: v for k, v in values.items() if k in CONFERENCE_FIELDS}
    merged = {k: getattr(conference, k) for k in CONFERENCE_FIELDS} | values
    _validate(merged, conference.campaign)
    moved = merged["starts_at"] != conference.starts_at or merged["ends_at"] != conference.ends_at
    if moved or merged["mode"] != conference.mode:
        errors = speakers_recheck(
            conference=conference,
            starts_at=merged["starts_at"],
            ends_at=merged["ends_at"],
            unit_id=conference.unit_id,
            mode=merged["mode"],
        )
        if errors:
            raise ValidationError(
                [_("Không đổi giờ được vì báo cáo viên đã phân công sẽ bị trùng lịch:"), *errors]
            )
    for key, value in values.items():
        setattr(conference, key, value)
    conference.full_clean(exclude=["created_by", "campaign", "unit"])
    conference.save()
    if methods is not None:
        conference.requested_methods.set(methods)
    audit(
        actor=actor,
        action="conference.update",
        obj=conference,
        unit=conference.unit,
        summary=f"Sửa hội nghị “{conference.title}” ({_when(conference)})",
    )
    return conference


def _locked(conference: Conference) -> Conference:
    return Conference.objects.select_for_update().select_related("unit", "campaign").get(pk=conference.pk)


@transaction.atomic
def conference_confirm(*, conference: Conference, actor) -> Conference:
    """The coordinator confirms the conference (with its speakers, when the unit asked for some)."""
    conference = _locked(conference)
    if conference.status != Conference.Status.PLANNED:
        raise ValidationError(_("Chỉ xác nhận được hội nghị đang ở trạng thái “Đã đăng ký”."))
    if conference.speaker_requested and not conference.assignments.exists():
        raise ValidationError(
            _("Đơn vị đề nghị cử báo cáo viên: hãy phân công ít nhất một báo cáo viên trước khi xác nhận.")
        )
    conference.status = Conference.Status.CONFIRMED
    conference.confirmed_at, conference.confirmed_by = timezone.now(), actor
    conference.save(update_fields=["status", "confirmed_at", "confirmed_by", "updated_at"])
    audit(
        actor=actor,
        action="conference.confirm",
        obj=conference,
        unit=conference.unit,
        summary=f"Xác nhận hội nghị “{conference.title}” ({_when(conference)})",
    )
    return conference


@transaction.atomic
def conference_mark_held(*, conference: Conference, actor, now: datetime | None = None) -> Conference:
    conference = _locked(conference)
    now = now or timezone.now()
    if conference.status not in {Conference.Status.PLANNED, Conference.Status.CONFIRMED}:
        raise ValidationError(
            _("Hội nghị đang ở trạng thái “%(status)s”.") % {"status": conference.get_status_display()}
        )
    if now < conference.starts_at:
        raise ValidationError(
            _("Hội nghị chưa bắt đầu (khai mạc lúc %(when)s); chỉ xác nhận đã tổ chức sau giờ khai mạc.")
            % {"when": _when(conference)}
        )
    conference.status = Conference.Status.HELD
    conference.held_marked_at = now
    conference.save(update_fields=["status", "held_marked_at", "updated_at"])
    _refresh_obligation(conference)
    audit(
        actor=actor,
        action="conference.held",
        obj=conference,
        unit=conference.unit,
        summary=f"Xác nhận đã tổ chức hội nghị “{conference.title}”",
    )
    return conference


@transaction.atomic
def conference_report(*, conference: Conference, actor, minutes: str) -> Conference:
    """Close the conference with its minutes: needs a summary and proof of attendance (check-ins or a scanned
    sign-in sheet)."""
    conference = _locked(conference)
    if conference.status != Conference.Status.HELD:
        raise ValidationError(_("Hãy xác nhận hội nghị đã tổ chức trước khi gửi báo cáo hội nghị."))
    minutes = (minutes or "").strip()
    if len(minutes) < 30:
        raise ValidationError(
            {
                "minutes": _(
                    "Tóm tắt kết quả quá ngắn: ghi nội dung đã tuyên truyền, số người dự, ý kiến trao đổi."
                )
            }
        )
    if (
        not conference.attendances.exists()
        and not conference.files.filter(kind=ConferenceFile.Kind.SIGNIN).exists()
    ):
        raise ValidationError(
            _(
                "Chưa có người tham dự nào được ghi nhận và chưa có danh sách ký tên: hãy điểm danh, nhập danh sách "
                "hoặc tải lên bản chụp danh sách ký tên."
            )
        )
    conference.minutes = minutes
    conference.status = Conference.Status.REPORTED
    conference.reported_at, conference.reported_by = timezone.now(), actor
    conference.save(update_fields=["minutes", "status", "reported_at", "reported_by", "updated_at"])
    _refresh_obligation(conference)
    audit(
        actor=actor,
        action="conference.report",
        obj=conference,
        unit=conference.unit,
        summary=f"Báo cáo kết quả hội nghị “{conference.title}”",
    )
    return conference


@transaction.atomic
def conference_cancel(*, conference: Conference, actor, reason: str) -> Conference:
    conference = _locked(conference)
    reason = (reason or "").strip()
    if conference.status not in {Conference.Status.PLANNED, Conference.Status.CONFIRMED}:
        raise ValidationError(_("Chỉ hủy được hội nghị chưa diễn ra."))
    if not reason:
        raise ValidationError({"reason": _("Ghi lý do hủy để đơn vị và báo cáo viên được biết.")})
    if conference.attendances.exists():
        raise ValidationError(
            _(
                "Hội nghị đã có người điểm danh; không hủy được. Nếu hội nghị đã diễn ra, hãy xác nhận đã tổ chức."
            )
        )
    conference.status = Conference.Status.CANCELLED
    conference.cancelled_at, conference.cancel_reason = timezone.now(), reason[:300]
    conference.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    audit(
        actor=actor,
        action="conference.cancel",
        obj=conference,
        unit=conference.unit,
        summary=f"Hủy hội nghị “{conference.title}”: {reason[:200]}",
    )
    return conference


def _refresh_obligation(conference: Conference) -> None:
    participant = participant_for_unit(campaign=conference.campaign, unit=conference.unit)
    if participant is not None:
        obligation_refresh_conferences(participant=participant)


@transaction.atomic
def conference_file_add(*, conference: Conference, kind: str, upload, actor) -> ConferenceFile:
    name = (getattr(upload, "name", "") or "tệp").rsplit("/", 1)[-1][:120]
    if conference.status == Conference.Status.CANCELLED:
        raise ValidationError(_("Hội nghị đã hủy."))
    if kind not in FILE_FORMATS:
        raise ValidationError(_("Loại tệp không hợp lệ."))
    if conference.files.count() >= FILE_MAX_PER_CONFERENCE:
        raise ValidationError(
            _("Mỗi hội nghị lưu tối đa %(n)s tệp; hãy xóa bớt tệp không cần.")
            % {"n": FILE_MAX_PER_CONFERENCE}
        )
    if upload.size > FILE_MAX_BYTES:
        raise ValidationError(
            _(
                "Tệp “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s. Hãy nén hoặc giảm độ phân giải rồi tải lên lại."
            )
            % {"name": name, "size": human_size(upload.size), "limit": human_size(FILE_MAX_BYTES)}
        )
    fmt = detect_format(upload, name)
    allowed = FILE_FORMATS[kind]
    if fmt not in allowed:
        labels = ", ".join(FORMATS[f].label for f in sorted(allowed))
        raise ValidationError(
            _("Tệp “%(name)s” là %(format)s; mục “%(kind)s” nhận: %(allowed)s.")
            % {
                "name": name,
                "format": FORMATS[fmt].label,
                "kind": ConferenceFile.Kind(kind).label,
                "allowed": labels,
            }
        )
    item = ConferenceFile(
        conference=conference,
        kind=kind,
        file_format=fmt,
        original_name=name,
        size=upload.size,
        uploaded_by=actor,
    )
    item.file.save(name, upload, save=False)
    item.save()
    audit(
        actor=actor,
        action="conference.file_add",
        obj=conference,
        unit=conference.unit,
        summary=f"Tải lên {item.get_kind_display().lower()}: {name}",
    )
    return item


@transaction.atomic
def conference_file_remove(*, item: ConferenceFile, actor) -> None:
    conference = item.conference
    if conference.status == Conference.Status.REPORTED:
        raise ValidationError(_("Hội nghị đã báo cáo; hồ sơ được giữ nguyên."))
    audit(
        actor=actor,
        action="conference.file_remove",
        obj=conference,
        unit=conference.unit,
        summary=f"Xóa tệp {item.original_name}",
    )
    item.file.delete(save=False)
    item.delete()
