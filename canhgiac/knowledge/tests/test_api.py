import pytest

from canhgiac.knowledge.models import ScamMethod
from canhgiac.knowledge.services import method_unpublish

pytestmark = pytest.mark.django_db


def test_methods_lists_every_published_method(client, seeded):
    response = client.get("/api/v1/methods")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["count"] >= 24 and len(data["methods"]) == data["count"]
    first = data["methods"][0]
    assert {"slug", "name", "group", "red_flags"} <= set(first)
    assert first["slug"] == "combo-du-lich-gia-re" and first["group"] in ScamMethod.Group.values
    assert first["red_flags"] and {"id", "text"} <= set(first["red_flags"][0])
    assert all(len(m["red_flags"]) >= 3 for m in data["methods"])
    assert "\\u" not in response.content.decode("utf-8")  # UTF-8 text, not \\u escapes


def test_methods_filters_by_group_and_rejects_a_bad_group(client, seeded):
    data = client.get("/api/v1/methods", {"group": "account_takeover"}).json()
    assert data["count"] >= 5 and {m["group"] for m in data["methods"]} == {"account_takeover"}
    bad = client.get("/api/v1/methods", {"group": "xyz"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_group"


def test_unpublished_methods_leave_the_api(client, seeded, coordinator):
    method = ScamMethod.objects.get(slug="ban-so-lo-de")
    method_unpublish(method=method, actor=coordinator)
    slugs = [m["slug"] for m in client.get("/api/v1/methods").json()["methods"]]
    assert "ban-so-lo-de" not in slugs
    assert client.get("/api/v1/methods/ban-so-lo-de").status_code == 404


def test_method_detail(client, seeded):
    data = client.get("/api/v1/methods/gia-danh-cong-an-vien-kiem-sat-toa-an").json()
    assert data["name"].startswith("Giả danh Công an")
    assert len(data["do"]) >= 2 and len(data["never"]) >= 2 and data["examples"]
    assert any("Điều 174" in item for item in data["legal_basis"])
    assert data["leaflet_pdf"].endswith("/kien-thuc/gia-danh-cong-an-vien-kiem-sat-toa-an/to-roi.pdf")
    missing = client.get("/api/v1/methods/khong-co")
    assert missing.status_code == 404 and missing.json()["error"]["message"]


def test_methods_list_costs_constant_queries(client, seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/api/v1/methods")


def test_openapi_describes_the_methods_api(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/methods" in doc["paths"] and "/api/v1/methods/{slug}" in doc["paths"]
    assert {"Method", "MethodDetail", "RedFlag"} <= set(doc["components"]["schemas"])
    assert doc["components"]["schemas"]["Method"]["required"] == ["slug", "name", "group", "red_flags"]
