"""The materials library: slides, documents, videos and images for speakers and units, with versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import Role

from .methods import search_words

# Roles of the police force: they see materials marked "police only".
POLICE_ROLES = frozenset({Role.COORDINATOR, Role.INVESTIGATOR, Role.SPEAKER})
# Roles that may add materials and new versions (speakers manage what they uploaded).
UPLOAD_ROLES = frozenset({Role.COORDINATOR, Role.SPEAKER})


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Công khai — mọi người")
    OFFICIALS = "officials", _("Cán bộ — người đăng nhập")
    POLICE = "police", _("Nội bộ lực lượng Công an")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Người dân")
    CIVIL_SERVANTS = "civil_servants", _("Cán bộ, công chức, viên chức")
    WORKERS = "workers", _("Người lao động, công nhân")
    STUDENTS = "students", _("Học sinh, sinh viên")
    ELDERLY = "elderly", _("Người cao tuổi")
    BUSINESS = "business", _("Doanh nghiệp, hộ kinh doanh")
    SPEAKERS = "speakers", _("Báo cáo viên")


class MaterialQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Visibility is the scope of a material: public for all, officials when signed in, police roles."""
        from canhgiac.core.scoping import user_roles

        if user is None or not user.is_authenticated:
            return self.filter(visibility=Visibility.PUBLIC, is_archived=False)
        if user.is_superuser or user_roles(user) & POLICE_ROLES:
            allowed = list(Visibility.values)
        else:
            allowed = [Visibility.PUBLIC, Visibility.OFFICIALS]
        qs = self.filter(visibility__in=allowed)
        if not (user.is_superuser or Role.COORDINATOR in user_roles(user)):
            qs = qs.filter(models.Q(is_archived=False) | models.Q(created_by=user))
        return qs


class Material(TimeStamped):
    class Kind(models.TextChoices):
        SLIDES = "slides", _("Bài giảng trình chiếu")
        DOCUMENT = "document", _("Tài liệu PDF")
        WORD = "word", _("Văn bản Word")
        VIDEO = "video", _("Video")
        IMAGE = "image", _("Hình ảnh, ấn phẩm")

    title = models.CharField(_("tên tài liệu"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    visibility = models.CharField(
        _("phạm vi xem"), max_length=12, choices=Visibility.choices, default=Visibility.OFFICIALS
    )
    methods = models.ManyToManyField(
        "knowledge.ScamMethod", verbose_name=_("phương thức liên quan"), blank=True, related_name="materials"
    )
    audiences = models.CharField(
        _("đối tượng sử dụng"),
        max_length=200,
        blank=True,
        help_text=_("Các mã đối tượng, cách nhau dấu cách."),
    )
    owner_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị cung cấp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    current_version = models.ForeignKey(
        "knowledge.MaterialVersion",
        verbose_name=_("phiên bản hiện hành"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    download_count = models.PositiveIntegerField(_("lượt tải"), default=0)
    is_archived = models.BooleanField(_("đã lưu trữ"), default=False)
    search_text = models.TextField(editable=False, default="")

    objects = MaterialQuerySet.as_manager()

    class Meta:
        verbose_name = _("tài liệu")
        verbose_name_plural = _("thư viện tài liệu")
        ordering = ["-updated_at", "-id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text(self._search_methods())
        super().save(*args, **kwargs)

    def _search_methods(self):
        if self.pk is None:
            return []
        return list(self.methods.only("name", "keywords"))

    def build_search_text(self, methods) -> str:
        """Title, description, kind and the names and keywords of the tagged methods, folded."""
        return search_words(
            self.title,
            self.description,
            self.get_kind_display(),
            *(m.name for m in methods),
            *(m.keywords for m in methods),
        )

    def get_absolute_url(self):
        return reverse("knowledge:material_detail", args=[self.pk])

    @property
    def audience_list(self) -> list[str]:
        return [code for code in self.audiences.split() if code in Audience.values]

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[code]) for code in self.audience_list]

    def can_edit(self, user) -> bool:
        from canhgiac.core.scoping import user_roles

        if not user.is_authenticated:
            return False
        roles = user_roles(user)
        if user.is_superuser or Role.COORDINATOR in roles:
            return True
        return Role.SPEAKER in roles and self.created_by_id == user.pk


def material_upload_to(instance: MaterialVersion, filename: str) -> str:
    """A path the server chooses: never the uploader's file name (only the detected extension is kept)."""
    from canhgiac.core.uploads import server_path

    return server_path("materials", filename.rsplit(".", 1)[-1] if "." in filename else "bin")


class MaterialVersion(models.Model):
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    file = models.FileField(_("tệp"), upload_to=material_upload_to, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=200)
    file_format = models.CharField(_("định dạng"), max_length=10)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    note = models.CharField(_("điểm mới của phiên bản"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), default=timezone.now)
    download_count = models.PositiveIntegerField(_("lượt tải"), default=0)

    class Meta:
        verbose_name = _("phiên bản tài liệu")
        verbose_name_plural = _("phiên bản tài liệu")
        ordering = ["material", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["material", "number"], name="knowledge_material_version_unique")
        ]

    def __str__(self):
        return f"{self.material} — phiên bản {self.number}"

    @property
    def format_label(self) -> str:
        from ..filetypes import FORMATS

        spec = FORMATS.get(self.file_format)
        return spec.label if spec else self.file_format.upper()

    def download_name(self) -> str:
        """The file name offered to the browser: the title as ASCII words, the version, the real extension."""
        from django.utils.text import slugify

        from canhgiac.core.text import fold

        from ..filetypes import FORMATS

        spec = FORMATS.get(self.file_format)
        ext = spec.ext if spec else "bin"
        base = slugify(fold(self.material.title))[:80] or "tai-lieu"
        return f"{base}-v{self.number}.{ext}"

    def get_download_url(self):
        return reverse("knowledge:material_download_version", args=[self.material_id, self.number])
