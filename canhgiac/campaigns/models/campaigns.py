"""A campaign (a directive being carried out), the units that carry it out, and their obligations."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import READ_ROLES, Role
from canhgiac.core.scoping import has_role, scope_paths, scope_q
from canhgiac.org.models import Person, Unit

# The kinds of unit that answer for a campaign by default: the addressees of dispatch 1509/UBND-NC (party bodies,
# the Front and socio-political organisations, provincial departments, communes, wards and special zones).
DEFAULT_RESPONSIBLE_KINDS = [
    Unit.Kind.PARTY_BODY,
    Unit.Kind.FRONT,
    Unit.Kind.DEPARTMENT,
    Unit.Kind.PUBLIC_SERVICE,
    Unit.Kind.WARD,
    Unit.Kind.COMMUNE,
    Unit.Kind.SPECIAL_ZONE,
]
DEFAULT_REMINDER_DAYS = [14, 7, 3, 1]


class CampaignQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators see every campaign (drafts too); leaders and unit managers see the launched campaigns
        that have a responsible unit in their subtrees; speakers see launched campaigns."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser or has_role(user, Role.COORDINATOR):
            return self
        launched = self.exclude(status=Campaign.Status.DRAFT)
        paths = scope_paths(user, READ_ROLES)
        if paths is None:
            return launched
        if not paths:
            return launched if has_role(user, Role.SPEAKER) else self.none()
        units = CampaignUnit.objects.filter(campaign=OuterRef("pk")).filter(scope_q(user, "unit"))
        return launched.filter(Exists(units))

    def running(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.filter(status=Campaign.Status.ACTIVE, starts_on__lte=on)


class Campaign(TimeStamped):
    """A directive being carried out: who must be reached, by when, how, and what each unit must deliver."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        ACTIVE = "active", _("Đang triển khai")
        CLOSED = "closed", _("Đã kết thúc")

    class ReachRule(models.TextChoices):
        ATTENDANCE = "attendance", _("Dự hội nghị tuyên truyền")
        COURSE = "course", _("Đạt khóa học trực tuyến")
        EITHER = "either", _("Dự hội nghị hoặc đạt khóa học")

    title = models.CharField(_("tên chiến dịch"), max_length=255)
    legal_number = models.CharField(
        _("số, ký hiệu văn bản"), max_length=60, help_text=_("Ví dụ: 1509/UBND-NC.")
    )
    legal_date = models.DateField(_("ngày ban hành"))
    legal_issuer = models.CharField(
        _("cơ quan ban hành"), max_length=200, default="Ủy ban nhân dân tỉnh Quảng Ninh"
    )
    legal_subject = models.CharField(_("trích yếu"), max_length=400, blank=True)
    description = models.TextField(_("nội dung, yêu cầu"), blank=True)
    starts_on = models.DateField(_("bắt đầu"))
    deadline = models.DateField(_("hạn hoàn thành"))
    target_coverage = models.PositiveSmallIntegerField(
        _("chỉ tiêu bao phủ (%)"), default=100, help_text=_("Tỷ lệ người được tuyên truyền phải đạt.")
    )
    reach_rule = models.CharField(
        _("tính là đã được tuyên truyền khi"),
        max_length=12,
        choices=ReachRule.choices,
        default=ReachRule.EITHER,
    )
    course = models.ForeignKey(
        "training.Course",
        verbose_name=_("khóa học trực tuyến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống: đạt bất kỳ khóa học nào cũng được tính."),
    )
    audience_units = models.ManyToManyField(
        Unit,
        verbose_name=_("đối tượng: đơn vị (kể cả đơn vị trực thuộc)"),
        related_name="+",
        blank=True,
    )
    audience_groups = models.JSONField(
        _("đối tượng: nhóm cán bộ"),
        default=list,
        blank=True,
        help_text=_("Để trống: mọi nhóm (cán bộ, công chức, viên chức, người lao động)."),
    )
    responsible_kinds = models.JSONField(
        _("loại đơn vị phải thực hiện"),
        default=list,
        blank=True,
        help_text=_("Dùng khi lập danh sách đơn vị."),
    )
    requires_needs_assessment = models.BooleanField(_("phải đánh giá nhu cầu"), default=True)
    needs_due_on = models.DateField(_("hạn đánh giá nhu cầu"), null=True, blank=True)
    min_conferences = models.PositiveSmallIntegerField(
        _("số hội nghị tối thiểu mỗi đơn vị"), default=1, help_text=_("0: không bắt buộc tổ chức hội nghị.")
    )
    requires_report = models.BooleanField(_("phải báo cáo kết quả"), default=True)
    report_due_on = models.DateField(_("hạn báo cáo"), null=True, blank=True)
    reminder_days = models.JSONField(
        _("nhắc hạn trước (ngày)"), default=list, blank=True, help_text=_("Ví dụ: 14, 7, 3, 1.")
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    launched_at = models.DateTimeField(_("triển khai lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    # the day the coverage counters (CoverageCounter) are right for; empty: not built or invalidated
    coverage_as_of = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("chiến dịch")
        verbose_name_plural = _("chiến dịch")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(deadline__gte=models.F("starts_on")), name="campaign_dates"),
            models.CheckConstraint(
                condition=Q(target_coverage__gte=1, target_coverage__lte=100), name="campaign_target_percent"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:campaign_detail", args=[self.pk])

    @property
    def legal_reference(self) -> str:
        """ "Văn bản số 1509/UBND-NC ngày 15/6/2023 của Ủy ban nhân dân tỉnh Quảng Ninh"."""
        return f"Văn bản số {self.legal_number} ngày {self.legal_date:%d/%m/%Y} của {self.legal_issuer}"

    @property
    def counts_attendance(self) -> bool:
        return self.reach_rule in {self.ReachRule.ATTENDANCE, self.ReachRule.EITHER}

    @property
    def counts_course(self) -> bool:
        return self.reach_rule in {self.ReachRule.COURSE, self.ReachRule.EITHER}

    @property
    def target_ratio(self) -> float:
        return self.target_coverage / 100

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.ACTIVE

    def due_on(self, kind: str) -> date:
        if kind == Obligation.Kind.NEEDS_ASSESSMENT and self.needs_due_on:
            return self.needs_due_on
        if kind == Obligation.Kind.REPORT and self.report_due_on:
            return self.report_due_on
        return self.deadline

    def required_kinds(self) -> list[tuple[str, int]]:
        """[(obligation kind, target)] each responsible unit must deliver."""
        kinds = []
        if self.requires_needs_assessment:
            kinds.append((Obligation.Kind.NEEDS_ASSESSMENT, 1))
        if self.min_conferences:
            kinds.append((Obligation.Kind.CONFERENCES, self.min_conferences))
        if self.requires_report:
            kinds.append((Obligation.Kind.REPORT, 1))
        return kinds

    def audience_group_labels(self) -> list[str]:
        labels = dict(Person.StaffGroup.choices)
        return [str(labels[g]) for g in self.audience_groups if g in labels]

    def days_left(self, today: date | None = None) -> int:
        return (self.deadline - (today or timezone.localdate())).days

    def elapsed_ratio(self, today: date | None = None) -> float:
        """How much of the campaign's time has gone (0–1): the pace a unit's coverage is compared with."""
        today = today or timezone.localdate()
        total = (self.deadline - self.starts_on).days or 1
        return min(1.0, max(0.0, (today - self.starts_on).days / total))

    def weekly_dates(self, until: date | None = None) -> list[date]:
        """Every 7 days from the start up to `until` (today, at most the deadline), `until` itself last."""
        until = min(until or timezone.localdate(), self.deadline)
        if until < self.starts_on:
            return [self.starts_on]
        out, day = [], self.starts_on
        while day < until:
            out.append(day)
            day += timedelta(days=7)
        out.append(until)
        return out


class CampaignUnitQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "unit", roles=roles))


class CampaignUnit(models.Model):
    """A unit that answers for the campaign (đơn vị thực hiện): it must reach its people and deliver its
    obligations. Its figures include its whole subtree."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participants")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    objects = CampaignUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị thực hiện")
        verbose_name_plural = _("đơn vị thực hiện")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="campaign_unit_unique")]

    def __str__(self):
        return f"{self.campaign_id}: {self.unit_id}"

    def get_absolute_url(self):
        return reverse("campaigns:unit_detail", args=[self.campaign_id, self.unit_id])


class Obligation(models.Model):
    """One deliverable a responsible unit owes the campaign. Generic on purpose: the needs assessment and the
    conferences are fulfilled by this app's services; the report by the reports app (through
    `services.obligation_fulfil`), or by hand by the coordinator when a paper report arrives."""

    class Kind(models.TextChoices):
        NEEDS_ASSESSMENT = "needs", _("Đánh giá nhu cầu")
        CONFERENCES = "conferences", _("Tổ chức hội nghị tuyên truyền")
        REPORT = "report", _("Báo cáo kết quả")

    class How(models.TextChoices):
        AUTO = "auto", _("Tự động từ dữ liệu")
        MANUAL = "manual", _("Điều phối viên xác nhận")
        REPORT = "report", _("Từ phân hệ báo cáo")

    class State(models.TextChoices):
        DONE = "done", _("Hoàn thành đúng hạn")
        LATE = "late", _("Hoàn thành trễ hạn")
        PENDING = "pending", _("Đang thực hiện")
        DUE_SOON = "due_soon", _("Sắp đến hạn")
        OVERDUE = "overdue", _("Quá hạn")

    participant = models.ForeignKey(CampaignUnit, on_delete=models.CASCADE, related_name="obligations")
    kind = models.CharField(_("nội dung"), max_length=12, choices=Kind.choices)
    due_on = models.DateField(_("hạn"))
    target = models.PositiveSmallIntegerField(_("yêu cầu"), default=1)
    progress = models.PositiveSmallIntegerField(_("đã thực hiện"), default=0)
    done_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    how = models.CharField(max_length=8, choices=How.choices, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    reference = models.CharField(
        _("văn bản, căn cứ"), max_length=200, blank=True, help_text=_("Ví dụ: Báo cáo số 25/BC-UBND.")
    )
    reference_url = models.CharField(max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("nghĩa vụ của đơn vị")
        verbose_name_plural = _("nghĩa vụ của đơn vị")
        constraints = [models.UniqueConstraint(fields=["participant", "kind"], name="obligation_unique_kind")]

    def __str__(self):
        return f"{self.participant_id}: {self.get_kind_display()}"

    def state(self, today: date | None = None, soon_days: int = 7) -> str:
        today = today or timezone.localdate()
        if self.done_at is not None:
            done_on = timezone.localdate(self.done_at)
            return self.State.LATE if done_on > self.due_on else self.State.DONE
        if today > self.due_on:
            return self.State.OVERDUE
        if (self.due_on - today).days <= soon_days:
            return self.State.DUE_SOON
        return self.State.PENDING

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class ReminderSent(models.Model):
    """A deadline reminder already e-mailed: once per manager, unit, due date and threshold."""

    participant = models.ForeignKey(CampaignUnit, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    days_before = models.SmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thư nhắc hạn")
        verbose_name_plural = _("thư nhắc hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "user", "due_on", "days_before"], name="reminder_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.participant_id} → {self.user_id} ({self.days_before} ngày)"
