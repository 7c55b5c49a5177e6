"""Test personas and the browser harness, shared by every app's tests.

Personas (DESIGN.md, conventions 8): a province coordinator, a leader, a unit manager of a ward, the manager of an
unrelated ward, a department manager, an investigator, a speaker, a staff member, and the anonymous visitor (the
plain `client`). They live in a small tree shaped like the real one: province → blocks → agencies/wards → sub-units.
"""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API beside live_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "mat-khau-kiem-thu-2026"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    """Uploads and generated files of a test never land in the developer's var/media."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and lockouts live in the cache: every test starts from a clean one."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def tree(db):
    """A small province: root, blocks, two wards, a commune, a department with a sub-unit, the police."""
    from canhgiac.org.models import Unit

    add = Unit.objects.add_child
    root = Unit.objects.add_root({"code": "QN", "name": "Tỉnh Quảng Ninh", "kind": Unit.Kind.PROVINCE})
    departments = add(root, {"code": "QN-SBN", "name": "Khối sở, ban, ngành", "kind": Unit.Kind.BLOCK})
    communes = add(root, {"code": "QN-XP", "name": "Khối xã, phường, đặc khu", "kind": Unit.Kind.BLOCK})
    finance = add(departments, {"code": "QN-STC", "name": "Sở Tài chính", "kind": Unit.Kind.DEPARTMENT})
    budget_office = add(
        finance, {"code": "QN-STC-NS", "name": "Phòng Quản lý ngân sách", "kind": Unit.Kind.SUBUNIT}
    )
    police = add(departments, {"code": "QN-CAT", "name": "Công an tỉnh Quảng Ninh", "kind": Unit.Kind.POLICE})
    pa05 = add(police, {"code": "QN-CAT-PA05", "name": "Phòng An ninh mạng", "kind": Unit.Kind.SUBUNIT})
    hong_gai = add(
        communes,
        {"code": "06685", "name": "Phường Hồng Gai", "kind": Unit.Kind.WARD, "official_code": "06685"},
    )
    bai_chay = add(
        communes,
        {"code": "06673", "name": "Phường Bãi Cháy", "kind": Unit.Kind.WARD, "official_code": "06673"},
    )
    ba_che = add(
        communes, {"code": "06970", "name": "Xã Ba Chẽ", "kind": Unit.Kind.COMMUNE, "official_code": "06970"}
    )
    return SimpleNamespace(
        root=Unit.objects.get(pk=root.pk),
        departments=Unit.objects.get(pk=departments.pk),
        communes=Unit.objects.get(pk=communes.pk),
        finance=Unit.objects.get(pk=finance.pk),
        budget_office=Unit.objects.get(pk=budget_office.pk),
        police=Unit.objects.get(pk=police.pk),
        pa05=Unit.objects.get(pk=pa05.pk),
        hong_gai=Unit.objects.get(pk=hong_gai.pk),
        bai_chay=Unit.objects.get(pk=bai_chay.pk),
        ba_che=Unit.objects.get(pk=ba_che.pk),
    )


@pytest.fixture
def make_official(db):
    """make_official(email, role, unit, full_name=...) -> User with that membership."""
    from canhgiac.accounts.models import Membership, User

    def make(email: str, role: str, unit, full_name: str = "Cán bộ kiểm thử"):
        user = User.objects.create_user(email=email, password=PASSWORD, full_name=full_name)
        Membership.objects.create(user=user, unit=unit, role=role)
        return user

    return make


@pytest.fixture
def coordinator(tree, make_official):
    return make_official("dieuphoi@test.vn", "coordinator", tree.root, "Trần Điều Phối")


@pytest.fixture
def leader(tree, make_official):
    return make_official("lanhdao@test.vn", "leader", tree.root, "Vũ Lãnh Đạo")


@pytest.fixture
def investigator(tree, make_official):
    return make_official("dieutra@test.vn", "investigator", tree.root, "Lê Điều Tra")


@pytest.fixture
def speaker(tree, make_official):
    return make_official("baocaovien@test.vn", "speaker", tree.pa05, "Phạm Báo Cáo")


@pytest.fixture
def ward_manager(tree, make_official):
    return make_official("honggai@test.vn", "unit_manager", tree.hong_gai, "Hoàng Văn Nam")


@pytest.fixture
def other_ward_manager(tree, make_official):
    return make_official("baichay@test.vn", "unit_manager", tree.bai_chay, "Bùi Thị Ngọc")


@pytest.fixture
def department_manager(tree, make_official):
    return make_official("sotaichinh@test.vn", "unit_manager", tree.finance, "Đỗ Thị Hương")


@pytest.fixture
def staff_member(tree):
    """A civil servant on the Hồng Gai roster: no account, reaches the platform by a personal link or code."""
    from canhgiac.org.models import Person

    return Person.objects.create(
        unit=tree.hong_gai,
        full_name="Nguyễn Thị Mai",
        position="Công chức Tư pháp - Hộ tịch",
        staff_group=Person.StaffGroup.CIVIL_SERVANT,
        staff_code="HG0001",
        phone="+84912345678",
    )


# --- browser harness -----------------------------------------------------------------------------------


def _close_own_connections(server) -> None:
    """The live server's request threads close their own database connections, not the ones they borrow from
    the test thread (the shared in-memory SQLite database): closing those raised "DatabaseError: ... can only
    be used in that same thread" in threads that outlived their test, reported as warnings under later tests.
    Django's ThreadedWSGIServer keeps `_close_connections` as the hook for this."""
    from django.db import connections

    borrowed = set(server.connections_override or ())
    for conn in connections.all(initialized_only=True):
        if conn.alias not in borrowed:
            conn.close()


@pytest.fixture(scope="session", autouse=True)
def _live_server_closes_own_connections():
    from django.core.servers.basehttp import ThreadedWSGIServer

    original = ThreadedWSGIServer._close_connections
    ThreadedWSGIServer._close_connections = _close_own_connections
    yield
    ThreadedWSGIServer._close_connections = original


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def phone_context_args():
    """Context arguments for a phone-sized viewport (a mid-range Android phone)."""
    return {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "locale": "vi-VN",
        "timezone_id": "Asia/Ho_Chi_Minh",
    }


@pytest.fixture
def login_in_browser(live_server):
    """login_in_browser(page, user): sign in through the real login form."""

    def login(page, user, password: str = PASSWORD):
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.fill("input[name=username]", user.email)
        page.fill("input[name=password]", password)
        page.click("[data-testid=login-submit]")
        # attached, not visible: on a phone the user menu sits inside the collapsed navigation
        page.wait_for_selector("[data-testid=user-menu]", state="attached")

    return login
