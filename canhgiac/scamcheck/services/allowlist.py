"""The allowlist of official contacts: hotlines, domains, SMS brandnames, charity accounts."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.core.text import fold

from ..banks import all_banks
from ..identifiers import BRANDNAME, URL, Parsed, normalise, parse_phone
from ..models import AllowlistEntry, Listing

SEED_FILE = Path(__file__).resolve().parent.parent / "data" / "allowlist.json"


def allowlist_parse(kind: str, raw: str, *, bank: str | None = None) -> Parsed:
    raw = (raw or "").strip()
    if kind == BRANDNAME:
        key = fold(raw).replace(" ", "")
        if not key or len(key) > 40:
            raise ValidationError(_("Tên thương hiệu phải có từ 1 đến 40 ký tự."))
        return Parsed(BRANDNAME, key, display=raw[:40])
    if kind == "phone":
        digits = "".join(ch for ch in raw if ch.isdigit())
        if 3 <= len(digits) <= 5 and digits == raw.replace(" ", ""):
            return Parsed("phone", digits, display=digits)  # short codes: 113, 5656 ...
        found = parse_phone(raw)
        if found is None:
            raise ValidationError(
                _("“%(raw)s” không phải số điện thoại hay đầu số hợp lệ.") % {"raw": raw[:40]}
            )
        return found
    parsed = normalise(kind, raw, bank=bank)
    if kind == URL and parsed.kind == URL and parsed.link is not None and "/" not in parsed.value:
        # An official domain covers its subdomains: keep the host as typed (congan.quangninh.gov.vn).
        return Parsed(URL, parsed.link.host, display=parsed.link.unicode_host, link=parsed.link)
    return parsed


@transaction.atomic
def allowlist_add(
    *, kind: str, raw: str, organisation: str, category: str, actor, note: str = "", bank: str | None = None
) -> AllowlistEntry:
    parsed = allowlist_parse(kind, raw, bank=bank)
    if not (organisation or "").strip():
        raise ValidationError(_("Hãy ghi tên cơ quan, tổ chức sở hữu."))
    if AllowlistEntry.objects.filter(
        kind=parsed.kind, value=parsed.value, qualifier=parsed.qualifier
    ).exists():
        raise ValidationError(_("“%(value)s” đã có trong danh sách chính thức.") % {"value": parsed.display})
    listed = Listing.objects.filter(
        identifier__kind=parsed.kind, identifier__value=parsed.value, verified_at__isnull=False
    ).exists()
    if listed:
        raise ValidationError(
            _(
                "“%(value)s” đang được xác minh là lừa đảo. Hãy gỡ xác minh trước khi đưa vào danh sách chính thức."
            )
            % {"value": parsed.display}
        )
    entry = AllowlistEntry.objects.create(
        kind=parsed.kind,
        value=parsed.value,
        qualifier=parsed.qualifier,
        display=(parsed.display or raw)[:300],
        organisation=organisation.strip()[:200],
        category=category,
        note=(note or "").strip()[:300],
        created_by=actor,
    )
    audit(actor=actor, action="scamcheck.allowlist.add", obj=entry, summary=str(entry)[:200])
    return entry


@transaction.atomic
def allowlist_update(
    *, entry: AllowlistEntry, organisation: str, category: str, note: str, actor
) -> AllowlistEntry:
    if not (organisation or "").strip():
        raise ValidationError(_("Hãy ghi tên cơ quan, tổ chức sở hữu."))
    entry.organisation = organisation.strip()[:200]
    entry.category = category
    entry.note = (note or "").strip()[:300]
    entry.save()
    audit(actor=actor, action="scamcheck.allowlist.update", obj=entry, summary=str(entry)[:200])
    return entry


@transaction.atomic
def allowlist_set_active(*, entry: AllowlistEntry, active: bool, actor) -> AllowlistEntry:
    entry.is_active = active
    entry.save(update_fields=["is_active", "updated_at"])
    audit(
        actor=actor,
        action="scamcheck.allowlist.activate" if active else "scamcheck.allowlist.deactivate",
        obj=entry,
        summary=str(entry)[:200],
    )
    return entry


def seed_entries() -> list[dict]:
    """The shipped starting allowlist: data/allowlist.json plus every bank's official domains."""
    entries = list(json.loads(SEED_FILE.read_text(encoding="utf-8"))["entries"])
    for bank in all_banks():
        for domain in bank.domains:
            entries.append(
                {
                    "kind": URL,
                    "raw": domain,
                    "organisation": bank.name,
                    "category": AllowlistEntry.Category.WEBSITE,
                }
            )
    return entries


@transaction.atomic
def allowlist_seed(*, actor=None) -> int:
    """Add the shipped entries that are missing; never touch what coordinators changed. Returns how many."""
    created = 0
    existing = set(AllowlistEntry.objects.values_list("kind", "value", "qualifier"))
    for item in seed_entries():
        parsed = allowlist_parse(item["kind"], item["raw"], bank=item.get("bank"))
        key = (parsed.kind, parsed.value, parsed.qualifier)
        if key in existing:
            continue
        AllowlistEntry.objects.create(
            kind=parsed.kind,
            value=parsed.value,
            qualifier=parsed.qualifier,
            display=(parsed.display or item["raw"])[:300],
            organisation=item["organisation"],
            category=item["category"],
            note=item.get("note", ""),
            created_by=actor,
        )
        existing.add(key)
        created += 1
    if created:
        audit(
            actor=actor,
            action="scamcheck.allowlist.seed",
            summary=_("Nạp danh sách chính thức ban đầu: %(n)d mục") % {"n": created},
        )
    return created
