import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from canhgiac.core.models import AuditEvent
from canhgiac.training import services
from canhgiac.training.models import Lesson, Option, Question, Quiz

from .helpers import answer_all

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def hong_gai_attempt(staff_client, staff_member, post_quiz):
    attempt = services.attempt_start(quiz=post_quiz, person=staff_member)
    answer_all(staff_client, attempt)
    return services.attempt_submit(attempt=attempt)


def test_other_ward_manager_gets_404_on_hong_gai_things(
    other_ward_manager, tree, hong_gai_attempt, staff_member
):
    other = _client(other_ward_manager)
    certificate = hong_gai_attempt.certificate
    for url in [
        f"/hoc-tap/quan-ly/ma-ca-nhan/{tree.hong_gai.pk}/",
        f"/hoc-tap/quan-ly/bai-lam/{hong_gai_attempt.pk}/",
        f"/hoc-tap/quan-ly/ket-qua/{tree.hong_gai.pk}/",
        f"/hoc-tap/chung-nhan/{certificate.code}/tai-ve/",
    ]:
        assert other.get(url).status_code == 404, url
    page = other.get("/hoc-tap/quan-ly/ket-qua/").content.decode()
    assert "Nguyễn Thị Mai" not in page and "Phường Hồng Gai" not in page


def test_the_ward_manager_sees_their_people_results(ward_manager, tree, hong_gai_attempt):
    manager = _client(ward_manager)
    page = manager.get("/hoc-tap/quan-ly/ket-qua/").content.decode()
    assert "Nguyễn Thị Mai" in page and "Phường Hồng Gai" in page
    detail = manager.get(f"/hoc-tap/quan-ly/bai-lam/{hong_gai_attempt.pk}/").content.decode()
    assert "100%" in detail and "Giải thích" in detail
    pdf = manager.get(f"/hoc-tap/chung-nhan/{hong_gai_attempt.certificate.code}/tai-ve/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_results_and_lists_cost_a_constant_number_of_queries(
    ward_manager, tree, hong_gai_attempt, django_assert_max_num_queries
):
    manager = _client(ward_manager)
    manager.get("/hoc-tap/quan-ly/ket-qua/")
    with django_assert_max_num_queries(20):
        assert manager.get("/hoc-tap/quan-ly/ket-qua/").status_code == 200


def test_staff_and_anonymous_visitors_cannot_open_manager_pages(client, staff_client, speaker):
    for url in ["/hoc-tap/quan-ly/", "/hoc-tap/quan-ly/cau-hoi/", "/hoc-tap/quan-ly/ma-ca-nhan/"]:
        assert client.get(url).status_code == 302
        assert staff_client.get(url).status_code == 302
        assert _client(speaker).get(url).status_code == 404


def test_only_the_coordinator_edits_content(ward_manager, coordinator, content):
    assert _client(ward_manager).get("/hoc-tap/quan-ly/cau-hoi/").status_code == 404
    assert _client(ward_manager).get("/hoc-tap/quan-ly/khoa-hoc/").status_code == 404
    assert _client(coordinator).get("/hoc-tap/quan-ly/cau-hoi/").status_code == 200


def test_the_question_bank_filters_and_searches_without_diacritics(
    coordinator, content, django_assert_max_num_queries
):
    manager = _client(coordinator)
    page = manager.get("/hoc-tap/quan-ly/cau-hoi/?pt=ban-so-lo-de").content.decode()
    assert (
        page.count("list-group-item-action") == Question.objects.filter(method__slug="ban-so-lo-de").count()
    )
    found = manager.get("/hoc-tap/quan-ly/cau-hoi/?q=hai+quan").content.decode()
    assert "hải quan" in found
    with django_assert_max_num_queries(12):
        manager.get("/hoc-tap/quan-ly/cau-hoi/?loai=scenario&do_kho=2")


def _question_post(method_pk, **extra):
    data = {
        "kind": "single",
        "method": method_pk,
        "difficulty": 2,
        "text": "Khi được mời “đầu tư lãi 3%/ngày”, bạn nên làm gì?",
        "explanation": "Cam kết lãi cố định cao là dấu hiệu lừa đảo.",
        "is_active": "on",
        "opt-TOTAL_FORMS": 3,
        "opt-INITIAL_FORMS": 0,
        "opt-MIN_NUM_FORMS": 0,
        "opt-MAX_NUM_FORMS": 8,
        "opt-0-text": "Từ chối và cảnh báo người thân",
        "opt-0-is_correct": "on",
        "opt-0-order": 0,
        "opt-1-text": "Đầu tư thử một ít",
        "opt-1-order": 1,
        "opt-2-text": "",
        "opt-2-order": 2,
    }
    data.update(extra)
    return data


def test_the_coordinator_writes_a_question_and_bad_input_is_explained(coordinator, content):
    from canhgiac.knowledge.models import ScamMethod

    method = ScamMethod.objects.get(slug="dau-tu-tai-chinh-tien-ao")
    manager = _client(coordinator)
    bad = manager.post(
        "/hoc-tap/quan-ly/cau-hoi/moi/", _question_post(method.pk, **{"opt-1-is_correct": "on"})
    )
    assert bad.status_code == 200
    html = bad.content.decode()
    assert (
        "chỉ có đúng một phương án đúng" in html and "Từ chối và cảnh báo người thân" in html
    )  # kept what was typed
    before = Question.objects.count()
    ok = manager.post("/hoc-tap/quan-ly/cau-hoi/moi/", _question_post(method.pk))
    assert ok.status_code == 302
    question = Question.objects.latest("id")
    assert Question.objects.count() == before + 1
    assert [(o.text, o.is_correct) for o in question.options.all()] == [
        ("Từ chối và cảnh báo người thân", True),
        ("Đầu tư thử một ít", False),
    ]
    assert AuditEvent.objects.filter(action="training.question.save").exists()


def test_a_scenario_question_is_written_line_by_line(coordinator, content):
    from canhgiac.knowledge.models import ScamMethod

    method = ScamMethod.objects.get(slug="tin-nhan-brandname-gia")
    data = _question_post(
        method.pk,
        kind="scenario",
        scenario_channel="sms",
        scenario_sender="VCB",
        scenario_text="Tai khoan bi khoa, xac thuc tai http://vcb-xacthuc.top\nTôi: Thật không?",
        **{"opt-0-text": "Đây là lừa đảo", "opt-1-text": "Không phải lừa đảo"},
    )
    assert _client(coordinator).post("/hoc-tap/quan-ly/cau-hoi/moi/", data).status_code == 302
    question = Question.objects.latest("id")
    assert question.scenario_messages == [
        {"from": "them", "text": "Tai khoan bi khoa, xac thuc tai http://vcb-xacthuc.top"},
        {"from": "me", "text": "Thật không?"},
    ]
    page = _client(coordinator).get(f"/hoc-tap/quan-ly/cau-hoi/{question.pk}/").content.decode()
    assert "hxxp://vcb-xacthuc[.]top" in page and 'href="http://vcb' not in page


def test_lessons_are_sanitised_and_uploads_type_checked(coordinator, content):
    from PIL import Image

    manager = _client(coordinator)
    url = f"/hoc-tap/quan-ly/khoa-hoc/{content.pk}/bai-hoc/moi/"
    data = {
        "title": "Bài học bổ sung",
        "slug": "bai-hoc-bo-sung",
        "order": 30,
        "body": '<p onmouseover="x()">Nội dung</p><script>alert(1)</script>',
        "minutes": 5,
        "is_published": "on",
    }
    fake = SimpleUploadedFile("anh.png", b"<?php echo 1; ?>", content_type="image/png")
    response = manager.post(url, {**data, "image": fake})
    assert response.status_code == 200 and "ảnh" in response.content.decode()
    video = SimpleUploadedFile("video.mp4", b"MZ\x90\x00 not a video at all", content_type="video/mp4")
    response = manager.post(url, {**data, "video": video})
    assert response.status_code == 200 and "MP4 hoặc WebM" in response.content.decode()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    image = SimpleUploadedFile("anh.png", buffer.getvalue(), content_type="image/png")
    mp4 = SimpleUploadedFile(
        "video.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32, content_type="video/mp4"
    )
    response = manager.post(url, {**data, "image": image, "video": mp4})
    assert response.status_code == 302, response.content.decode()[:500]
    lesson = Lesson.objects.get(slug="bai-hoc-bo-sung")
    assert lesson.body == "<p>Nội dung</p>"
    assert lesson.image.name.endswith(".png") and lesson.video.name.endswith(".mp4")
    page = Client().get(lesson.get_absolute_url()).content.decode()
    assert "<video" in page and "<script>alert" not in page


def test_the_coordinator_sets_up_a_quiz_with_weights(coordinator, content):
    manager = _client(coordinator)
    data = {
        "title": "Luyện tập: đầu tư và việc làm",
        "slug": "luyen-tap-dau-tu",
        "kind": "practice",
        "question_count": 10,
        "time_limit_minutes": 15,
        "pass_mark": 60,
        "max_attempts": 5,
        "difficulties": [1, 2],
        "weights_text": "dau-tu-tai-chinh-tien-ao = 3\nkhong-co-ma-nay = 2",
        "is_published": "on",
    }
    bad = manager.post(f"/hoc-tap/quan-ly/khoa-hoc/{content.pk}/bai-kiem-tra/moi/", data)
    assert bad.status_code == 200 and "Dòng 2 chưa đúng" in bad.content.decode()
    data["weights_text"] = "dau-tu-tai-chinh-tien-ao = 3"
    ok = manager.post(f"/hoc-tap/quan-ly/khoa-hoc/{content.pk}/bai-kiem-tra/moi/", data)
    assert ok.status_code == 302
    quiz = Quiz.objects.get(slug="luyen-tap-dau-tu")
    assert quiz.method_weights == {"dau-tu-tai-chinh-tien-ao": 3.0} and quiz.difficulties == [1, 2]


def test_deactivated_questions_are_not_drawn(staff_member, post_quiz):
    Question.objects.exclude(method__slug="ban-so-lo-de").update(is_active=False)
    attempt = services.attempt_start(quiz=post_quiz, person=staff_member)
    assert set(
        Question.objects.filter(pk__in=attempt.question_ids).values_list("method__slug", flat=True)
    ) == {"ban-so-lo-de"}
    assert Option.objects.filter(question_id__in=attempt.question_ids).count() >= 12


def test_the_tabs_follow_the_role(ward_manager, leader, coordinator, content):
    manager = _client(ward_manager).get("/hoc-tap/quan-ly/").content.decode()
    assert "Mã cá nhân" in manager and "Ngân hàng câu hỏi" not in manager
    boss = _client(leader).get("/hoc-tap/quan-ly/").content.decode()
    assert "/hoc-tap/quan-ly/ma-ca-nhan/" not in boss and "/hoc-tap/quan-ly/cau-hoi/" not in boss
    assert "/hoc-tap/quan-ly/cau-hoi/" in _client(coordinator).get("/hoc-tap/quan-ly/").content.decode()
