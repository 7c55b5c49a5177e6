import random
import re
from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from canhgiac.training import services
from canhgiac.training.models import Answer, Attempt, AttemptMethodScore, Certificate, Question, QuizResult
from canhgiac.training.services.draw import allocate, draw_questions
from canhgiac.training.signals import course_passed

from .helpers import answer_all

pytestmark = pytest.mark.django_db


def _start(client, quiz) -> Attempt:
    response = client.post(f"/hoc-tap/bai-kiem-tra/{quiz.slug}/bat-dau/")
    assert response.status_code == 302, response.content
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_allocation_follows_weights_and_what_each_method_has():
    assert allocate(10, {1: 1, 2: 1}, {1: 10, 2: 10}) == {1: 5, 2: 5}
    assert allocate(10, {1: 3, 2: 1}, {1: 10, 2: 10}) == {1: 8, 2: 2} or allocate(
        10, {1: 3, 2: 1}, {1: 10, 2: 10}
    ) == {1: 7, 2: 3}
    assert allocate(10, {1: 1, 2: 1}, {1: 2, 2: 20}) == {1: 2, 2: 8}
    assert allocate(50, {1: 1, 2: 1}, {1: 3, 2: 4}) == {1: 3, 2: 4}
    assert allocate(4, {1: 0, 2: 1}, {1: 5, 2: 5}) == {1: 0, 2: 4}


def test_drawing_by_method_difficulty_and_weights(post_quiz):
    from canhgiac.knowledge.models import ScamMethod

    invest = ScamMethod.objects.get(slug="dau-tu-tai-chinh-tien-ao")
    police = ScamMethod.objects.get(slug="gia-danh-cong-an-vien-kiem-sat-toa-an")
    post_quiz.methods.set([invest, police])
    post_quiz.question_count = 8
    post_quiz.save()
    drawn = draw_questions(post_quiz, rng=random.Random(1), weights={"dau-tu-tai-chinh-tien-ao": 3})
    methods = Counter(Question.objects.get(pk=q).method.slug for q in drawn)
    assert methods == {"dau-tu-tai-chinh-tien-ao": 6, "gia-danh-cong-an-vien-kiem-sat-toa-an": 2}
    assert len(set(drawn)) == 8
    post_quiz.difficulties = [1]
    post_quiz.save()
    drawn = draw_questions(post_quiz, rng=random.Random(2))
    assert {Question.objects.get(pk=q).difficulty for q in drawn} == {1}


def test_each_attempt_is_shuffled_and_a_reload_shows_the_same_order(staff_client, post_quiz):
    attempt = _start(staff_client, post_quiz)
    assert len(attempt.question_ids) == 6
    first = staff_client.get(f"/hoc-tap/bai-lam/{attempt.pk}/").content.decode()
    second = staff_client.get(f"/hoc-tap/bai-lam/{attempt.pk}/").content.decode()
    shown = re.findall(r'name="(?:question|option)" value="(\d+)"', first)
    assert shown == re.findall(r'name="(?:question|option)" value="(\d+)"', second)
    expected = []
    for qid in attempt.question_ids:
        expected += [str(qid)] + [str(o) for o in attempt.option_order[str(qid)]]
    assert shown == expected
    # numbers in attributes are never localised ("1.500" would break the timer and the ids)
    assert 1400 < int(re.search(r'data-seconds-left="(\d+)"', first).group(1)) <= 1500
    positions = [first.find(f'name="question" value="{qid}"') for qid in attempt.question_ids]
    assert positions == sorted(positions) and -1 not in positions
    # starting again resumes the same attempt instead of drawing a new one
    assert _start(staff_client, post_quiz).pk == attempt.pk
    orders = {tuple(services.attempt_start(quiz=post_quiz, person=p).question_ids) for p in _people(5)}
    assert len(orders) > 1


def _people(n):
    from canhgiac.org.models import Person, Unit

    unit = Unit.objects.get(code="06685")
    return [Person.objects.create(unit=unit, full_name=f"Người thứ {i}") for i in range(n)]


def test_an_answer_is_stored_at_once_and_replaced_not_duplicated(staff_client, post_quiz):
    attempt = _start(staff_client, post_quiz)
    qid = attempt.question_ids[0]
    options = attempt.option_order[str(qid)]
    url = f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/"
    first = staff_client.post(url, {"question": qid, "option": options[0]}, HTTP_HX_REQUEST="true")
    assert first.status_code == 200 and "Đã lưu" in first.content.decode()
    staff_client.post(url, {"question": qid, "option": options[0]})  # the same answer again (a retry)
    staff_client.post(url, {"question": qid, "option": options[1]})  # then a change of mind
    answers = Answer.objects.filter(attempt=attempt)
    assert answers.count() == 1 and answers.get().selected == [options[1]]


def test_the_answer_endpoint_is_lean(staff_client, post_quiz, django_assert_max_num_queries):
    attempt = _start(staff_client, post_quiz)
    qid = attempt.question_ids[0]
    with django_assert_max_num_queries(6):
        response = staff_client.post(
            f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/",
            {"question": qid, "option": attempt.option_order[str(qid)][0]},
        )
    assert response.status_code == 200


@pytest.mark.parametrize("field", ["question", "option"])
def test_tampered_ids_are_rejected_with_a_clear_message(staff_client, post_quiz, field):
    attempt = _start(staff_client, post_quiz)
    qid = attempt.question_ids[0]
    foreign_question = Question.objects.exclude(pk__in=attempt.question_ids).first()
    foreign_option = foreign_question.options.first()
    data = (
        {"question": foreign_question.pk, "option": foreign_option.pk}
        if field == "question"
        else {"question": qid, "option": foreign_option.pk}
    )
    response = staff_client.post(f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/", data)
    assert response.status_code == 400
    assert "tải lại trang" in response.content.decode()
    junk = staff_client.post(
        f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/", {"question": "1; DROP", "option": "x"}
    )
    assert junk.status_code == 400
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_another_persons_attempt_is_not_found(staff_client, post_quiz, other_staff, issue):
    attempt = _start(staff_client, post_quiz)
    other = Client()
    other.get(f"/hoc-tap/vao/{issue(other_staff).token}/")
    qid = attempt.question_ids[0]
    data = {"question": qid, "option": attempt.option_order[str(qid)][0]}
    assert other.post(f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/", data).status_code == 404
    assert other.get(f"/hoc-tap/bai-lam/{attempt.pk}/").status_code == 404
    assert other.get(f"/hoc-tap/bai-lam/{attempt.pk}/ket-qua/").status_code == 404
    assert other.post(f"/hoc-tap/bai-lam/{attempt.pk}/nop-bai/").status_code == 404
    assert not Answer.objects.exists()


def test_answering_after_the_time_is_up_is_refused_and_the_attempt_submitted(staff_client, post_quiz):
    attempt = _start(staff_client, post_quiz)
    answer_all(staff_client, attempt, only=2)
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=services.attempts.GRACE_SECONDS + 1)
    )
    qid = attempt.question_ids[3]
    response = staff_client.post(
        f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/",
        {"question": qid, "option": attempt.option_order[str(qid)][0]},
    )
    assert response.status_code == 409
    assert "hết giờ" in response.content.decode()
    assert response["HX-Redirect"].endswith(f"/bai-lam/{attempt.pk}/ket-qua/")
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.auto_submitted
    assert attempt.submitted_at <= attempt.deadline
    assert Answer.objects.filter(attempt=attempt).count() == 2  # the late one is not stored, none is lost
    assert attempt.correct_count == 2


def test_an_answer_within_the_grace_seconds_still_counts(staff_client, post_quiz):
    attempt = _start(staff_client, post_quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    assert answer_all(staff_client, attempt, only=1)[0].status_code == 200


def test_two_tabs_answering_the_same_attempt_keep_one_answer_per_question(staff_member, post_quiz, issue):
    issued = issue(staff_member)
    tab1, tab2 = Client(), Client()
    tab1.get(f"/hoc-tap/vao/{issued.token}/")
    tab2.post("/hoc-tap/nhap-ma/", {"code": issued.code})
    attempt = _start(tab1, post_quiz)
    assert _start(tab2, post_quiz).pk == attempt.pk
    q1, q2 = attempt.question_ids[:2]
    url = f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/"
    tab1.post(url, {"question": q1, "option": attempt.option_order[str(q1)][0]})
    tab2.post(url, {"question": q1, "option": attempt.option_order[str(q1)][1]})
    tab2.post(url, {"question": q2, "option": attempt.option_order[str(q2)][0]})
    answers = {a.question_id: a.selected for a in Answer.objects.filter(attempt=attempt)}
    assert answers == {q1: [attempt.option_order[str(q1)][1]], q2: [attempt.option_order[str(q2)][0]]}
    # tab 1 submits; tab 2, still open, cannot change anything any more
    tab1.post(f"/hoc-tap/bai-lam/{attempt.pk}/nop-bai/")
    late = tab2.post(url, {"question": q2, "option": attempt.option_order[str(q2)][1]})
    assert late.status_code == 409 and "đã được nộp" in late.content.decode()
    assert Answer.objects.get(attempt=attempt, question_id=q2).selected == [attempt.option_order[str(q2)][0]]
    # and its submit counts once
    tab2.post(f"/hoc-tap/bai-lam/{attempt.pk}/nop-bai/")
    assert QuizResult.objects.get(quiz=post_quiz, person=staff_member).attempts == 1
    assert AttemptMethodScore.objects.filter(attempt=attempt).aggregate(n=Sum("total"))["n"] == 6


def test_a_double_submit_counts_once_and_passing_issues_one_certificate(
    staff_client, staff_member, post_quiz
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    course_passed.connect(receiver)
    try:
        attempt = _start(staff_client, post_quiz)
        assert all(r.status_code == 200 for r in answer_all(staff_client, attempt))
        for _ in range(3):
            response = staff_client.post(f"/hoc-tap/bai-lam/{attempt.pk}/nop-bai/")
            assert response.status_code == 302
        services.attempt_submit(attempt=attempt)
    finally:
        course_passed.disconnect(receiver)
    attempt.refresh_from_db()
    assert attempt.score == 100 and attempt.passed
    result = QuizResult.objects.get(quiz=post_quiz, person=staff_member)
    assert result.attempts == 1 and result.best_score == 100 and result.passed
    assert Certificate.objects.filter(person=staff_member).count() == 1
    assert len(received) == 1
    assert received[0]["person"] == staff_member and received[0]["course"] == post_quiz.course
    assert received[0]["attempt"] == attempt and received[0]["passed_at"] == attempt.submitted_at
    page = staff_client.get(f"/hoc-tap/bai-lam/{attempt.pk}/ket-qua/").content.decode()
    assert "100%" in page and "Tải giấy chứng nhận" in page and "Giải thích" in page


def test_results_show_per_question_feedback_and_a_score_per_method(staff_client, post_quiz):
    attempt = _start(staff_client, post_quiz)
    answer_all(staff_client, attempt, right=False, only=3)
    staff_client.post(f"/hoc-tap/bai-lam/{attempt.pk}/nop-bai/")
    attempt.refresh_from_db()
    assert attempt.score == 0 and attempt.passed is False
    scores = AttemptMethodScore.objects.filter(attempt=attempt)
    assert sum(s.total for s in scores) == 6 and sum(s.correct for s in scores) == 0
    page = staff_client.get(f"/hoc-tap/bai-lam/{attempt.pk}/ket-qua/").content.decode()
    assert page.count('data-testid="feedback"') == 6
    assert page.count("Bỏ trống") == 3 and "Chưa đạt" in page
    assert not Certificate.objects.exists()


def test_the_attempt_limit_and_the_window_are_enforced(staff_member, pre_quiz):
    attempt = services.attempt_start(quiz=pre_quiz, person=staff_member)
    services.attempt_submit(attempt=attempt)
    with pytest.raises(ValidationError, match="hết 1 lần"):
        services.attempt_start(quiz=pre_quiz, person=staff_member)
    pre_quiz.max_attempts = 3
    pre_quiz.closes_at = timezone.now() - timedelta(minutes=1)
    pre_quiz.opens_at = timezone.now() - timedelta(days=1)
    pre_quiz.save()
    with pytest.raises(ValidationError, match="không mở"):
        services.attempt_start(quiz=pre_quiz, person=staff_member)


def test_the_deadline_never_passes_the_closing_time(staff_member, post_quiz):
    post_quiz.closes_at = timezone.now() + timedelta(minutes=5)
    post_quiz.save()
    attempt = services.attempt_start(quiz=post_quiz, person=staff_member)
    assert attempt.deadline == post_quiz.closes_at


def test_overdue_attempts_are_closed_by_the_command_and_on_return(
    staff_client, staff_member, post_quiz, other_staff
):
    mine = _start(staff_client, post_quiz)
    answer_all(staff_client, mine, only=4)
    theirs = services.attempt_start(quiz=post_quiz, person=other_staff)
    Attempt.objects.update(deadline=timezone.now() - timedelta(minutes=1))
    call_command("training_close_overdue")
    for attempt in (mine, theirs):
        attempt.refresh_from_db()
        assert attempt.submitted_at is not None and attempt.auto_submitted
    assert mine.correct_count == 4
    assert services.close_overdue_attempts() == 0
    # on return, an overdue attempt is submitted before anything else
    again = services.attempt_start(quiz=post_quiz, person=staff_member)
    Attempt.objects.filter(pk=again.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    response = staff_client.get(f"/hoc-tap/bai-lam/{again.pk}/")
    assert response.status_code == 302 and response["Location"].endswith("/ket-qua/")
    again.refresh_from_db()
    assert again.auto_submitted


def test_the_periodic_task_closes_overdue_attempts(staff_member, post_quiz):
    from canhgiac.training.tasks import close_overdue_attempts_task

    attempt = services.attempt_start(quiz=post_quiz, person=staff_member)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    result = close_overdue_attempts_task.enqueue()
    assert result.return_value == 1


def test_pages_need_a_staff_session(client, post_quiz):
    assert client.get("/hoc-tap/cua-toi/")["Location"].startswith("/hoc-tap/nhap-ma/?next=")
    response = client.post("/hoc-tap/bai-lam/1/tra-loi/", {"question": 1}, HTTP_HX_REQUEST="true")
    assert response.status_code == 401 and response["HX-Redirect"] == "/hoc-tap/nhap-ma/"


def test_the_staff_page_follows_catalogue_edits_at_once(
    staff_client, post_quiz, django_assert_max_num_queries
):
    assert f"quiz-{post_quiz.slug}" in staff_client.get("/hoc-tap/cua-toi/").content.decode()
    with django_assert_max_num_queries(6):  # session-less lookups: staff, attempts, results, certificates
        staff_client.get("/hoc-tap/cua-toi/")
    post_quiz.is_published = False
    post_quiz.save()
    assert f"quiz-{post_quiz.slug}" not in staff_client.get("/hoc-tap/cua-toi/").content.decode()
