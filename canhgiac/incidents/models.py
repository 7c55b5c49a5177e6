"""The police case register: cases of online fraud, their victims (personal data, investigators only), the
identifiers used (shared with the scam checker), the history of each case, and imports of case files.

Scoping: a case belongs to a locality (`unit`: a ward, commune or special zone) and may name the police unit
handling it (`handling_unit`). A membership covers a case when either lies in its subtree (core.scoping).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import Role
from canhgiac.core.scoping import scope_q
from canhgiac.core.text import fold
from canhgiac.core.uploads import server_path, suffix_of
from canhgiac.knowledge.models import Channel
from canhgiac.org.models import TabularImport

# Who works with the register, and who reads only its aggregates.
CASE_ROLES = frozenset({Role.INVESTIGATOR, Role.COORDINATOR})
VICTIM_ROLES = frozenset({Role.INVESTIGATOR})
STATS_ROLES = frozenset({Role.INVESTIGATOR, Role.COORDINATOR, Role.LEADER})
LOCALITY_KINDS = ("ward", "commune", "special_zone")

__all__ = [
    "CASE_ROLES",
    "LOCALITY_KINDS",
    "STATS_ROLES",
    "VICTIM_ROLES",
    "AgeBand",
    "Case",
    "CaseCounter",
    "CaseEvent",
    "CaseIdentifier",
    "CaseImport",
    "Channel",
    "CaseStatus",
    "ClosureReason",
    "OffenderAbroad",
    "Victim",
    "VictimGroup",
]


def case_scope_q(user, roles) -> Q:
    """The one scoping rule applied to both places a case belongs to: its locality and its handling unit."""
    return scope_q(user, "unit", roles=roles) | scope_q(user, "handling_unit", roles=roles)


class CaseStatus(models.TextChoices):
    REPORTED = "reported", _("Tiếp nhận")
    VERIFYING = "verifying", _("Đang xác minh")
    PROSECUTED = "prosecuted", _("Đã khởi tố")
    SUSPENDED = "suspended", _("Tạm đình chỉ")
    CLOSED = "closed", _("Đã kết thúc")


# Where a case may go from each status (a closed case may be reopened for verification).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    CaseStatus.REPORTED: (CaseStatus.VERIFYING, CaseStatus.CLOSED),
    CaseStatus.VERIFYING: (CaseStatus.PROSECUTED, CaseStatus.SUSPENDED, CaseStatus.CLOSED),
    CaseStatus.PROSECUTED: (CaseStatus.SUSPENDED, CaseStatus.CLOSED),
    CaseStatus.SUSPENDED: (CaseStatus.VERIFYING, CaseStatus.PROSECUTED, CaseStatus.CLOSED),
    CaseStatus.CLOSED: (CaseStatus.VERIFYING,),
}


class ClosureReason(models.TextChoices):
    NOT_FRAUD = "not_fraud", _("Không có dấu hiệu lừa đảo")
    CONCLUDED = "concluded", _("Đã giải quyết xong (xét xử, trả lại tiền…)")
    TRANSFERRED = "transferred", _("Chuyển cơ quan khác giải quyết")


class VictimGroup(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Cán bộ, công chức, viên chức")
    FINANCE = "finance", _("Người làm tài chính, ngân hàng")
    WORKER = "worker", _("Công nhân, người lao động")
    STUDENT = "student", _("Học sinh, sinh viên")
    RETIREE = "retiree", _("Người nghỉ hưu")
    BUSINESS = "business", _("Chủ doanh nghiệp, hộ kinh doanh")
    OTHER = "other", _("Khác")


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("Dưới 18 tuổi")
    FROM_18 = "18_30", _("Từ 18 đến 30 tuổi")
    FROM_31 = "31_45", _("Từ 31 đến 45 tuổi")
    FROM_46 = "46_60", _("Từ 46 đến 60 tuổi")
    OVER_60 = "o60", _("Trên 60 tuổi")
    UNKNOWN = "unknown", _("Chưa rõ")

    @classmethod
    def for_age(cls, age: int | None) -> str:
        if age is None or age < 0:
            return cls.UNKNOWN
        if age < 18:
            return cls.UNDER_18
        if age <= 30:
            return cls.FROM_18
        if age <= 45:
            return cls.FROM_31
        if age <= 60:
            return cls.FROM_46
        return cls.OVER_60


class OffenderAbroad(models.TextChoices):
    YES = "yes", _("Ở nước ngoài")
    NO = "no", _("Trong nước")
    UNKNOWN = "unknown", _("Chưa xác định")


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Cases an investigator or coordinator may open: by locality or handling unit in their subtrees."""
        return self.filter(case_scope_q(user, CASE_ROLES))

    def counted(self):
        """Cases that count in statistics: all but those closed as not fraud."""
        return self.exclude(status=CaseStatus.CLOSED, closure_reason=ClosureReason.NOT_FRAUD)


class CaseCounter(models.Model):
    """The last sequence number given in a year: case codes are VV-<year>-<sequence>, unique, never reused."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm mã vụ việc")
        verbose_name_plural = _("bộ đếm mã vụ việc")

    def __str__(self):
        return f"{self.year}: {self.last}"


class Case(TimeStamped):
    """One case of online fraud as the police recorded it. Holds no personal data (see Victim)."""

    code = models.CharField(_("mã vụ việc"), max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("năm của mã"), editable=False)
    sequence = models.PositiveIntegerField(_("số thứ tự trong năm"), editable=False)
    external_ref = models.CharField(
        _("số hồ sơ, số tin báo"),
        max_length=60,
        blank=True,
        help_text=_("Số của hồ sơ trong sổ thụ lý của đơn vị (nếu có), ví dụ 125/TB-PA05."),
    )
    reported_on = models.DateField(_("ngày tiếp nhận"), db_index=True)
    occurred_on = models.DateField(_("ngày xảy ra"), db_index=True)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("xã, phường, đặc khu"),
        on_delete=models.PROTECT,
        related_name="fraud_cases",
        help_text=_("Nơi nạn nhân cư trú hoặc nơi xảy ra vụ việc."),
    )
    handling_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị thụ lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_fraud_cases",
    )
    method = models.ForeignKey(
        "knowledge.ScamMethod",
        verbose_name=_("phương thức, thủ đoạn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fraud_cases",
    )
    channel = models.CharField(_("kênh tiếp cận"), max_length=20, choices=Channel.choices, blank=True)
    amount_lost = models.BigIntegerField(_("số tiền bị chiếm đoạt (đồng)"), default=0)
    amount_recovered = models.BigIntegerField(_("số tiền đã thu hồi (đồng)"), default=0)
    victim_group = models.CharField(
        _("nhóm nạn nhân"), max_length=20, choices=VictimGroup.choices, default=VictimGroup.OTHER
    )
    age_band = models.CharField(
        _("độ tuổi nạn nhân"), max_length=10, choices=AgeBand.choices, default=AgeBand.UNKNOWN
    )
    offender_abroad = models.CharField(
        _("đối tượng hoạt động từ nước ngoài"),
        max_length=10,
        choices=OffenderAbroad.choices,
        default=OffenderAbroad.UNKNOWN,
    )
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.REPORTED, db_index=True
    )
    closure_reason = models.CharField(
        _("lý do kết thúc"), max_length=12, choices=ClosureReason.choices, blank=True
    )
    confirmed_at = models.DateTimeField(
        _("xác minh có dấu hiệu lừa đảo lúc"),
        null=True,
        blank=True,
        help_text=_("Từ lúc này các định danh của vụ việc được công bố là lừa đảo trên trang tra cứu."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(
        _("tóm tắt diễn biến"),
        blank=True,
        help_text=_(
            "Thủ đoạn, diễn biến, số lần chuyển tiền. Không ghi họ tên, địa chỉ, số giấy tờ của nạn nhân."
        ),
    )
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_import = models.ForeignKey(
        "CaseImport", null=True, blank=True, on_delete=models.SET_NULL, related_name="created_cases"
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("vụ việc lừa đảo")
        verbose_name_plural = _("vụ việc lừa đảo")
        ordering = ["-reported_on", "-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="incidents_case_year_sequence"),
            models.CheckConstraint(condition=Q(amount_lost__gte=0), name="incidents_case_lost_gte_0"),
            models.CheckConstraint(
                condition=Q(amount_recovered__gte=0) & Q(amount_recovered__lte=F("amount_lost")),
                name="incidents_case_recovered_within_lost",
            ),
            models.CheckConstraint(
                condition=Q(occurred_on__lte=F("reported_on")), name="incidents_case_occurred_before_reported"
            ),
            models.CheckConstraint(
                condition=(Q(status="closed") & ~Q(closure_reason=""))
                | (~Q(status="closed") & Q(closure_reason="")),
                name="incidents_case_closed_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["occurred_on", "unit"], name="incidents_case_occurred_unit"),
            models.Index(fields=["reported_on", "method"], name="incidents_case_reported_method"),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.code} {self.external_ref} {self.summary}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("incidents:case_detail", args=[self.code])

    @property
    def is_confirmed(self) -> bool:
        """Whether the case counts as verified fraud: its identifiers are published as verified scam."""
        return self.confirmed_at is not None

    @property
    def amount_outstanding(self) -> int:
        return self.amount_lost - self.amount_recovered

    def next_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS.get(self.status, ())

    def can_confirm(self) -> bool:
        return not self.is_confirmed and self.status != CaseStatus.CLOSED


class Victim(TimeStamped):
    """The victim's personal data (Nghị định 13/2023/NĐ-CP): only investigators read it, every view is audited."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="victim", primary_key=True)
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    id_number = models.CharField(_("số CCCD/CMND"), max_length=12, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông tin nạn nhân")
        verbose_name_plural = _("thông tin nạn nhân")
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="incidents_victim_birth_year",
            )
        ]

    def __str__(self):
        return f"Nạn nhân vụ {self.case_id}"

    @property
    def is_empty(self) -> bool:
        return not (self.full_name or self.phone or self.id_number or self.address or self.birth_year)

    @property
    def phone_display(self) -> str:
        from canhgiac.org.phones import display_phone

        return display_phone(self.phone)


class CaseIdentifier(models.Model):
    """A phone number, bank account, link or profile used in a case (shared with the scam checker)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    identifier = models.ForeignKey(
        "scamcheck.Identifier",
        on_delete=models.PROTECT,
        related_name="case_links",
        verbose_name=_("định danh"),
    )
    note = models.CharField(
        _("vai trò trong vụ việc"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: số gọi đến, tài khoản nhận tiền, nhóm Telegram điều hành."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("định danh trong vụ việc")
        verbose_name_plural = _("định danh trong vụ việc")
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "identifier"], name="incidents_case_identifier_unique")
        ]

    def __str__(self):
        return f"{self.case_id} ← {self.identifier_id}"


class CaseEvent(models.Model):
    """One line of a case's history: created, edited, status changed, verified, identifiers added or removed.

    Never holds the victim's personal data: a change to it is recorded as "thông tin nạn nhân đã cập nhật".
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("Ghi vào sổ")
        IMPORTED = "imported", _("Nhập từ tệp")
        UPDATED = "updated", _("Sửa thông tin")
        STATUS = "status", _("Chuyển tình trạng")
        CONFIRMED = "confirmed", _("Xác minh có dấu hiệu lừa đảo")
        UNCONFIRMED = "unconfirmed", _("Rút xác minh")
        LINKED = "linked", _("Thêm định danh")
        UNLINKED = "unlinked", _("Gỡ định danh")
        VICTIM = "victim", _("Cập nhật thông tin nạn nhân")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    from_status = models.CharField(max_length=12, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=CaseStatus.choices, blank=True)
    note = models.TextField(blank=True)
    changes = models.JSONField(default=list, blank=True)  # [[field label, old, new], ...]

    class Meta:
        verbose_name = _("lịch sử vụ việc")
        verbose_name_plural = _("lịch sử vụ việc")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d}"


class CaseImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(scope_q(user, "unit", roles=VICTIM_ROLES))


def _import_upload_to(instance, filename):
    return server_path("case_imports", suffix_of(filename))


class CaseImport(TabularImport):
    """One upload of a case file: analysed into a preview, then committed all-or-nothing."""

    class Status(models.TextChoices):
        ANALYSING = "analysing", _("Đang kiểm tra tệp")
        READY = "ready", _("Chờ xác nhận ghi")
        COMMITTING = "committing", _("Đang ghi vào sổ")
        DONE = "done", _("Đã ghi vào sổ")
        REJECTED = "rejected", _("Không ghi: tệp còn lỗi")
        FAILED = "failed", _("Không đọc được tệp")
        CANCELLED = "cancelled", _("Đã hủy")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="case_imports"
    )
    file = models.FileField(_("tệp"), upload_to=_import_upload_to, max_length=255)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.ANALYSING
    )

    objects = CaseImportQuerySet.as_manager()

    class Meta(TabularImport.Meta):
        verbose_name = _("lần nhập sổ vụ việc")
        verbose_name_plural = _("lần nhập sổ vụ việc")

    def get_absolute_url(self):
        return reverse("incidents:import_detail", args=[self.pk])
