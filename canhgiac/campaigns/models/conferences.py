"""Conferences (hội nghị tuyên truyền): planned by a unit, confirmed by the coordinator with police speakers,
held with attendance, then reported with minutes, photos and scanned sign-in sheets."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_paths, scope_q
from canhgiac.core.uploads import server_path, suffix_of

# Check-in opens this long before the start (people arrive early and queue at the door) and closes at the
# planned end: after that a QR photo passed around could check in people who never came. Late corrections
# go through the manager's attendance page (by hand or by import of the signed sheet).
CHECK_IN_OPENS_BEFORE = timedelta(minutes=30)


def new_checkin_token() -> str:
    return secrets.token_urlsafe(12)


class ConferenceQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        """The viewer's subtrees (the one scoping rule), plus the conferences a speaker is assigned to."""
        if user is None or not user.is_authenticated:
            return self.none()
        if scope_paths(user, roles) is None:  # the whole province (an empty Q would swallow the OR below)
            return self.all()
        assigned = ConferenceSpeaker.objects.filter(conference=OuterRef("pk"), speaker__user=user)
        return self.filter(scope_q(user, "unit", roles=roles) | Q(Exists(assigned)))

    def managed_by(self, user):
        from canhgiac.core.roles import MANAGE_ROLES

        return self.filter(scope_q(user, "unit", roles=MANAGE_ROLES))

    def live(self):
        return self.exclude(status=Conference.Status.CANCELLED)


class Conference(TimeStamped):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã đăng ký")
        CONFIRMED = "confirmed", _("Đã xác nhận")
        HELD = "held", _("Đã tổ chức")
        REPORTED = "reported", _("Đã báo cáo")
        CANCELLED = "cancelled", _("Đã hủy")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        ONLINE = "online", _("Trực tuyến")
        HYBRID = "hybrid", _("Trực tiếp kết hợp trực tuyến")

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("chiến dịch"),
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên hội nghị"), max_length=255)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    mode = models.CharField(_("hình thức"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    venue = models.CharField(_("địa điểm"), max_length=255, blank=True)
    online_link = models.CharField(_("đường dẫn phòng họp trực tuyến"), max_length=500, blank=True)
    audience = models.CharField(
        _("thành phần tham dự"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: toàn thể cán bộ, công chức phường."),
    )
    expected_attendance = models.PositiveIntegerField(_("số người dự kiến"), default=0)
    speaker_requested = models.BooleanField(_("đề nghị Công an tỉnh cử báo cáo viên"), default=True)
    requested_methods = models.ManyToManyField(
        "knowledge.ScamMethod", verbose_name=_("chuyên đề mong muốn"), blank=True, related_name="+"
    )
    request_note = models.CharField(_("đề nghị khác"), max_length=500, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    checkin_token = models.CharField(max_length=32, unique=True, default=new_checkin_token, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_marked_at = models.DateTimeField(null=True, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes = models.TextField(
        _("tóm tắt kết quả hội nghị"),
        blank=True,
        help_text=_("Nội dung đã tuyên truyền, ý kiến trao đổi, kiến nghị."),
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(_("lý do hủy"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("hội nghị tuyên truyền")
        verbose_name_plural = _("hội nghị tuyên truyền")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="conference_times"),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancel_reason=""), name="conference_cancel_reason"
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "starts_at"]),
            models.Index(fields=["unit", "starts_at"]),
            models.Index(fields=["starts_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:conference_detail", args=[self.pk])

    def get_checkin_url(self):
        return reverse("campaigns:checkin", args=[self.checkin_token])

    @property
    def is_online(self) -> bool:
        return self.mode == self.Mode.ONLINE

    @property
    def checkin_opens_at(self):
        return self.starts_at - CHECK_IN_OPENS_BEFORE

    def checkin_window(self, now=None) -> str:
        """ "before", "open" or "after" the check-in window."""
        now = now or timezone.now()
        if now < self.checkin_opens_at:
            return "before"
        if now > self.ends_at:
            return "after"
        return "open"

    @property
    def accepts_attendance(self) -> bool:
        """Attendance may be recorded (by QR, by hand or by import) in these states."""
        return self.status in {self.Status.PLANNED, self.Status.CONFIRMED, self.Status.HELD}

    @property
    def has_started(self) -> bool:
        return timezone.now() >= self.starts_at

    @property
    def local_date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def duration_hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    def status_badge(self) -> str:
        return STATUS_BADGES[self.status]


STATUS_BADGES = {
    Conference.Status.PLANNED: "text-bg-secondary",
    Conference.Status.CONFIRMED: "text-bg-primary",
    Conference.Status.HELD: "text-bg-info",
    Conference.Status.REPORTED: "text-bg-success",
    Conference.Status.CANCELLED: "text-bg-light border text-decoration-line-through",
}


class ConferenceSpeaker(models.Model):
    """A speaker assigned to a conference by the coordinator."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="assignments")
    speaker = models.ForeignKey("campaigns.Speaker", on_delete=models.PROTECT, related_name="assignments")
    topic = models.CharField(_("nội dung đảm nhận"), max_length=300, blank=True)
    assigned_at = models.DateTimeField(default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("phân công báo cáo viên")
        verbose_name_plural = _("phân công báo cáo viên")
        ordering = ["assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "speaker"], name="conference_speaker_unique")
        ]

    def __str__(self):
        return f"{self.speaker_id} @ {self.conference_id}"


def conference_file_upload_to(instance, filename: str) -> str:
    """A path the server chooses; only the detected extension is kept."""
    from canhgiac.knowledge.filetypes import stored_path

    return stored_path("campaigns/conferences", instance.file_format, filename)


class ConferenceFile(models.Model):
    class Kind(models.TextChoices):
        MINUTES = "minutes", _("Biên bản, báo cáo hội nghị")
        PHOTO = "photo", _("Ảnh hội nghị")
        SIGNIN = "signin", _("Danh sách ký tên (bản chụp, bản quét)")

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tệp"), max_length=8, choices=Kind.choices)
    file = models.FileField(upload_to=conference_file_upload_to, max_length=255)
    file_format = models.CharField(max_length=10)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tệp của hội nghị")
        verbose_name_plural = _("tệp của hội nghị")
        ordering = ["kind", "uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.file_format in {"png", "jpeg", "webp"}

    def get_download_url(self):
        return reverse("campaigns:conference_file", args=[self.conference_id, self.pk])


class AttendanceQuerySet(models.QuerySet):
    def counted(self):
        return self.filter(person__isnull=False)

    def walk_ins(self):
        return self.filter(person__isnull=True)


class Attendance(models.Model):
    """Somebody present at a conference: a person of a roster (counted in coverage) or a walk-in guest (name,
    unit and phone as given; never counted)."""

    class Via(models.TextChoices):
        QR = "qr", _("Tự điểm danh bằng mã QR")
        MANUAL = "manual", _("Đầu mối đánh dấu")
        IMPORT = "import", _("Nhập từ danh sách ký tên")
        WALK_IN = "walk_in", _("Khách tự khai")

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="conference_attendances"
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    unit_text = models.CharField(_("đơn vị (khách tự khai)"), max_length=200, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    via = models.CharField(max_length=8, choices=Via.choices)
    checked_in_at = models.DateTimeField(_("điểm danh lúc"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("người tham dự")
        verbose_name_plural = _("người tham dự")
        ordering = ["checked_in_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "person"], condition=Q(person__isnull=False), name="attendance_once"
            ),
            models.UniqueConstraint(
                fields=["conference", "phone"],
                condition=Q(person__isnull=True) & ~Q(phone=""),
                name="walk_in_once_per_phone",
            ),
        ]
        indexes = [models.Index(fields=["person", "conference"])]

    def __str__(self):
        return f"{self.full_name} @ {self.conference_id}"

    @property
    def is_walk_in(self) -> bool:
        return self.person_id is None


def attendance_import_upload_to(instance, filename: str) -> str:
    return server_path("campaigns/attendance", suffix_of(filename))


class AttendanceImport(models.Model):
    """A typed-up sign-in sheet uploaded for a conference: checked into a preview, then written all at once."""

    class Status(models.TextChoices):
        READY = "ready", _("Chờ xác nhận ghi")
        REJECTED = "rejected", _("Còn lỗi, chưa ghi")
        DONE = "done", _("Đã ghi")
        CANCELLED = "cancelled", _("Đã hủy")

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="imports")
    file = models.FileField(upload_to=attendance_import_upload_to, max_length=255)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=5)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READY)
    rows = models.JSONField(default=list)  # [{"row", "name", "outcome", "person", "message", ...}]
    counts = models.JSONField(default=dict)
    fatal = models.CharField(max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập danh sách tham dự")
        verbose_name_plural = _("lần nhập danh sách tham dự")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.original_name
