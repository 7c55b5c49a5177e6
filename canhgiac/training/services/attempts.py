"""Taking a quiz: start (or resume) an attempt, save each answer as it is given, submit once, grade."""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.incidents.selectors import method_weights

from ..models import Answer, Attempt, AttemptMethodScore, Question, Quiz, QuizResult
from .draw import draw

# An answer sent in the last seconds before the deadline may arrive a moment after it: accept it briefly.
GRACE_SECONDS = 5
INCIDENT_WEIGHTS_KEY = "training:incident-method-weights"


class AnswerRejected(ValidationError):
    """An answer that cannot be stored; `code` says why (closed, time_up, tampered)."""


def _staff_label(person) -> str:
    return f"{person.full_name} (học viên)"


def open_attempt(quiz: Quiz, person) -> Attempt | None:
    return Attempt.objects.filter(quiz=quiz, person=person, submitted_at__isnull=True).first()


def incident_weights() -> dict[str, float]:
    """{method slug: weight} from the case register (methods with many recent or rising cases weigh more),
    cached for ten minutes: every quiz start would otherwise run the register's grouped queries."""
    weights = cache.get(INCIDENT_WEIGHTS_KEY)
    if weights is None:
        weights = method_weights()
        cache.set(INCIDENT_WEIGHTS_KEY, weights, 600)
    return weights


def attempts_left(quiz: Quiz, used: int) -> int:
    return max(0, quiz.max_attempts - used)


@transaction.atomic
def attempt_start(*, quiz: Quiz, person, weights: dict[str, float] | None = None, now=None) -> Attempt:
    """Resume the person's open attempt, or start a new one with freshly drawn, shuffled questions."""
    now = now or timezone.now()
    # Serialise starts of one person (two tabs pressing "start" together): lock the person's row.
    type(person).objects.select_for_update().filter(pk=person.pk).first()
    previous = list(
        Attempt.objects.filter(quiz=quiz, person=person).only("id", "deadline", "submitted_at", "quiz_id")
    )
    current = next((a for a in previous if a.submitted_at is None), None)
    if current is not None:
        if not current.is_overdue(now):
            return current
        attempt_submit(attempt=current, auto=True, now=now)
    if not quiz.is_open(now):
        raise ValidationError(
            _("Bài kiểm tra này hiện không mở. Hãy xem thời gian mở, đóng trên trang học tập.")
        )
    used = len(previous)
    if used >= quiz.max_attempts:
        raise ValidationError(
            _("Bạn đã làm hết %(n)s lần được phép của bài kiểm tra này.") % {"n": quiz.max_attempts}
        )
    if weights is None and quiz.weight_by_incidents:
        weights = incident_weights()
    rng = random.Random(secrets.randbits(64))
    question_ids, option_order = draw(quiz, rng=rng, weights=weights)
    if not question_ids:
        raise ValidationError(
            _("Ngân hàng chưa có câu hỏi phù hợp với bài kiểm tra này. Hãy báo đầu mối đơn vị.")
        )
    deadline = now + timedelta(minutes=quiz.time_limit_minutes)
    if quiz.closes_at and quiz.closes_at < deadline:
        deadline = quiz.closes_at
    attempt = Attempt.objects.create(
        quiz=quiz,
        person=person,
        unit_id=person.unit_id,
        number=used + 1,
        started_at=now,
        deadline=deadline,
        question_ids=question_ids,
        option_order=option_order,
        question_count=len(question_ids),
    )
    audit(
        actor=None,
        actor_label=_staff_label(person),
        action="training.attempt.start",
        obj=attempt,
        unit=person.unit,
        summary=f"Bắt đầu {quiz.title} (lần {attempt.number})",
    )
    return attempt


def answer_save(
    *, attempt_id: int, person_id: int, question_id: int, option_ids: list[int], now=None
) -> Answer:
    """Store one answer at once: an idempotent upsert per (attempt, question). Lean on purpose (3 queries):
    it is the request every quiz taker sends again and again.

    Raises AnswerRejected (closed / time_up / tampered) with a message for the person; Attempt.DoesNotExist
    when the attempt is not the person's.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update()
            .only("id", "person_id", "deadline", "submitted_at", "question_ids", "option_order", "quiz_id")
            .get(pk=attempt_id, person_id=person_id)
        )
        if attempt.submitted_at is not None:
            raise AnswerRejected(
                _("Bài làm đã được nộp lúc %(t)s; câu trả lời này không được ghi nhận.")
                % {"t": timezone.localtime(attempt.submitted_at).strftime("%H:%M:%S %d/%m/%Y")},
                code="closed",
            )
        if now > attempt.deadline + timedelta(seconds=GRACE_SECONDS):
            overdue = True
        else:
            overdue = False
            if question_id not in attempt.question_ids:
                raise AnswerRejected(
                    _("Câu hỏi không thuộc bài làm của bạn. Hãy tải lại trang để thấy đúng đề."),
                    code="tampered",
                )
            allowed = attempt.option_order.get(str(question_id), [])
            chosen = sorted(set(option_ids))
            if any(oid not in allowed for oid in chosen):
                raise AnswerRejected(
                    _("Phương án đã chọn không thuộc câu hỏi này. Hãy tải lại trang rồi chọn lại."),
                    code="tampered",
                )
            answer = Answer(attempt_id=attempt.pk, question_id=question_id, selected=chosen, answered_at=now)
            Answer.objects.bulk_create(
                [answer],
                update_conflicts=True,
                unique_fields=["attempt", "question"],
                update_fields=["selected", "answered_at"],
            )
    if overdue:
        attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk), auto=True, now=now)
        raise AnswerRejected(
            _("Đã hết giờ làm bài nên câu trả lời này không được ghi nhận. Bài đã được nộp tự động."),
            code="time_up",
        )
    return answer


def _is_multiple(kind: str) -> bool:
    return kind == Question.Kind.MULTIPLE


def grade(attempt: Attempt) -> tuple[dict[int, bool], dict[int, list[int]]]:
    """Which drawn questions were answered right, and per method [correct, total] (2 queries)."""
    from ..models import Option

    correct_sets: dict[int, set[int]] = defaultdict(set)
    for qid, oid in Option.objects.filter(question_id__in=attempt.question_ids, is_correct=True).values_list(
        "question_id", "id"
    ):
        correct_sets[qid].add(oid)
    methods = dict(Question.objects.filter(pk__in=attempt.question_ids).values_list("id", "method_id"))
    answers = {a.question_id: a for a in attempt.answers.all()}
    right: dict[int, bool] = {}
    per_method: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for qid in attempt.question_ids:
        answer = answers.get(qid)
        ok = answer is not None and set(answer.selected) == correct_sets[qid] and bool(correct_sets[qid])
        right[qid] = ok
        bucket = per_method[methods[qid]]
        bucket[0] += int(ok)
        bucket[1] += 1
    return right, dict(per_method)


@transaction.atomic
def attempt_submit(*, attempt: Attempt, auto: bool = False, now=None) -> Attempt:
    """Grade and close an attempt. Idempotent: a second submit (double click, second tab, the periodic task)
    finds it closed under the row lock and changes nothing."""
    from .certificates import certificate_issue_for

    now = now or timezone.now()
    attempt = (
        Attempt.objects.select_for_update()
        .select_related("quiz", "person", "person__unit")
        .get(pk=attempt.pk)
    )
    if attempt.submitted_at is not None:
        return attempt
    right, per_method = grade(attempt)
    answers = list(attempt.answers.all())
    for answer in answers:
        answer.is_correct = right.get(answer.question_id, False)
    Answer.objects.bulk_update(answers, ["is_correct"])
    AttemptMethodScore.objects.bulk_create(
        [
            AttemptMethodScore(attempt=attempt, method_id=m, correct=c, total=t)
            for m, (c, t) in per_method.items()
        ]
    )
    quiz = attempt.quiz
    attempt.correct_count = sum(right.values())
    attempt.question_count = len(attempt.question_ids)
    attempt.score = (
        round(100 * attempt.correct_count / attempt.question_count) if attempt.question_count else 0
    )
    attempt.passed = attempt.score >= quiz.pass_mark
    attempt.auto_submitted = auto
    attempt.submitted_at = min(now, attempt.deadline) if auto else now
    attempt.save(
        update_fields=["correct_count", "question_count", "score", "passed", "auto_submitted", "submitted_at"]
    )
    _update_result(attempt)
    audit(
        actor=None,
        actor_label=_staff_label(attempt.person) if not auto else "Hệ thống (tự nộp khi hết giờ)",
        action="training.attempt.submit",
        obj=attempt,
        unit=attempt.person.unit,
        summary=f"{quiz.title}: {attempt.correct_count}/{attempt.question_count} câu đúng ({attempt.score}%)"
        + (", tự nộp khi hết giờ" if auto else ""),
    )
    if attempt.passed and quiz.grants_certificate:
        certificate_issue_for(attempt=attempt)
    return attempt


def _update_result(attempt: Attempt) -> None:
    result = (
        QuizResult.objects.select_for_update()
        .filter(quiz_id=attempt.quiz_id, person_id=attempt.person_id)
        .first()
    )
    if result is None:
        QuizResult.objects.create(
            quiz_id=attempt.quiz_id,
            person_id=attempt.person_id,
            unit_id=attempt.person.unit_id,
            kind=attempt.quiz.kind,
            attempts=1,
            best_score=attempt.score,
            first_score=attempt.score,
            best_attempt=attempt,
            passed=bool(attempt.passed),
            passed_at=attempt.submitted_at if attempt.passed else None,
        )
        return
    result.attempts += 1
    result.unit_id = attempt.person.unit_id
    if attempt.score > result.best_score:
        result.best_score = attempt.score
        result.best_attempt = attempt
    if attempt.passed and not result.passed:
        result.passed = True
        result.passed_at = attempt.submitted_at
    result.save()


def close_overdue_attempts(*, now=None, limit: int = 5000) -> int:
    """Submit every attempt whose time is up (the periodic task and the management command call this)."""
    now = now or timezone.now()
    ids = list(Attempt.objects.overdue(now).order_by("deadline").values_list("id", flat=True)[:limit])
    for attempt_id in ids:
        attempt_submit(attempt=Attempt(pk=attempt_id), auto=True, now=now)
    return len(ids)
