import pytest
from django.test import Client

from canhgiac.org.models import Person, Unit
from canhgiac.training import dashboards, services
from canhgiac.training.models import Option

pytestmark = pytest.mark.django_db


def _take(quiz, person, share_right: float):
    """Take a quiz answering the first share of questions right and the rest wrong (through the services)."""
    attempt = services.attempt_start(quiz=quiz, person=person)
    right_until = round(len(attempt.question_ids) * share_right)
    for index, qid in enumerate(attempt.question_ids):
        options = list(Option.objects.filter(question_id=qid))
        if index < right_until:
            chosen = [o.pk for o in options if o.is_correct]
        else:
            chosen = [next(o.pk for o in options if not o.is_correct)]
        services.answer_save(attempt_id=attempt.pk, person_id=person.pk, question_id=qid, option_ids=chosen)
    return services.attempt_submit(attempt=attempt)


@pytest.fixture
def scores(tree, pre_quiz, post_quiz, staff_member):
    """Hồng Gai: two people (pre 50/50%, post 100%/50%); Sở Tài chính's sub-unit: one person (pre 0%); Ba Chẽ none."""
    second = Person.objects.create(unit=tree.hong_gai, full_name="Đỗ Văn Bình")
    budget = Person.objects.create(unit=tree.budget_office, full_name="Lý Thị Hoa")
    Person.objects.create(unit=tree.ba_che, full_name="Triệu Văn Sơn")
    _take(pre_quiz, staff_member, 0.5)
    _take(pre_quiz, second, 0.5)
    _take(post_quiz, staff_member, 1.0)
    _take(post_quiz, second, 0.5)
    _take(pre_quiz, budget, 0.0)
    return post_quiz.course


def test_unit_figures_roll_up_the_tree(coordinator, tree, scores):
    rows = {r.unit.code: r for r in dashboards.unit_summaries(viewer=coordinator, course=scores)}
    hong_gai = rows["06685"]
    assert (
        hong_gai.people,
        hong_gai.participants,
        hong_gai.pre_takers,
        hong_gai.post_takers,
        hong_gai.passed,
    ) == (2, 2, 2, 2, 1)
    assert hong_gai.pre_avg == 50 and hong_gai.post_avg == 75 and hong_gai.gain == 25
    assert hong_gai.pass_rate == 0.5 and hong_gai.coverage == 0.5
    assert (
        rows["QN-STC"].participants == 1 and rows["QN-STC"].pre_avg == 0 and rows["QN-STC"].post_avg is None
    )
    assert rows["06970"].participants == 0 and not rows["06970"].started
    root = rows["QN"]
    assert (root.people, root.participants, root.pre_takers, root.passed) == (4, 3, 3, 1)
    assert root.pre_avg == pytest.approx(100 / 3)
    # without the headcount (the dashboards' knowledge panel): the same quiz figures, one query fewer
    lean = {
        r.unit.code: r
        for r in dashboards.unit_summaries(viewer=coordinator, course=scores, with_people=False)
    }
    assert [(r.participants, r.pre_sum, r.post_sum, r.passed, r.pass_rate) for r in lean.values()] == [
        (r.participants, r.pre_sum, r.post_sum, r.passed, r.pass_rate) for r in rows.values()
    ]
    assert lean["06685"].people == 0 and lean["06685"].coverage is None
    full = _queries(lambda: dashboards.unit_summaries(viewer=coordinator, course=scores))
    assert (
        _queries(lambda: dashboards.unit_summaries(viewer=coordinator, course=scores, with_people=False))
        == full - 1
    )


def test_the_viewers_scope_and_a_chosen_subtree_limit_the_figures(
    other_ward_manager, ward_manager, tree, scores
):
    assert {r.unit.code for r in dashboards.unit_summaries(viewer=other_ward_manager, course=scores)} == {
        "06673"
    }
    assert dashboards.unit_summaries(viewer=other_ward_manager, course=scores)[0].participants == 0
    rows = dashboards.unit_summaries(viewer=ward_manager, course=scores, root=tree.hong_gai)
    assert [r.unit.code for r in rows] == ["06685"] and rows[0].participants == 2


def test_method_figures_and_the_weakest_methods(coordinator, tree, scores):
    methods = dashboards.method_summaries(viewer=coordinator, course=scores)
    pre_total = sum(m.pre_total for m in methods)
    assert pre_total == 18  # three pre-tests of six questions
    assert sum(m.pre_correct for m in methods) == 6
    assert sum(m.post_total for m in methods) == 12 and sum(m.post_correct for m in methods) == 9
    weakest = dashboards.weakest(methods, minimum_asked=1)
    assert weakest and all(weakest[i].rate <= weakest[i + 1].rate for i in range(len(weakest) - 1))
    matrix = dashboards.unit_method_matrix(viewer=coordinator, course=scores)
    root = Unit.objects.get(code="QN")
    assert sum(m.pre_total for m in matrix[root.pk].values()) == 18
    assert sum(m.post_correct for m in matrix[tree.hong_gai.pk].values()) == 9
    assert tree.ba_che.pk not in matrix


def _grow(tree, n):
    for i in range(n):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk),
            {"code": f"X{i:03d}", "name": f"Xã thử {i}", "kind": "commune"},
        )
        Person.objects.create(unit=unit, full_name=f"Người {i}")


def _queries(fn) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_dashboard_queries_do_not_grow_with_units(coordinator, tree, scores):
    def selectors():
        dashboards.unit_summaries(viewer=coordinator, course=scores)
        dashboards.method_summaries(viewer=coordinator, course=scores)
        dashboards.unit_method_matrix(viewer=coordinator, course=scores)

    selectors()  # the viewer's scope is cached on the user after the first call
    small = _queries(selectors)
    assert small <= 9
    _grow(tree, 15)
    assert _queries(selectors) == small


def test_the_results_page_queries_do_not_grow_with_units(coordinator, tree, scores):
    client = Client()
    client.force_login(coordinator)
    client.get("/hoc-tap/quan-ly/ket-qua/")
    before = _queries(lambda: client.get("/hoc-tap/quan-ly/ket-qua/"))
    _grow(tree, 12)
    assert _queries(lambda: client.get("/hoc-tap/quan-ly/ket-qua/")) == before
