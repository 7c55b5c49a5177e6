"""Who sees what: investigators see victims, coordinators the case without them, unit managers aggregates only;
out of scope is 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from canhgiac.core.models import AuditEvent

pytestmark = pytest.mark.django_db

VICTIM = {
    "full_name": "Trần Thị Huệ",
    "phone": "0912 345 678",
    "id_number": "022180004321",
    "address": "Tổ 5, khu 3",
    "birth_year": "1975",
}


@pytest.fixture
def case(make_case):
    return make_case(victim=VICTIM)


def test_investigator_sees_the_victim_after_asking_and_the_view_is_logged(client, investigator, case):
    client.force_login(investigator)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Trần Thị Huệ" not in page and "022180004321" not in page  # masked by default
    assert 'data-testid="victim-show"' in page
    assert not AuditEvent.objects.filter(action="incident.victim_view").exists()
    shown = client.post(
        reverse("incidents:victim_show", args=[case.code]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Trần Thị Huệ" in shown and "022180004321" in shown and "0912 345 678" in shown
    event = AuditEvent.objects.get(action="incident.victim_view")
    assert event.actor == investigator and event.data == {"via": "page"}
    # without htmx the whole page comes back with the data shown
    page = client.post(reverse("incidents:victim_show", args=[case.code])).content.decode()
    assert "Trần Thị Huệ" in page and AuditEvent.objects.filter(action="incident.victim_view").count() == 2
    # the edit form shows it too, and says so in the log
    edit = client.get(reverse("incidents:case_edit", args=[case.code])).content.decode()
    assert "Trần Thị Huệ" in edit
    assert AuditEvent.objects.filter(action="incident.victim_view", data__via="edit").count() == 1


def test_coordinator_sees_the_case_without_the_victim(client, coordinator, case):
    client.force_login(coordinator)
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert case.code in body and "450.000.000" in body
    for secret in ("Trần Thị Huệ", "022180004321", "0912 345 678", "Tổ 5, khu 3", "1975"):
        assert secret not in body
    assert 'data-testid="victim-restricted"' in body
    assert client.post(reverse("incidents:victim_show", args=[case.code])).status_code == 404
    edit = client.get(reverse("incidents:case_edit", args=[case.code])).content.decode()
    assert "Trần Thị Huệ" not in edit and "victim_full_name" not in edit
    assert client.get(reverse("incidents:case_list")).status_code == 200
    assert not AuditEvent.objects.filter(action="incident.victim_view").exists()


def test_unit_manager_sees_only_aggregates(client, ward_manager, leader, case):
    for user in (ward_manager, leader):
        client.force_login(user)
        for url in (
            reverse("incidents:case_list"),
            case.get_absolute_url(),
            reverse("incidents:case_create"),
            reverse("incidents:case_export"),
            reverse("incidents:import_list"),
        ):
            assert client.get(url).status_code == 404, (user, url)
        stats = client.get(reverse("incidents:stats"))
        assert stats.status_code == 200
        assert case.code not in stats.content.decode()


def test_other_ward_gets_404_and_no_figures(client, make_official, tree, other_ward_manager, case):
    outsider = make_official("ca.baichay@test.vn", "investigator", tree.bai_chay)
    client.force_login(outsider)
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.post(reverse("incidents:victim_show", args=[case.code])).status_code == 404
    assert case.code not in client.get(reverse("incidents:case_list")).content.decode()
    client.force_login(other_ward_manager)
    assert client.get(case.get_absolute_url()).status_code == 404
    stats = client.get(reverse("incidents:stats")).content.decode()
    assert 'data-figure="cases">1<' not in stats


def test_a_police_unit_sees_the_cases_it_handles(client, make_official, tree, make_case):
    handled = make_case(handling_unit=tree.pa05)
    other = make_case()
    officer = make_official("pa05@test.vn", "investigator", tree.pa05)
    client.force_login(officer)
    assert client.get(handled.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404


def test_anonymous_is_sent_to_login_and_the_public_page_is_open(client, case):
    assert client.get(reverse("incidents:case_list")).status_code == 302
    assert client.get(reverse("incidents:public")).status_code == 200


def test_the_audit_log_tells_ward_managers_nothing_about_cases(
    client, ward_manager, coordinator, investigator, case
):
    from canhgiac.incidents import services

    services.victim_view(case=case, actor=investigator)
    client.force_login(ward_manager)
    body = client.get(reverse("core:audit_log")).content.decode()
    assert case.code not in body and "nạn nhân" not in body
    client.force_login(coordinator)  # province-wide: sees who read a victim's data, and when
    body = client.get(reverse("core:audit_log"), {"action": "incident.victim_view"}).content.decode()
    assert case.code in body and "Lê Điều Tra" in body
