"""Unit reports on a campaign and their workflow, and the province report the police consolidate from them.

A responsible unit of a campaign (campaigns.CampaignUnit) owes one report: figures filled in from the data,
narrative written by its focal point, attachments. Workflow: draft → submitted → returned (with a reason) →
submitted … → accepted (locked). The province report is built from accepted unit reports only.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_q


class UnitReportQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        """The one scoping rule: reports of units in the viewer's subtrees."""
        return self.filter(scope_q(user, "unit", roles=roles))


class UnitReport(TimeStamped):
    """A responsible unit's report of results on a campaign."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã duyệt")

    participant = models.OneToOneField(
        "campaigns.CampaignUnit", on_delete=models.CASCADE, related_name="unit_report"
    )
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Optimistic locking: every save bumps it; a save made from an older version is refused (nothing lost).
    version = models.PositiveIntegerField(default=1)

    number = models.CharField(
        _("số, ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: 45/BC-UBND (không ghi chữ “Số:”).")
    )
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=120, blank=True, help_text=_("Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.")
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    results = models.TextField(_("kết quả thực hiện"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)

    # Figures, filled in from the data at every save of a draft and frozen when the report is accepted.
    figures_on = models.DateField(_("số liệu tính đến ngày"), null=True, blank=True)
    headcount = models.PositiveIntegerField(_("tổng số người thuộc đối tượng"), default=0)
    exempt = models.PositiveIntegerField(_("miễn, vắng dài hạn"), default=0)
    people = models.PositiveIntegerField(_("số người phải tuyên truyền"), default=0)
    reached = models.PositiveIntegerField(_("đã được tuyên truyền"), default=0)
    conferences_held = models.PositiveIntegerField(_("hội nghị đã tổ chức"), default=0)
    attendance = models.PositiveIntegerField(_("lượt người dự hội nghị"), default=0)
    pre_takers = models.PositiveIntegerField(_("số người kiểm tra đầu vào"), default=0)
    pre_avg = models.FloatField(_("điểm trung bình đầu vào (%)"), null=True, blank=True)
    post_takers = models.PositiveIntegerField(_("số người kiểm tra đầu ra"), default=0)
    post_avg = models.FloatField(_("điểm trung bình đầu ra (%)"), null=True, blank=True)
    weakest_methods = models.JSONField(_("phương thức còn yếu"), default=list, blank=True)

    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    accepted_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = UnitReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        ordering = ["campaign_id", "unit__path"]
        indexes = [models.Index(fields=["campaign", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""), name="unit_report_returned_has_reason"
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(accepted_at__isnull=False),
                name="unit_report_accepted_has_date",
            ),
        ]

    def __str__(self):
        return f"Báo cáo của {self.unit.name}" if self.unit_id else "Báo cáo của đơn vị"

    def get_absolute_url(self):
        return reverse("reports:unit_report", args=[self.campaign_id, self.unit_id])

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def coverage(self) -> float | None:
        return self.reached / self.people if self.people else None

    @property
    def was_submitted(self) -> bool:
        return self.first_submitted_at is not None

    def on_time(self, due_on: date) -> bool | None:
        """Whether the first submission came by the end of the due date (None: never submitted)."""
        if self.first_submitted_at is None:
            return None
        return timezone.localdate(self.first_submitted_at) <= due_on


class UnitReportEvent(models.Model):
    """The workflow history of a report, shown on its page (every transition is also in the audit log)."""

    class Action(models.TextChoices):
        CREATED = "created", _("Lập báo cáo")
        SUBMITTED = "submitted", _("Gửi báo cáo")
        RETURNED = "returned", _("Trả lại")
        ACCEPTED = "accepted", _("Duyệt")
        REOPENED = "reopened", _("Mở lại để sửa")

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("lịch sử báo cáo")
        verbose_name_plural = _("lịch sử báo cáo")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.report_id}: {self.get_action_display()}"


def report_file_upload_to(instance, filename: str) -> str:
    """A path the server chooses; only the detected extension is kept."""
    from canhgiac.knowledge.filetypes import stored_path

    return stored_path("reports", instance.file_format, filename)


class UnitReportFile(models.Model):
    """An attachment of a unit report (plan, minutes, photos, a signed scan), checked by content."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=report_file_upload_to, max_length=255)
    file_format = models.CharField(max_length=10)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.file_format in {"png", "jpeg", "webp"}

    def get_download_url(self):
        return reverse("reports:report_file", args=[self.report.campaign_id, self.report.unit_id, self.pk])


class ProvinceReport(TimeStamped):
    """What the official province report says beyond the figures: its number, date, heading, recipients and
    signatory (edited by the coordinator). The figures are always built from the accepted unit reports."""

    campaign = models.OneToOneField("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    number = models.CharField(
        _("số, ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: 25/BC-CAT (không ghi chữ “Số:”).")
    )
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    agency_parent = models.CharField(_("cơ quan chủ quản"), max_length=150, blank=True)
    agency_name = models.CharField(_("cơ quan ban hành"), max_length=150, blank=True)
    recipients = models.TextField(
        _("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận, ví dụ: UBND tỉnh (b/c);")
    )
    intro = models.TextField(_("mở đầu"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("báo cáo của tỉnh")
        verbose_name_plural = _("báo cáo của tỉnh")

    def __str__(self):
        return f"Báo cáo tổng hợp {self.number}" if self.number else "Báo cáo tổng hợp"

    def get_absolute_url(self):
        return reverse("reports:province_report", args=[self.campaign_id])

    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]
