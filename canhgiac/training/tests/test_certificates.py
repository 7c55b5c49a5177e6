import subprocess

import pytest
from django.test import Client
from django.utils import timezone

from canhgiac.training import services
from canhgiac.training.models import Certificate

from .helpers import answer_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(staff_client, staff_member, post_quiz) -> Certificate:
    attempt = services.attempt_start(quiz=post_quiz, person=staff_member)
    answer_all(staff_client, attempt)
    services.attempt_submit(attempt=attempt)
    return Certificate.objects.get(person=staff_member)


def test_the_holder_downloads_an_a4_landscape_pdf_with_the_code(staff_client, certificate, tmp_path):
    response = staff_client.get(f"/hoc-tap/chung-nhan/{certificate.code}/tai-ve/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "c.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["/usr/bin/pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:")).split()
    width, height = float(size[2]), float(size[4])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape in points
    text = subprocess.run(
        ["/usr/bin/pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Nguyễn Thị Mai" in text and certificate.code in text and "GIẤY CHỨNG NHẬN" in text


def test_nobody_else_downloads_it(client, certificate, other_staff, issue):
    assert client.get(f"/hoc-tap/chung-nhan/{certificate.code}/tai-ve/").status_code == 404
    other = Client()
    other.get(f"/hoc-tap/vao/{issue(other_staff).token}/")
    assert other.get(f"/hoc-tap/chung-nhan/{certificate.code}/tai-ve/").status_code == 404


def test_the_public_verify_page_shows_only_the_minimum(client, certificate, coordinator):
    page = client.get(f"/hoc-tap/xac-minh/{certificate.code}/")
    html = page.content.decode()
    assert page.status_code == 200 and "hợp lệ" in html
    assert "Nguyễn Thị Mai" in html and certificate.course_title in html
    for private in ("Phường Hồng Gai", "+84912345678", "HG0001", "Công chức Tư pháp", "100%"):
        assert private not in html
    manager = Client()
    manager.force_login(coordinator)
    response = manager.post(
        f"/hoc-tap/quan-ly/chung-nhan/{certificate.pk}/thu-hoi/", {"reason": "Làm bài hộ người khác"}
    )
    assert response.status_code == 302
    html = client.get(f"/hoc-tap/xac-minh/{certificate.code}/").content.decode()
    assert "đã bị thu hồi" in html and "Làm bài hộ" not in html
    assert client.get("/hoc-tap/xac-minh/CN-KHONG-COMA/").status_code == 404
    assert client.get(f"/hoc-tap/xac-minh/?code={certificate.code.lower()}")["Location"].endswith(
        f"/{certificate.code}/"
    )


def test_only_the_coordinator_revokes_and_a_reason_is_needed(ward_manager, coordinator, certificate):
    manager = Client()
    manager.force_login(ward_manager)
    assert (
        manager.post(f"/hoc-tap/quan-ly/chung-nhan/{certificate.pk}/thu-hoi/", {"reason": "x"}).status_code
        == 404
    )
    boss = Client()
    boss.force_login(coordinator)
    boss.post(f"/hoc-tap/quan-ly/chung-nhan/{certificate.pk}/thu-hoi/", {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_the_verify_api_answers_the_same_minimum(client, certificate):
    data = client.get(f"/api/v1/chung-nhan/{certificate.code.lower()}").json()
    assert data == {
        "code": certificate.code,
        "status": "valid",
        "person_name": "Nguyễn Thị Mai",
        "course_title": certificate.course_title,
        "issued_on": timezone.localdate(certificate.issued_at).isoformat(),
    }
    missing = client.get("/api/v1/chung-nhan/CN-0000-0000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    schema = client.get("/api/v1/openapi.json").json()
    assert (
        "/api/v1/chung-nhan/{code}" in schema["paths"]
        and "CertificateStatus" in schema["components"]["schemas"]
    )
