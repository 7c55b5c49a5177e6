"""Managers mark attendance by hand (a searchable roster checklist) or import a typed-up sign-in sheet."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canhgiac.campaigns.models import Attendance, AttendanceImport, Reach
from canhgiac.core.models import AuditEvent


def test_the_roster_checklist_marks_and_unmarks_by_htmx(conference, ward_manager, client, people):
    client.force_login(ward_manager)
    page = client.get(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/?q=binh")
    assert [p.full_name for p in page.context["page"]] == ["Trần Văn Bình"]  # without diacritics
    person = people["hong_gai"][1]
    url = f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/{person.pk}/"
    row = client.post(url, {"present": "1"}, HTTP_HX_REQUEST="true")
    assert row.status_code == 200 and "Có mặt" in row.content.decode()
    assert Attendance.objects.get(person=person).via == "manual"
    assert Reach.objects.filter(person=person).exists()
    client.post(url, {"present": "1"}, HTTP_HX_REQUEST="true")  # twice: still one
    assert Attendance.objects.filter(person=person).count() == 1
    client.post(url, {"present": "0"}, HTTP_HX_REQUEST="true")
    assert not Attendance.objects.filter(person=person).exists()
    assert not Reach.objects.filter(person=person).exists()  # the reach had no other source
    assert AuditEvent.objects.filter(action__in=["attendance.mark", "attendance.unmark"]).count() == 2


def test_a_person_outside_the_unit_cannot_be_ticked(conference, ward_manager, client, people):
    client.force_login(ward_manager)
    outsider = people["bai_chay"][0]
    assert (
        client.post(
            f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/{outsider.pk}/", {"present": "1"}
        ).status_code
        == 404
    )


def test_the_roster_page_costs_the_same_queries_whatever_its_length(conference, ward_manager, client, tree):
    from canhgiac.org.models import Person

    client.force_login(ward_manager)
    url = f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/"
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(20):
        Person.objects.create(unit=tree.hong_gai, full_name=f"Nguyễn Văn Thêm {i}")
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


SHEET = (
    "DANH SÁCH CÁN BỘ THAM DỰ HỘI NGHỊ\n"
    "\n"
    "STT,Họ và tên,Mã cán bộ,Đơn vị,Số điện thoại,Ký tên\n"
    "1,Trần Văn Bình,HG002,Phường Hồng Gai,,\n"
    "2,Lê Thị Cúc,,Phường Hồng Gai,,\n"
    "3,Nguyễn Văn Khách,,Hội Cựu chiến binh phường,0913 222 333,\n"
)


def test_import_a_sign_in_sheet(conference, ward_manager, client):
    client.force_login(ward_manager)
    upload = SimpleUploadedFile("danh-sach.csv", SHEET.encode("utf-8"), content_type="text/csv")
    response = client.post(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/", {"file": upload})
    imp = AttendanceImport.objects.get()
    assert response["Location"].endswith(f"/nhap/{imp.pk}/")
    assert imp.status == "ready" and imp.counts == {"present": 2, "already": 0, "guest": 1, "error": 0}
    assert not Attendance.objects.exists()  # a preview writes nothing
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/{imp.pk}/", {"action": "commit"})
    assert Attendance.objects.filter(person__isnull=False, via="import").count() == 2
    guest = Attendance.objects.get(person__isnull=True)
    assert guest.full_name == "Nguyễn Văn Khách" and guest.phone == "+84913222333"
    assert Reach.objects.count() == 2


def test_an_ambiguous_or_unknown_row_blocks_the_whole_import(conference, ward_manager, client, tree):
    from canhgiac.org.models import Person

    Person.objects.create(unit=tree.hong_gai, full_name="Trần Văn Bình", staff_code="HG099")  # a namesake
    sheet = "Họ và tên,Mã cán bộ\nTrần Văn Bình,\nLê Thị Cúc,HG777\nVũ Thị Hoa,\n"
    client.force_login(ward_manager)
    client.post(
        f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/",
        {"file": SimpleUploadedFile("ds.csv", sheet.encode(), content_type="text/csv")},
    )
    imp = AttendanceImport.objects.get()
    assert imp.status == "rejected" and imp.counts["error"] == 2
    messages = [r["message"] for r in imp.rows if r["outcome"] == "error"]
    assert any("Có 2 người tên “Trần Văn Bình”" in m for m in messages)
    assert any("Mã cán bộ “HG777” không có trong danh sách của Phường Hồng Gai" in m for m in messages)
    page = client.get(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/{imp.pk}/")
    assert "chưa ghi dòng nào" in page.content.decode()
    client.post(f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/{imp.pk}/", {"action": "commit"})
    assert not Attendance.objects.exists()


def test_a_word_file_is_refused(conference, ward_manager, client):
    client.force_login(ward_manager)
    response = client.post(
        f"/chien-dich/hoi-nghi/{conference.pk}/diem-danh/nhap/",
        {"file": SimpleUploadedFile("ds.docx", b"PK\x03\x04 not a sheet", content_type="application/msword")},
        follow=True,
    )
    assert "không phải bảng tính" in response.content.decode()
