"""Scope audit: the reports addresses not yet proved 404 (or free of Hồng Gai data) for the manager of Bãi Cháy —
writing Hồng Gai's report, every dashboard CSV panel of Hồng Gai, the province-wide lists and the API, and a
campaign addressed to Hồng Gai only (test_pages and test_dashboard prove the other addresses)."""

from __future__ import annotations

import pytest

from canhgiac.reports.models import UnitReport

PANELS = ["don-vi", "tien-do", "nguy-co", "hoan-thanh", "kien-thuc", "phuong-thuc", "hoi-nghi"]


@pytest.mark.parametrize("panel", PANELS)
def test_every_dashboard_csv_of_hong_gai_is_404_for_bai_chay(
    client, tree, campaign, ward_manager, other_ward_manager, panel
):
    url = f"/bao-cao/tong-quan/{campaign.pk}/don-vi/{tree.hong_gai.pk}/{panel}.csv"
    client.force_login(ward_manager)
    assert client.get(url).status_code == 200
    client.force_login(other_ward_manager)
    assert client.get(url).status_code == 404


def test_writing_hong_gai_report_is_404_for_bai_chay(
    client, tree, campaign, ward_manager, other_ward_manager, write_report
):
    report = write_report(tree.hong_gai, ward_manager)
    client.force_login(other_ward_manager)
    url = f"/bao-cao/{campaign.pk}/don-vi/{tree.hong_gai.pk}/viet/"
    response = client.post(
        url, {"results": "Đã bị sửa bởi người ngoài phạm vi " * 3, "version": report.version}
    )
    assert response.status_code == 404
    fresh = UnitReport.objects.get(pk=report.pk)
    assert fresh.results == report.results and fresh.version == report.version


def test_province_lists_of_bai_chay_hold_no_hong_gai_row(
    client, tree, campaign, other_ward_manager, hong_gai_submitted
):
    client.force_login(other_ward_manager)
    for url in [f"/bao-cao/{campaign.pk}/", f"/bao-cao/tong-quan/{campaign.pk}/", "/bao-cao/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert (
            "Phường Hồng Gai" not in response.content.decode()
            and "45/BC-UBND" not in response.content.decode()
        ), url
    completeness = client.get(f"/api/v1/bao-cao/{campaign.pk}/day-du")
    assert completeness.status_code == 200
    assert [u["name"] for u in completeness.json()["units"]] == ["Phường Bãi Cháy"]


def test_a_hong_gai_campaign_is_404_in_every_report_address_for_bai_chay(
    client, tree, hong_gai_campaign, ward_manager, other_ward_manager
):
    pk, unit = hong_gai_campaign.pk, tree.hong_gai.pk
    urls = [
        f"/bao-cao/{pk}/",
        f"/bao-cao/{pk}/don-vi/{unit}/",
        f"/bao-cao/tong-quan/{pk}/",
        f"/bao-cao/tong-quan/{pk}/don-vi/{unit}/",
        f"/api/v1/bao-cao/{pk}/",
        f"/api/v1/bao-cao/{pk}/day-du",
    ]
    client.force_login(ward_manager)
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)
    client.force_login(other_ward_manager)
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert hong_gai_campaign.title not in client.get("/bao-cao/").content.decode()
