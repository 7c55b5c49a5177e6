import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_is_vietnamese_with_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Content-Security-Policy" in response.headers
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "<script>" not in html  # no inline script anywhere: CSP forbids it


def test_404_page_is_vietnamese(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_500_page_is_vietnamese(rf):
    from canhgiac.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_healthz(client):
    assert client.get("/healthz").content == b"ok"


def test_home_shows_the_users_scope(client, ward_manager, staff_member):
    client.force_login(ward_manager)
    html = client.get("/").content.decode()
    assert "Phường Hồng Gai" in html
    assert "Đầu mối đơn vị" in html


def test_home_counts_the_units_and_the_people_at_work_of_each_scope(tree, make_official):
    from canhgiac.core.selectors import user_scope_summary
    from canhgiac.org.models import Person

    both = make_official("hai@test.vn", "unit_manager", tree.finance)
    both.memberships.create(unit=tree.communes, role="leader")
    for unit, status in (
        (tree.finance, "active"),
        (tree.budget_office, "active"),
        (tree.budget_office, "left"),  # moved away: not counted
        (tree.hong_gai, "active"),
        (tree.ba_che, "on_leave"),
        (tree.police, "active"),  # outside both scopes
    ):
        Person.objects.create(unit=unit, full_name=f"Người {unit.code} {status}", status=status)
    summary = {row["unit"].code: (row["units"], row["people"]) for row in user_scope_summary(user=both)}
    assert summary == {"QN-STC": (2, 2), "QN-XP": (4, 1)}


def test_admin_is_for_superusers_only(client, coordinator):
    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)
    assert client.get("/quan-tri/").status_code == 302


def test_openapi_document_is_json(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def test_every_static_asset_of_the_base_template_is_served(client):
    """Vendored assets come from the project itself (no CDN) and must actually resolve."""
    import re

    html = client.get("/").content.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert len(assets) >= 6
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset


def test_collectstatic_succeeds_with_the_production_manifest_storage(settings, tmp_path):
    """Production serves hashed files through WhiteNoise's manifest storage: every reference must resolve."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", "-v", "0")
    assert (tmp_path / "staticfiles.json").exists()


def _active_keys(items):
    keys = []
    for item in items:
        keys += (
            _active_keys(item["children"])
            if item.get("children")
            else ([item["key"]] if item["active"] else [])
        )
    return keys


def test_only_the_closest_nav_entry_is_active(client, ward_manager):
    client.force_login(ward_manager)
    assert _active_keys(client.get("/don-vi/nhap/").context["nav_items"]) == ["roster_import"]
    items = client.get("/don-vi/").context["nav_items"]
    assert _active_keys(items) == ["units"]
    org_group = next(item for item in items if item["key"] == "org")
    assert org_group["active"] and [c["key"] for c in org_group["children"]][:3] == [
        "units",
        "roster",
        "roster_import",
    ]


def test_numbers_in_templates_are_never_localised_implicitly():
    """Ids above 999 must render as 1500, never "1.500", in attributes and URLs."""
    from django.template import Context, Template

    assert Template('<a data-id="{{ n }}">{{ n|vn_number }}</a>').render(Context({"n": 1500})) == (
        '<a data-id="1500">1.500</a>'
    )


def test_the_audit_log_shows_only_the_viewers_subtree(
    client, tree, ward_manager, other_ward_manager, coordinator
):
    from canhgiac.core.audit import audit

    audit(
        actor=ward_manager, action="roster.person_create", unit=tree.hong_gai, summary="Thêm người ở Hồng Gai"
    )
    audit(
        actor=other_ward_manager,
        action="roster.person_create",
        unit=tree.bai_chay,
        summary="Thêm người ở Bãi Cháy",
    )
    client.force_login(other_ward_manager)
    body = client.get(reverse("core:audit_log")).content.decode()
    assert "Thêm người ở Bãi Cháy" in body and "Thêm người ở Hồng Gai" not in body
    client.force_login(coordinator)
    body = client.get(reverse("core:audit_log")).content.decode()
    assert "Thêm người ở Bãi Cháy" in body and "Thêm người ở Hồng Gai" in body
