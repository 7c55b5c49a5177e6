"""Reads of the training app. Staff-facing reads take the person; official reads take the viewer and stay in
their subtrees. Dashboard reads live in `dashboards.py`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from canhgiac.core.text import search_terms

from .models import (
    Answer,
    Attempt,
    AttemptMethodScore,
    Certificate,
    Course,
    Lesson,
    Option,
    Question,
    Quiz,
    QuizResult,
)


@dataclass
class QuizCard:
    quiz: Quiz
    result: QuizResult | None
    open_attempt: Attempt | None
    used: int
    now: object = None

    @property
    def attempts_left(self) -> int:
        return max(0, self.quiz.max_attempts - self.used)

    @property
    def can_start(self) -> bool:
        return self.open_attempt is None and self.attempts_left > 0 and self.quiz.is_open(self.now)


@dataclass
class CourseCard:
    course: Course
    lessons: list[Lesson]
    quizzes: list[QuizCard] = field(default_factory=list)
    certificate: Certificate | None = None


def person_attempts(person) -> list[Attempt]:
    """All the person's attempts, lightly (for counts, the open one, overdue checks)."""
    return list(
        Attempt.objects.filter(person=person).only("id", "quiz_id", "number", "deadline", "submitted_at")
    )


def staff_overview(*, person, attempts: list[Attempt] | None = None) -> list[CourseCard]:
    """The published courses with the person's standing on each quiz (2 queries given the attempts and a warm
    catalogue cache)."""
    now = timezone.now()
    from .caches import published_catalogue

    courses = published_catalogue()
    results = {r.quiz_id: r for r in QuizResult.objects.filter(person=person)}
    if attempts is None:
        attempts = person_attempts(person)
    opened = {a.quiz_id: a for a in attempts if a.submitted_at is None}
    used: dict[int, int] = {}
    for attempt in attempts:
        used[attempt.quiz_id] = used.get(attempt.quiz_id, 0) + 1
    certificates = {c.course_id: c for c in Certificate.objects.filter(person=person)}
    order = {Quiz.Kind.PRE: 0, Quiz.Kind.PRACTICE: 1, Quiz.Kind.POST: 2}
    cards = []
    for course in courses:
        quizzes = sorted(course.quizzes.all(), key=lambda q: (order.get(q.kind, 9), q.title))
        cards.append(
            CourseCard(
                course=course,
                lessons=list(course.lessons.all()),
                quizzes=[
                    QuizCard(q, results.get(q.pk), opened.get(q.pk), used.get(q.pk, 0), now) for q in quizzes
                ],
                certificate=certificates.get(course.pk),
            )
        )
    return cards


@dataclass
class ShownQuestion:
    number: int
    question: Question
    options: list[Option]
    selected: list[int]
    answer: Answer | None = None
    correct_ids: set[int] = field(default_factory=set)


def attempt_questions(attempt: Attempt) -> list[ShownQuestion]:
    """The attempt's questions and options in the stored (shuffled) order, with what was chosen (3 queries)."""
    questions = {
        q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids).select_related("method")
    }
    options = {o.pk: o for o in Option.objects.filter(question_id__in=attempt.question_ids)}
    answers = {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}
    shown = []
    for number, qid in enumerate(attempt.question_ids, start=1):
        question = questions.get(qid)
        if question is None:
            continue
        ordered = [options[oid] for oid in attempt.option_order.get(str(qid), []) if oid in options]
        answer = answers.get(qid)
        shown.append(
            ShownQuestion(
                number=number,
                question=question,
                options=ordered,
                selected=list(answer.selected) if answer else [],
                answer=answer,
                correct_ids={o.pk for o in ordered if o.is_correct},
            )
        )
    return shown


def attempt_method_scores(attempt: Attempt) -> list[AttemptMethodScore]:
    return list(attempt.method_scores.select_related("method").order_by("method__number"))


def attempt_for_person(*, person, pk: int) -> Attempt:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Attempt.objects.select_related("quiz", "quiz__course"), pk=pk, person=person)


# --- officials -----------------------------------------------------------------------------------------


def question_list(*, query: str = "", method=None, difficulty=None, kind=None, active=None):
    questions = Question.objects.select_related("method").annotate(n_options=Count("options"))
    for term in search_terms(query):
        questions = questions.filter(search_text__contains=term)
    if method:
        questions = questions.filter(method=method)
    if difficulty:
        questions = questions.filter(difficulty=difficulty)
    if kind:
        questions = questions.filter(kind=kind)
    if active is not None:
        questions = questions.filter(is_active=active)
    return questions.order_by("method__number", "difficulty", "id")


def bank_coverage() -> list[dict]:
    """Per method: how many active questions of each difficulty (1 query + methods)."""
    from canhgiac.knowledge.models import ScamMethod

    counts = {}
    for method_id, difficulty, n in (
        Question.objects.active()
        .values_list("method_id", "difficulty")
        .annotate(n=Count("id"))
        .values_list("method_id", "difficulty", "n")
    ):
        counts[(method_id, difficulty)] = n
    rows = []
    for method in ScamMethod.objects.order_by("number", "name"):
        by_level = [counts.get((method.pk, level), 0) for level in (1, 2, 3)]
        rows.append({"method": method, "levels": by_level, "total": sum(by_level)})
    return rows


def attempts_in_scope(*, viewer, unit=None, quiz=None, query: str = ""):
    attempts = Attempt.objects.visible_to(viewer).select_related("person", "unit", "quiz")
    if unit is not None:
        attempts = attempts.filter(unit__path__startswith=unit.path)
    if quiz is not None:
        attempts = attempts.filter(quiz=quiz)
    for term in search_terms(query):
        attempts = attempts.filter(person__search_text__contains=term)
    return attempts.order_by("-started_at", "-id")


def certificates_in_scope(*, viewer):
    return Certificate.objects.visible_to(viewer).select_related("person", "course")


def people_access_status(*, unit, viewer) -> list[dict]:
    """The active people of a unit (not its sub-units) with their access status (2 queries)."""
    from canhgiac.org.models import Person

    people = list(
        Person.objects.visible_to(viewer)
        .filter(unit=unit, status=Person.Status.ACTIVE)
        .order_by("sort_name", "id")
    )
    now = timezone.now()
    from .models import StaffAccess

    latest: dict[int, dict] = {}
    for access in (
        StaffAccess.objects.filter(person__in=people)
        .filter(Q(revoked_at__isnull=True))
        .order_by("created_at")
    ):
        row = latest.setdefault(access.person_id, {})
        row[access.kind] = access
    rows = []
    for person in people:
        current = latest.get(person.pk, {})
        link = current.get("link")
        rows.append(
            {
                "person": person,
                "link": link,
                "code": current.get("code"),
                "valid": bool(link and link.is_usable(now)),
                "expires_at": link.expires_at if link else None,
                "last_used_at": max(
                    [a.last_used_at for a in current.values() if a.last_used_at], default=None
                ),
            }
        )
    return rows
