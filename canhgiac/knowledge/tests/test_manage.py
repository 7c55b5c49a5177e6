"""Coordinators edit methods through the product's pages, with revision history, publish and restore."""

import pytest

from canhgiac.core.models import AuditEvent
from canhgiac.knowledge.models import MethodRevision, ScamMethod

pytestmark = pytest.mark.django_db

SLUG = "chuyen-nham-tien"


def _form_data(method, **changes):
    """The edit form as the browser posts it, from the method's current content."""
    data = {
        "name": method.name,
        "group": method.group,
        "severity": method.severity,
        "summary": method.summary,
        "steps": "\n".join(method.steps),
        "do_list": "\n".join(method.do_list),
        "dont_list": "\n".join(method.dont_list),
        "targets": method.targets,
        "keywords": method.keywords,
        "legal_basis": method.legal_basis,
        "channels": list(method.channels),
        "related": [m.pk for m in method.related.all()],
        "revision": method.revision,
        "note": "",
    }
    flags = list(method.red_flags.all())
    data.update(
        {"flags-TOTAL_FORMS": len(flags) + 1, "flags-INITIAL_FORMS": len(flags), "flags-MAX_NUM_FORMS": 30}
    )
    for i, f in enumerate(flags):
        data.update(
            {
                f"flags-{i}-code": f.code,
                f"flags-{i}-text": f.text,
                f"flags-{i}-patterns": "\n".join(f.patterns),
                f"flags-{i}-weight": f.weight,
                f"flags-{i}-existing": "on",
            }
        )
    n = len(flags)
    data.update(
        {f"flags-{n}-code": "", f"flags-{n}-text": "", f"flags-{n}-patterns": "", f"flags-{n}-weight": "0.6"}
    )
    examples = list(method.examples.all())
    data.update({"examples-TOTAL_FORMS": len(examples), "examples-INITIAL_FORMS": len(examples)})
    for i, e in enumerate(examples):
        data.update(
            {
                f"examples-{i}-channel": e.channel,
                f"examples-{i}-sender": e.sender,
                f"examples-{i}-text": e.text,
            }
        )
    data.update(changes)
    return data


def test_only_coordinators_open_the_management_pages(
    client, seeded, ward_manager, other_ward_manager, speaker
):
    urls = ["/kien-thuc/quan-ly/", f"/kien-thuc/quan-ly/{SLUG}/", f"/kien-thuc/quan-ly/{SLUG}/lich-su/"]
    assert client.get(urls[0]).status_code == 302  # anonymous: to the login page
    for user in (ward_manager, other_ward_manager, speaker):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user.email, url)
        assert client.post(f"/kien-thuc/quan-ly/{SLUG}/ngung-cong-bo/").status_code == 404


def test_coordinator_edits_a_method_and_the_history_shows_who_what_when(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    assert client.get(f"/kien-thuc/quan-ly/{SLUG}/").status_code == 200
    data = _form_data(
        method,
        summary="Tiền lạ vào tài khoản rồi có người đòi trả vào tài khoản khác: đó là bẫy vay nợ.",
        note="Viết lại tóm tắt, thêm dấu hiệu",
    )
    n = method.red_flags.count()
    data.update(
        {
            f"flags-{n}-code": "chuyen-nham-goi-nhieu-lan",
            f"flags-{n}-text": "Gọi, nhắn liên tục nhiều lần trong ngày để đòi trả tiền",
            f"flags-{n}-patterns": r"\bgoi (?:lien tuc|nhieu lan)\b.{0,40}\btra (?:lai )?tien\b",
            f"flags-{n}-weight": "0.4",
        }
    )
    response = client.post(f"/kien-thuc/quan-ly/{SLUG}/", data)
    assert response.status_code == 302
    method.refresh_from_db()
    assert method.summary.startswith("Tiền lạ vào tài khoản")
    assert method.red_flags.filter(code="chuyen-nham-goi-nhieu-lan").exists()
    revision = method.revisions.order_by("-number").first()
    assert revision.number == method.revision == 2 and revision.kind == "edit"
    assert revision.actor == coordinator and revision.note == "Viết lại tóm tắt, thêm dấu hiệu"
    fields = {row["field"] for row in revision.changes}
    assert "Tóm tắt" in fields and "Thêm dấu hiệu chuyen-nham-goi-nhieu-lan" in fields
    assert AuditEvent.objects.filter(action="knowledge.method.update", actor=coordinator).exists()

    history = client.get(f"/kien-thuc/quan-ly/{SLUG}/lich-su/").content.decode()
    assert "Bản 2" in history and "Trần Điều Phối" in history and "Nạp nội dung ban đầu" in history
    old = client.get(f"/kien-thuc/quan-ly/{SLUG}/lich-su/1/").content.decode()
    assert "Tài khoản của bạn bỗng nhận một khoản tiền lạ" in old  # the old summary, as it was

    # The public page shows the new content at once.
    assert "Tiền lạ vào tài khoản" in client.get(f"/kien-thuc/{SLUG}/").content.decode()


def test_bad_patterns_are_refused_and_what_was_typed_is_kept(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    data = _form_data(method, summary="Tóm tắt mới chưa lưu")
    data["flags-0-patterns"] = "Chuyển Tiền Ngay"
    response = client.post(f"/kien-thuc/quan-ly/{SLUG}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "phải viết thường, không dấu" in html
    assert "Tóm tắt mới chưa lưu" in html and "Chuyển Tiền Ngay" in html
    method.refresh_from_db()
    assert method.revision == 1


def test_an_edit_based_on_an_old_revision_is_refused(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    stale = _form_data(method, summary="Bản của người thứ hai")
    assert (
        client.post(
            f"/kien-thuc/quan-ly/{SLUG}/", _form_data(method, summary="Bản của người thứ nhất")
        ).status_code
        == 302
    )
    response = client.post(f"/kien-thuc/quan-ly/{SLUG}/", stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "vừa được Trần Điều Phối sửa (bản 2)" in html and "Bản của người thứ hai" in html
    method.refresh_from_db()
    assert method.summary == "Bản của người thứ nhất"


def test_a_published_method_cannot_drop_below_the_minimum(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    data = _form_data(method, dont_list="Chỉ còn một ý")
    response = client.post(f"/kien-thuc/quan-ly/{SLUG}/", data)
    assert "chưa đủ nội dung để công bố" in response.content.decode()
    method.refresh_from_db()
    assert len(method.dont_list) >= 2


def test_unpublish_publish_and_restore(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    client.post(f"/kien-thuc/quan-ly/{SLUG}/", _form_data(method, summary="Nội dung sai cần khôi phục."))
    assert client.post(f"/kien-thuc/quan-ly/{SLUG}/ngung-cong-bo/").status_code == 302
    method.refresh_from_db()
    assert not method.is_published and method.revisions.order_by("-number").first().kind == "unpublish"
    assert client.get(f"/kien-thuc/{SLUG}/").status_code == 200  # coordinator previews

    client.post(f"/kien-thuc/quan-ly/{SLUG}/lich-su/1/khoi-phuc/")
    method.refresh_from_db()
    assert method.summary.startswith("Tài khoản của bạn bỗng nhận")
    assert not method.is_published  # restoring content does not publish
    assert method.revisions.order_by("-number").first().kind == MethodRevision.Kind.RESTORE

    client.post(f"/kien-thuc/quan-ly/{SLUG}/cong-bo/")
    method.refresh_from_db()
    assert method.is_published
    assert list(method.revisions.order_by("number").values_list("kind", flat=True)) == [
        "seed",
        "edit",
        "unpublish",
        "restore",
        "publish",
    ]


def test_an_incomplete_method_cannot_be_published(client, seeded, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/kien-thuc/quan-ly/them/",
        {"name": "Giả danh nhân viên bưu điện", "group": "impersonation", "summary": "Tóm tắt"},
    )
    assert response.status_code == 302
    method = ScamMethod.objects.get(slug="gia-danh-nhan-vien-buu-dien")
    assert not method.is_published and method.number == 30
    response = client.post("/kien-thuc/quan-ly/gia-danh-nhan-vien-buu-dien/cong-bo/", follow=True)
    html = response.content.decode()
    assert "chưa đủ nội dung để công bố" in html and "cần ít nhất 3 dấu hiệu nhận biết" in html
    method.refresh_from_db()
    assert not method.is_published
    assert client.get("/kien-thuc/gia-danh-nhan-vien-buu-dien/").status_code == 200
    client.logout()
    assert client.get("/kien-thuc/gia-danh-nhan-vien-buu-dien/").status_code == 404


def test_management_list_queries_stay_constant(client, seeded, coordinator, django_assert_max_num_queries):
    client.force_login(coordinator)
    client.get("/kien-thuc/quan-ly/")
    with django_assert_max_num_queries(8):
        response = client.get("/kien-thuc/quan-ly/")
    assert response.content.decode().count("Đã công bố") >= 29


def test_pattern_tester_marks_what_fires_and_escapes_the_message(client, seeded, coordinator, ward_manager):
    url = "/kien-thuc/quan-ly/gia-danh-cong-an-vien-kiem-sat-toa-an/thu-mau/"
    client.force_login(ward_manager)
    assert client.post(url, {"message": "x"}).status_code == 404
    client.force_login(coordinator)
    message = (
        "Bà Hạnh, bà phải giữ bí mật, không được nói với người nhà. Bà chuyển 300 triệu vào TK tạm giữ "
        "<script>alert(1)</script> http://congan-xacminh.example"
    )
    html = client.post(url, {"message": message}).content.decode()
    assert "cong-an-buoc-giu-bi-mat" in html and "cong-an-chuyen-tien-tai-khoan-tam-giu" in html
    assert "<mark>" in html and "giu bi mat" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "hxxp://congan-xacminh[.]example" in html
    quiet = client.post(url, {"message": "Chiều nay họp giao ban lúc 14 giờ."}).content.decode()
    assert "không dấu hiệu nào khớp" in quiet


def test_saving_an_unchanged_form_records_no_revision(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    data = _form_data(method)
    data["legal_basis"] = data["legal_basis"].replace("\n", "\r\n")  # as browsers send textareas
    data["channels"] = list(reversed(data["channels"]))
    response = client.post(f"/kien-thuc/quan-ly/{SLUG}/", data, follow=True)
    assert "Không có thay đổi nào để lưu" in response.content.decode()
    method.refresh_from_db()
    assert method.revision == 1
