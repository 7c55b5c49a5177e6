"""Scope audit: every address of a Hồng Gai case or of the province's register import answers 404 to an
investigator of Bãi Cháy and to the manager of Bãi Cháy, on GET and on POST, and a refused POST changes nothing;
the register export of Bãi Cháy carries no Hồng Gai case (test_roles proves the detail and victim pages)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from python_calamine import CalamineWorkbook

from canhgiac.incidents.models import Case, CaseIdentifier
from canhgiac.incidents.services import imports
from canhgiac.org.tests.conftest import upload, xlsx_bytes

from .test_import import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsiders(make_official, tree, other_ward_manager):
    return [make_official("ca.baichay@test.vn", "investigator", tree.bai_chay), other_ward_manager]


def _state(case, imp):
    case.refresh_from_db()
    imp.refresh_from_db()
    return (
        case.status,
        case.amount_lost,
        case.is_confirmed,
        case.unit_id,
        CaseIdentifier.objects.count(),
        imp.status,
    )


def test_outsiders_get_404_on_every_case_and_import_address(client, investigator, make_case, outsiders, tree):
    case = make_case()
    client.force_login(investigator)
    assert (
        client.post(
            reverse("incidents:case_link", args=[case.code]), {"identifier": "0369 125 478"}
        ).status_code
        == 302
    )
    link = CaseIdentifier.objects.get(case=case)
    imp = imports.case_import_start(
        unit=tree.root, upload=upload("so-vu-viec.xlsx", xlsx_bytes(rows())), actor=investigator
    )
    before = _state(case, imp)
    for outsider in outsiders:
        other = Client()
        other.force_login(outsider)
        for name, args in [
            ("incidents:case_edit", [case.code]),
            ("incidents:import_detail", [imp.pk]),
            ("incidents:import_status", [imp.pk]),
            ("incidents:import_result", [imp.pk]),
        ]:
            assert other.get(reverse(name, args=args)).status_code == 404, (outsider, name)
        for name, args, data in [
            ("incidents:case_edit", [case.code], {"amount_lost": "1"}),
            ("incidents:case_status", [case.code], {"status": "verifying"}),
            ("incidents:case_confirm", [case.code], {}),
            ("incidents:case_link", [case.code], {"identifier": "0912 000 111"}),
            ("incidents:case_unlink", [case.code, link.pk], {}),
            ("incidents:import_remap", [imp.pk], {"col_0": "code"}),
            ("incidents:import_commit", [imp.pk], {}),
            ("incidents:import_cancel", [imp.pk], {}),
        ]:
            assert other.post(reverse(name, args=args), data).status_code == 404, (outsider, name)
        assert _state(case, imp) == before


def test_the_register_export_and_statistics_of_bai_chay_hold_no_hong_gai_case(
    make_case, outsiders, tree, settings, tmp_path
):
    hong_gai = make_case(amount_lost=450_000_000)
    bai_chay = make_case(unit=tree.bai_chay, amount_lost=7_000_000)
    investigator, manager = outsiders
    other = Client()
    other.force_login(investigator)
    for query in ({}, {"dia_ban": tree.hong_gai.pk}, {"unit": tree.hong_gai.pk}):
        response = other.get(reverse("incidents:case_export"), query)
        assert response.status_code == 200
        path = tmp_path / "export.xlsx"
        path.write_bytes(b"".join(response.streaming_content))
        cells = {
            str(c)
            for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
            for c in row
        }
        assert bai_chay.code in cells and hong_gai.code not in cells, query
    assert Case.objects.count() == 2


def test_the_statistics_csv_of_bai_chay_holds_no_hong_gai_figure(make_case, outsiders, tree):
    make_case(amount_lost=450_000_000)
    make_case(unit=tree.bai_chay, amount_lost=7_000_000)
    investigator, _manager = outsiders
    other = Client()
    other.force_login(investigator)
    period = {"date_from": "2000-01-01", "date_to": "2100-12-31"}
    text = other.get(reverse("incidents:stats_csv", args=["unit"]), period).content.decode("utf-8-sig")
    assert "Phường Bãi Cháy,1,7000000" in text
    assert "Hồng Gai" not in text and "450000000" not in text
