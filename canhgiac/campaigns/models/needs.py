"""A unit's needs assessment for a campaign: the pre-test shows what people know; the survey says what the unit
wants (format, topics, sessions). Summed up for the province so the police can prepare speakers and materials."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_q


class Format(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị tập trung có báo cáo viên Công an")
    ONLINE_MEETING = "online_meeting", _("Hội nghị trực tuyến")
    ONLINE_COURSE = "online_course", _("Tự học khóa học trực tuyến, làm bài kiểm tra")
    SMALL_GROUP = "small_group", _("Sinh hoạt chuyên đề theo phòng, bộ phận")
    MATERIALS = "materials", _("Phát tài liệu, tờ rơi, video ngắn")
    DRILL = "drill", _("Diễn tập tình huống (tin nhắn, cuộc gọi giả lập)")


class NeedsQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "participant__unit", roles=roles))


class NeedsAssessment(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")

    participant = models.OneToOneField(
        "campaigns.CampaignUnit", on_delete=models.CASCADE, related_name="needs_assessment"
    )
    formats = models.JSONField(_("hình thức mong muốn"), default=list, blank=True)
    topics = models.ManyToManyField(
        "knowledge.ScamMethod", verbose_name=_("chuyên đề cần tuyên truyền"), blank=True, related_name="+"
    )
    other_topics = models.TextField(_("nội dung khác"), blank=True)
    sessions_wanted = models.PositiveSmallIntegerField(_("số buổi đề nghị"), default=1)
    preferred_period = models.CharField(
        _("thời gian thuận lợi"), max_length=200, blank=True, help_text=_("Ví dụ: chiều thứ Năm, tháng 10.")
    )
    priority_groups = models.JSONField(_("nhóm cần ưu tiên"), default=list, blank=True)
    speaker_needed = models.BooleanField(_("cần Công an tỉnh cử báo cáo viên"), default=True)
    notes = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = NeedsQuerySet.as_manager()

    class Meta:
        verbose_name = _("đánh giá nhu cầu")
        verbose_name_plural = _("đánh giá nhu cầu")

    def __str__(self):
        return f"Đánh giá nhu cầu {self.participant_id}"

    def get_absolute_url(self):
        return reverse("campaigns:needs", args=[self.participant.campaign_id, self.participant.unit_id])

    def format_labels(self) -> list[str]:
        labels = dict(Format.choices)
        return [str(labels[f]) for f in self.formats if f in labels]

    def priority_group_labels(self) -> list[str]:
        from canhgiac.org.models import Person

        labels = dict(Person.StaffGroup.choices)
        return [str(labels[g]) for g in self.priority_groups if g in labels]

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED
