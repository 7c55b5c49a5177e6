from collections import Counter

import pytest

from canhgiac.knowledge.catalogue import NATIONAL_FORMS
from canhgiac.training.content import load_content
from canhgiac.training.models import Course, Lesson, Option, Question, Quiz
from canhgiac.training.sanitize import clean_html

pytestmark = pytest.mark.django_db


def test_the_default_course_covers_every_method_with_a_full_bank(content):
    assert content.title == "Nhận diện và phòng tránh lừa đảo trực tuyến"
    slugs = {slug for _n, slug, _g, _name in NATIONAL_FORMS}
    taught = set(Lesson.objects.filter(course=content).values_list("methods__slug", flat=True))
    assert slugs <= taught
    questions = Question.objects.all()
    assert questions.count() >= 150
    per_method = Counter(questions.values_list("method__slug", flat=True))
    assert set(per_method) == slugs
    assert min(per_method.values()) >= 5
    kinds = set(questions.values_list("kind", flat=True))
    assert kinds == {"single", "multiple", "true_false", "scenario"}
    for question in questions.prefetch_related("options"):
        assert question.explanation and question.difficulty in (1, 2, 3)
        correct = [o for o in question.options.all() if o.is_correct]
        assert correct, question.source_key
        if question.kind != "multiple":
            assert len(correct) == 1, question.source_key
        if question.kind == "scenario":
            assert question.scenario_messages and question.scenario_channel in ("sms", "chat")
    assert set(Quiz.objects.values_list("kind", flat=True)) == {"pre", "post"}


def test_loading_again_creates_nothing_and_keeps_the_coordinators_edits(content):
    question = Question.objects.get(source_key="q14-1")
    question.text = "Câu hỏi đã được điều phối viên sửa."
    question.save()
    Option.objects.filter(question=question, is_correct=False).first().delete()
    lesson = Lesson.objects.get(source_key="mo-dau")
    lesson.title = "Bài mở đầu (đã sửa)"
    lesson.save()
    before = (Question.objects.count(), Option.objects.count(), Lesson.objects.count(), Quiz.objects.count())
    report = load_content()
    assert sum(report.created.values()) == 0
    assert (
        Question.objects.count(),
        Option.objects.count(),
        Lesson.objects.count(),
        Quiz.objects.count(),
    ) == before
    assert Question.objects.get(source_key="q14-1").text == "Câu hỏi đã được điều phối viên sửa."
    assert Lesson.objects.get(source_key="mo-dau").title == "Bài mở đầu (đã sửa)"
    assert Course.objects.count() == 1


def test_the_management_command_loads_the_content(db):
    from django.core.management import call_command

    call_command("training_load_content")
    assert Question.objects.count() >= 150


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Chào <strong>bạn</strong></p>", "<p>Chào <strong>bạn</strong></p>"),
        ('<p onclick="x()">a</p><script>alert(1)</script>', "<p>a</p>"),
        ('<a href="javascript:alert(1)">b</a>', '<a rel="noopener noreferrer nofollow">b</a>'),
        (
            '<a href="https://congan.quangninh.gov.vn">c</a>',
            '<a href="https://congan.quangninh.gov.vn" rel="noopener noreferrer nofollow">c</a>',
        ),
        ("<img src=x onerror=alert(1)>d", "d"),
        ("<p>mở<ul><li>một", "<p>mở<ul><li>một</li></ul></p>"),
        ("<style>p{}</style><iframe src=x>k</iframe>ok", "ok"),
        ("<p>1 &lt; 2 & 3</p>", "<p>1 &lt; 2 &amp; 3</p>"),
    ],
)
def test_lesson_html_is_cleaned_to_an_allowlist(html, expected):
    assert clean_html(html) == expected


def test_a_lesson_page_never_renders_raw_markup_even_if_stored(client, content):
    lesson = Lesson.objects.get(source_key="mo-dau")
    Lesson.objects.filter(pk=lesson.pk).update(
        body='<p>ok</p><script>alert("x")</script><img src=x onerror=alert(1)>'
    )
    html = client.get(lesson.get_absolute_url()).content.decode()
    assert "<p>ok</p>" in html and 'alert("x")' not in html and "onerror" not in html
