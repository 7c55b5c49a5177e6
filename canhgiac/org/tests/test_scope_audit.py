"""Scope audit: the org addresses that take a Hồng Gai unit, person, exemption or import and were not yet proved
404 for the manager of Bãi Cháy (see test_people, test_units, test_importer for the others); a refused POST
changes nothing, and the roster export of another subtree carries none of Hồng Gai's people."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from python_calamine import CalamineWorkbook

from canhgiac.org import services
from canhgiac.org.models import Exemption, Person, RosterImport, Unit

from .conftest import good_rows, upload, xlsx_bytes


def test_other_ward_manager_gets_404_on_the_remaining_org_addresses(
    client, tree, ward_manager, other_ward_manager, staff_member, media
):
    exemption = services.exemption_add(
        person=staff_member,
        reason=Exemption.Reason.LONG_LEAVE,
        starts_on=date(2026, 1, 5),
        actor=ward_manager,
    )
    imp = services.roster_import_start(
        unit=tree.hong_gai, upload=upload("ds.xlsx", xlsx_bytes(good_rows())), actor=ward_manager
    )
    closed = Unit.objects.add_child(
        Unit.objects.get(pk=tree.hong_gai.pk),
        {"code": "HG-TDP9", "name": "Tổ dân phố 9", "kind": Unit.Kind.OTHER},
    )
    services.unit_close(unit=closed, closed_on=date(2026, 1, 1), reason="Sáp nhập", actor=ward_manager)
    client.force_login(other_ward_manager)
    status_before = imp.status
    posts = [
        (
            reverse("org:person_edit", args=[staff_member.pk]),
            {"full_name": "Đã Bị Sửa", "unit": tree.bai_chay.pk},
        ),
        (reverse("org:exemption_end", args=[staff_member.pk, exemption.pk]), {"ends_on": "2026-02-01"}),
        (reverse("org:unit_edit", args=[tree.hong_gai.pk]), {"name": "Đã bị sửa", "code": "X"}),
        (reverse("org:unit_move", args=[tree.hong_gai.pk]), {"parent": tree.bai_chay.pk}),
        (
            reverse("org:unit_close", args=[tree.hong_gai.pk]),
            {"closed_on": "2026-01-01", "closed_reason": "x"},
        ),
        (reverse("org:unit_reopen", args=[closed.pk]), {}),
        (reverse("org:import_remap", args=[imp.pk]), {"col_0": "full_name"}),
        (reverse("org:import_cancel", args=[imp.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    staff_member.refresh_from_db()
    exemption.refresh_from_db()
    imp.refresh_from_db()
    hong_gai = Unit.objects.get(pk=tree.hong_gai.pk)
    assert staff_member.full_name == "Nguyễn Thị Mai" and staff_member.unit_id == tree.hong_gai.pk
    assert exemption.ends_on is None
    assert imp.status == status_before != RosterImport.Status.CANCELLED
    assert (
        hong_gai.name == "Phường Hồng Gai"
        and hong_gai.closed_on is None
        and hong_gai.path == tree.hong_gai.path
    )
    assert Unit.objects.get(pk=closed.pk).closed_on == date(2026, 1, 1)


def test_the_roster_export_of_another_subtree_holds_none_of_hong_gai(
    client, tree, other_ward_manager, staff_member, media
):
    Person.objects.create(unit=tree.bai_chay, full_name="Bùi Văn An", staff_code="BC001")
    client.force_login(other_ward_manager)
    for query in ({}, {"unit": tree.hong_gai.pk}, {"unit": tree.root.pk}):
        response = client.get(reverse("org:person_export"), query)
        assert response.status_code == 200
        path = media / "export.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"".join(response.streaming_content))
        cells = {
            str(c)
            for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
            for c in row
        }
        assert "Bùi Văn An" in cells, query
        assert "Nguyễn Thị Mai" not in cells and "HG0001" not in cells, query
