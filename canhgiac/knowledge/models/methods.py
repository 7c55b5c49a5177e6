from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.text import fold

# What a published method must have (the public pages, leaflets and the analyzer rely on it).
MIN_RED_FLAGS = 3
MIN_DO = 2
MIN_DONT = 2
MIN_EXAMPLES = 1

_NON_WORD = re.compile(r"[^0-9a-z]+")


def search_words(*parts: str) -> str:
    """Folded words separated by single spaces, padded with a space at both ends.

    " dau tu " then finds whole syllables with a plain `contains`, identically on SQLite and PostgreSQL.
    """
    words = _NON_WORD.sub(" ", fold(" ".join(str(p) for p in parts if p))).split()
    return f" {' '.join(words)} " if words else ""


class Channel(models.TextChoices):
    CALL = "call", _("Cuộc gọi")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo")
    FACEBOOK = "facebook", _("Facebook")
    TELEGRAM = "telegram", _("Telegram")
    TIKTOK = "tiktok", _("TikTok")
    WEBSITE = "website", _("Trang web")
    APP = "app", _("Ứng dụng")
    EMAIL = "email", _("Thư điện tử")
    IN_PERSON = "in_person", _("Gặp trực tiếp")
    OTHER = "other", _("Khác")


class ScamMethodQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class ScamMethod(TimeStamped):
    """A way criminals take people's money online: the spine of the product.

    Lessons, questions, needs assessments, incidents, public reports and the message analyzer all point here.
    """

    class Group(models.TextChoices):
        IMPERSONATION = "impersonation", _("Giả mạo thương hiệu, cơ quan, tổ chức")
        ACCOUNT_TAKEOVER = "account_takeover", _("Chiếm đoạt tài khoản")
        COMBINED = "combined", _("Kết hợp nhiều hình thức")

    class Source(models.TextChoices):
        NATIONAL_2023 = "national_2023", _("Cẩm nang nhận diện lừa đảo trực tuyến (24 hình thức, 2023)")
        MINISTRY_2025 = "ministry_2025", _("Cảnh báo của Bộ Công an (danh mục mới, 2024–2025)")
        LOCAL = "local", _("Công an tỉnh bổ sung")

    class Severity(models.IntegerChoices):
        LOW = 1, _("Thấp")
        MEDIUM = 2, _("Trung bình")
        HIGH = 3, _("Cao")

    slug = models.SlugField(_("mã định danh"), max_length=80, unique=True)
    number = models.PositiveSmallIntegerField(
        _("số thứ tự trong cẩm nang"),
        null=True,
        blank=True,
        help_text=_("Thứ tự trong danh mục 24 hình thức."),
    )
    group = models.CharField(_("nhóm"), max_length=20, choices=Group.choices)
    name = models.CharField(_("tên phương thức"), max_length=200)
    summary = models.TextField(_("tóm tắt"), blank=True)
    steps = models.JSONField(
        _("diễn biến"), default=list, blank=True, help_text=_("Các bước thủ đoạn diễn ra.")
    )
    do_list = models.JSONField(_("nên làm"), default=list, blank=True)
    dont_list = models.JSONField(_("không bao giờ làm"), default=list, blank=True)
    channels = models.JSONField(_("kênh tiếp cận"), default=list, blank=True)
    targets = models.CharField(_("đối tượng nhắm tới"), max_length=300, blank=True)
    severity = models.PositiveSmallIntegerField(
        _("mức độ nguy hiểm"), choices=Severity.choices, default=Severity.MEDIUM
    )
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True, help_text=_("Mỗi căn cứ một dòng."))
    source = models.CharField(
        _("nguồn danh mục"), max_length=20, choices=Source.choices, default=Source.LOCAL
    )
    keywords = models.CharField(_("từ khóa tìm kiếm"), max_length=500, blank=True)
    related = models.ManyToManyField(
        "self", verbose_name=_("phương thức liên quan"), blank=True, symmetrical=True
    )
    is_published = models.BooleanField(_("đã công bố"), default=False)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    revision = models.PositiveIntegerField(
        _("phiên bản"), default=0, editable=False, help_text=_("Số của bản lưu mới nhất trong lịch sử.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa gần nhất"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScamMethodQuerySet.as_manager()

    class Meta:
        verbose_name = _("phương thức lừa đảo")
        verbose_name_plural = _("phương thức lừa đảo")
        ordering = ["number", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = search_words(
            self.name,
            self.keywords,
            self.summary,
            self.targets,
            self.get_group_display(),
            *self.steps,
            *self.do_list,
            *self.dont_list,
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("knowledge:method_detail", args=[self.slug])

    @property
    def named_in_dispatch(self) -> bool:
        """One of the three methods named in dispatch 1509/UBND-NC, the origin of the product."""
        from ..catalogue import DISPATCH_1509_METHODS

        return self.slug in DISPATCH_1509_METHODS.values()

    @property
    def legal_items(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    @property
    def legal_short(self) -> list[str]:
        """The articles cited, without their titles: "Điều 174 Bộ luật Hình sự năm 2015 (...)"."""
        return [item.split(":", 1)[0].strip() for item in self.legal_items]

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(code, code)) for code in self.channels]

    def completeness_problems(self, *, red_flags: int, examples: int) -> list[str]:
        """What is missing before the method can be shown to the public (empty list: ready)."""
        problems = []
        if not self.summary.strip():
            problems.append(_("cần phần tóm tắt"))
        if red_flags < MIN_RED_FLAGS:
            problems.append(_("cần ít nhất %(n)s dấu hiệu nhận biết") % {"n": MIN_RED_FLAGS})
        if len(self.do_list) < MIN_DO:
            problems.append(_("cần ít nhất %(n)s việc nên làm") % {"n": MIN_DO})
        if len(self.dont_list) < MIN_DONT:
            problems.append(_("cần ít nhất %(n)s việc không bao giờ làm") % {"n": MIN_DONT})
        if examples < MIN_EXAMPLES:
            problems.append(_("cần ít nhất %(n)s tin nhắn minh họa") % {"n": MIN_EXAMPLES})
        return problems


class RedFlag(models.Model):
    """A sign that reveals a method, with the words or patterns that show it in a message (analyzer input)."""

    method = models.ForeignKey(
        ScamMethod, verbose_name=_("phương thức"), on_delete=models.CASCADE, related_name="red_flags"
    )
    code = models.SlugField(
        _("mã dấu hiệu"), max_length=80, unique=True, help_text=_("Mã ổn định, không đổi khi sửa nội dung.")
    )
    text = models.CharField(_("dấu hiệu"), max_length=300)
    patterns = models.JSONField(
        _("mẫu nhận diện"),
        default=list,
        blank=True,
        help_text=_(
            "Cụm từ hoặc biểu thức chính quy (viết không dấu hoặc có dấu) cho thấy dấu hiệu trong tin nhắn."
        ),
    )
    weight = models.FloatField(_("trọng số"), default=1.0)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("dấu hiệu nhận biết")
        verbose_name_plural = _("dấu hiệu nhận biết")
        ordering = ["method", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gt=0) & models.Q(weight__lte=1),
                name="knowledge_redflag_weight_0_1",
            )
        ]

    def __str__(self):
        return self.text

    def clean(self):
        from django.core.exceptions import ValidationError

        from ..patterns import pattern_errors

        errors = pattern_errors(self.patterns)
        if errors:
            raise ValidationError({"patterns": errors})


class ExampleMessage(models.Model):
    """A message written by the team to show how a method reaches people."""

    method = models.ForeignKey(ScamMethod, on_delete=models.CASCADE, related_name="examples")
    channel = models.CharField(_("kênh"), max_length=20, choices=Channel.choices, default=Channel.SMS)
    sender = models.CharField(_("người gửi hiển thị"), max_length=100, blank=True)
    text = models.TextField(_("nội dung"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tin nhắn minh họa")
        verbose_name_plural = _("tin nhắn minh họa")
        ordering = ["method", "order", "id"]

    def __str__(self):
        return f"{self.method}: {self.text[:60]}"


class MethodRevision(models.Model):
    """One saved state of a method: who, when, what changed, and the whole content as it was (snapshot)."""

    class Kind(models.TextChoices):
        SEED = "seed", _("Nạp nội dung ban đầu")
        CREATE = "create", _("Tạo mới")
        EDIT = "edit", _("Sửa nội dung")
        PUBLISH = "publish", _("Công bố")
        UNPUBLISH = "unpublish", _("Ngừng công bố")
        RESTORE = "restore", _("Khôi phục bản cũ")
        UPGRADE = "upgrade", _("Cập nhật nội dung phát hành")

    method = models.ForeignKey(ScamMethod, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("số phiên bản"))
    kind = models.CharField(_("loại thay đổi"), max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("người thực hiện (tên)"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    changes = models.JSONField(_("các thay đổi"), default=list, blank=True)
    snapshot = models.JSONField(_("nội dung lúc đó"), default=dict)

    class Meta:
        verbose_name = _("phiên bản phương thức")
        verbose_name_plural = _("lịch sử phương thức")
        ordering = ["method", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["method", "number"], name="knowledge_revision_unique_number")
        ]

    def __str__(self):
        return f"{self.method} — bản {self.number}"
