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
from canhgiac.core.roles import MANAGE_ROLES, READ_ROLES
from canhgiac.core.scoping import scope_q
from canhgiac.core.text import fold, sort_key
from canhgiac.core.uploads import server_path, suffix_of


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
        # one level of a subtree (a unit's children, the roots): depth, then the path's prefix (LIKE 'X%')
        indexes = [
            models.Index(
                fields=["depth", "path"],
                opclasses=["int4_ops", "varchar_pattern_ops"],
                name="unit_depth_path",
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

    # No index of its own on the foreign keys below: the composite indexes in Meta start with the same column
    # and serve the same lookups; every extra index is written for each of the 100,000 rows of a big import.
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people", db_index=False
    )
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
    # Folded text for "contains" searches: a B-tree index cannot serve LIKE '%…%', so none is kept (it only
    # slowed bulk imports down).
    search_text = models.CharField(max_length=400, editable=False, default="")
    sort_name = models.CharField(max_length=400, editable=False, db_index=True, default="")
    source_import = models.ForeignKey(
        "RosterImport",
        verbose_name=_("nhập từ tệp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_people",
        help_text=_("Lần nhập danh sách đã tạo người này (trống nếu nhập tay)."),
        db_index=False,  # only shown on the person page; the importer finds its rows by id
    )

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

    def save(self, *args, placement_from=None, **kwargs):
        """Save; a new person also gets the first stretch of their roster history (Placement), from
        `placement_from` or, when unknown, from before records began. Later moves and status changes go through
        services (person_update, person_move...), which write the history."""
        adding = self._state.adding
        self.refresh_derived()
        super().save(*args, **kwargs)
        if adding:
            Placement.objects.create(
                person=self, unit_id=self.unit_id, status=self.status, valid_from=placement_from
            )

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

    @property
    def phone_display(self) -> str:
        """+84912345678 → "0912 345 678" (the way people read numbers here)."""
        from .phones import display_phone

        return display_phone(self.phone)

    def exemption_on(self, on):
        """The exemption covering a date, from already-fetched exemptions (prefetch them)."""
        for exemption in self.exemptions.all():
            if exemption.covers(on):
                return exemption
        return None


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


class PlacementQuerySet(models.QuerySet):
    def on(self, day):
        """Stretches in force on a date: valid_from ≤ day < valid_to (an empty bound is open)."""
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day)).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day)
        )

    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "unit", roles=roles))


class Placement(models.Model):
    """One stretch of a person's roster history: in `unit`, with `status`, from `valid_from` (inclusive) to
    `valid_to` (exclusive; empty while it lasts). An empty `valid_from` means "since before the roster was
    recorded" (people already on a list when it was first imported). Every service that creates, moves, changes the status of or
    imports people writes it, so coverage at any date can use the roster as it was (selectors.headcount_by_unit).
    """

    # (person, valid_from) and (unit, valid_from) in Meta serve the foreign keys' lookups: no index of their own.
    person = models.ForeignKey(
        Person, verbose_name=_("người"), on_delete=models.CASCADE, related_name="placements", db_index=False
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="placements", db_index=False
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Person.Status.choices)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến trước ngày"), null=True, blank=True)
    created_at = models.DateTimeField(_("ghi lúc"), default=timezone.now)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person_id", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gt=models.F("valid_from")),
                name="placement_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(valid_to__isnull=True), name="placement_one_open_per_person"
            ),
        ]
        indexes = [models.Index(fields=["unit", "valid_from"]), models.Index(fields=["person", "valid_from"])]

    def __str__(self):
        return f"{self.person_id} @ {self.unit_id} {self.status} {self.valid_from}–{self.valid_to or ''}"


class RosterImportQuerySet(models.QuerySet):
    def visible_to(self, user, roles=MANAGE_ROLES):
        return self.filter(scope_q(user, "unit", roles=roles))


def _import_upload_to(instance, filename):
    return server_path("roster_imports", suffix_of(filename))


class TabularImport(TimeStamped):
    """What every upload of a spreadsheet has (rosters, the case register): the file, its reading, the preview's
    counts and per-row outcomes, who committed it. Subclasses add the unit, the file's folder and the states'
    wording; analysed into a preview, then committed all-or-nothing."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    file_kind = models.CharField(_("loại tệp"), max_length=8)
    phase = models.CharField(_("bước đang làm"), max_length=100, blank=True)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    detected = models.JSONField(_("nhận dạng tệp"), default=dict, blank=True)
    columns = models.JSONField(_("tiêu đề cột"), default=list, blank=True)
    mapping = models.JSONField(_("ghép cột"), default=dict, blank=True)
    mapping_overridden = models.BooleanField(default=False)
    total_rows = models.PositiveIntegerField(_("số dòng dữ liệu"), default=0)
    created_count = models.PositiveIntegerField(_("tạo mới"), default=0)
    updated_count = models.PositiveIntegerField(_("cập nhật"), default=0)
    unchanged_count = models.PositiveIntegerField(_("không đổi"), default=0)
    rejected_count = models.PositiveIntegerField(_("bị từ chối"), default=0)
    # One letter per data row, in file order: C created, U updated, N unchanged, R rejected.
    outcomes = models.TextField(blank=True, default="")
    # {source row number: [Vietnamese messages]} for rejected rows; {row: [notes]} for accepted rows with notes.
    problems = models.JSONField(default=dict, blank=True)
    notes = models.JSONField(default=dict, blank=True)
    sample = models.JSONField(default=list, blank=True)  # first rows as read, without personal data
    analysed_at = models.DateTimeField(null=True, blank=True)
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.original_name} → {self.unit}"

    @property
    def is_busy(self) -> bool:
        return self.status in {self.Status.ANALYSING, self.Status.COMMITTING}

    @property
    def can_commit(self) -> bool:
        return self.status == self.Status.READY and self.rejected_count == 0 and self.total_rows > 0


class RosterImport(TabularImport):
    """One upload of a roster file: analysed into a preview, then committed all-or-nothing."""

    class Status(models.TextChoices):
        ANALYSING = "analysing", _("Đang kiểm tra tệp")
        READY = "ready", _("Chờ xác nhận ghi")
        COMMITTING = "committing", _("Đang ghi vào danh sách")
        DONE = "done", _("Đã ghi vào danh sách")
        REJECTED = "rejected", _("Không ghi: tệp còn lỗi")
        FAILED = "failed", _("Không đọc được tệp")
        CANCELLED = "cancelled", _("Đã hủy")

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị nhận danh sách"), on_delete=models.PROTECT, related_name="roster_imports"
    )
    file = models.FileField(_("tệp"), upload_to=_import_upload_to, max_length=255)
    effective_on = models.DateField(
        _("có hiệu lực từ ngày"),
        null=True,
        blank=True,
        help_text=_("Trống: người mới coi như đã có trong danh sách từ trước; thay đổi tính từ ngày ghi."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.ANALYSING
    )

    objects = RosterImportQuerySet.as_manager()

    class Meta(TabularImport.Meta):
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("lần nhập danh sách")

    def get_absolute_url(self):
        return reverse("org:import_detail", args=[self.pk])
