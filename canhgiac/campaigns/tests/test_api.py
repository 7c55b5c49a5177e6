"""The JSON API: scoped like the pages, documented in the merged OpenAPI document."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from canhgiac.campaigns import services
from canhgiac.campaigns.models import Reach


def test_the_api_needs_a_signed_in_official(campaign, client):
    assert client.get("/api/v1/chien-dich/").status_code == 401


def test_coverage_and_board_for_a_ward_manager(campaign, people, ward_manager, client, tree):
    services.reach_record(
        person=people["hong_gai"][0],
        campaign=campaign,
        via=Reach.Via.CONFERENCE,
        at=timezone.now() - timedelta(hours=1),
    )
    client.force_login(ward_manager)
    listing = client.get("/api/v1/chien-dich/").json()["campaigns"]
    assert listing[0]["reached"] == 1 and listing[0]["people"] == 6
    data = client.get(f"/api/v1/chien-dich/{campaign.pk}/bao-phu").json()
    assert [(u["name"], u["reached"], u["people"]) for u in data["units"]] == [("Phường Hồng Gai", 1, 6)]
    assert (
        client.get(f"/api/v1/chien-dich/{campaign.pk}/bao-phu?don_vi={tree.bai_chay.pk}").status_code == 404
    )
    assert client.get(f"/api/v1/chien-dich/{campaign.pk}/bao-phu?ngay=15-11-2026").status_code == 400
    board = client.get(f"/api/v1/chien-dich/{campaign.pk}/nghia-vu").json()
    assert [u["unit"]["name"] for u in board["units"]] == ["Phường Hồng Gai"]
    assert {o["kind"] for o in board["units"][0]["obligations"]} == {"needs", "conferences", "report"}


def test_conferences_api_is_scoped(conference, other_ward_manager, coordinator, client):
    client.force_login(other_ward_manager)
    assert client.get(f"/api/v1/chien-dich/{conference.campaign_id}/hoi-nghi").json()["conferences"] == []
    client.force_login(coordinator)
    data = client.get(f"/api/v1/chien-dich/{conference.campaign_id}/hoi-nghi").json()
    assert data["conferences"][0]["title"] == conference.title and data["per_week"]


def test_the_api_is_in_the_openapi_document(db, client):
    doc = client.get("/api/v1/openapi.json").json()
    assert (
        "/api/v1/chien-dich/{pk}/bao-phu" in doc["paths"]
        and "CampaignSummary" in doc["components"]["schemas"]
    )
