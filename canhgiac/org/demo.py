"""Demo data for the organisation: the real Quảng Ninh tree and realistic, deterministic rosters."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from canhgiac.core.text import fold

from .models import Exemption, Person, Placement, RosterImport, Unit
from .seed import seed_province

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Phan",
    "Đỗ",
    "Đặng",
    "Bùi",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
    "Lương",
    "Mạc",
    "Tạ",
    "Hà",
    "Đào",
    "Vương",
    "Triệu",
    "Nông",
    "Chu",
]
SURNAME_WEIGHTS = [38, 11, 9, 7, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Mạnh", "Xuân", "Trọng", "Ngọc", "Công", "Duy"]
MIDDLE_FEMALE = ["Thị", "Thu", "Thanh", "Ngọc", "Phương", "Hồng", "Minh", "Bích", "Thùy", "Kim", "Mai", "Hải"]
GIVEN_MALE = [
    "Hùng",
    "Dũng",
    "Tuấn",
    "Nam",
    "Long",
    "Hải",
    "Sơn",
    "Thắng",
    "Cường",
    "Hiếu",
    "Khánh",
    "Phong",
    "Quân",
    "Trung",
    "Việt",
    "Bình",
    "Đạt",
    "Huy",
    "Lâm",
    "Tùng",
    "Kiên",
    "Toàn",
    "Thịnh",
    "An",
]
GIVEN_FEMALE = [
    "Hoa",
    "Lan",
    "Hương",
    "Hằng",
    "Linh",
    "Trang",
    "Ngọc",
    "Thảo",
    "Nhung",
    "Hà",
    "Yến",
    "Vân",
    "Giang",
    "Mai",
    "Oanh",
    "Phượng",
    "Loan",
    "Huyền",
    "Thủy",
    "Dung",
    "Quyên",
    "Nga",
    "Anh",
    "Liên",
]

POSITIONS_DEPARTMENT = [
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên chính",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Kế toán",
    "Văn thư",
    "Nhân viên",
    "Chuyên viên",
    "Thanh tra viên",
]
POSITIONS_COMMUNE = [
    "Công chức Văn phòng - Thống kê",
    "Công chức Tài chính - Kế toán",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Địa chính - Xây dựng",
    "Công chức Văn hóa - Xã hội",
    "Chuyên viên",
    "Chuyên viên",
    "Phó Chủ tịch UBND",
    "Viên chức Trung tâm Phục vụ hành chính công",
    "Nhân viên hợp đồng",
]


def vietnamese_name(rng: random.Random) -> str:
    surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
    if rng.random() < 0.52:
        return f"{surname} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"
    return f"{surname} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"


EMAIL_DOMAINS = {
    Unit.Kind.WARD: "quangninh.gov.vn",
    Unit.Kind.COMMUNE: "quangninh.gov.vn",
    Unit.Kind.SPECIAL_ZONE: "quangninh.gov.vn",
    Unit.Kind.POLICE: "congan.quangninh.gov.vn",
}
LEAVE_NOTES = ["Nghỉ thai sản", "Đi học thạc sĩ tập trung", "Nghỉ ốm dài ngày", "Biệt phái sang đơn vị khác"]


def _roster_size(unit: Unit, rng: random.Random) -> int:
    if unit.kind in {Unit.Kind.WARD, Unit.Kind.COMMUNE, Unit.Kind.SPECIAL_ZONE}:
        return rng.randint(24, 48)
    if unit.kind == Unit.Kind.SUBUNIT:
        return rng.randint(12, 30)
    if unit.kind == Unit.Kind.POLICE:
        return rng.randint(20, 30)
    return rng.randint(28, 70)


def _email(name: str, serial: int, unit: Unit) -> str:
    words = fold(name).split()
    initials = "".join(w[0] for w in words[:-1])
    domain = EMAIL_DOMAINS.get(unit.kind, "quangninh.gov.vn")
    return f"{words[-1]}{initials}{serial % 1000}@{domain}"


def load(ctx) -> None:
    result = seed_province()
    ctx.say(f"  Đơn vị: {result['total']} (mới tạo {result['created']})")
    if Person.objects.exists():
        return
    rng = random.Random(22_1509)
    today = timezone.localdate()
    people: list[Person] = []
    leaves = Unit.objects.exclude(kind__in=[Unit.Kind.PROVINCE, Unit.Kind.BLOCK]).order_by("path")
    serial = 0
    for unit in leaves:
        commune = unit.kind in {Unit.Kind.WARD, Unit.Kind.COMMUNE, Unit.Kind.SPECIAL_ZONE}
        positions = POSITIONS_COMMUNE if commune else POSITIONS_DEPARTMENT
        for _ in range(_roster_size(unit, rng)):
            serial += 1
            name = vietnamese_name(rng)
            group = rng.choices(
                [
                    Person.StaffGroup.CADRE,
                    Person.StaffGroup.CIVIL_SERVANT,
                    Person.StaffGroup.PUBLIC_EMPLOYEE,
                    Person.StaffGroup.WORKER,
                ],
                weights=[2, 5, 3, 2] if commune else [1, 6, 3, 2],
            )[0]
            status = rng.choices(
                [Person.Status.ACTIVE, Person.Status.ON_LEAVE, Person.Status.LEFT], weights=[95, 3, 2]
            )[0]
            born = date(rng.randint(1966, 2001), rng.randint(1, 12), rng.randint(1, 28))
            person = Person(
                unit=unit,
                full_name=name,
                position=rng.choice(positions),
                staff_group=group,
                staff_code=f"QN{serial:06d}",
                phone=f"+84{rng.choice('389')}{rng.randint(10_000_000, 99_999_999)}",
                email=_email(name, serial, unit)
                if group != Person.StaffGroup.WORKER or rng.random() < 0.3
                else "",
                date_of_birth=born if rng.random() < 0.8 else None,
                status=status,
            )
            person.refresh_derived()
            people.append(person)
    Person.objects.bulk_create(people, batch_size=1000)
    people = list(Person.objects.order_by("id"))
    # Roster history: everybody was on the list before records began; who is now on leave or gone changed
    # status on a date of the past months.
    placements, exemptions = [], []
    for person in people:
        if person.status == Person.Status.ACTIVE:
            placements.append(Placement(person=person, unit_id=person.unit_id, status=person.status))
            continue
        changed = today - timedelta(days=rng.randint(20, 200))
        placements.append(
            Placement(person=person, unit_id=person.unit_id, status=Person.Status.ACTIVE, valid_to=changed)
        )
        placements.append(
            Placement(person=person, unit_id=person.unit_id, status=person.status, valid_from=changed)
        )
        reason = (
            Exemption.Reason.LONG_LEAVE if person.status == Person.Status.ON_LEAVE else Exemption.Reason.LEFT
        )
        exemptions.append(
            Exemption(
                person=person,
                reason=reason,
                starts_on=changed,
                ends_on=changed + timedelta(days=180) if reason == Exemption.Reason.LONG_LEAVE else None,
                note=rng.choice(LEAVE_NOTES) if reason == Exemption.Reason.LONG_LEAVE else "Chuyển công tác",
            )
        )
    Placement.objects.bulk_create(placements, batch_size=2000)
    Exemption.objects.bulk_create(exemptions, batch_size=1000)
    _moves(rng, today)
    ctx.say(f"  Danh sách cán bộ: {len(people)} người, {len(exemptions)} miễn trừ")
    _recorded_import(ctx)


def _moves(rng: random.Random, today: date) -> None:
    """A few transfers between communes during the year, recorded as history (as services.person_update does)."""
    from .importer.commit import record_moves

    communes = list(
        Unit.objects.filter(kind__in=[Unit.Kind.WARD, Unit.Kind.COMMUNE]).values_list("id", flat=True)
    )
    movers = list(
        Person.objects.filter(unit_id__in=communes, status=Person.Status.ACTIVE).order_by("id")[:400:40]
    )
    for person in movers:
        target = rng.choice([c for c in communes if c != person.unit_id])
        day = today - timedelta(days=rng.randint(30, 150))
        Person.objects.filter(pk=person.pk).update(unit_id=target)
        record_moves({person.pk: (target, Person.Status.ACTIVE)}, day)


def _recorded_import(ctx) -> None:
    """One real import through the importer into Phường Hồng Gai, so the import pages show a true example."""
    import io

    import xlsxwriter
    from django.core.files.uploadedfile import SimpleUploadedFile

    from . import services

    hong_gai = Unit.objects.filter(name="Phường Hồng Gai").first()
    manager = None  # accounts load after org (app order): the demo import is recorded as done by the system
    if hong_gai is None or RosterImport.objects.exists():
        return
    rows = list(Person.objects.filter(unit=hong_gai).order_by("sort_name")[:30])
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("DS CBCC")
    sheet.merge_range(0, 0, 0, 6, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG GAI")
    sheet.merge_range(
        1, 0, 1, 6, "DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG THAM GIA TUYÊN TRUYỀN PHÒNG, CHỐNG LỪA ĐẢO"
    )
    sheet.write_row(3, 0, ["STT", "Họ và tên", "Mã CBCC", "Chức danh", "Đối tượng", "SĐT", "Ghi chú"])
    for index, person in enumerate(rows, start=1):
        phone = int(person.phone[3:]) if person.phone else ""  # as Excel keeps it: a number, no leading 0
        sheet.write_row(
            3 + index,
            0,
            [
                index,
                person.full_name.upper() if index % 7 == 0 else person.full_name,
                person.staff_code,
                person.position,
                person.get_staff_group_display(),
                phone,
                "",
            ],
        )
    sheet.write_row(
        4 + len(rows),
        0,
        [
            len(rows) + 1,
            "Phạm Thị Thanh Xuân",
            "QN-HG-TN01",
            "Nhân viên hợp đồng",
            "Người lao động",
            983456120,
            "Mới tuyển",
        ],
    )
    book.close()
    upload = SimpleUploadedFile("DS_CBCC_HongGai_2026.xlsx", out.getvalue())
    imp = services.roster_import_start(unit=hong_gai, upload=upload, actor=manager)
    if imp.can_commit:
        imp = services.roster_import_commit(imp=imp, actor=manager)
    ctx.say(
        f"  Nhập danh sách mẫu: {imp.get_status_display()} ({imp.created_count} mới, {imp.unchanged_count} không đổi)"
    )
