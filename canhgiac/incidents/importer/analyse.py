"""Analyse a case file against the register: every row's values, problems and what committing would do.

A row is matched to a case already in the register by its case code, else by its file number (số hồ sơ), else
by the same dates, locality, amount and method; otherwise it is a new case. Blank cells never erase what the
register holds. A constant number of queries: the localities and police units of the target, the methods, the
cases of the target subtree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.text import fold
from canhgiac.org.models import Unit
from canhgiac.org.tabular.headers import column_labels
from canhgiac.org.tabular.jobs import CREATED, REJECTED, UNCHANGED, UPDATED, Analysis
from canhgiac.org.tabular.reading import Table
from canhgiac.org.tabular.rows import data_rows
from canhgiac.org.tabular.values import code as code_of
from canhgiac.org.tabular.values import text as text_of

from .. import rules
from ..models import (
    AgeBand,
    Case,
    CaseIdentifier,
    CaseStatus,
    ClosureReason,
    OffenderAbroad,
    Victim,
    VictimGroup,
)
from . import values
from .spec import FIELDS, SPEC, VICTIM_FIELDS

# Case fields compared with the register to tell "updated" from "unchanged".
COMPARED = (
    "external_ref",
    "reported_on",
    "occurred_on",
    "unit_id",
    "handling_unit_id",
    "method_id",
    "channel",
    "amount_lost",
    "amount_recovered",
    "victim_group",
    "age_band",
    "offender_abroad",
    "status",
    "closure_reason",
    "summary",
)
IDENTIFIER_COLUMNS = {"phones": "phone", "accounts": "bank_account", "links": "url", "socials": "social"}
KEY_COLUMNS = ("reported_on", "occurred_on", "amount_lost", "unit_name", "unit_code", "code")


def _long_text(cell) -> str:
    """A free-text cell with its line breaks kept (a summary written over several lines)."""
    if isinstance(cell, str):
        return "\n".join(" ".join(line.split()) for line in cell.replace("\r\n", "\n").strip().split("\n"))
    return text_of(cell)


def _unguard(text: str) -> str:
    """Undo core.exports.safe_cell: an exported "'=…" reads back as "=…" (it is stored as text, never run)."""
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"):
        return text[1:]
    return text


class _PoliceIndex:
    def __init__(self):
        from ..services.cases import police_units

        self.by_key: dict[str, int] = {}
        for pk, code, name, short in police_units().values_list("pk", "code", "name", "short_name"):
            for key in {code.upper(), fold(name), fold(short)} - {""}:
                self.by_key[key] = pk

    def find(self, cell) -> tuple[int | None, str | None]:
        raw = text_of(cell)
        if not raw:
            return None, None
        pk = self.by_key.get(code_of(cell)) or self.by_key.get(fold(raw))
        if pk is None:
            return None, _("Đơn vị thụ lý “%(v)s” không phải đơn vị Công an có trong hệ thống.") % {
                "v": raw[:60]
            }
        return pk, None


def analyse(
    table: Table,
    *,
    target: Unit,
    mapping: dict[int, str] | None = None,
    header_row: int | None = None,
    progress=None,
    today: dt.date | None = None,
) -> Analysis:
    """Parse and check every row; read the register to say what committing would do. Writes nothing."""
    rows = table.rows
    today = today or timezone.localdate()
    result = Analysis()
    if header_row is None or mapping is None:
        found = SPEC.find_header(rows)
        if found is None:
            # offer the first row that looks like a header for manual mapping on the preview
            first = next(
                (i for i, row in enumerate(rows[:40]) if sum(1 for c in row if c not in ("", None)) >= 2), -1
            )
            if first >= 0:
                result.header_row = first
                result.columns = column_labels(rows, first)
            result.fatal = _(
                "Không tìm thấy dòng tiêu đề trong %(n)s dòng đầu của tệp: cần các cột như Ngày tiếp nhận, Ngày xảy "
                "ra, Xã/phường, Phương thức, Số tiền bị chiếm đoạt. Hãy ghép cột bằng tay ở dưới, dùng tệp mẫu "
                "hoặc sửa dòng tiêu đề."
            ) % {"n": min(len(rows), 40)}
            return result
        header_row = found[0] if header_row is None else header_row
        mapping = found[1] if mapping is None else mapping
    result.header_row = header_row
    result.mapping = {int(k): v for k, v in mapping.items() if v in FIELDS}
    result.columns = column_labels(rows, header_row, SPEC.labels(rows, header_row))
    by_field = {v: k for k, v in result.mapping.items()}
    if not ({"reported_on", "occurred_on"} & set(by_field)):
        result.fatal = _("Chưa có cột ngày (Ngày tiếp nhận hoặc Ngày xảy ra): hãy ghép một cột ngày.")
        return result
    if "amount_lost" not in by_field:
        result.fatal = _("Chưa có cột “Số tiền bị chiếm đoạt”: hãy ghép cột số tiền.")
        return result
    key_cols = [by_field[f] for f in KEY_COLUMNS if f in by_field]
    data = data_rows(rows, header_row, key_cols)
    if not data:
        result.fatal = _("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
        return result
    if progress:
        progress(40, _("Đang kiểm tra từng dòng"))
    result.row_numbers = [number for number, _row, _section in data]
    n = len(data)
    problems: list[list[str]] = [[] for _ in range(n)]
    notes: list[list[str]] = [[] for _ in range(n)]

    def column(key):
        col = by_field.get(key)
        if col is None:
            return None
        return [row[col] if col < len(row) else "" for _number, row, _section in data]

    def label(key):
        return result.columns[by_field[key]] or str(FIELDS[key])

    failed: dict[str, set[int]] = defaultdict(set)

    def convert(key, func, *, cached=False, default=None):
        cells = column(key)
        if cells is None:
            return [default] * n
        out, cache = [], {}
        for i, cell in enumerate(cells):
            hashable = cached and isinstance(cell, str | int | float)
            hit = cache.get(cell) if hashable else None
            if hit is None:
                hit = func(cell)
                if hashable:
                    cache[cell] = hit
            out.append(hit[0] if hit[0] not in ("", None) else default)
            if hit[1]:
                problems[i].append(f"{label(key)}: {hit[1]}")
                failed[key].add(i)
            if len(hit) > 2 and hit[2]:
                notes[i].append(hit[2])
        return out

    localities = values.LocalityIndex(target)
    methods = values.MethodIndex()
    police = _PoliceIndex()
    codes = [code_of(c) for c in (column("code") or [""] * n)]
    refs = [_unguard(text_of(c))[:60] for c in (column("external_ref") or [""] * n)]
    reported = convert("reported_on", lambda c: values.date(c, label=str(FIELDS["reported_on"]), today=today))
    occurred = convert("occurred_on", lambda c: values.date(c, label=str(FIELDS["occurred_on"]), today=today))
    if "unit_code" in by_field:
        units = convert("unit_code", localities.find, cached=True)
    elif "unit_name" in by_field:
        units = convert("unit_name", localities.find, cached=True)
    else:
        units = [localities.find(section)[0] if section else None for *_x, section in data]
    handling = convert("handling_unit", police.find, cached=True)
    method_ids = convert("method", methods.find, cached=True)
    channels = convert("channel", values.channel, cached=True, default="")
    lost = convert("amount_lost", lambda c: values.money(c, label=str(FIELDS["amount_lost"])))
    recovered = convert(
        "amount_recovered", lambda c: values.money(c, label=str(FIELDS["amount_recovered"])), default=0
    )
    groups = convert("victim_group", values.victim_group, cached=True, default="")
    bands = convert("age_band", values.age_band, cached=True, default="")
    abroad = convert("offender_abroad", values.offender_abroad, cached=True, default="")
    statuses = convert("status", values.status, cached=True, default=("", ""))
    reasons = convert("closure_reason", values.closure_reason, cached=True, default="")
    confirmed = convert("confirmed", values.yes_no, cached=True)
    summaries = [_unguard(_long_text(c))[:5000] for c in (column("summary") or [""] * n)]
    found_ids: list[list] = [[] for _ in range(n)]
    for key, kind in IDENTIFIER_COLUMNS.items():
        for i, parsed in enumerate(
            convert(key, lambda c, kind=kind: values.identifiers(c, kind), default=[])
        ):
            found_ids[i].extend(parsed or [])
    victims = _victims(column, n, problems, notes, occurred, label, by_field)

    if progress:
        progress(60, _("Đang đối chiếu với sổ vụ việc"))
    rows_values: list[dict | None] = []
    unit_key = "unit_code" if "unit_code" in by_field else "unit_name"
    for i in range(n):
        dates_read = i not in failed["reported_on"] and i not in failed["occurred_on"]
        if dates_read and reported[i] is None and occurred[i] is not None:
            reported[i] = occurred[i]
            if "reported_on" in by_field:
                notes[i].append(_("chưa ghi ngày tiếp nhận: lấy ngày xảy ra"))
        if dates_read and occurred[i] is None and reported[i] is not None:
            occurred[i] = reported[i]
            if "occurred_on" in by_field:
                notes[i].append(_("chưa ghi ngày xảy ra: lấy ngày tiếp nhận"))
        if dates_read and reported[i] is None:
            problems[i].append(_("Thiếu ngày tiếp nhận và ngày xảy ra."))
        for message in rules.date_problems(reported[i], occurred[i], today).values():
            problems[i].append(message)
        if units[i] is None and i not in failed[unit_key]:
            problems[i].append(_("Thiếu xã, phường, đặc khu."))
        if lost[i] is None and i not in failed["amount_lost"]:
            problems[i].append(_("Thiếu số tiền bị chiếm đoạt (ghi 0 nếu không mất tiền)."))
        for message in rules.amount_problems(lost[i], recovered[i] or 0).values():
            problems[i].append(message)
        status, guessed_reason = statuses[i] or ("", "")
        reason = reasons[i] or guessed_reason
        if status == CaseStatus.CLOSED and not reason:
            reason = ClosureReason.CONCLUDED
            notes[i].append(_("đã kết thúc, chưa ghi lý do: coi là đã giải quyết xong"))
        if confirmed[i] and (status == CaseStatus.CLOSED and reason == ClosureReason.NOT_FRAUD):
            problems[i].append(
                _("Vụ việc kết thúc vì không có dấu hiệu lừa đảo thì không thể “đã xác minh lừa đảo”.")
            )
        band = bands[i] or rules.age_band_for((victims[i] or {}).get("birth_year"), occurred[i])
        rows_values.append(
            {
                "code": codes[i],
                "external_ref": refs[i],
                "reported_on": reported[i],
                "occurred_on": occurred[i],
                "unit_id": units[i],
                "handling_unit_id": handling[i],
                "method_id": method_ids[i],
                "channel": channels[i] or "",
                "amount_lost": lost[i] if lost[i] is not None else 0,
                "amount_recovered": recovered[i] or 0,
                "victim_group": groups[i] or "",
                "age_band": band if band != AgeBand.UNKNOWN or bands[i] else "",
                "offender_abroad": abroad[i] or "",
                "status": status,
                "closure_reason": reason if status == CaseStatus.CLOSED else "",
                "confirmed": confirmed[i],
                "summary": summaries[i],
                "identifiers": found_ids[i],
                "victim": victims[i],
            }
        )
    _match(result, target, rows_values, problems)
    result.problems = {result.row_numbers[i]: p for i, p in enumerate(problems) if p}
    result.notes = {result.row_numbers[i]: p for i, p in enumerate(notes) if p and not problems[i]}
    result.sample = [
        _sample(result.row_numbers[i], rows_values[i], result.outcomes[i], localities, methods)
        for i in range(min(n, 8))
    ]
    return result


def _victims(column, n, problems, notes, occurred, label, by_field) -> list[dict | None]:
    """The victim's data of every row (cleaned), None where the file has none."""
    if not (VICTIM_FIELDS & set(by_field)):
        return [None] * n
    cols = {key: column(key) for key in VICTIM_FIELDS}
    out: list[dict | None] = []
    for i in range(n):
        raw = {
            "full_name": text_of(cols["victim_name"][i]) if cols["victim_name"] else "",
            "phone": cols["victim_phone"][i] if cols["victim_phone"] else "",
            "id_number": text_of(cols["victim_id_number"][i]) if cols["victim_id_number"] else "",
            "address": text_of(cols["victim_address"][i]) if cols["victim_address"] else "",
            "birth_year": "",
        }
        birth = cols["victim_birth_year"][i] if cols["victim_birth_year"] else ""
        if isinstance(birth, dt.date):
            birth = birth.year
        elif isinstance(birth, str) and len(birth.strip()) > 4:
            parsed = values.date(birth, label=str(FIELDS["victim_birth_year"]), today=timezone.localdate())[0]
            birth = parsed.year if parsed else birth
        raw["birth_year"] = birth
        age = cols["victim_age"][i] if cols["victim_age"] else ""
        if not raw["birth_year"] and age not in ("", None) and occurred[i]:
            try:
                raw["birth_year"] = occurred[i].year - int(float(str(age).strip()))
                notes[i].append(_("tính năm sinh từ tuổi"))
            except ValueError:
                problems[i].append(_("Tuổi “%(v)s” không đọc được.") % {"v": text_of(age)[:20]})
        clean, errors = rules.clean_victim(raw)
        for field, message in errors.items():
            key = {"full_name": "victim_name"}.get(field, f"victim_{field}")
            problems[i].append(f"{label(key) if key in by_field else FIELDS[key]}: {message}")
        out.append(clean if any(clean.values()) else None)
    return out


_CASE_COLUMNS = ("pk", "code", *COMPARED, "confirmed_at")


def _natural_key(v: dict) -> tuple:
    return (v["reported_on"], v["occurred_on"], v["unit_id"], v["amount_lost"], v["method_id"])


def _match(result: Analysis, target: Unit, rows: list[dict], problems: list[list[str]]) -> None:
    """Decide create / update / unchanged for each row; refuse duplicates inside the file."""
    numbers = result.row_numbers
    scope = Case.objects.filter(unit__path__startswith=target.path)
    existing = list(scope.values_list(*_CASE_COLUMNS))
    linked: dict[int, set[tuple]] = defaultdict(set)
    for case_id, kind, value, qualifier in CaseIdentifier.objects.filter(case__in=scope).values_list(
        "case_id", "identifier__kind", "identifier__value", "identifier__qualifier"
    ):
        linked[case_id].add((kind, value, qualifier))
    victims = {
        v["case_id"]: v
        for v in Victim.objects.filter(case__in=scope).values(
            "case_id", "full_name", "phone", "id_number", "address", "birth_year"
        )
    }
    by_code = {c[1]: c for c in existing}
    by_ref: dict[str, list[tuple]] = defaultdict(list)
    by_key: dict[tuple, list[tuple]] = defaultdict(list)
    for c in existing:
        record = dict(zip(_CASE_COLUMNS, c, strict=True))
        if record["external_ref"]:
            by_ref[fold(record["external_ref"])].append(c)
        by_key[_natural_key(record)].append(c)
    seen: dict[tuple, int] = {}
    for i, v in enumerate(rows):
        keys = []
        if v["code"]:
            keys.append(("code", v["code"]))
        elif v["external_ref"]:
            keys.append(("ref", fold(v["external_ref"])))
        elif not problems[i]:
            keys.append(("key", _natural_key(v)))
        for key in keys:
            if key in seen:
                first = seen[key]
                message = _("Dòng này trùng với dòng %(row)s (cùng %(what)s): xóa bớt một dòng.") % {
                    "row": numbers[first],
                    "what": {
                        "code": _("mã vụ việc"),
                        "ref": _("số hồ sơ"),
                        "key": _("ngày, địa bàn, số tiền, phương thức"),
                    }[key[0]],
                }
                problems[i].append(message)
            else:
                seen[key] = i
    for i, v in enumerate(rows):
        if problems[i]:
            result.outcomes.append(REJECTED)
            continue
        old = None
        if v["code"]:
            old = by_code.get(v["code"])
            if old is None:
                problems[i].append(
                    _("Mã vụ việc “%(code)s” không có trong sổ của %(unit)s: để trống ô mã để ghi vụ mới.")
                    % {"code": v["code"], "unit": target.name}
                )
                result.outcomes.append(REJECTED)
                continue
        elif v["external_ref"]:
            same = by_ref.get(fold(v["external_ref"]), [])
            if len(same) > 1:
                problems[i].append(
                    _("Số hồ sơ “%(ref)s” có ở %(n)s vụ việc trong sổ: ghi mã vụ việc để chỉ rõ vụ nào.")
                    % {"ref": v["external_ref"], "n": len(same)}
                )
                result.outcomes.append(REJECTED)
                continue
            old = same[0] if same else None
        else:
            same = by_key.get(_natural_key(v), [])
            old = same[0] if len(same) == 1 else None
        if old is None:
            result.creates.append(_with_defaults(v))
            result.outcomes.append(CREATED)
            continue
        record = dict(zip(_CASE_COLUMNS, old, strict=True))
        changed = {k: v[k] for k in COMPARED if v[k] not in ("", None) and v[k] != record[k]}
        if "amount_recovered" in changed and changed["amount_recovered"] == 0 and record["amount_recovered"]:
            del changed["amount_recovered"]  # a blank "0" never erases what was recovered
        new_recovered = changed.get("amount_recovered", record["amount_recovered"])
        if new_recovered > changed.get("amount_lost", record["amount_lost"]):
            problems[i].append(_("Số tiền thu hồi không thể lớn hơn số tiền bị chiếm đoạt."))
            result.outcomes.append(REJECTED)
            continue
        if changed.get("status") and changed["status"] != CaseStatus.CLOSED:
            changed["closure_reason"] = ""
        confirm = v["confirmed"]
        if confirm is not None and confirm != (record["confirmed_at"] is not None):
            changed["confirmed"] = confirm
        new_ids = [p for p in v["identifiers"] if (p.kind, p.value, p.qualifier) not in linked[record["pk"]]]
        if new_ids:
            changed["identifiers"] = new_ids
        if v["victim"]:
            known = victims.get(record["pk"], {})
            victim = {k: x for k, x in v["victim"].items() if x not in ("", None) and x != known.get(k)}
            if victim:
                changed["victim"] = victim
        if changed:
            result.updates.append((record, changed))
            result.outcomes.append(UPDATED)
        else:
            result.outcomes.append(UNCHANGED)
    if any(problems):
        result.creates.clear()
        result.updates.clear()


def _with_defaults(v: dict) -> dict:
    out = dict(v)
    out["victim_group"] = v["victim_group"] or VictimGroup.OTHER
    out["age_band"] = v["age_band"] or AgeBand.UNKNOWN
    out["offender_abroad"] = v["offender_abroad"] or OffenderAbroad.UNKNOWN
    out["status"] = v["status"] or CaseStatus.REPORTED
    if out["confirmed"] is None:
        # a register's prosecuted, suspended or settled cases were fraud; new reports are not verified yet
        out["confirmed"] = out["status"] in (CaseStatus.PROSECUTED, CaseStatus.SUSPENDED) or (
            out["status"] == CaseStatus.CLOSED and out["closure_reason"] == ClosureReason.CONCLUDED
        )
    return out


def _sample(number: int, v: dict, outcome: str, localities, methods) -> dict:
    """A row as read, for the preview: no personal data (only whether the victim's data is there)."""
    return {
        "row": number,
        "code": v["code"],
        "reported_on": v["reported_on"].strftime("%d/%m/%Y") if v["reported_on"] else "",
        "unit": localities.names.get(v["unit_id"], ""),
        "method_id": v["method_id"],
        "amount_lost": v["amount_lost"],
        "status": v["status"],
        "identifiers": len(v["identifiers"]),
        "victim": bool(v["victim"]),
        "outcome": outcome,
    }
