"""Campaigns, the units that carry them out, and their obligations."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.org.models import Person, Unit

from ..models import (
    DEFAULT_REMINDER_DAYS,
    DEFAULT_RESPONSIBLE_KINDS,
    Campaign,
    CampaignUnit,
    Conference,
    Obligation,
)

CAMPAIGN_FIELDS = (
    "title",
    "legal_number",
    "legal_date",
    "legal_issuer",
    "legal_subject",
    "description",
    "starts_on",
    "deadline",
    "target_coverage",
    "reach_rule",
    "course",
    "audience_groups",
    "responsible_kinds",
    "requires_needs_assessment",
    "needs_due_on",
    "min_conferences",
    "requires_report",
    "report_due_on",
    "reminder_days",
)
# Changing these re-projects Reach (who counts as reached).
REACH_FIELDS = ("reach_rule", "course_id", "starts_on")


def _check(values: dict) -> None:
    errors = {}
    starts_on, deadline = values.get("starts_on"), values.get("deadline")
    if starts_on and deadline and deadline < starts_on:
        errors["deadline"] = _("Hạn hoàn thành phải sau ngày bắt đầu.")
    for key, label in (("needs_due_on", _("Hạn đánh giá nhu cầu")), ("report_due_on", _("Hạn báo cáo"))):
        day = values.get(key)
        if day and starts_on and day < starts_on:
            errors[key] = _("%(label)s phải sau ngày bắt đầu chiến dịch.") % {"label": label}
    target = values.get("target_coverage")
    if target is not None and not 1 <= target <= 100:
        errors["target_coverage"] = _("Chỉ tiêu bao phủ là một số từ 1 đến 100 (%).")
    groups = values.get("audience_groups") or []
    if any(g not in Person.StaffGroup.values for g in groups):
        errors["audience_groups"] = _("Nhóm cán bộ không hợp lệ.")
    days = values.get("reminder_days") or []
    if any(not isinstance(d, int) or d < 0 or d > 90 for d in days):
        errors["reminder_days"] = _("Số ngày nhắc hạn là các số nguyên từ 0 đến 90, ví dụ: 14, 7, 3, 1.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def campaign_create(*, actor, audience_units: list[Unit], **values) -> Campaign:
    """A new campaign, as a draft: the coordinator checks it, then launches it."""
    values = {k: v for k, v in values.items() if k in CAMPAIGN_FIELDS}
    values.setdefault("responsible_kinds", list(DEFAULT_RESPONSIBLE_KINDS))
    values.setdefault("reminder_days", list(DEFAULT_REMINDER_DAYS))
    _check(values)
    if not audience_units:
        raise ValidationError({"audience_units": _("Chọn ít nhất một đơn vị là đối tượng của chiến dịch.")})
    campaign = Campaign(created_by=actor, **values)
    campaign.full_clean(exclude=["created_by"])
    campaign.save()
    campaign.audience_units.set(audience_units)
    audit(
        actor=actor,
        action="campaign.create",
        obj=campaign,
        summary=f"Tạo chiến dịch “{campaign.title}” theo {campaign.legal_reference}",
    )
    return campaign


@transaction.atomic
def campaign_update(
    *, campaign: Campaign, actor, audience_units: list[Unit] | None = None, **values
) -> Campaign:
    from .reach import reach_rebuild

    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status == Campaign.Status.CLOSED:
        raise ValidationError(_("Chiến dịch đã kết thúc; không sửa được nữa."))
    values = {k: v for k, v in values.items() if k in CAMPAIGN_FIELDS}
    merged = {k: getattr(campaign, k) for k in CAMPAIGN_FIELDS if k != "course"} | values
    _check(merged)
    before = {k: getattr(campaign, k) for k in REACH_FIELDS}
    before_audience = sorted(campaign.audience_units.values_list("pk", flat=True))
    for key, value in values.items():
        setattr(campaign, key, value)
    campaign.full_clean(exclude=["created_by"])
    campaign.save()
    if audience_units is not None:
        if not audience_units:
            raise ValidationError(
                {"audience_units": _("Chọn ít nhất một đơn vị là đối tượng của chiến dịch.")}
            )
        campaign.audience_units.set(audience_units)
    audience_changed = sorted(campaign.audience_units.values_list("pk", flat=True)) != before_audience
    if campaign.status == Campaign.Status.ACTIVE:
        obligations_ensure(campaign=campaign)
        if audience_changed or any(getattr(campaign, k) != v for k, v in before.items()):
            reach_rebuild(campaign=campaign, actor=actor)
    audit(actor=actor, action="campaign.update", obj=campaign, summary=f"Sửa chiến dịch “{campaign.title}”")
    return campaign


def responsible_units(campaign: Campaign) -> list[Unit]:
    """The units that answer for the campaign: in its audience subtrees, open on its start, of a responsible
    kind, and not below another responsible unit (a department answers for its offices)."""
    kinds = set(campaign.responsible_kinds or DEFAULT_RESPONSIBLE_KINDS)
    units = Unit.objects.open(campaign.starts_on)
    paths = [u.path for u in campaign.audience_units.all()]
    if paths:
        from django.db.models import Q

        q = Q()
        for path in paths:
            q |= Q(path__startswith=path)
        units = units.filter(q)
    chosen: list[Unit] = []
    for unit in units.filter(kind__in=kinds).order_by("path"):
        if chosen and unit.path.startswith(chosen[-1].path):
            continue
        if any(unit.path.startswith(c.path) for c in chosen):
            continue
        chosen.append(unit)
    return chosen


@transaction.atomic
def campaign_launch(*, campaign: Campaign, actor) -> Campaign:
    """Start the campaign: the responsible units get their obligations; passes since the start count."""
    from .reach import reach_rebuild

    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.DRAFT:
        raise ValidationError(_("Chỉ triển khai được chiến dịch đang ở dạng bản nháp."))
    if not campaign.participants.exists():
        units = responsible_units(campaign)
        if not units:
            raise ValidationError(
                _("Không tìm thấy đơn vị nào phải thực hiện trong phạm vi đối tượng; hãy kiểm tra đối tượng.")
            )
        CampaignUnit.objects.bulk_create([CampaignUnit(campaign=campaign, unit=u) for u in units])
    campaign.status = Campaign.Status.ACTIVE
    campaign.launched_at = timezone.now()
    campaign.save(update_fields=["status", "launched_at", "updated_at"])
    obligations_ensure(campaign=campaign)
    reach_rebuild(campaign=campaign)
    audit(
        actor=actor,
        action="campaign.launch",
        obj=campaign,
        summary=f"Triển khai chiến dịch “{campaign.title}” tới {campaign.participants.count()} đơn vị",
    )
    return campaign


@transaction.atomic
def campaign_close(*, campaign: Campaign, actor) -> Campaign:
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.ACTIVE:
        raise ValidationError(_("Chỉ kết thúc được chiến dịch đang triển khai."))
    campaign.status = Campaign.Status.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at", "updated_at"])
    audit(
        actor=actor, action="campaign.close", obj=campaign, summary=f"Kết thúc chiến dịch “{campaign.title}”"
    )
    return campaign


@transaction.atomic
def participant_add(*, campaign: Campaign, unit: Unit, actor) -> CampaignUnit:
    if campaign.status == Campaign.Status.CLOSED:
        raise ValidationError(_("Chiến dịch đã kết thúc."))
    clash = participant_for_unit(campaign=campaign, unit=unit)
    if clash is not None:
        raise ValidationError(
            _("“%(unit)s” đã thuộc đơn vị thực hiện “%(parent)s”.")
            % {"unit": unit.name, "parent": clash.unit.name}
        )
    below = CampaignUnit.objects.filter(campaign=campaign, unit__path__startswith=unit.path)
    if below.exists():
        raise ValidationError(
            _("Đã có đơn vị trực thuộc “%(unit)s” trong danh sách; hãy bỏ đơn vị đó trước.")
            % {"unit": unit.name}
        )
    participant = CampaignUnit.objects.create(campaign=campaign, unit=unit)
    if campaign.status == Campaign.Status.ACTIVE:
        obligations_ensure(campaign=campaign)
    audit(
        actor=actor,
        action="campaign.unit_add",
        obj=campaign,
        unit=unit,
        summary=f"Thêm {unit.name} vào danh sách đơn vị thực hiện",
    )
    return participant


@transaction.atomic
def participant_remove(*, participant: CampaignUnit, actor) -> None:
    if participant.obligations.filter(done_at__isnull=False).exists():
        raise ValidationError(_("Đơn vị đã hoàn thành một số nội dung; không bỏ khỏi danh sách được."))
    audit(
        actor=actor,
        action="campaign.unit_remove",
        obj=participant.campaign,
        unit=participant.unit,
        summary=f"Bỏ {participant.unit.name} khỏi danh sách đơn vị thực hiện",
    )
    participant.delete()


def participant_for_unit(*, campaign: Campaign, unit: Unit) -> CampaignUnit | None:
    """The responsible unit whose subtree holds `unit` (itself or an ancestor), or None. One query."""
    step = Unit.steplen
    prefixes = [unit.path[:n] for n in range(step, len(unit.path) + 1, step)]
    return (
        CampaignUnit.objects.filter(campaign=campaign, unit__path__in=prefixes)
        .select_related("unit")
        .order_by("-unit__depth")
        .first()
    )


def obligations_ensure(*, campaign: Campaign) -> None:
    """Every responsible unit owes what the campaign requires, with the campaign's due dates (idempotent).
    Obligations no longer required are removed unless already fulfilled."""
    required = dict(campaign.required_kinds())
    participants = list(campaign.participants.all())
    existing = {
        (o.participant_id, o.kind): o for o in Obligation.objects.filter(participant__campaign=campaign)
    }
    to_create, to_update = [], []
    for participant in participants:
        for kind, target in required.items():
            due = campaign.due_on(kind)
            row = existing.get((participant.pk, kind))
            if row is None:
                to_create.append(Obligation(participant=participant, kind=kind, due_on=due, target=target))
            elif row.due_on != due or row.target != target:
                row.due_on, row.target = due, target
                to_update.append(row)
    Obligation.objects.bulk_create(to_create)
    Obligation.objects.bulk_update(to_update, ["due_on", "target"])
    stale = [o.pk for (pid, kind), o in existing.items() if kind not in required and o.done_at is None]
    if stale:
        Obligation.objects.filter(pk__in=stale).delete()
    if Obligation.Kind.CONFERENCES in required:
        for participant in participants:
            obligation_refresh_conferences(participant=participant)


HELD_STATES = (Conference.Status.HELD, Conference.Status.REPORTED)


def obligation_refresh_conferences(*, participant: CampaignUnit) -> Obligation | None:
    """Recount the held conferences of a responsible unit's subtree; done when the N-th was held."""
    obligation = Obligation.objects.filter(participant=participant, kind=Obligation.Kind.CONFERENCES).first()
    if obligation is None:
        return None
    ends = list(
        Conference.objects.filter(
            campaign_id=participant.campaign_id,
            unit__path__startswith=participant.unit.path,
            status__in=HELD_STATES,
        )
        .order_by("ends_at")
        .values_list("ends_at", flat=True)
    )
    progress = len(ends)
    done_at = ends[obligation.target - 1] if progress >= obligation.target else None
    if obligation.how == Obligation.How.MANUAL and obligation.done_at and done_at is None:
        done_at = obligation.done_at  # the coordinator confirmed it by hand (e.g. conferences held off-line)
    changed = obligation.progress != progress or obligation.done_at != done_at
    if changed:
        obligation.progress, obligation.done_at = progress, done_at
        if done_at is not None and obligation.how != Obligation.How.MANUAL:
            obligation.how = Obligation.How.AUTO
        obligation.save(update_fields=["progress", "done_at", "how"])
    return obligation


@transaction.atomic
def obligation_fulfil(
    *,
    campaign: Campaign,
    unit: Unit,
    kind: str,
    actor,
    at: datetime | None = None,
    how: str = Obligation.How.MANUAL,
    reference: str = "",
    reference_url: str = "",
    note: str = "",
) -> Obligation:
    """Mark a responsible unit's obligation done (the reports app calls this with how="report" when a unit's
    report is accepted; the coordinator when a paper document arrives). Idempotent: the first date stands."""
    obligation = (
        Obligation.objects.select_for_update()
        .select_related("participant__unit")
        .filter(participant__campaign=campaign, participant__unit=unit, kind=kind)
        .first()
    )
    if obligation is None:
        raise ValidationError(
            _("%(unit)s không có nội dung “%(kind)s” trong chiến dịch này.")
            % {"unit": unit.name, "kind": Obligation.Kind(kind).label}
        )
    if obligation.done_at is None:
        obligation.done_at = at or timezone.now()
        obligation.how = how
    obligation.reference = reference[:200] or obligation.reference
    obligation.reference_url = reference_url[:300] or obligation.reference_url
    obligation.note = note[:300] or obligation.note
    obligation.updated_by = actor
    obligation.save()
    audit(
        actor=actor,
        action="obligation.fulfil",
        obj=campaign,
        unit=unit,
        summary=f"{unit.name}: hoàn thành “{obligation.get_kind_display()}” "
        f"ngày {timezone.localtime(obligation.done_at):%d/%m/%Y}",
        data={"kind": kind, "how": how, "reference": obligation.reference},
    )
    return obligation


@transaction.atomic
def obligation_reopen(*, campaign: Campaign, unit: Unit, kind: str, actor, note: str = "") -> Obligation:
    """Undo a fulfilment (a report returned for corrections, a mistaken confirmation)."""
    obligation = (
        Obligation.objects.select_for_update()
        .filter(participant__campaign=campaign, participant__unit=unit, kind=kind)
        .select_related("participant__unit")
        .first()
    )
    if obligation is None:
        raise ValidationError(_("Không tìm thấy nội dung này của đơn vị."))
    obligation.done_at, obligation.how, obligation.updated_by = None, "", actor
    obligation.note = note[:300]
    obligation.save()
    if kind == Obligation.Kind.CONFERENCES:
        obligation = obligation_refresh_conferences(participant=obligation.participant)
    audit(
        actor=actor,
        action="obligation.reopen",
        obj=campaign,
        unit=unit,
        summary=f"{unit.name}: mở lại “{obligation.get_kind_display()}”",
        data={"kind": kind, "note": note},
    )
    return obligation
