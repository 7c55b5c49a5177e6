"""Import a typed-up sign-in sheet (.xlsx, .xls, .csv) into a conference's attendance, with the roster
importer's building blocks (org.importer: upload check by content, calamine/CSV reading with legacy fonts,
header detection, value cleaning). All-or-nothing: a preview lists every row's outcome; any row in error
blocks the write, and the write checks everything again against the roster of that moment."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.core.text import fold
from canhgiac.org.importer.parse import parse
from canhgiac.org.importer.reading import ImportFileError, check_upload, read_table
from canhgiac.org.models import Person

from ..models import Attendance, AttendanceImport, Conference
from .attendance import _manager_can_record, _reach
from .counters import deferred

MAX_ROWS = 5000
PRESENT, ALREADY, GUEST, ERROR = "present", "already", "guest", "error"
OUTCOME_LABELS = {
    PRESENT: _("Ghi có mặt"),
    ALREADY: _("Đã có mặt từ trước"),
    GUEST: _("Khách (không có trong danh sách)"),
    ERROR: _("Lỗi"),
}


def _roster(conference: Conference) -> list[tuple]:
    return list(
        Person.objects.filter(
            unit__path__startswith=conference.unit.path, status=Person.Status.ACTIVE
        ).values_list("id", "full_name", "staff_code", "email", "phone", "unit__name")
    )


def analyse(conference: Conference, path: str, kind: str) -> tuple[list[dict], dict, str]:
    """(rows, counts, fatal message) for a stored sign-in file. Rows: {row, name, outcome, person, message}."""
    try:
        table = read_table(path, kind)
    except ImportFileError as exc:
        return [], {}, exc.message
    parsed = parse(table)
    if parsed.fatal:
        return [], {}, parsed.fatal
    if len(parsed) > MAX_ROWS:
        return (
            [],
            {},
            _("Tệp có %(n)s dòng; mỗi lần nhập tối đa %(max)s dòng.") % {"n": len(parsed), "max": MAX_ROWS},
        )
    by_code, by_email, by_phone, by_name = {}, {}, {}, defaultdict(list)
    names = {}
    for pid, full_name, code, email, phone, unit_name in _roster(conference):
        names[pid] = (full_name, unit_name)
        if code:
            by_code[code.upper()] = pid
        if email:
            by_email[email.lower()] = pid
        if phone:
            by_phone[phone] = pid
        by_name[fold(full_name)].append(pid)
    present = set(
        Attendance.objects.filter(conference=conference, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    rows, seen = [], {}
    for i, number in enumerate(parsed.row_numbers):
        name = parsed.full[i]
        code = (parsed.codes[i] if parsed.codes else "").upper()
        email = (parsed.emails[i] if parsed.emails else "").lower()
        phone = parsed.phones[i] if parsed.phones else ""
        unit_text = ""
        if parsed.unit_keys and parsed.unit_keys[i] >= 0:
            unit_text = str(parsed.unit_inputs[parsed.unit_keys[i]][-1])[:200]
        row = {"row": number, "name": name, "unit": unit_text, "phone": phone, "person": None, "message": ""}
        if i in parsed.names:
            row.update(outcome=ERROR, message=parsed.names[i])
            rows.append(row)
            continue
        pid = None
        if code:
            pid = by_code.get(code)
            if pid is None:
                row.update(
                    outcome=ERROR,
                    message=_("Mã cán bộ “%(code)s” không có trong danh sách của %(unit)s.")
                    % {"code": code, "unit": conference.unit.name},
                )
                rows.append(row)
                continue
        pid = pid or (by_email.get(email) if email else None) or (by_phone.get(phone) if phone else None)
        if pid is None:
            same = by_name.get(fold(name), [])
            if len(same) == 1:
                pid = same[0]
            elif len(same) > 1:
                row.update(
                    outcome=ERROR,
                    message=_(
                        "Có %(n)s người tên “%(name)s” trong danh sách; thêm cột mã cán bộ hoặc số điện thoại "
                        "để phân biệt."
                    )
                    % {"n": len(same), "name": name},
                )
                rows.append(row)
                continue
        if pid is None:
            row.update(
                outcome=GUEST, message=_("Không có trong danh sách: ghi là khách, không tính bao phủ.")
            )
        elif pid in seen:
            row.update(outcome=ALREADY, person=pid, message=_("Trùng dòng %(row)s.") % {"row": seen[pid]})
        else:
            seen[pid] = number
            row.update(
                outcome=ALREADY if pid in present else PRESENT,
                person=pid,
                name=names[pid][0],
                unit=names[pid][1],
            )
        rows.append(row)
    counts = {key: sum(1 for r in rows if r["outcome"] == key) for key in OUTCOME_LABELS}
    return rows, counts, ""


@transaction.atomic
def attendance_import_start(*, conference: Conference, upload, actor) -> AttendanceImport:
    _manager_can_record(conference, timezone.now())
    head = upload.read(16)
    upload.seek(0)
    try:
        kind = check_upload(upload.name, upload.size, head)
    except ImportFileError as exc:
        raise ValidationError({"file": exc.message}) from None
    imp = AttendanceImport.objects.create(
        conference=conference, file=upload, original_name=upload.name[:255], kind=kind, uploaded_by=actor
    )
    rows, counts, fatal = analyse(conference, imp.file.path, kind)
    imp.rows, imp.counts, imp.fatal = rows, counts, fatal[:500]
    imp.status = (
        AttendanceImport.Status.REJECTED
        if fatal or counts.get(ERROR) or not rows
        else AttendanceImport.Status.READY
    )
    imp.save(update_fields=["rows", "counts", "fatal", "status"])
    audit(
        actor=actor,
        action="attendance.import_upload",
        obj=conference,
        unit=conference.unit,
        summary=f"Tải lên danh sách tham dự “{imp.original_name}”",
    )
    return imp


@transaction.atomic
@deferred()  # one recount of the coverage counters for the whole sheet
def attendance_import_commit(*, imp: AttendanceImport, actor) -> AttendanceImport:
    """Write the sheet: everything checked again now; any error and nothing is written."""
    imp = (
        AttendanceImport.objects.select_for_update()
        .select_related("conference__unit", "conference__campaign")
        .get(pk=imp.pk)
    )
    conference = imp.conference
    if imp.status != AttendanceImport.Status.READY:
        raise ValidationError(_("Lần nhập này không còn chờ ghi."))
    _manager_can_record(conference, timezone.now())
    rows, counts, fatal = analyse(conference, imp.file.path, imp.kind)
    imp.rows, imp.counts, imp.fatal = rows, counts, fatal[:500]
    if fatal or counts.get(ERROR):
        imp.status = AttendanceImport.Status.REJECTED
        imp.save(update_fields=["rows", "counts", "fatal", "status"])
        raise ValidationError(
            _("Danh sách đã thay đổi từ lúc kiểm tra và nay có dòng lỗi; chưa ghi dòng nào.")
        )
    when = max(conference.starts_at, min(timezone.now(), conference.ends_at))
    people = Person.objects.in_bulk([r["person"] for r in rows if r["outcome"] == PRESENT])
    written = []
    for row in rows:
        if row["outcome"] == PRESENT:
            person = people[row["person"]]
            attendance = Attendance.objects.create(
                conference=conference,
                person=person,
                full_name=person.full_name,
                via=Attendance.Via.IMPORT,
                checked_in_at=when,
                recorded_by=actor,
            )
            attendance.person = person
            _reach(conference, attendance)
            written.append(person.pk)
        elif row["outcome"] == GUEST:
            phone = row["phone"] or ""
            if (
                phone
                and Attendance.objects.filter(
                    conference=conference, person__isnull=True, phone=phone
                ).exists()
            ):
                continue
            Attendance.objects.create(
                conference=conference,
                full_name=row["name"],
                unit_text=row["unit"],
                phone=phone,
                via=Attendance.Via.IMPORT,
                checked_in_at=when,
                recorded_by=actor,
            )
    imp.status = AttendanceImport.Status.DONE
    imp.committed_at = timezone.now()
    imp.save(update_fields=["rows", "counts", "fatal", "status", "committed_at"])
    audit(
        actor=actor,
        action="attendance.import",
        obj=conference,
        unit=conference.unit,
        summary=f"Nhập danh sách tham dự “{imp.original_name}”: {counts.get(PRESENT, 0)} người có mặt, "
        f"{counts.get(GUEST, 0)} khách",
        data={"people": written, "guests": counts.get(GUEST, 0)},
    )
    return imp


@transaction.atomic
def attendance_import_cancel(*, imp: AttendanceImport, actor) -> None:
    if imp.status in {AttendanceImport.Status.DONE, AttendanceImport.Status.CANCELLED}:
        return
    imp.status = AttendanceImport.Status.CANCELLED
    imp.save(update_fields=["status"])
    imp.file.delete(save=False)
