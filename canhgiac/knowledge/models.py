from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.text import fold


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
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True)
    keywords = models.CharField(_("từ khóa tìm kiếm"), max_length=500, blank=True)
    related = models.ManyToManyField(
        "self", verbose_name=_("phương thức liên quan"), blank=True, symmetrical=True
    )
    is_published = models.BooleanField(_("đã công bố"), default=False)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    objects = ScamMethodQuerySet.as_manager()

    class Meta:
        verbose_name = _("phương thức lừa đảo")
        verbose_name_plural = _("phương thức lừa đảo")
        ordering = ["number", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.name, self.summary, self.keywords, self.targets]))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("knowledge:method_detail", args=[self.slug])


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

    def __str__(self):
        return self.text


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
