import pytest

pytestmark = pytest.mark.django_db


def nav_keys(client):
    keys = []
    for item in client.get("/").context["nav_items"]:
        keys += [child["key"] for child in item["children"]] if item.get("children") else [item["key"]]
    return keys


def test_anonymous_sees_no_official_entries(client, tree):
    keys = nav_keys(client)
    assert "units" not in keys and "audit" not in keys


def test_unit_manager_sees_units_and_audit(client, ward_manager):
    client.force_login(ward_manager)
    keys = nav_keys(client)
    assert "units" in keys and "audit" in keys


def test_speaker_does_not_see_rosters(client, speaker):
    client.force_login(speaker)
    assert "units" not in nav_keys(client)
