"""Identifiers, their public listing, public reports, disputes and the allowlist of official contacts.

- `Identifier` is one phone number, bank account, link/domain or social profile in canonical form
  (`identifiers.py`); other apps (incidents) refer to it.
- `Listing` is what the public checker says about an identifier: reported N times, verified by the police,
  cleared; whether a dispute is open; when a verified phone number must be reviewed again.
- `Verification` records why and on what ground (`source`: "report:PA-…", "incident:…", "manual") the police
  verified an identifier; identifiers verified from the same source are "related".
- `Report` is a citizen's report; its text and the reporter are never public.
- `Dispute` is an owner's claim that a listing is wrong.
- `AllowlistEntry` is an official hotline, domain, brandname or charity account: the checker says "official".
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import Role
from canhgiac.core.scoping import scope_paths, scope_q
from canhgiac.knowledge.models import Channel

# A verified phone number comes up for review a year after verification: numbers are recycled.
PHONE_REVIEW_AFTER = timedelta(days=365)
# Unverified reports stop counting publicly after this long without a new report (listings decay).
REPORT_TTL = {"phone": timedelta(days=180)}
REPORT_TTL_DEFAULT = timedelta(days=365)

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_code(prefix: str) -> str:
    """A tracking code such as "PA-7KQM-X3TW": 40 random bits, no 0/O or 1/I to misread."""
    body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def digest_hex(kind: str, value: str) -> str:
    """The SHA-256 the k-anonymity API publishes: sha256("kind:value")."""
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def digest_key(hexdigest: str) -> int:
    """The first 64 bits of a digest as a signed integer that sorts like the hex string (for range scans)."""
    return int(hexdigest[:16], 16) - (1 << 63)


class Kind(models.TextChoices):
    PHONE = "phone", _("Số điện thoại")
    BANK_ACCOUNT = "bank_account", _("Tài khoản ngân hàng")
    URL = "url", _("Đường link, tên miền")
    SOCIAL = "social", _("Tài khoản mạng xã hội")


class PublicStatus(models.TextChoices):
    VERIFIED_SCAM = "verified_scam", _("Lừa đảo — đã được Công an xác minh")
    REPORTED = "reported", _("Có phản ánh, chưa được xác minh")
    NO_INFORMATION = "no_information", _("Chưa có thông tin")
    OFFICIAL = "official", _("Đầu mối chính thức")


def is_moderator(user) -> bool:
    from canhgiac.core.scoping import has_role

    return bool(user and user.is_authenticated and has_role(user, Role.COORDINATOR))


def is_province_moderator(user) -> bool:
    """A coordinator whose scope is the whole province: manages listings, disputes and the allowlist."""
    return is_moderator(user) and scope_paths(user, {Role.COORDINATOR}) is None


class Identifier(models.Model):
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    value = models.CharField(_("giá trị chuẩn hóa"), max_length=300)
    qualifier = models.CharField(_("ngân hàng"), max_length=16, blank=True, default="")
    display = models.CharField(_("hiển thị"), max_length=300, blank=True)
    digest = models.BigIntegerField(_("mã băm (64 bit đầu)"), editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("định danh")
        verbose_name_plural = _("định danh")
        constraints = [
            models.UniqueConstraint(fields=["kind", "value", "qualifier"], name="scamcheck_identifier_unique")
        ]
        indexes = [models.Index(fields=["digest"], name="scamcheck_identifier_digest")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display or self.value}"

    def save(self, *args, **kwargs):
        self.digest = digest_key(digest_hex(self.kind, self.value))
        if not self.display:
            self.display = self.value
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("scamcheck:identifier_detail", args=[self.pk])

    @property
    def canonical(self) -> str:
        return f"{self.kind}:{self.value}"

    @property
    def hexdigest(self) -> str:
        return digest_hex(self.kind, self.value)

    @property
    def bank(self):
        from .banks import banks_by_code

        return banks_by_code().get(self.qualifier)

    @property
    def typed(self) -> str:
        """A way of writing it that the search box reads back as this identifier."""
        from .identifiers import Parsed, as_typed

        return as_typed(Parsed(self.kind, self.value, qualifier=self.qualifier, display=self.display))


class Listing(models.Model):
    identifier = models.OneToOneField(
        Identifier,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="listing",
        verbose_name=_("định danh"),
    )
    report_count = models.PositiveIntegerField(_("số phản ánh còn hiệu lực"), default=0)
    first_reported_at = models.DateTimeField(_("phản ánh đầu tiên"), null=True, blank=True)
    last_reported_at = models.DateTimeField(_("phản ánh gần nhất"), null=True, blank=True)
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True, db_index=True)
    verified_reason = models.TextField(_("căn cứ xác minh (công khai)"), blank=True)
    method = models.ForeignKey(
        "knowledge.ScamMethod",
        verbose_name=_("phương thức"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listings",
    )
    review_due_at = models.DateTimeField(_("hạn xem xét lại"), null=True, blank=True, db_index=True)
    cleared_at = models.DateTimeField(_("gỡ khỏi danh sách lúc"), null=True, blank=True)
    cleared_reason = models.TextField(_("lý do gỡ"), blank=True)
    dispute_open = models.BooleanField(_("đang có khiếu nại"), default=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("tình trạng công khai")
        verbose_name_plural = _("tình trạng công khai")

    def __str__(self):
        return f"{self.identifier}: {self.get_public_status_display()}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def report_ttl(self) -> timedelta:
        return REPORT_TTL.get(self.identifier.kind, REPORT_TTL_DEFAULT)

    def public_status(self, now=None) -> str:
        """What the checker answers: verified, reported (live reports only), or nothing known."""
        if self.verified_at is not None:
            return PublicStatus.VERIFIED_SCAM
        now = now or timezone.now()
        if (
            self.report_count > 0
            and self.last_reported_at
            and self.last_reported_at >= now - self.report_ttl()
        ):
            return PublicStatus.REPORTED
        return PublicStatus.NO_INFORMATION

    def get_public_status_display(self) -> str:
        return str(PublicStatus(self.public_status()).label)

    def review_overdue(self, now=None) -> bool:
        return bool(self.verified_at and self.review_due_at and self.review_due_at <= (now or timezone.now()))


class Verification(models.Model):
    """One ground on which the police verified an identifier as used for fraud."""

    identifier = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="verifications")
    source = models.CharField(
        _("nguồn"), max_length=120, db_index=True, help_text=_("report:PA-…, incident:<mã vụ việc>, manual")
    )
    reason = models.TextField(_("căn cứ"))
    method = models.ForeignKey(
        "knowledge.ScamMethod", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)
    is_active = models.BooleanField(_("còn hiệu lực"), default=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("căn cứ xác minh")
        verbose_name_plural = _("căn cứ xác minh")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "source"],
                condition=Q(is_active=True),
                name="scamcheck_verification_one_active_per_source",
            )
        ]

    def __str__(self):
        return f"{self.identifier} ← {self.source}"

    @property
    def source_label(self) -> str:
        kind, _sep, ref = self.source.partition(":")
        labels = {"report": _("Phản ánh"), "incident": _("Vụ việc"), "manual": _("Cán bộ xác minh trực tiếp")}
        label = labels.get(kind, kind)
        return f"{label} {ref}".strip()


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators see the reports of their subtree; a province coordinator sees all (and those without
        a place)."""
        if not is_moderator(user):
            return self.none()
        return self.filter(scope_q(user, "unit", roles={Role.COORDINATOR}))


class Report(TimeStamped):
    class Status(models.TextChoices):
        NEW = "new", _("Mới, chờ xem xét")
        VERIFIED = "verified", _("Đã xác minh")
        REJECTED = "rejected", _("Không chấp nhận")
        DUPLICATE = "duplicate", _("Trùng, đã gộp")

    code = models.CharField(_("mã theo dõi"), max_length=16, unique=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.NEW)
    identifiers = models.ManyToManyField(Identifier, related_name="reports", verbose_name=_("định danh"))
    method = models.ForeignKey(
        "knowledge.ScamMethod",
        verbose_name=_("thủ đoạn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_reports",
    )
    channel = models.CharField(_("kênh"), max_length=20, choices=Channel.choices, default=Channel.SMS)
    occurred_on = models.DateField(_("ngày xảy ra"), null=True, blank=True)
    amount_lost = models.BigIntegerField(_("số tiền bị mất (đồng)"), null=True, blank=True)
    description = models.TextField(_("diễn biến"), blank=True)
    message_text = models.TextField(_("nội dung tin nhắn nhận được"), blank=True)
    is_anonymous = models.BooleanField(_("ẩn danh"), default=True)
    reporter_name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    reporter_phone = models.CharField(_("số điện thoại liên hệ"), max_length=20, blank=True)
    reporter_email = models.EmailField(_("thư điện tử"), blank=True)
    contact_consent = models.BooleanField(_("đồng ý để Công an liên hệ"), default=False)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("nơi cư trú (xã, phường)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scam_reports",
    )
    analysis = models.JSONField(_("kết quả phân tích tự động"), default=dict, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("gộp vào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    decision_reason = models.TextField(_("căn cứ xử lý (nội bộ)"), blank=True)
    public_note = models.CharField(_("thông báo cho người phản ánh"), max_length=500, blank=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("phản ánh lừa đảo")
        verbose_name_plural = _("phản ánh lừa đảo")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at"], name="scamcheck_report_queue")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_lost__isnull=True) | Q(amount_lost__gte=0),
                name="scamcheck_report_amount_gte_0",
            ),
            models.CheckConstraint(
                condition=Q(is_anonymous=False) | Q(reporter_name="", reporter_phone="", reporter_email=""),
                name="scamcheck_report_anonymous_has_no_contact",
            ),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code("PA")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("scamcheck:report_review", args=[self.code])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.NEW


class DisputeQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if is_province_moderator(user) else self.none()


class Dispute(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", _("Đang xem xét")
        UPHELD = "upheld", _("Chấp nhận — đã gỡ khỏi danh sách")
        REJECTED = "rejected", _("Không chấp nhận — giữ nguyên")

    class Relation(models.TextChoices):
        OWNER = "owner", _("Tôi là chủ sở hữu")
        REPRESENTATIVE = "representative", _("Tôi đại diện cho tổ chức, doanh nghiệp sở hữu")

    code = models.CharField(_("mã theo dõi"), max_length=16, unique=True, editable=False)
    identifier = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="disputes")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    relation = models.CharField(_("quan hệ"), max_length=20, choices=Relation.choices, default=Relation.OWNER)
    claimant_name = models.CharField(_("họ và tên"), max_length=120)
    claimant_phone = models.CharField(_("số điện thoại liên hệ"), max_length=20, blank=True)
    claimant_email = models.EmailField(_("thư điện tử"), blank=True)
    statement = models.TextField(_("trình bày"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    decision_reason = models.TextField(_("căn cứ quyết định"), blank=True)

    objects = DisputeQuerySet.as_manager()

    class Meta:
        verbose_name = _("khiếu nại")
        verbose_name_plural = _("khiếu nại")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier"],
                condition=Q(status="open"),
                name="scamcheck_dispute_one_open_per_identifier",
            ),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code("KN")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("scamcheck:dispute_review", args=[self.code])


def _evidence_path(instance, filename):
    now = timezone.now()
    return f"scamcheck/evidence/{now:%Y/%m}/{secrets.token_hex(16)}{filename[filename.rfind('.') :]}"


class Evidence(models.Model):
    """An image sent with a report or a dispute: re-encoded on upload, metadata stripped; never public."""

    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    dispute = models.ForeignKey(
        Dispute, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    content_type = models.CharField(max_length=40)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ảnh bằng chứng")
        verbose_name_plural = _("ảnh bằng chứng")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(report__isnull=False) & Q(dispute__isnull=True))
                | (Q(report__isnull=True) & Q(dispute__isnull=False)),
                name="scamcheck_evidence_one_owner",
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.width}×{self.height}"

    def get_absolute_url(self):
        return reverse("scamcheck:evidence", args=[self.pk])


class AllowlistEntry(TimeStamped):
    class Kind(models.TextChoices):
        PHONE = "phone", _("Số điện thoại, tổng đài")
        BANK_ACCOUNT = "bank_account", _("Tài khoản ngân hàng")
        URL = "url", _("Tên miền")
        SOCIAL = "social", _("Tài khoản mạng xã hội")
        BRANDNAME = "brandname", _("Tên thương hiệu tin nhắn (brandname)")

    class Category(models.TextChoices):
        HOTLINE = "hotline", _("Số khẩn cấp, tổng đài")
        WEBSITE = "website", _("Trang web chính thức")
        BRANDNAME = "brandname", _("Tên thương hiệu tin nhắn")
        CHARITY = "charity", _("Tài khoản tiếp nhận ủng hộ")
        OTHER = "other", _("Khác")

    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    value = models.CharField(_("giá trị chuẩn hóa"), max_length=300)
    qualifier = models.CharField(_("ngân hàng"), max_length=16, blank=True, default="")
    display = models.CharField(_("hiển thị"), max_length=300)
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=200)
    category = models.CharField(_("nhóm"), max_length=12, choices=Category.choices)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("đầu mối chính thức")
        verbose_name_plural = _("danh sách chính thức")
        ordering = ["category", "organisation", "display"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "value", "qualifier"], name="scamcheck_allowlist_unique")
        ]

    def __str__(self):
        return f"{self.display} — {self.organisation}"
