"""Demo data for the organisation: the real Quảng Ninh tree and realistic, deterministic rosters."""

from __future__ import annotations

import random

from .models import Person, Unit
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


def _roster_size(unit: Unit, rng: random.Random) -> int:
    if unit.kind in {Unit.Kind.WARD, Unit.Kind.COMMUNE, Unit.Kind.SPECIAL_ZONE}:
        return rng.randint(24, 48)
    if unit.kind == Unit.Kind.SUBUNIT:
        return rng.randint(12, 30)
    if unit.kind == Unit.Kind.POLICE:
        return rng.randint(20, 30)
    return rng.randint(28, 70)


def load(ctx) -> None:
    result = seed_province()
    ctx.say(f"  Đơn vị: {result['total']} (mới tạo {result['created']})")
    if Person.objects.exists():
        return
    rng = random.Random(22_1509)
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
            person = Person(
                unit=unit,
                full_name=name,
                position=rng.choice(positions),
                staff_group=group,
                staff_code=f"QN{serial:06d}",
                phone=f"+849{rng.randint(10_000_000, 99_999_999)}",
                status=status,
            )
            person.refresh_derived()
            people.append(person)
    Person.objects.bulk_create(people, batch_size=1000)
    ctx.say(f"  Danh sách cán bộ: {len(people)} người")
