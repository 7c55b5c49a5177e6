from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canhgiac.core.models import AuditEvent
from canhgiac.org import selectors, services
from canhgiac.org.models import Person, Unit

pytestmark = pytest.mark.django_db


def add_people(unit, n, prefix):
    for i in range(n):
        Person.objects.create(unit=unit, full_name=f"Nguyễn Văn {prefix}{i}", staff_code=f"{prefix}{i}")


def test_headcounts_roll_up_the_tree(tree, coordinator):
    add_people(tree.finance, 3, "TC")
    add_people(tree.budget_office, 2, "NS")
    add_people(tree.hong_gai, 4, "HG")
    rows = {row.unit.code: row for row in selectors.unit_tree(viewer=coordinator)}
    assert rows["QN-STC"].people == 5 and rows["QN-STC"].own_people == 3
    assert rows["QN-SBN"].people == 5
    assert rows["QN"].people == 9


def test_unit_tree_query_count_does_not_grow_with_units(tree, coordinator):
    with CaptureQueriesContext(connection) as before:
        selectors.unit_tree(viewer=coordinator)
    for i in range(30):
        Unit.objects.add_child(
            tree.communes, {"code": f"X{i}", "name": f"Xã thử {i}", "kind": Unit.Kind.COMMUNE}
        )
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    with CaptureQueriesContext(connection) as after:
        rows = selectors.unit_tree(viewer=coordinator)
    assert len(rows) >= 40
    assert len(after) == len(before) <= 3


def test_search_is_diacritic_insensitive(client, tree, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("org:unit_list"), {"q": "bai chay"}).content.decode()
    assert "Phường Bãi Cháy" in html and "Phường Hồng Gai" not in html


def test_closing_a_unit_keeps_its_history(tree, coordinator):
    add_people(tree.ba_che, 2, "BC")
    services.unit_close(unit=tree.ba_che, closed_on=date(2025, 7, 1), reason="Sáp nhập", actor=coordinator)
    tree.ba_che.refresh_from_db()
    assert not tree.ba_che.is_open()
    assert tree.ba_che.people.count() == 2  # people and history stay
    assert Unit.objects.filter(pk=tree.ba_che.pk).exists()
    assert tree.ba_che not in Unit.objects.open()
    assert AuditEvent.objects.filter(action="unit.close", unit=tree.ba_che).exists()
    codes = [row.unit.code for row in selectors.unit_tree(viewer=coordinator)]
    assert "06970" not in codes
    codes = [row.unit.code for row in selectors.unit_tree(viewer=coordinator, include_closed=True)]
    assert "06970" in codes


def test_closing_needs_a_reason(tree, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        services.unit_close(unit=tree.ba_che, closed_on=date(2025, 7, 1), reason=" ", actor=coordinator)
    assert "lý do" in str(excinfo.value)


def test_unit_create_is_audited_and_codes_are_unique(tree, coordinator):
    unit = services.unit_create(
        parent=tree.finance, code="qn-stc-kt", name="Phòng Kế toán", kind=Unit.Kind.SUBUNIT, actor=coordinator
    )
    assert unit.code == "QN-STC-KT" and Unit.objects.get_parent(unit) == tree.finance
    assert AuditEvent.objects.get(action="unit.create").actor == coordinator
    with pytest.raises(ValidationError):
        services.unit_create(
            parent=tree.finance, code="QN-STC-KT", name="Trùng", kind=Unit.Kind.SUBUNIT, actor=coordinator
        )


def test_people_sort_by_given_name():
    assert Person(full_name="Trần Văn An").sort_name == ""  # derived only on save
    a = Person(full_name="Trần Văn Bình")
    b = Person(full_name="Nguyễn Thị An")
    a.refresh_derived()
    b.refresh_derived()
    assert b.sort_name < a.sort_name


def test_database_orders_rosters_by_the_vietnamese_alphabet(tree):
    """The sort column must order the same on SQLite and PostgreSQL collations."""
    for name in ["Trần Văn Đức", "Lê Thị Ân", "Phạm Anh", "Nguyễn Văn Dũng", "Hoàng Văn An", "Đỗ Thị Ăn"]:
        Person.objects.create(unit=tree.hong_gai, full_name=name)
    ordered = list(Person.objects.order_by("sort_name").values_list("full_name", flat=True))
    assert ordered == [
        "Hoàng Văn An",
        "Phạm Anh",
        "Đỗ Thị Ăn",
        "Lê Thị Ân",
        "Nguyễn Văn Dũng",
        "Trần Văn Đức",
    ]


def test_coordinator_creates_renames_moves_and_closes_through_the_pages(client, tree, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("org:unit_create"),
        {"parent": tree.finance.pk, "name": "Phòng Tin học", "code": "qn-stc-th", "kind": "subunit"},
    )
    unit = Unit.objects.get(code="QN-STC-TH")
    assert response.status_code == 302 and Unit.objects.get_parent(unit) == tree.finance
    client.post(
        reverse("org:unit_edit", args=[unit.pk]),
        {"name": "Phòng Công nghệ thông tin", "code": "QN-STC-TH", "kind": "subunit"},
    )
    unit.refresh_from_db()
    assert unit.name == "Phòng Công nghệ thông tin"
    assert AuditEvent.objects.filter(action="unit.update", summary__contains="Đổi tên").exists()
    client.post(reverse("org:unit_move", args=[unit.pk]), {"new_parent": tree.police.pk})
    unit = Unit.objects.get(pk=unit.pk)
    assert Unit.objects.get_parent(unit) == tree.police and unit.path.startswith(tree.police.path)
    response = client.post(
        reverse("org:unit_move", args=[tree.finance.pk]), {"new_parent": tree.budget_office.pk}
    )
    assert response.status_code == 200  # its own sub-unit is not offered
    response = client.post(
        reverse("org:unit_close", args=[unit.pk]), {"closed_on": "2026-07-01", "closed_reason": ""}
    )
    assert "lý do" in response.content.decode().lower() or response.status_code == 200
    client.post(
        reverse("org:unit_close", args=[unit.pk]), {"closed_on": "2026-07-01", "closed_reason": "Sáp nhập"}
    )
    unit.refresh_from_db()
    assert unit.closed_on == date(2026, 7, 1) and unit.closed_reason == "Sáp nhập"


def test_closing_a_unit_with_open_sub_units_is_refused(tree, coordinator):
    with pytest.raises(ValidationError, match="trực thuộc"):
        services.unit_close(
            unit=tree.finance, closed_on=date(2026, 7, 1), reason="Sáp nhập", actor=coordinator
        )


def test_unit_managers_manage_below_their_unit_only(client, tree, department_manager, other_ward_manager):
    client.force_login(department_manager)
    assert client.get(reverse("org:unit_edit", args=[tree.finance.pk])).status_code == 404  # their own unit
    assert client.get(reverse("org:unit_edit", args=[tree.budget_office.pk])).status_code == 200
    assert client.get(reverse("org:unit_move", args=[tree.budget_office.pk])).status_code == 404
    response = client.post(
        reverse("org:unit_create"),
        {"parent": tree.finance.pk, "name": "Phòng Kế toán", "code": "QN-STC-KT", "kind": "subunit"},
    )
    assert response.status_code == 302
    client.force_login(other_ward_manager)
    for name in ["org:unit_detail", "org:unit_edit", "org:unit_close", "org:unit_move"]:
        assert client.get(reverse(name, args=[tree.hong_gai.pk])).status_code == 404
    response = client.post(
        reverse("org:unit_create"),
        {"parent": tree.hong_gai.pk, "name": "Tổ dân phố 1", "code": "HG-TDP1", "kind": "other"},
    )
    assert response.status_code == 200 and not Unit.objects.filter(code="HG-TDP1").exists()
