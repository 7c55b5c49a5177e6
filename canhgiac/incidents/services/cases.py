"""Writes on cases: record, edit, move through the workflow, verify, link identifiers, read a victim's data.

Every service is keyword-only and atomic, raises ValidationError in Vietnamese, writes the case's history
(CaseEvent) and an audit event. Victims' personal data never enters the history or the audit data.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.org.models import Unit
from canhgiac.scamcheck.identifiers import Parsed
from canhgiac.scamcheck.services import identifier_get_or_create

from .. import permissions, rules
from ..models import (
    CASE_ROLES,
    LOCALITY_KINDS,
    AgeBand,
    Case,
    CaseCounter,
    CaseEvent,
    CaseIdentifier,
    CaseStatus,
    Channel,
    ClosureReason,
    OffenderAbroad,
    Victim,
    VictimGroup,
)
from . import publication

# The fields of a case an edit may change, in the order the history lists them.
EDITABLE = (
    "external_ref",
    "reported_on",
    "occurred_on",
    "unit",
    "handling_unit",
    "method",
    "channel",
    "amount_lost",
    "amount_recovered",
    "victim_group",
    "age_band",
    "offender_abroad",
    "summary",
)
VICTIM_FIELDS = ("full_name", "phone", "id_number", "address", "birth_year")


def audit_unit(case: Case):
    """The unit an audit event of a case is filed under: the police unit handling it, else none (province-wide
    readers only). Never the ward: the ward's managers read the audit log of their unit and must not learn of
    cases there beyond the aggregates."""
    return case.handling_unit if case.handling_unit_id else None


def actor_label(actor) -> str:
    return (actor.get_full_name() or actor.email) if actor is not None else _("Hệ thống")


def allocate_codes(year: int, count: int = 1) -> int:
    """Reserve `count` consecutive sequence numbers of `year`; returns the first. Call inside a transaction."""
    counter = None
    for _attempt in range(3):
        try:
            with transaction.atomic():
                counter, _created = CaseCounter.objects.select_for_update().get_or_create(year=year)
                break
        except IntegrityError:  # two first cases of a year at once: the other one created the row
            continue
    if counter is None:
        counter = CaseCounter.objects.select_for_update().get(year=year)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return first


def case_code(year: int, sequence: int) -> str:
    return f"VV-{year}-{sequence:04d}"


def police_units():
    """The police units (and their sub-units) that may handle a case."""
    from django.db.models import Q

    paths = list(Unit.objects.filter(kind=Unit.Kind.POLICE).values_list("path", flat=True))
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return Unit.objects.filter(query)


def _display(field: str, value) -> str:
    if value in (None, ""):
        return "—"
    if field in ("amount_lost", "amount_recovered"):
        return f"{value:,}".replace(",", ".") + " đ"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    choices = {
        "channel": Channel,
        "victim_group": VictimGroup,
        "age_band": AgeBand,
        "offender_abroad": OffenderAbroad,
    }.get(field)
    if choices is not None:
        try:
            return str(choices(value).label)
        except ValueError:
            return str(value)
    return str(value)


def _check(values: dict, actor) -> None:
    """ValidationError({field: message}) when a case's values break a rule; `values` holds every field."""
    errors = {}
    unit = values["unit"]
    if unit is None:
        errors["unit"] = _("Chọn xã, phường, đặc khu nơi xảy ra vụ việc.")
    elif unit.kind not in LOCALITY_KINDS:
        errors["unit"] = _("“%(name)s” không phải xã, phường, đặc khu.") % {"name": unit.name}
    elif actor is not None and not actor.is_superuser and not _unit_allowed(actor, unit, values):
        errors["unit"] = _("“%(name)s” ở ngoài địa bàn bạn phụ trách.") % {"name": unit.name}
    handling = values.get("handling_unit")
    if handling is not None and not police_units().filter(pk=handling.pk).exists():
        errors["handling_unit"] = _("Đơn vị thụ lý phải là Công an hoặc một đơn vị thuộc Công an.")
    for field, message in (
        *rules.date_problems(values["reported_on"], values["occurred_on"]).items(),
        *rules.amount_problems(values["amount_lost"], values["amount_recovered"]).items(),
    ):
        errors.setdefault(field, message)
    if values["reported_on"] is None:
        errors["reported_on"] = _("Ghi ngày tiếp nhận.")
    if values["occurred_on"] is None:
        errors["occurred_on"] = _("Ghi ngày xảy ra.")
    for field, choices in (
        ("channel", Channel),
        ("victim_group", VictimGroup),
        ("age_band", AgeBand),
        ("offender_abroad", OffenderAbroad),
    ):
        value = values.get(field)
        if value and value not in choices.values:
            errors[field] = _("Giá trị không hợp lệ.")
    if len(values.get("external_ref") or "") > 60:
        errors["external_ref"] = _("Số hồ sơ dài quá 60 ký tự.")
    if errors:
        raise ValidationError(errors)


def _unit_allowed(actor, unit: Unit, values: dict) -> bool:
    from canhgiac.core.scoping import unit_in_scope

    if unit_in_scope(actor, unit, CASE_ROLES):
        return True
    handling = values.get("handling_unit")
    return handling is not None and unit_in_scope(actor, handling, CASE_ROLES)


def _event(case: Case, kind: str, actor, **fields) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case, kind=kind, actor=actor, actor_label=actor_label(actor), **fields
    )


def _save_victim(case: Case, data: dict | None, actor) -> bool:
    """Store the victim's data (cleaned); True when something changed. Only investigators may."""
    if data is None:
        return False
    if not permissions.victim_visible(actor, case):
        raise PermissionDenied(_("Chỉ điều tra viên phụ trách vụ việc được ghi thông tin nạn nhân."))
    clean, problems = rules.clean_victim(data)
    if problems:
        raise ValidationError({f"victim_{k}": v for k, v in problems.items()})
    victim = Victim.objects.filter(case=case).first()
    if victim is None:
        if not any(clean.values()):
            return False
        Victim.objects.create(case=case, **clean)
        return True
    changed = [f for f in VICTIM_FIELDS if getattr(victim, f) != clean[f]]
    if changed:
        for f in changed:
            setattr(victim, f, clean[f])
        victim.save()
    return bool(changed)


@transaction.atomic
def case_create(
    *,
    actor,
    reported_on: dt.date,
    occurred_on: dt.date,
    unit: Unit,
    method=None,
    channel: str = "",
    amount_lost: int = 0,
    amount_recovered: int = 0,
    victim_group: str = VictimGroup.OTHER,
    age_band: str = AgeBand.UNKNOWN,
    offender_abroad: str = OffenderAbroad.UNKNOWN,
    handling_unit: Unit | None = None,
    external_ref: str = "",
    summary: str = "",
    status: str = CaseStatus.REPORTED,
    closure_reason: str = "",
    confirm: bool = False,
    victim: dict | None = None,
    identifiers: list[tuple[Parsed, str]] = (),
) -> Case:
    """Record a case; with `confirm`, it counts as verified fraud at once and its identifiers are published."""
    values = {
        "reported_on": reported_on,
        "occurred_on": occurred_on,
        "unit": unit,
        "handling_unit": handling_unit,
        "method": method,
        "channel": channel or "",
        "amount_lost": amount_lost or 0,
        "amount_recovered": amount_recovered or 0,
        "victim_group": victim_group or VictimGroup.OTHER,
        "age_band": age_band or AgeBand.UNKNOWN,
        "offender_abroad": offender_abroad or OffenderAbroad.UNKNOWN,
        "external_ref": (external_ref or "").strip(),
        "summary": (summary or "").strip(),
    }
    _check(values, actor)
    if status not in CaseStatus.values:
        raise ValidationError({"status": _("Tình trạng không hợp lệ.")})
    if status == CaseStatus.CLOSED and closure_reason not in ClosureReason.values:
        raise ValidationError({"closure_reason": _("Vụ việc đã kết thúc: chọn lý do kết thúc.")})
    if status != CaseStatus.CLOSED:
        closure_reason = ""
    if confirm and status == CaseStatus.CLOSED and closure_reason == ClosureReason.NOT_FRAUD:
        raise ValidationError(
            {"confirm": _("Vụ việc kết thúc vì không có dấu hiệu lừa đảo thì không xác minh được.")}
        )
    if victim is not None and not permissions.can_see_victims(actor):
        raise PermissionDenied(_("Chỉ điều tra viên được ghi thông tin nạn nhân."))
    year = reported_on.year
    sequence = allocate_codes(year)
    confirmed = confirm or status == CaseStatus.PROSECUTED
    if confirmed and status == CaseStatus.REPORTED:
        status = CaseStatus.VERIFYING
    now = timezone.now()
    case = Case.objects.create(
        code=case_code(year, sequence),
        year=year,
        sequence=sequence,
        status=status,
        closure_reason=closure_reason,
        confirmed_at=now if confirmed else None,
        confirmed_by=actor if confirmed else None,
        created_by=actor,
        **values,
    )
    if victim is not None:
        _save_victim(case, victim, actor)
        birth_year = case.victim.birth_year if hasattr(case, "victim") else None
        if case.age_band == AgeBand.UNKNOWN and birth_year:
            case.age_band = rules.age_band_for(birth_year, case.occurred_on)
            case.save(update_fields=["age_band", "updated_at"])
    _event(case, CaseEvent.Kind.CREATED, actor, to_status=status)
    for parsed, note in identifiers:
        _link(case, parsed, note, actor)
    refused = []
    if confirmed:
        _event(case, CaseEvent.Kind.CONFIRMED, actor)
        refused = publication.publish(case, actor)
    audit(
        actor=actor,
        action="incident.case.create",
        obj=case,
        unit=audit_unit(case),
        summary=_("Ghi vụ việc %(code)s") % {"code": case.code},
        data={"status": status, "confirmed": confirmed, "identifiers": len(identifiers)},
    )
    case.publication_refused = refused
    return case


def _label(field: str) -> str:
    label = str(Case._meta.get_field(field).verbose_name)
    return label[:1].upper() + label[1:]


@transaction.atomic
def case_update(*, case: Case, actor, victim: dict | None = None, **changes) -> Case:
    """Edit a case's facts (and the victim's data, investigators only). Records what changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"case_update: unknown fields {sorted(unknown)}")
    case = Case.objects.select_for_update().get(pk=case.pk)
    values = {field: getattr(case, field) for field in EDITABLE}
    for field, value in changes.items():
        if field in ("channel", "external_ref", "summary"):
            value = (value or "").strip()
        values[field] = value
    _check(values, actor)
    diff, changed = [], []
    for field in EDITABLE:
        old, new = getattr(case, field), values[field]
        if old != new:
            diff.append([_label(field), _display(field, old), _display(field, new)])
            changed.append(field)
            setattr(case, field, new)
    victim_changed = _save_victim(case, victim, actor) if victim is not None else False
    if victim_changed and case.age_band == AgeBand.UNKNOWN:
        birth_year = Victim.objects.filter(case=case).values_list("birth_year", flat=True).first()
        if birth_year:
            case.age_band = rules.age_band_for(birth_year, case.occurred_on)
            diff.append(
                [
                    _label("age_band"),
                    _display("age_band", AgeBand.UNKNOWN),
                    _display("age_band", case.age_band),
                ]
            )
            changed.append("age_band")
    if not diff and not victim_changed:
        return case
    case.save()
    if diff:
        _event(case, CaseEvent.Kind.UPDATED, actor, changes=diff)
    if victim_changed:
        _event(case, CaseEvent.Kind.VICTIM, actor)
    if case.is_confirmed and "method" in changed:
        publication.publish(case, actor)  # the listings name the method
    audit(
        actor=actor,
        action="incident.case.update",
        obj=case,
        unit=audit_unit(case),
        summary=_("Sửa vụ việc %(code)s") % {"code": case.code},
        data={"fields": changed, "victim_changed": victim_changed},
    )
    return case


@transaction.atomic
def case_set_status(*, case: Case, status: str, actor, closure_reason: str = "", note: str = "") -> Case:
    """Move a case along the workflow. Prosecution verifies it; closing it as not fraud withdraws the
    publication of its identifiers; reopening a closed case puts it back under verification."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    note = (note or "").strip()
    if status not in case.next_statuses():
        raise ValidationError(
            {
                "status": _("Vụ việc đang “%(now)s” không chuyển sang “%(to)s” được.")
                % {
                    "now": case.get_status_display(),
                    "to": CaseStatus(status).label if status in CaseStatus.values else status,
                }
            }
        )
    if status == CaseStatus.CLOSED:
        if closure_reason not in ClosureReason.values:
            raise ValidationError({"closure_reason": _("Chọn lý do kết thúc vụ việc.")})
        if closure_reason == ClosureReason.NOT_FRAUD and len(note) < 10:
            raise ValidationError(
                {"note": _("Ghi căn cứ kết luận không có dấu hiệu lừa đảo (ít nhất 10 ký tự).")}
            )
    else:
        closure_reason = ""
    previous = case.status
    case.status = status
    case.closure_reason = closure_reason
    events = [(CaseEvent.Kind.STATUS, {"from_status": previous, "to_status": status, "note": note})]
    if status == CaseStatus.PROSECUTED and not case.is_confirmed:
        case.confirmed_at, case.confirmed_by = timezone.now(), actor
        events.append(
            (CaseEvent.Kind.CONFIRMED, {"note": _("Khởi tố vụ án: vụ việc được xác minh là lừa đảo.")})
        )
        publish = True
    else:
        publish = False
    unconfirm = closure_reason == ClosureReason.NOT_FRAUD and case.is_confirmed
    if unconfirm:
        case.confirmed_at, case.confirmed_by = None, None
        events.append((CaseEvent.Kind.UNCONFIRMED, {"note": _("Kết thúc vì không có dấu hiệu lừa đảo.")}))
    case.save()
    for kind, fields in events:
        _event(case, kind, actor, **fields)
    if publish:
        publication.publish(case, actor)
    if unconfirm:
        publication.withdraw(
            case,
            actor,
            _("Vụ việc %(code)s kết thúc: không có dấu hiệu lừa đảo. %(note)s")
            % {"code": case.code, "note": note},
        )
    audit(
        actor=actor,
        action="incident.case.status",
        obj=case,
        unit=audit_unit(case),
        summary=_("Vụ việc %(code)s: %(from)s → %(to)s")
        % {"code": case.code, "from": CaseStatus(previous).label, "to": case.get_status_display()},
        data={"from": previous, "to": status, "closure_reason": closure_reason},
    )
    return case


@transaction.atomic
def case_confirm(*, case: Case, actor, note: str = "") -> Case:
    """The investigator's "xác minh": the case is fraud; its identifiers are published as verified scam."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.can_confirm():
        raise ValidationError(_("Vụ việc đã được xác minh hoặc đã kết thúc."))
    previous = case.status
    if case.status == CaseStatus.REPORTED:
        case.status = CaseStatus.VERIFYING
    case.confirmed_at, case.confirmed_by = timezone.now(), actor
    case.save()
    if previous != case.status:
        _event(case, CaseEvent.Kind.STATUS, actor, from_status=previous, to_status=case.status)
    _event(case, CaseEvent.Kind.CONFIRMED, actor, note=(note or "").strip())
    refused = publication.publish(case, actor)
    audit(
        actor=actor,
        action="incident.case.confirm",
        obj=case,
        unit=audit_unit(case),
        summary=_("Xác minh có dấu hiệu lừa đảo: vụ việc %(code)s") % {"code": case.code},
    )
    case.publication_refused = refused
    return case


def _link(case: Case, parsed: Parsed, note: str, actor) -> CaseIdentifier:
    identifier = identifier_get_or_create(kind=parsed.kind, parsed=parsed)
    link, created = CaseIdentifier.objects.get_or_create(
        case=case, identifier=identifier, defaults={"note": (note or "").strip()[:200], "added_by": actor}
    )
    if not created:
        raise ValidationError(
            {
                "identifier": _("“%(v)s” đã có trong vụ việc này.")
                % {"v": identifier.display or identifier.value}
            }
        )
    _event(case, CaseEvent.Kind.LINKED, actor, note=f"{identifier.get_kind_display()}: {identifier.display}")
    return link


@transaction.atomic
def case_link_identifier(*, case: Case, parsed: Parsed, actor, note: str = "") -> CaseIdentifier:
    """Add a phone number, account, link or profile to a case; published at once when the case is verified.
    `link.publication_refused` says why it was not (an official contact cannot be listed as a scam)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    link = _link(case, parsed, note, actor)
    link.publication_refused = publication.publish_one(case, link, actor) if case.is_confirmed else ""
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    audit(
        actor=actor,
        action="incident.case.link",
        obj=case,
        unit=audit_unit(case),
        summary=_("Vụ việc %(code)s: thêm %(v)s") % {"code": case.code, "v": link.identifier.display},
        data={
            "identifier": link.identifier_id,
            "published": case.is_confirmed and not link.publication_refused,
        },
    )
    return link


@transaction.atomic
def case_unlink_identifier(*, case: Case, link: CaseIdentifier, actor, reason: str) -> None:
    """Remove an identifier entered by mistake; the case's ground for it is withdrawn from the checker."""
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValidationError({"reason": _("Ghi lý do gỡ định danh (ít nhất 10 ký tự).")})
    if link.case_id != case.pk:
        raise ValidationError(_("Định danh không thuộc vụ việc này."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    publication.withdraw_one(
        case, link, actor, _("Gỡ khỏi vụ việc %(code)s: %(r)s") % {"code": case.code, "r": reason}
    )
    identifier = link.identifier
    link.delete()
    _event(
        case,
        CaseEvent.Kind.UNLINKED,
        actor,
        note=f"{identifier.get_kind_display()}: {identifier.display} — {reason}",
    )
    audit(
        actor=actor,
        action="incident.case.unlink",
        obj=case,
        unit=audit_unit(case),
        summary=_("Vụ việc %(code)s: gỡ %(v)s") % {"code": case.code, "v": identifier.display},
        data={"identifier": identifier.pk, "reason": reason},
    )


def victim_view(*, case: Case, actor, via: str = "page") -> Victim | None:
    """The victim's personal data for an investigator in scope, recorded in the audit log (Nghị định
    13/2023/NĐ-CP): who, when, which case and through what (page, edit form, export)."""
    if not permissions.victim_visible(actor, case):
        raise PermissionDenied(_("Chỉ điều tra viên phụ trách vụ việc được xem thông tin nạn nhân."))
    victim = Victim.objects.filter(case=case).first()
    audit(
        actor=actor,
        action="incident.victim_view",
        obj=case,
        unit=audit_unit(case),
        summary=_("Xem thông tin nạn nhân vụ việc %(code)s") % {"code": case.code},
        data={"via": via},
    )
    return victim
