from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_q
from canhgiac.core.text import fold, sort_key


class UnitQuerySet(MP_NodeQuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        """Units in the user's subtrees (the one scoping rule, core.scoping)."""
        return self.filter(scope_q(user, "", roles=roles))

    def open(self, on=None):
        """Units not closed on the given date (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on)).filter(
            Q(opened_on__isnull=True) | Q(opened_on__lte=on)
        )

    def subtree_of(self, unit):
        return self.filter(path__startswith=unit.path)


class UnitManager(MP_NodeManager):
    def get_queryset(self):
        return UnitQuerySet(self.model).order_by("path")

    def visible_to(self, user, roles=READ_ROLES):
        return self.get_queryset().visible_to(user, roles)

    def open(self, on=None):
        return self.get_queryset().open(on)


class Unit(MP_Node, TimeStamped):
    """A node of the organisation tree: the province, a block, an agency, a commune, a sub-unit."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh")
        BLOCK = "block", _("Khối")
        PARTY_BODY = "party_body", _("Cơ quan tham mưu, giúp việc Tỉnh ủy")
        FRONT = "front", _("Mặt trận Tổ quốc, tổ chức chính trị - xã hội")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        POLICE = "police", _("Công an")
        PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp")
        WARD = "ward", _("Phường")
        COMMUNE = "commune", _("Xã")
        SPECIAL_ZONE = "special_zone", _("Đặc khu")
        SUBUNIT = "subunit", _("Phòng, ban, bộ phận")
        OTHER = "other", _("Khác")

    steplen = 4
    node_order_by: list[str] = []

    code = models.CharField(
        _("mã đơn vị"),
        max_length=32,
        unique=True,
        help_text=_("Mã duy nhất; xã, phường, đặc khu dùng mã đơn vị hành chính chính thức."),
    )
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    official_code = models.CharField(
        _("mã hành chính"),
        max_length=10,
        blank=True,
        help_text=_("Mã đơn vị hành chính (Quyết định 19/2025/QĐ-TTg)."),
    )
    opened_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    closed_on = models.DateField(_("ngày giải thể/sáp nhập"), null=True, blank=True)
    closed_reason = models.CharField(_("lý do đóng"), max_length=255, blank=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True, default="")

    objects = UnitManager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | Q(opened_on__isnull=True)
                | Q(closed_on__gte=models.F("opened_on")),
                name="unit_closed_after_opened",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.name} {self.short_name} {self.code}")[:400]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("org:unit_detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        if self.closed_on and self.closed_on <= on:
            return False
        return not (self.opened_on and self.opened_on > on)

    def clean(self):
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("Ngày đóng phải sau ngày thành lập.")})

    def is_descendant_or_self(self, other: Unit) -> bool:
        return self.path.startswith(other.path)

    def subtree(self):
        return Unit.objects.filter(path__startswith=self.path)


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "unit", roles=roles))

    def in_subtree(self, unit):
        return self.filter(unit__path__startswith=unit.path)

    def active(self):
        return self.filter(status=Person.Status.ACTIVE)


class Person(TimeStamped):
    """Somebody on a unit's roster: a civil servant, public employee or worker. No password: staff reach the
    platform by a personal link or code (training app)."""

    class StaffGroup(models.TextChoices):
        CADRE = "can_bo", _("Cán bộ")
        CIVIL_SERVANT = "cong_chuc", _("Công chức")
        PUBLIC_EMPLOYEE = "vien_chuc", _("Viên chức")
        WORKER = "nguoi_lao_dong", _("Người lao động")
        OTHER = "khac", _("Khác")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang công tác")
        ON_LEAVE = "on_leave", _("Nghỉ dài hạn")
        LEFT = "left", _("Đã chuyển đi, nghỉ việc")

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    staff_group = models.CharField(
        _("nhóm đối tượng"), max_length=20, choices=StaffGroup.choices, default=StaffGroup.CIVIL_SERVANT
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(
        _("số điện thoại"), max_length=20, blank=True, help_text=_("Dạng E.164, ví dụ +84912345678.")
    )
    staff_code = models.CharField(_("mã cán bộ"), max_length=50, blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    search_text = models.CharField(max_length=400, editable=False, db_index=True, default="")
    sort_name = models.CharField(max_length=400, editable=False, db_index=True, default="")

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cán bộ, người lao động")
        verbose_name_plural = _("cán bộ, người lao động")
        ordering = ["sort_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["staff_code"], condition=~Q(staff_code=""), name="person_unique_staff_code"
            ),
        ]
        indexes = [models.Index(fields=["unit", "status"]), models.Index(fields=["email"])]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        """Fill the search and sort columns; call before bulk_create, which skips save()."""
        self.search_text = fold(
            f"{self.full_name} {self.position} {self.email} {self.phone} {self.staff_code}"
        )[:400]
        # Vietnamese names sort by given name (the last word), then by the whole name.
        words = self.full_name.split()
        self.sort_name = sort_key(f"{words[-1]} {self.full_name}" if words else "")[:400]

    def get_absolute_url(self):
        return reverse("org:person_detail", args=[self.pk])


class Exemption(TimeStamped):
    """A recorded reason why a person is out of the coverage denominator for a period."""

    class Reason(models.TextChoices):
        LONG_LEAVE = "long_leave", _("Nghỉ dài hạn (ốm đau, thai sản, đi học)")
        LEFT = "left", _("Đã chuyển công tác, nghỉ việc")
        OTHER = "other", _("Lý do khác")

    person = models.ForeignKey(
        Person, verbose_name=_("người"), on_delete=models.CASCADE, related_name="exemptions"
    )
    reason = models.CharField(_("lý do"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("miễn trừ")
        verbose_name_plural = _("miễn trừ")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="exemption_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person}: {self.get_reason_display()}"

    def covers(self, on) -> bool:
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)
