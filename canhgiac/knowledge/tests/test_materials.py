"""Materials library: type checked by content, size limits, versions, downloads, visibility."""

import io

import pytest
from PIL import Image

from canhgiac.knowledge import filetypes
from canhgiac.knowledge.models import Material, ScamMethod

from .conftest import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode."
)
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<rect width='10' height='10'/><script>fetch('/tai-khoan/')</script></svg>"
)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, format="PNG")
    return out.getvalue()


def _post(client, **fields):
    data = {
        "title": "Tài liệu thử",
        "kind": "document",
        "visibility": "public",
        "description": "",
        "note": "",
    }
    data.update(fields)
    return client.post("/kien-thuc/tai-lieu/them/", data)


def test_coordinator_uploads_a_pdf(client, coordinator, seeded, upload):
    client.force_login(coordinator)
    response = _post(
        client,
        title="Tờ rơi đầu tư",
        file=upload("to-roi.pdf", pdf_bytes(), "application/pdf"),
        methods=[ScamMethod.objects.get(slug="dau-tu-tai-chinh-tien-ao").pk],
        audiences=["public", "elderly"],
    )
    assert response.status_code == 302
    material = Material.objects.get(title="Tờ rơi đầu tư")
    version = material.current_version
    assert version.number == 1 and version.file_format == "pdf"
    assert version.file.name.startswith("materials/") and version.file.name.endswith(".pdf")
    assert "to-roi" not in version.file.name  # the server chooses the stored name
    assert material.audience_list == ["public", "elderly"]
    assert material.methods.filter(slug="dau-tu-tai-chinh-tien-ao").exists()


def test_a_renamed_executable_is_rejected(client, coordinator, upload):
    client.force_login(coordinator)
    response = _post(client, file=upload("bai-giang.pdf", EXE, "application/pdf"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "thực chất là chương trình Windows (.exe, .dll), dù tên tệp ghi là .pdf" in html
    assert "Tài liệu thử" in html  # what was typed is kept
    assert not Material.objects.exists()


def test_an_oversize_file_is_rejected(client, coordinator, upload, monkeypatch):
    monkeypatch.setitem(filetypes.SIZE_LIMITS, "image", 1024)
    client.force_login(coordinator)
    response = _post(client, kind="image", file=upload("anh.png", _png() + b"\x00" * 2048, "image/png"))
    html = response.content.decode()
    assert "vượt giới hạn 1 KB cho loại “Hình ảnh, ấn phẩm”" in html
    assert not Material.objects.exists()


def test_an_svg_with_script_is_rejected(client, coordinator, upload):
    client.force_login(coordinator)
    response = _post(client, kind="image", file=upload("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"))
    assert "Ảnh SVG “logo.svg” có chứa mã lệnh" in response.content.decode()
    assert not Material.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "a.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
            "có chứa mã lệnh",
        ),
        (
            "a.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><text>x</text></a></svg>',
            "có chứa mã lệnh",
        ),
        (
            "a.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>',
            "DOCTYPE/ENTITY",
        ),
        (
            "a.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
            "có chứa mã lệnh",
        ),
        ("bai.docx", docx_bytes(macro=True), "có chứa macro"),
        ("app.pdf", b"PK\x03\x04" + b"\x00" * 10, "bị hỏng"),
        ("trang.pdf", b"<!DOCTYPE html><html><script>x</script></html>", "là một trang web (HTML)"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "định dạng Office cũ"),
        ("rong.pdf", b"", "rỗng"),
        ("ghi-chu.pdf", b"chi la van ban thuong", "Không nhận ra định dạng"),
        ("anh.png", b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "chương trình Linux/Android"),
    ],
)
def test_content_checks(name, data, message, upload):
    from django.core.exceptions import ValidationError

    kind = (
        "image"
        if name.endswith((".svg", ".png"))
        else "word"
        if name.endswith((".docx", ".doc"))
        else "document"
    )
    with pytest.raises(ValidationError) as exc:
        filetypes.validate_upload(upload(name, data), kind=kind, kind_label="x")
    assert message in " ".join(exc.value.messages)


def test_apk_disguised_as_a_document_is_rejected(upload):
    import zipfile

    from django.core.exceptions import ValidationError

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("AndroidManifest.xml", "x")
        z.writestr("classes.dex", "dex\n035")
    with pytest.raises(ValidationError, match="APK"):
        filetypes.validate_upload(upload("huong-dan.docx", out.getvalue()), kind="word", kind_label="Word")


def test_formats_are_read_from_content_not_extension(upload):
    assert (
        filetypes.validate_upload(upload("x.bin", pdf_bytes()), kind="document", kind_label="PDF").code
        == "pdf"
    )
    assert (
        filetypes.validate_upload(upload("x.pdf", docx_bytes()), kind="word", kind_label="Word").code
        == "docx"
    )
    assert filetypes.validate_upload(upload("x.jpg", _png()), kind="image", kind_label="Ảnh").code == "png"
    clean_svg = b'<svg xmlns="http://www.w3.org/2000/svg"><text>3 KHONG</text></svg>'
    assert filetypes.validate_upload(upload("x.svg", clean_svg), kind="image", kind_label="Ảnh").code == "svg"
    mp4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 32
    assert filetypes.validate_upload(upload("x.mp4", mp4), kind="video", kind_label="Video").code == "mp4"


def test_kind_and_format_must_agree(client, coordinator, upload):
    client.force_login(coordinator)
    response = _post(client, kind="video", file=upload("phim.mp4", pdf_bytes()))
    assert "Bạn chọn loại “Video” nhưng tệp “phim.mp4” là PDF" in response.content.decode()


def _material(coordinator, upload, visibility="public", title="Bài giảng"):
    from canhgiac.knowledge.services import material_create

    return material_create(
        title=title,
        kind="document",
        visibility=visibility,
        upload=upload("a.pdf", pdf_bytes(title)),
        actor=coordinator,
    )


def test_new_version_keeps_the_old_ones_and_downloads_are_counted(client, coordinator, upload):
    material = _material(coordinator, upload)
    client.force_login(coordinator)
    response = client.post(
        f"/kien-thuc/tai-lieu/{material.pk}/phien-ban-moi/",
        {"file": upload("b.pdf", pdf_bytes("ban hai")), "note": "Cập nhật số liệu"},
    )
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.current_version.number == 2 and material.versions.count() == 2
    same = client.post(
        f"/kien-thuc/tai-lieu/{material.pk}/phien-ban-moi/", {"file": upload("c.pdf", pdf_bytes("ban hai"))}
    )
    assert "giống hệt phiên bản hiện hành" in same.content.decode()

    client.logout()
    current = client.get(f"/kien-thuc/tai-lieu/{material.pk}/tai-ve/")
    assert current.status_code == 200
    assert b"ban hai" in b"".join(current.streaming_content)
    assert current["Content-Disposition"].startswith("attachment;")
    assert 'filename="bai-giang-v2.pdf"' in current["Content-Disposition"]
    assert current["X-Content-Type-Options"] == "nosniff"
    assert current["Content-Type"] == "application/pdf"
    old = client.get(f"/kien-thuc/tai-lieu/{material.pk}/tai-ve/1/")
    assert "Bài giảng".encode() in b"".join(old.streaming_content)
    assert client.get(f"/kien-thuc/tai-lieu/{material.pk}/tai-ve/9/").status_code == 404
    material.refresh_from_db()
    assert material.download_count == 2
    assert list(material.versions.order_by("number").values_list("download_count", flat=True)) == [1, 1]
    page = client.get(material.get_absolute_url()).content.decode()
    assert "Cập nhật số liệu" in page and "hiện hành" in page


def test_visibility_is_enforced_on_listing_and_download(
    client, coordinator, speaker, investigator, other_ward_manager, upload
):
    public = _material(coordinator, upload, "public", "Công khai")
    officials = _material(coordinator, upload, "officials", "Cho cán bộ")
    police = _material(coordinator, upload, "police", "Nội bộ Công an")

    def visible(user):
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        html = client.get("/kien-thuc/tai-lieu/").content.decode()
        seen = {m.title for m in (public, officials, police) if m.title in html}
        for m in (public, officials, police):
            code = client.get(f"/kien-thuc/tai-lieu/{m.pk}/tai-ve/").status_code
            assert (code == 200) == (m.title in seen), (user, m.title, code)
            assert client.get(m.get_absolute_url()).status_code == (200 if m.title in seen else 404)
        return seen

    assert visible(None) == {"Công khai"}
    assert visible(other_ward_manager) == {"Công khai", "Cho cán bộ"}
    assert visible(speaker) == {"Công khai", "Cho cán bộ", "Nội bộ Công an"}
    assert visible(investigator) == {"Công khai", "Cho cán bộ", "Nội bộ Công an"}


def test_who_may_upload_and_edit(client, coordinator, speaker, ward_manager, upload):
    client.force_login(ward_manager)
    assert client.get("/kien-thuc/tai-lieu/them/").status_code == 404
    client.force_login(speaker)
    assert client.get("/kien-thuc/tai-lieu/them/").status_code == 200
    assert _post(client, title="Bài của báo cáo viên", file=upload("a.pdf", pdf_bytes())).status_code == 302
    own = Material.objects.get(title="Bài của báo cáo viên")
    assert client.get(f"/kien-thuc/tai-lieu/{own.pk}/sua/").status_code == 200
    theirs = _material(coordinator, upload, "officials", "Của điều phối")
    assert client.get(f"/kien-thuc/tai-lieu/{theirs.pk}/sua/").status_code == 404
    assert client.post(f"/kien-thuc/tai-lieu/{theirs.pk}/luu-tru/", {"luu-tru": "1"}).status_code == 404


def test_archived_materials_leave_the_library(client, coordinator, upload):
    material = _material(coordinator, upload, title="Sổ tay cũ")
    client.force_login(coordinator)
    client.post(f"/kien-thuc/tai-lieu/{material.pk}/luu-tru/", {"luu-tru": "1"})
    client.logout()
    assert "Sổ tay cũ" not in client.get("/kien-thuc/tai-lieu/").content.decode()
    assert client.get(material.get_absolute_url()).status_code == 404


def test_material_search_is_diacritic_insensitive_and_filters(client, coordinator, seeded, upload):
    from canhgiac.knowledge.services import material_create

    material_create(
        title="Video phóng sự",
        kind="video",
        visibility="public",
        upload=upload("v.mp4", b"\x00\x00\x00\x18ftypisom" + b"\x00" * 40),
        methods=[ScamMethod.objects.get(slug="gia-danh-cong-an-vien-kiem-sat-toa-an")],
        audiences=["elderly"],
        actor=coordinator,
    )
    _material(coordinator, upload, "public", "Sổ tay đầu tư an toàn")
    html = client.get("/kien-thuc/tai-lieu/", {"q": "gia danh cong an"}).content.decode()
    assert "Video phóng sự" in html and "Sổ tay đầu tư" not in html
    assert "Sổ tay đầu tư" in client.get("/kien-thuc/tai-lieu/", {"q": "so tay dau tu"}).content.decode()
    assert "Video phóng sự" not in client.get("/kien-thuc/tai-lieu/", {"loai": "document"}).content.decode()
    assert "Sổ tay" not in client.get("/kien-thuc/tai-lieu/", {"doi-tuong": "elderly"}).content.decode()


def test_library_list_queries_do_not_grow(client, coordinator, upload, django_assert_max_num_queries):
    for i in range(3):
        _material(coordinator, upload, title=f"Tài liệu {i}")
    client.get("/kien-thuc/tai-lieu/")
    with django_assert_max_num_queries(6):
        client.get("/kien-thuc/tai-lieu/")
    for i in range(3, 12):
        _material(coordinator, upload, title=f"Tài liệu {i}")
    with django_assert_max_num_queries(6):
        client.get("/kien-thuc/tai-lieu/")


def test_selectors_material_audience_filter_matches_whole_codes(seeded, coordinator, upload):
    from canhgiac.knowledge.selectors import material_list
    from canhgiac.knowledge.services import material_create

    for title, audiences in [
        ("A", ["public", "elderly"]),
        ("B", ["students"]),
        ("C", ["civil_servants", "workers"]),
    ]:
        material_create(
            title=title,
            kind="document",
            visibility="public",
            upload=upload(f"{title}.pdf", pdf_bytes(title)),
            audiences=audiences,
            actor=coordinator,
        )
    titles = lambda code: sorted(m.title for m in material_list(viewer=coordinator, audience=code))  # noqa: E731
    assert titles("elderly") == ["A"] and titles("public") == ["A"] and titles("workers") == ["C"]
