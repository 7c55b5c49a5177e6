"""The importer on real-looking files: every bad file gives a Vietnamese message and leaves the roster untouched."""

import datetime as dt

import pytest
from django.urls import reverse

from canhgiac.core.models import AuditEvent
from canhgiac.org import services
from canhgiac.org.importer import legacy
from canhgiac.org.models import Person, Placement, RosterImport

from .conftest import HEADER, csv_bytes, good_rows, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def start(unit, actor, name, data, **kwargs):
    return services.roster_import_start(unit=unit, upload=upload(name, data), actor=actor, **kwargs)


def run(unit, actor, name, data, **kwargs):
    imp = start(unit, actor, name, data, **kwargs)
    if imp.can_commit:
        imp = services.roster_import_commit(imp=imp, actor=actor)
    return imp


def test_a_clean_file_with_title_rows_and_merged_headers_imports(tree, ward_manager, media):
    merges = [
        (0, 0, 0, 8, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG GAI"),
        (1, 0, 1, 8, "DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG NĂM 2026"),
        (3, 0, 4, 0, "STT"),
        (3, 1, 4, 1, "Họ và tên"),
        (3, 2, 4, 2, "Mã CBCC"),
        (3, 3, 4, 3, "Chức vụ"),
        (3, 4, 3, 5, "Thông tin liên hệ"),
    ]
    rows = [
        [None, None, None, None, "Điện thoại di động", "Thư điện tử"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, "nguyễn văn an", "HG001", "Chủ tịch UBND", 912345001, "an@honggai.gov.vn"],
        [2, "Trần Thị Bình", "HG002", "Công chức", "01689123456", ""],
        ["I. Bộ phận một cửa", None, None, None, None, None],
        [3, "Lê Thị Cúc", "HG003", "Viên chức", "0912.345.003", ""],
        ["Người lập biểu", None, None, None, None, None],
    ]
    imp = run(tree.hong_gai, ward_manager, "danh-sach.xlsx", xlsx_bytes(rows, merges=merges, start=4))
    assert imp.status == RosterImport.Status.DONE, imp.problems
    assert imp.detected["header_row"] == 4
    assert imp.created_count == 3 and imp.rejected_count == 0
    people = {p.staff_code: p for p in Person.objects.all()}
    assert people["HG001"].full_name == "Nguyễn Văn An"
    assert people["HG001"].phone == "+84912345001" and people["HG001"].email == "an@honggai.gov.vn"
    assert people["HG002"].phone == "+84389123456"  # 0168 → 038
    assert all(p.unit == tree.hong_gai for p in people.values())
    assert Placement.objects.filter(valid_to__isnull=True).count() == 3
    assert AuditEvent.objects.filter(action="roster.import", unit=tree.hong_gai).count() == 1


def test_reimporting_the_same_file_changes_nothing(tree, ward_manager, media):
    data = xlsx_bytes(good_rows())
    first = run(tree.hong_gai, ward_manager, "ds.xlsx", data)
    assert first.created_count == 3
    before = list(Person.objects.values_list("id", "updated_at"))
    second = run(tree.hong_gai, ward_manager, "ds.xlsx", data)
    assert (second.created_count, second.updated_count, second.unchanged_count) == (0, 0, 3)
    assert list(Person.objects.values_list("id", "updated_at")) == before
    assert Placement.objects.count() == 3


def test_upsert_by_staff_code_then_email_and_moves_are_history(tree, ward_manager, coordinator, media):
    run(tree.communes, coordinator, "ds.xlsx", xlsx_bytes(good_rows()))
    rows = good_rows()
    rows[1][3] = "Bí thư Đảng ủy"  # position changed
    rows[2][4] = "06673"  # moved to Bãi Cháy
    rows[3][2] = ""  # no staff code: matched by name + phone
    imp = run(tree.communes, coordinator, "ds2.xlsx", xlsx_bytes(rows), effective_on=dt.date(2026, 3, 1))
    assert imp.status == RosterImport.Status.DONE, imp.problems
    assert (imp.created_count, imp.updated_count, imp.unchanged_count) == (0, 2, 1)
    binh = Person.objects.get(staff_code="HG002")
    assert binh.unit == tree.bai_chay
    history = list(binh.placements.order_by("valid_to").values_list("unit_id", "valid_from", "valid_to"))
    assert (tree.hong_gai.pk, None, dt.date(2026, 3, 1)) in history
    assert (tree.bai_chay.pk, dt.date(2026, 3, 1), None) in history


def test_wrong_type_is_refused_with_a_vietnamese_message(tree, ward_manager, media):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        start(tree.hong_gai, ward_manager, "danh-sach.docx", b"PK\x03\x04word")
    assert "không phải bảng tính" in str(excinfo.value)
    assert not RosterImport.objects.exists() and not Person.objects.exists()


def test_corrupt_xlsx_fails_cleanly(tree, ward_manager, media):
    data = xlsx_bytes(good_rows())[:1500]  # cut off: a zip without its central directory
    imp = start(tree.hong_gai, ward_manager, "hong.xlsx", data)
    assert imp.status == RosterImport.Status.FAILED
    assert "tệp bị hỏng" in imp.message
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="không phải Excel"):
        start(tree.hong_gai, ward_manager, "anh.xlsx", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    assert not Person.objects.exists()


def test_file_over_the_size_limit_is_refused(tree, ward_manager, media, client, monkeypatch):
    from canhgiac.org.importer import reading

    monkeypatch.setattr(reading, "MAX_BYTES", 10_000)
    client.force_login(ward_manager)
    response = client.post(
        reverse("org:import_list"),
        {"unit": tree.hong_gai.pk, "file": upload("lon.csv", b"Ho va ten\n" + b"Nguyen Van A\n" * 2000)},
    )
    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()
    assert not RosterImport.objects.exists() and not Person.objects.exists()


def test_tcvn3_xlsx_is_converted_to_unicode(tree, ward_manager, media):
    rows = [[legacy.encode_tcvn3(str(c)) if isinstance(c, str) else c for c in row] for row in good_rows()]
    imp = run(
        tree.hong_gai,
        ward_manager,
        "abc.xlsx",
        xlsx_bytes(rows, title_rows=[legacy.encode_tcvn3("DANH SÁCH CÁN BỘ")]),
    )
    assert imp.detected["legacy"] == "tcvn3"
    assert imp.status == RosterImport.Status.DONE, imp.problems
    assert set(Person.objects.values_list("full_name", flat=True)) == {
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
    }
    assert Person.objects.get(staff_code="HG002").position == "Công chức Tư pháp - Hộ tịch"


def test_tcvn3_and_vni_csv_files(tree, ward_manager, media):
    rows = [
        ["Họ và tên", "Mã cán bộ", "Chức vụ"],
        ["Đặng Thị Thủy", "HG010", "Kế toán"],
        ["Nguyễn Hữu Phước", "HG011", "Văn thư"],
    ]
    tcvn3 = [[legacy.encode_tcvn3(c) for c in row] for row in rows]
    imp = run(tree.hong_gai, ward_manager, "abc.csv", csv_bytes(tcvn3, encoding="cp1252"))
    assert imp.detected["legacy"] == "tcvn3" and imp.status == RosterImport.Status.DONE, imp.message
    vni = [
        [legacy.encode_vni(c) for c in row] for row in [rows[0], ["Phạm Quốc Việt", "HG012", "Chuyên viên"]]
    ]
    imp = run(tree.hong_gai, ward_manager, "vni.csv", csv_bytes(vni, encoding="cp1252", delimiter=";"))
    assert imp.detected["legacy"] == "vni" and imp.status == RosterImport.Status.DONE, imp.message
    assert set(Person.objects.values_list("full_name", flat=True)) == {
        "Đặng Thị Thủy",
        "Nguyễn Hữu Phước",
        "Phạm Quốc Việt",
    }


@pytest.mark.parametrize(
    ("encoding", "prefix", "label"),
    [("utf-8", b"", "UTF-8"), ("utf-8", b"\xef\xbb\xbf", "UTF-8 (BOM)"), ("cp1258", b"", "Windows-1258")],
)
def test_csv_encodings(tree, ward_manager, media, encoding, prefix, label):
    rows = [
        ["Ho ten", "SĐT", "Đơn vị"],
        ["Vũ Thị Hằng", "0912345678", "Phường Hồng Gai"],
        ["Lý Văn Đức", "912345679", "Hồng Gai"],
    ]
    imp = run(tree.communes, ward_manager, "ds.csv", prefix + csv_bytes(rows, encoding=encoding))
    assert imp.detected["encoding"] == label
    assert imp.status == RosterImport.Status.DONE, (imp.message, imp.problems)
    assert set(Person.objects.values_list("full_name", flat=True)) == {"Vũ Thị Hằng", "Lý Văn Đức"}


def test_duplicates_inside_the_file_reject_everything(tree, ward_manager, media):
    rows = good_rows() + [[4, "Nguyễn Văn An", "HG001", "Chủ tịch", "06685", "Cán bộ", "", "", ""]]
    imp = run(tree.hong_gai, ward_manager, "trung.xlsx", xlsx_bytes(rows))
    assert imp.status == RosterImport.Status.READY and not imp.can_commit
    assert imp.rejected_count == 2
    assert "Mã cán bộ “HG001” lặp lại ở các dòng 2, 5." in imp.problems["2"]
    assert not Person.objects.exists()
    with pytest.raises(Exception, match="chưa sẵn sàng"):
        services.roster_import_commit(imp=imp, actor=ward_manager)
    assert not Person.objects.exists()


def test_duplicates_against_the_database(tree, ward_manager, staff_member, media):
    Person.objects.create(
        unit=tree.hong_gai, full_name="Phạm Thị Lan", email="lan@honggai.gov.vn", staff_code="HG050"
    )
    rows = [
        HEADER,
        [1, "Phạm Thị Lan", "HG099", "Văn thư", "06685", "Công chức", "", "lan@honggai.gov.vn", ""],
    ]
    imp = run(tree.hong_gai, ward_manager, "trung-csdl.xlsx", xlsx_bytes(rows))
    assert imp.rejected_count == 1 and imp.status != RosterImport.Status.DONE
    assert "đã là của Phạm Thị Lan (mã HG050)" in imp.problems["2"][0]
    assert Person.objects.count() == 2


def test_staff_code_of_another_units_person_is_refused(tree, ward_manager, media):
    Person.objects.create(unit=tree.bai_chay, full_name="Hoàng Văn Tú", staff_code="BC001")
    rows = [HEADER, [1, "Hoàng Văn Tú", "BC001", "Chuyên viên", "06685", "", "", "", ""]]
    imp = run(tree.hong_gai, ward_manager, "ds.xlsx", xlsx_bytes(rows))
    assert imp.rejected_count == 1 and "ngoài phạm vi" in imp.problems["2"][0]
    assert Person.objects.get(staff_code="BC001").unit == tree.bai_chay


def test_unknown_unit_codes_and_bad_values(tree, ward_manager, media):
    rows = good_rows() + [
        [4, "Đỗ Văn Em", "HG004", "", "99999", "", "", "", ""],
        [5, "Bùi Thị Gấm", "HG005", "", "06673", "", "", "", ""],  # Bãi Cháy: outside Hồng Gai
        [6, "Ngô Văn Hải", "HG006", "", "06685", "Bộ đội", "12345", "hai@", "31/02/1990"],
    ]
    imp = run(tree.hong_gai, ward_manager, "sai.xlsx", xlsx_bytes(rows))
    assert imp.rejected_count == 3 and imp.status == RosterImport.Status.READY
    assert "Mã đơn vị “99999” không có trong Phường Hồng Gai" in " ".join(imp.problems["5"])
    assert "Mã đơn vị “06673” không có trong Phường Hồng Gai" in " ".join(imp.problems["6"])
    text = " ".join(imp.problems["7"])
    assert "Nhóm đối tượng “Bộ đội” không rõ" in text
    assert "“12345” không phải số điện thoại Việt Nam hợp lệ" in text
    assert "Thư điện tử “hai@” không đúng dạng" in text
    assert "không có thật" in text
    assert not Person.objects.exists()


def test_no_header_found_explains_what_is_expected(tree, ward_manager, media):
    imp = run(tree.hong_gai, ward_manager, "lung-tung.csv", csv_bytes([["a", "b"], ["1", "2"]]))
    assert imp.status == RosterImport.Status.FAILED and "Không tìm thấy dòng tiêu đề" in imp.message


def test_manual_mapping_override(tree, ward_manager, media):
    rows = [
        ["Cột A", "Cột B", "Cột C"],
        ["Nguyễn Văn Tâm", "HG100", "0912345100"],
        ["Lê Thị Tuyết", "HG101", ""],
    ]
    imp = start(tree.hong_gai, ward_manager, "khong-ten-cot.csv", csv_bytes(rows))
    assert imp.status == RosterImport.Status.FAILED
    imp = services.roster_import_remap(
        imp=imp, mapping={0: "full_name", 1: "staff_code", 2: "phone"}, header_row=0, actor=ward_manager
    )
    assert imp.status == RosterImport.Status.READY and imp.created_count == 2
    imp = services.roster_import_commit(imp=imp, actor=ward_manager)
    assert Person.objects.get(staff_code="HG100").phone == "+84912345100"


def test_large_files_run_as_a_background_task(tree, ward_manager, media, monkeypatch, client):
    monkeypatch.setattr(services, "INLINE_MAX_BYTES", 0)
    imp = start(tree.hong_gai, ward_manager, "ds.xlsx", xlsx_bytes(good_rows()))
    assert imp.task_id and imp.status == RosterImport.Status.READY
    client.force_login(ward_manager)
    response = client.get(reverse("org:import_status", args=[imp.pk]))
    assert response["HX-Refresh"] == "true"
    imp = services.roster_import_commit(imp=imp, actor=ward_manager)
    assert imp.status == RosterImport.Status.DONE and Person.objects.count() == 3


def test_result_workbook_has_an_error_column_and_is_formula_safe(tree, ward_manager, media, client):
    from python_calamine import CalamineWorkbook

    rows = good_rows() + [[4, '=HYPERLINK("http://x")', "HG009", "", "06685", "", "", "", ""]]
    imp = run(tree.hong_gai, ward_manager, "ds.xlsx", xlsx_bytes(rows))
    client.force_login(ward_manager)
    response = client.get(reverse("org:import_result", args=[imp.pk]))
    assert response.status_code == 200
    path = media / "result.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert sheet[0][-3:] == ["Dòng trong tệp", "Kết quả", "Lỗi"]
    last = sheet[-1]
    assert last[1].startswith("'=") and last[-2] == "Bị từ chối" and "ký hiệu lạ" in last[-1]
    assert sheet[1][-2] == "Sẽ tạo mới"


def test_import_pages_are_scoped(tree, ward_manager, other_ward_manager, leader, media, client):
    imp = start(tree.hong_gai, ward_manager, "ds.xlsx", xlsx_bytes(good_rows()))
    client.force_login(other_ward_manager)
    for name in ["org:import_detail", "org:import_status", "org:import_result"]:
        assert client.get(reverse(name, args=[imp.pk])).status_code == 404
    assert client.post(reverse("org:import_commit", args=[imp.pk])).status_code == 404
    client.force_login(leader)  # reads rosters, does not import
    assert client.get(reverse("org:import_list")).status_code == 404
    assert not Person.objects.exists()


def test_upload_preview_commit_through_the_pages(tree, ward_manager, media, client):
    client.force_login(ward_manager)
    response = client.post(
        reverse("org:import_list"),
        {"unit": tree.hong_gai.pk, "file": upload("ds.xlsx", xlsx_bytes(good_rows()))},
    )
    imp = RosterImport.objects.get()
    assert response.status_code == 302 and response["Location"] == imp.get_absolute_url()
    html = client.get(imp.get_absolute_url()).content.decode()
    assert "sẽ tạo mới" in html and "Ghi 3 dòng vào danh sách" in html and "Trần Thị Bình" in html
    client.post(reverse("org:import_commit", args=[imp.pk]))
    assert Person.objects.count() == 3
    html = client.get(imp.get_absolute_url()).content.decode()
    assert "đã tạo mới" in html and "Xem danh sách" in html
