"""The police speaker pool (báo cáo viên): who they are, what they cover, when they are free."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role
from canhgiac.core.text import fold

WEEKDAYS = [
    (0, _("Thứ Hai")),
    (1, _("Thứ Ba")),
    (2, _("Thứ Tư")),
    (3, _("Thứ Năm")),
    (4, _("Thứ Sáu")),
    (5, _("Thứ Bảy")),
    (6, _("Chủ nhật")),
]


class SpeakerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators and leaders see the pool; a speaker sees their own profile; others nothing."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser or has_role(user, Role.COORDINATOR, Role.LEADER):
            return self
        if has_role(user, Role.SPEAKER):
            return self.filter(user=user)
        return self.none()

    def active(self):
        return self.filter(is_active=True)


class Speaker(TimeStamped):
    """A police speaker: linked to an account with the speaker role (who then sees their own schedule), or a
    plain profile kept by the coordinator."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_profile",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(_("cấp bậc, chức vụ"), max_length=200, blank=True)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    methods = models.ManyToManyField(
        "knowledge.ScamMethod",
        verbose_name=_("chuyên đề, phương thức đảm nhận"),
        blank=True,
        related_name="+",
    )
    bio = models.TextField(_("giới thiệu"), blank=True)
    available_weekdays = models.JSONField(
        _("ngày có thể báo cáo"), default=list, blank=True, help_text=_("0 = Thứ Hai … 6 = Chủ nhật.")
    )
    max_per_week = models.PositiveSmallIntegerField(
        _("số buổi tối đa mỗi tuần"), default=3, help_text=_("Vượt số này hệ thống cảnh báo khi phân công.")
    )
    is_active = models.BooleanField(_("đang nhận báo cáo"), default=True)
    search_text = models.CharField(max_length=400, editable=False, default="")

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo viên")
        verbose_name_plural = _("báo cáo viên")
        ordering = ["full_name", "id"]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.full_name} {self.title} {self.phone} {self.email}")[:400]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:speaker_detail", args=[self.pk])

    def weekday_labels(self) -> list[str]:
        labels = dict(WEEKDAYS)
        return [str(labels[d]) for d in sorted(self.available_weekdays) if d in labels]

    def works_on(self, day) -> bool:
        return not self.available_weekdays or day.weekday() in self.available_weekdays


class SpeakerBusy(models.Model):
    """A period the speaker cannot take conferences (duty, leave, training)."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="busy_periods")
    starts_at = models.DateTimeField(_("từ"))
    ends_at = models.DateTimeField(_("đến"))
    reason = models.CharField(_("lý do"), max_length=200)

    class Meta:
        verbose_name = _("lịch bận")
        verbose_name_plural = _("lịch bận")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="speaker_busy_dates")
        ]

    def __str__(self):
        return f"{self.speaker}: {self.reason}"


def can_manage_speakers(user) -> bool:
    return bool(user.is_authenticated) and (user.is_superuser or has_role(user, Role.COORDINATOR))
