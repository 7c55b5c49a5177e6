"""Write an analysed case file: new cases with their codes, victims, identifiers and history; changes to cases
already in the register. Runs inside the commit's transaction (all or nothing)."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.core.text import fold
from canhgiac.org.tabular.jobs import CREATED, UNCHANGED, UPDATED, Analysis
from canhgiac.scamcheck.models import Identifier, digest_hex, digest_key

from ..models import Case, CaseEvent, CaseIdentifier, CaseImport, CaseStatus, ClosureReason, Victim
from ..services import publication
from ..services.cases import _display, _label, actor_label, allocate_codes, case_code
from .analyse import COMPARED

BATCH = 1000
_CASE_FIELDS = COMPARED  # the case columns a row carries


def identifiers_for(parsed_items) -> dict[tuple, Identifier]:
    """The stored Identifier of each parsed value, created in bulk when missing (three queries per 1,000)."""
    wanted = {(p.kind, p.value, p.qualifier): p for p in parsed_items}
    found: dict[tuple, Identifier] = {}
    keys = list(wanted)

    def fetch(chunk):
        values = {k[1] for k in chunk}
        for identifier in Identifier.objects.filter(value__in=values):
            key = (identifier.kind, identifier.value, identifier.qualifier)
            if key in wanted:
                found[key] = identifier

    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        fetch(chunk)
        missing = [k for k in chunk if k not in found]
        if missing:
            now = timezone.now()
            Identifier.objects.bulk_create(
                [
                    Identifier(
                        kind=kind,
                        value=value,
                        qualifier=qualifier,
                        display=(wanted[(kind, value, qualifier)].display or value)[:300],
                        digest=digest_key(digest_hex(kind, value)),
                        created_at=now,
                    )
                    for kind, value, qualifier in missing
                ],
                ignore_conflicts=True,
            )
            fetch(missing)
    return found


def apply(analysis: Analysis, *, imp: CaseImport, actor) -> None:
    label = actor_label(actor)
    note = _("Nhập từ tệp “%(name)s”") % {"name": imp.original_name}
    all_ids = [p for v in analysis.creates for p in v["identifiers"]]
    all_ids += [p for _old, changed in analysis.updates for p in changed.get("identifiers", [])]
    identifiers = identifiers_for(all_ids)
    created = _create(analysis.creates, imp, actor, label, note, identifiers)
    updated = _update(analysis.updates, actor, label, note, identifiers)
    to_publish = [c for c in created + updated if c.is_confirmed]
    for case in to_publish:
        publication.publish(case, actor)
    audit(
        actor=actor,
        action="incident.import",
        obj=imp,
        unit=None,  # province-wide readers only (see services.cases.audit_unit)
        summary=_("Nhập sổ vụ việc “%(name)s”: %(c)s vụ mới, %(u)s cập nhật, %(n)s không đổi")
        % {
            "name": imp.original_name,
            "c": analysis.count(CREATED),
            "u": analysis.count(UPDATED),
            "n": analysis.count(UNCHANGED),
        },
        data={
            "created": analysis.count(CREATED),
            "updated": analysis.count(UPDATED),
            "unchanged": analysis.count(UNCHANGED),
            "victims": sum(1 for v in analysis.creates if v["victim"]),
        },
    )


def _create(rows: list[dict], imp, actor, label, note, identifiers) -> list[Case]:
    if not rows:
        return []
    now = timezone.now()
    by_year: dict[int, list[dict]] = defaultdict(list)
    for v in rows:
        by_year[v["reported_on"].year].append(v)
    cases: list[Case] = []
    pending: list[tuple[Case, dict]] = []
    for year, items in sorted(by_year.items()):
        first = allocate_codes(year, len(items))
        for offset, v in enumerate(items):
            sequence = first + offset
            code = case_code(year, sequence)
            case = Case(
                code=code,
                year=year,
                sequence=sequence,
                confirmed_at=now if v["confirmed"] else None,
                confirmed_by=actor if v["confirmed"] else None,
                created_by=actor,
                source_import=imp,
                created_at=now,
                updated_at=now,
                search_text=fold(f"{code} {v['external_ref']} {v['summary']}"),
                **{field: v[field] for field in _CASE_FIELDS},
            )
            cases.append(case)
            pending.append((case, v))
    Case.objects.bulk_create(cases, batch_size=BATCH)
    if any(c.pk is None for c in cases):  # a backend that does not return keys
        pks = dict(Case.objects.filter(code__in=[c.code for c in cases]).values_list("code", "pk"))
        for c in cases:
            c.pk = c.id = pks[c.code]
    Victim.objects.bulk_create(
        [Victim(case=case, **v["victim"]) for case, v in pending if v["victim"]], batch_size=BATCH
    )
    events, links = [], []
    for case, v in pending:
        events.append(
            CaseEvent(
                case=case,
                kind=CaseEvent.Kind.IMPORTED,
                actor=actor,
                actor_label=label,
                to_status=case.status,
                note=note,
                at=now,
            )
        )
        if case.is_confirmed:
            events.append(
                CaseEvent(
                    case=case,
                    kind=CaseEvent.Kind.CONFIRMED,
                    actor=actor,
                    actor_label=label,
                    note=note,
                    at=now,
                )
            )
        seen = set()
        for p in v["identifiers"]:
            identifier = identifiers[(p.kind, p.value, p.qualifier)]
            if identifier.pk not in seen:
                seen.add(identifier.pk)
                links.append(CaseIdentifier(case=case, identifier=identifier, added_by=actor, added_at=now))
    CaseEvent.objects.bulk_create(events, batch_size=BATCH)
    CaseIdentifier.objects.bulk_create(links, batch_size=BATCH)
    return cases


class _Names:
    """Readable values for the history of an imported change (unit and method names read once)."""

    def __init__(self):
        from canhgiac.knowledge.models import ScamMethod
        from canhgiac.org.models import Unit

        self.units = dict(
            Unit.objects.filter(
                kind__in=("ward", "commune", "special_zone", "police", "subunit")
            ).values_list("pk", "name")
        )
        self.methods = dict(ScamMethod.objects.values_list("pk", "name"))

    def show(self, field: str, value) -> str:
        if field in ("unit_id", "handling_unit_id"):
            return self.units.get(value, "—")
        if field == "method_id":
            return self.methods.get(value, "—")
        if field in ("status", "closure_reason"):
            choices = CaseStatus if field == "status" else ClosureReason
            return str(choices(value).label) if value in choices.values else "—"
        return _display(field, value)


def _update(rows: list[tuple[dict, dict]], actor, label, note, identifiers) -> list[Case]:
    if not rows:
        return []
    cases = {c.pk: c for c in Case.objects.filter(pk__in=[old["pk"] for old, _c in rows])}
    names = _Names()
    now = timezone.now()
    out = []
    for old, changed in rows:
        case = cases[old["pk"]]
        fields = {k: v for k, v in changed.items() if k in _CASE_FIELDS}
        previous_status = case.status
        for field, value in fields.items():
            setattr(case, field, value)
        if case.status != CaseStatus.CLOSED:
            case.closure_reason = ""
        elif not case.closure_reason:
            case.closure_reason = ClosureReason.CONCLUDED
        was_confirmed = case.is_confirmed
        confirm = changed.get("confirmed")
        if confirm is None:
            confirm = was_confirmed or case.status == CaseStatus.PROSECUTED
        if case.status == CaseStatus.CLOSED and case.closure_reason == ClosureReason.NOT_FRAUD:
            confirm = False
        case.confirmed_at = (case.confirmed_at or now) if confirm else None
        case.confirmed_by = (case.confirmed_by if was_confirmed else actor) if confirm else None
        case.search_text = fold(f"{case.code} {case.external_ref} {case.summary}")
        case.save()
        if fields:
            diff = [
                [_label(f.removesuffix("_id")), names.show(f, old[f]), names.show(f, v)]
                for f, v in fields.items()
            ]
            CaseEvent.objects.create(
                case=case,
                kind=CaseEvent.Kind.UPDATED,
                actor=actor,
                actor_label=label,
                note=note,
                changes=diff,
                at=now,
            )
        if previous_status != case.status:
            CaseEvent.objects.create(
                case=case,
                kind=CaseEvent.Kind.STATUS,
                actor=actor,
                actor_label=label,
                from_status=previous_status,
                to_status=case.status,
                note=note,
                at=now,
            )
        if was_confirmed != case.is_confirmed:
            kind = CaseEvent.Kind.CONFIRMED if case.is_confirmed else CaseEvent.Kind.UNCONFIRMED
            CaseEvent.objects.create(case=case, kind=kind, actor=actor, actor_label=label, note=note, at=now)
            if not case.is_confirmed:
                publication.withdraw(
                    case, actor, _("Vụ việc %(code)s: %(note)s") % {"code": case.code, "note": note}
                )
        for p in changed.get("identifiers", []):
            identifier = identifiers[(p.kind, p.value, p.qualifier)]
            _link, made = CaseIdentifier.objects.get_or_create(
                case=case, identifier=identifier, defaults={"added_by": actor, "added_at": now}
            )
            if made:
                CaseEvent.objects.create(
                    case=case,
                    kind=CaseEvent.Kind.LINKED,
                    actor=actor,
                    actor_label=label,
                    note=f"{identifier.get_kind_display()}: {identifier.display}",
                    at=now,
                )
        if changed.get("victim"):
            victim, _made = Victim.objects.get_or_create(case=case)
            for field, value in changed["victim"].items():
                setattr(victim, field, value)
            victim.save()
            CaseEvent.objects.create(
                case=case, kind=CaseEvent.Kind.VICTIM, actor=actor, actor_label=label, note=note, at=now
            )
        out.append(case)
    return out
