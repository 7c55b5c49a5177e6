from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from canhgiac.core.models import AuditEvent
from canhgiac.training.access import SESSION_KEY, code_digest, link_digest
from canhgiac.training.models import StaffAccess

pytestmark = pytest.mark.django_db


def test_only_digests_are_stored_and_the_link_opens_a_staff_session(client, staff_member, issue):
    issued = issue(staff_member)
    stored = StaffAccess.objects.filter(person=staff_member)
    assert {a.digest for a in stored} == {link_digest(issued.token), code_digest(issued.code)}
    assert not stored.filter(digest=issued.token).exists()
    before = client.cookies.get("sessionid")
    response = client.get(f"/hoc-tap/vao/{issued.token}/")
    assert response.status_code == 302 and response["Location"] == "/hoc-tap/cua-toi/"
    assert client.cookies["sessionid"].value != (before.value if before else None)
    assert client.session[SESSION_KEY]["p"] == staff_member.pk
    page = client.get("/hoc-tap/cua-toi/")
    assert "Nguyễn Thị Mai" in page.content.decode()


def test_the_code_is_typed_loosely_and_rotates_the_session(client, staff_member, issue):
    issued = issue(staff_member)
    client.get("/hoc-tap/nhap-ma/")
    old_key = client.session.session_key
    typed = issued.code.lower().replace("-", " ")
    response = client.post("/hoc-tap/nhap-ma/", {"code": typed, "next": "/hoc-tap/cua-toi/"})
    assert response.status_code == 302
    assert client.session.session_key != old_key
    assert client.session[SESSION_KEY]["p"] == staff_member.pk


def test_codes_have_no_ambiguous_characters(staff_member, issue):
    for _ in range(20):
        code = issue(staff_member).code.replace("-", "")
        assert len(code) == 8 and not set(code) & set("01OIL")


def test_a_wrong_code_says_what_to_do_and_keeps_the_page(client, staff_member, issue):
    issue(staff_member)
    response = client.post("/hoc-tap/nhap-ma/", {"code": "ABCD-EFGH"})
    assert response.status_code == 400
    assert "không đúng" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_replayed_token_after_reissue_is_refused_with_a_clear_message(client, staff_member, issue):
    old = issue(staff_member)
    new = issue(staff_member)
    response = client.get(f"/hoc-tap/vao/{old.token}/")
    assert response.status_code == 403
    assert "đã bị thu hồi" in response.content.decode()
    assert client.post("/hoc-tap/nhap-ma/", {"code": old.code}).status_code == 400
    assert client.get(f"/hoc-tap/vao/{new.token}/").status_code == 302


def test_revoking_ends_an_open_session_at_once(staff_client, staff_member, ward_manager):
    assert staff_client.get("/hoc-tap/cua-toi/").status_code == 200
    manager = Client()
    manager.force_login(ward_manager)
    response = manager.post(f"/hoc-tap/quan-ly/ma-ca-nhan/thu-hoi/{staff_member.pk}/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="training.access.revoke").count() == 1
    assert staff_client.get("/hoc-tap/cua-toi/").status_code == 302  # back to the code page
    response = staff_client.get(f"/hoc-tap/vao/{staff_client.issued.token}/")
    assert response.status_code == 403 and "thu hồi" in response.content.decode()


def test_an_expired_link_is_refused(client, staff_member, issue):
    issued = issue(staff_member)
    StaffAccess.objects.filter(person=staff_member).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(f"/hoc-tap/vao/{issued.token}/")
    assert response.status_code == 403 and "hết hạn" in response.content.decode()


def test_people_who_left_cannot_enter(client, staff_member, issue):
    issued = issue(staff_member)
    staff_member.status = "left"
    staff_member.save()
    assert client.get(f"/hoc-tap/vao/{issued.token}/").status_code == 403


def test_guessing_codes_is_rate_limited(client, staff_member, issue):
    issued = issue(staff_member)
    statuses = [client.post("/hoc-tap/nhap-ma/", {"code": f"AAAA-AA{i:02d}"}).status_code for i in range(31)]
    assert statuses[-1] == 429
    # even the right code waits until the window passes
    assert client.post("/hoc-tap/nhap-ma/", {"code": issued.code}).status_code == 429


def test_unknown_links_count_as_failures_too(client):
    for _ in range(30):
        assert client.get("/hoc-tap/vao/khong-ton-tai/").status_code == 404
    assert client.get("/hoc-tap/vao/khong-ton-tai/").status_code == 429


def test_the_next_parameter_cannot_leave_the_site(client, staff_member, issue):
    issued = issue(staff_member)
    response = client.post("/hoc-tap/nhap-ma/", {"code": issued.code, "next": "https://lua-dao.example/"})
    assert response["Location"] == "/hoc-tap/cua-toi/"


def test_staff_logout_keeps_an_officials_login_separate(staff_member, issue, ward_manager):
    client = Client()
    client.force_login(ward_manager)
    issued = issue(staff_member)
    client.get(f"/hoc-tap/vao/{issued.token}/")
    assert client.get("/hoc-tap/cua-toi/").status_code == 200
    client.post("/hoc-tap/thoat/")
    assert client.get("/hoc-tap/cua-toi/").status_code == 302
    assert client.get("/hoc-tap/quan-ly/").status_code == 200  # still signed in as an official


def test_issuing_a_sheet_is_scoped_audited_and_prints_codes_once(
    ward_manager, other_ward_manager, tree, staff_member
):
    manager = Client()
    manager.force_login(ward_manager)
    url = f"/hoc-tap/quan-ly/ma-ca-nhan/{tree.hong_gai.pk}/"
    assert manager.get(url).status_code == 200
    response = manager.post(url, {"days": 90, "confirm": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-testid="access-slip"') == 1
    assert "<svg" in html and "Nguyễn Thị Mai" in html
    event = AuditEvent.objects.get(action="training.access.issue")
    assert event.unit_id == tree.hong_gai.pk and event.actor_id == ward_manager.pk
    other = Client()
    other.force_login(other_ward_manager)
    assert other.get(url).status_code == 404
    assert other.post(url, {"days": 90, "confirm": "on"}).status_code == 404
    assert other.post(f"/hoc-tap/quan-ly/ma-ca-nhan/thu-hoi/{staff_member.pk}/").status_code == 404
    assert StaffAccess.objects.filter(person=staff_member, revoked_at__isnull=True).count() == 2


def test_issuing_requires_the_confirmation(ward_manager, tree, staff_member):
    manager = Client()
    manager.force_login(ward_manager)
    response = manager.post(f"/hoc-tap/quan-ly/ma-ca-nhan/{tree.hong_gai.pk}/", {"days": 90})
    assert response.status_code == 200 and 'data-testid="access-sheet"' not in response.content.decode()
    assert not StaffAccess.objects.exists()
