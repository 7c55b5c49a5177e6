"""The one scoping rule: a membership covers its unit and all descendants; out of scope answers 404."""

import pytest
from django.urls import reverse

from canhgiac.core.audit import audit
from canhgiac.core.models import AuditEvent
from canhgiac.core.scoping import scope_paths, unit_in_scope
from canhgiac.org.models import Unit

pytestmark = pytest.mark.django_db


def test_ward_manager_gets_404_on_another_wards_page(client, tree, ward_manager):
    client.force_login(ward_manager)
    assert client.get(reverse("org:unit_detail", args=[tree.hong_gai.pk])).status_code == 200
    assert client.get(reverse("org:unit_detail", args=[tree.bai_chay.pk])).status_code == 404
    assert client.get(reverse("org:unit_detail", args=[tree.root.pk])).status_code == 404


def test_coordinator_sees_both_wards(client, tree, coordinator):
    client.force_login(coordinator)
    for unit in (tree.hong_gai, tree.bai_chay, tree.root):
        assert client.get(reverse("org:unit_detail", args=[unit.pk])).status_code == 200


def test_anonymous_is_sent_to_login(client, tree):
    response = client.get(reverse("org:unit_detail", args=[tree.hong_gai.pk]))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_department_manager_sees_its_subunits_only(tree, department_manager):
    visible = set(Unit.objects.visible_to(department_manager).values_list("code", flat=True))
    assert visible == {"QN-STC", "QN-STC-NS"}
    assert unit_in_scope(department_manager, tree.budget_office)
    assert not unit_in_scope(department_manager, tree.police)


def test_root_membership_means_whole_province(coordinator):
    assert scope_paths(coordinator) is None


def test_speaker_membership_does_not_open_rosters(tree, speaker):
    assert Unit.objects.visible_to(speaker).count() == 0


def test_closed_membership_gives_nothing(tree, ward_manager):
    ward_manager.memberships.update(is_active=False)
    ward_manager.refresh_from_db()
    assert Unit.objects.visible_to(ward_manager).count() == 0


def test_unit_list_shows_only_the_subtree(client, tree, ward_manager, other_ward_manager):
    client.force_login(ward_manager)
    html = client.get(reverse("org:unit_list")).content.decode()
    assert "Phường Hồng Gai" in html and "Phường Bãi Cháy" not in html


def test_audit_log_is_scoped(client, tree, ward_manager, coordinator):
    audit(actor=coordinator, action="unit.test", obj=tree.bai_chay, unit=tree.bai_chay, summary="Bãi Cháy")
    audit(actor=coordinator, action="unit.test", obj=tree.hong_gai, unit=tree.hong_gai, summary="Hồng Gai")
    assert AuditEvent.objects.visible_to(ward_manager).count() == 1
    client.force_login(ward_manager)
    html = client.get(reverse("core:audit_log")).content.decode()
    assert "Hồng Gai" in html and "Bãi Cháy" not in html
    client.force_login(coordinator)
    html = client.get(reverse("core:audit_log"), {"action": "unit."}).content.decode()
    assert "Hồng Gai" in html and "Bãi Cháy" in html


def test_audit_log_rejects_bad_dates_in_vietnamese(client, coordinator):
    client.force_login(coordinator)
    html = client.get(
        reverse("core:audit_log"), {"date_from": "2026-05-01", "date_to": "2026-04-01"}
    ).content.decode()
    assert "“Từ ngày” phải trước hoặc bằng “Đến ngày”" in html


def test_audit_log_hidden_from_staff_roles(client, speaker):
    client.force_login(speaker)
    assert client.get(reverse("core:audit_log")).status_code == 404
