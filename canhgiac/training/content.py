"""The shipped content (data/*.toml): the default course, its lessons and quizzes, and the question bank.

Loading is idempotent and never overwrites: an item is created only when no item with its stable key exists,
so whatever the coordinator edited (or deleted questions deactivated) stays as it is.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from canhgiac.knowledge.catalogue import ensure_catalogue
from canhgiac.knowledge.models import ScamMethod

from .models import Course, Lesson, Option, Question, Quiz
from .sanitize import clean_html

DATA_DIR = Path(__file__).resolve().parent / "data"
KINDS = {"single": "single", "multiple": "multiple", "tf": "true_false", "scenario": "scenario"}
SCAM_OPTIONS = ("Đây là lừa đảo", "Không phải lừa đảo")


@dataclass
class LoadReport:
    created: dict[str, int] = field(
        default_factory=lambda: {"course": 0, "lesson": 0, "quiz": 0, "question": 0}
    )

    def __str__(self):
        c = self.created
        return f"khóa học +{c['course']}, bài học +{c['lesson']}, bài kiểm tra +{c['quiz']}, câu hỏi +{c['question']}"


def _read(pattern: str, table: str) -> list[dict]:
    items: list[dict] = []
    for path in sorted(DATA_DIR.glob(pattern)):
        with path.open("rb") as fh:
            items += tomllib.load(fh).get(table, [])
    return items


def question_options(item: dict) -> list[tuple[str, bool]]:
    """The options of a data-file question: "*" marks a correct one; tf and scenario build their own."""
    kind = item.get("kind", "single")
    if kind == "tf":
        return [("Đúng", item["answer"] is True), ("Sai", item["answer"] is False)]
    if kind == "scenario":
        return [(SCAM_OPTIONS[0], item["scam"] is True), (SCAM_OPTIONS[1], item["scam"] is False)]
    return [
        (text[1:].strip(), True) if text.startswith("*") else (text.strip(), False)
        for text in item["options"]
    ]


def validate_question_item(item: dict, method_slugs: set[str]) -> list[str]:
    problems = []
    key = item.get("key", "?")
    if item.get("m") not in method_slugs:
        problems.append(f"{key}: phương thức “{item.get('m')}” không có trong danh mục")
    if item.get("kind", "single") not in KINDS:
        problems.append(f"{key}: loại câu hỏi “{item.get('kind')}” không hợp lệ")
    if item.get("level") not in (1, 2, 3):
        problems.append(f"{key}: độ khó phải là 1, 2 hoặc 3")
    if not item.get("explain"):
        problems.append(f"{key}: thiếu giải thích")
    try:
        options = question_options(item)
    except KeyError as exc:
        problems.append(f"{key}: thiếu trường {exc}")
        return problems
    correct = sum(1 for _t, ok in options if ok)
    if correct == 0 or (item.get("kind", "single") != "multiple" and correct != 1):
        problems.append(f"{key}: số đáp án đúng không hợp lệ ({correct})")
    return problems


@transaction.atomic
def load_content() -> LoadReport:
    report = LoadReport()
    ensure_catalogue()
    methods = {m.slug: m for m in ScamMethod.objects.all()}
    data = tomllib.loads((DATA_DIR / "course.toml").read_text(encoding="utf-8"))
    meta = data["course"]
    course = Course.objects.filter(source_key=meta["key"]).first()
    if course is None:
        course = Course.objects.create(
            source_key=meta["key"],
            slug=meta["slug"],
            title=meta["title"],
            summary=meta["summary"],
            is_published=True,
        )
        report.created["course"] += 1
    existing_lessons = set(course.lessons.values_list("source_key", flat=True))
    for item in _read("lessons/*.toml", "lesson"):
        if item["key"] in existing_lessons:
            continue
        lesson = Lesson.objects.create(
            course=course,
            source_key=item["key"],
            slug=item["key"],
            order=item["order"],
            title=item["title"],
            summary=item.get("summary", ""),
            body=clean_html(item["body"]),
            minutes=item.get("minutes", 5),
        )
        lesson.methods.set([methods[s] for s in item.get("methods", [])])
        report.created["lesson"] += 1
    existing_quizzes = set(Quiz.objects.filter(course=course).values_list("source_key", flat=True))
    for item in data.get("quiz", []):
        if item["key"] in existing_quizzes or Quiz.objects.filter(slug=item["slug"]).exists():
            continue
        Quiz.objects.create(
            course=course,
            source_key=item["key"],
            slug=item["slug"],
            kind=item["kind"],
            title=item["title"],
            instructions=item.get("instructions", ""),
            question_count=item["question_count"],
            time_limit_minutes=item["time_limit_minutes"],
            pass_mark=item["pass_mark"],
            max_attempts=item["max_attempts"],
            weight_by_incidents=item.get("weight_by_incidents", False),
            is_published=True,
        )
        report.created["quiz"] += 1
    report.created["question"] = load_questions(methods)
    return report


def load_questions(methods: dict[str, ScamMethod]) -> int:
    items = _read("questions/*.toml", "q")
    problems = [p for item in items for p in validate_question_item(item, set(methods))]
    if problems:
        raise ValueError("Dữ liệu câu hỏi có lỗi:\n" + "\n".join(problems))
    existing = set(Question.objects.exclude(source_key="").values_list("source_key", flat=True))
    new_items = [item for item in items if item["key"] not in existing]
    questions = []
    for item in new_items:
        kind = item.get("kind", "single")
        question = Question(
            source_key=item["key"],
            kind=KINDS[kind],
            method=methods[item["m"]],
            difficulty=item["level"],
            text=item["text"],
            explanation=item["explain"],
            scenario_channel=item.get("channel", "") if kind == "scenario" else "",
            scenario_sender=item.get("sender", "") if kind == "scenario" else "",
            scenario_messages=[{"from": who, "text": text} for who, text in item.get("chat", [])],
        )
        question.refresh_derived()
        questions.append(question)
    Question.objects.bulk_create(questions)
    # bulk_create returns primary keys on PostgreSQL and SQLite ≥ 3.35.
    options = []
    for item, question in zip(new_items, questions, strict=True):
        for order, (text, ok) in enumerate(question_options(item)):
            options.append(Option(question=question, text=text, is_correct=ok, order=order))
    Option.objects.bulk_create(options)
    return len(questions)
