"""Demo officials: one per role, with deterministic e-mails and the shared demo password."""

from __future__ import annotations

from canhgiac.core.demo import DEMO_PASSWORD
from canhgiac.core.roles import Role
from canhgiac.org.models import Unit

from .models import Membership, User

# (e-mail, full name, title, role, unit code or name, label printed by `make demo`)
DEMO_USERS = [
    (
        "lanhdao@quangninh.gov.vn",
        "Vũ Minh Đức",
        "Phó Chủ tịch UBND tỉnh",
        Role.LEADER,
        "QN",
        "Lãnh đạo UBND tỉnh",
    ),
    (
        "dieuphoi@congan.quangninh.gov.vn",
        "Trần Quang Hưng",
        "Phó Trưởng phòng PA05",
        Role.COORDINATOR,
        "QN",
        "Điều phối — Công an tỉnh",
    ),
    (
        "dieutra@congan.quangninh.gov.vn",
        "Lê Thị Thu Hằng",
        "Điều tra viên",
        Role.INVESTIGATOR,
        "QN",
        "Điều tra viên — Công an tỉnh",
    ),
    (
        "baocaovien1@congan.quangninh.gov.vn",
        "Phạm Văn Khánh",
        "Báo cáo viên, Phòng PA05",
        Role.SPEAKER,
        "QN-CAT-PA05",
        "Báo cáo viên 1",
    ),
    (
        "baocaovien2@congan.quangninh.gov.vn",
        "Nguyễn Thị Lan Anh",
        "Báo cáo viên, Phòng PA05",
        Role.SPEAKER,
        "QN-CAT-PA05",
        "Báo cáo viên 2",
    ),
    (
        "daumoi.sotaichinh@quangninh.gov.vn",
        "Đỗ Thị Hương",
        "Chánh Văn phòng Sở Tài chính",
        Role.UNIT_MANAGER,
        "QN-STC",
        "Đầu mối Sở Tài chính",
    ),
    (
        "daumoi.honggai@quangninh.gov.vn",
        "Hoàng Văn Nam",
        "Phó Chủ tịch UBND phường",
        Role.UNIT_MANAGER,
        "Phường Hồng Gai",
        "Đầu mối Phường Hồng Gai",
    ),
    (
        "daumoi.baichay@quangninh.gov.vn",
        "Bùi Thị Ngọc",
        "Công chức Văn phòng - Thống kê",
        Role.UNIT_MANAGER,
        "Phường Bãi Cháy",
        "Đầu mối Phường Bãi Cháy",
    ),
    (
        "daumoi.bache@quangninh.gov.vn",
        "Triệu Văn Sơn",
        "Phó Chủ tịch UBND xã",
        Role.UNIT_MANAGER,
        "Xã Ba Chẽ",
        "Đầu mối Xã Ba Chẽ",
    ),
]


def _unit(ref: str) -> Unit:
    """A unit by code, or by name for communes and wards (their official codes are data, not constants)."""
    return Unit.objects.filter(code=ref).first() or Unit.objects.get(name=ref)


def load(ctx) -> None:
    for email, name, title, role, unit_code, label in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "title": title})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        unit = _unit(unit_code)
        Membership.objects.get_or_create(user=user, unit=unit, role=role)
        ctx.logins.append((label, email, unit.name))
    admin, created = User.objects.get_or_create(
        email="quantri@canhgiac.local",
        defaults={"full_name": "Quản trị hệ thống", "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    ctx.logins.append(("Quản trị hệ thống (Django admin)", admin.email, "toàn hệ thống"))
