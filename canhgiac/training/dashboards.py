"""Dashboard selectors (the reports app reads these): per unit subtree and per method — participants, pass
rate, pre/post averages, knowledge gain, weakest methods.

Each function runs a constant number of grouped queries, whatever the number of units, and sums up the tree in
memory (org.selectors.rollup_counts): a unit's figures include all its descendants.

Definitions (per course):
- participants: people with at least one submitted attempt on a quiz of the course;
- pre average: mean of each person's first pre-test score; post average: mean of each person's best post-test
  score; knowledge gain = post average − pre average (percentage points);
- pass rate: people who passed the post-test ÷ people who took it; coverage: passed ÷ active headcount;
- method scores: correct ÷ asked over each person's best attempt, per method, for pre- and post-tests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, IntegerField, Sum
from django.db.models.functions import Cast

from canhgiac.core.scoping import scope_q
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Person, Unit
from canhgiac.org.selectors import rollup_counts

from .models import AttemptMethodScore, Course, Quiz, QuizResult


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


@dataclass
class UnitTraining:
    unit: Unit
    level: int
    people: int = 0
    participants: int = 0
    pre_takers: int = 0
    pre_sum: int = 0
    post_takers: int = 0
    post_sum: int = 0
    passed: int = 0

    @property
    def pre_avg(self) -> float | None:
        return _ratio(self.pre_sum, self.pre_takers)

    @property
    def post_avg(self) -> float | None:
        return _ratio(self.post_sum, self.post_takers)

    @property
    def gain(self) -> float | None:
        if self.pre_avg is None or self.post_avg is None:
            return None
        return self.post_avg - self.pre_avg

    @property
    def pass_rate(self) -> float | None:
        return _ratio(self.passed, self.post_takers)

    @property
    def coverage(self) -> float | None:
        return _ratio(self.passed, self.people)

    @property
    def started(self) -> bool:
        return self.participants > 0


def _units(viewer, root: Unit | None, depth: int | None) -> list[Unit]:
    units = Unit.objects.visible_to(viewer).only(
        "id", "path", "depth", "name", "short_name", "code", "kind", "numchild"
    )
    if root is not None:
        units = units.filter(path__startswith=root.path)
    return list(units)


def unit_summaries(
    *, viewer, course: Course, root: Unit | None = None, depth: int | None = None, with_people: bool = True
) -> list[UnitTraining]:
    """One row per unit of the viewer's subtrees (or of `root`), figures rolled up (4 queries).

    depth: keep only units down to that many levels below the top (1 = the top units and their children).
    with_people=False: no headcount (`people` and `coverage` stay empty) — one grouped count of the whole
    roster fewer (0.6 s at a country's 2 million people) for readers that show only the quiz figures."""
    units = _units(viewer, root, depth)
    if not units:
        return []
    top = min(u.depth for u in units)
    prefix = root.path if root is not None else None
    people_qs = Person.objects.visible_to(viewer).filter(status=Person.Status.ACTIVE)
    results_qs = QuizResult.objects.visible_to(viewer).filter(quiz__course=course)
    if prefix:
        people_qs = people_qs.filter(unit__path__startswith=prefix)
        results_qs = results_qs.filter(unit__path__startswith=prefix)
    own_people = (
        dict(people_qs.values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))
        if with_people
        else {}
    )
    figures: dict[str, dict[int, int]] = defaultdict(dict)
    for unit_id, kind, n, best, first, passed in (
        results_qs.values_list("unit_id", "kind")
        .annotate(
            n=Count("id"),
            best=Sum("best_score"),
            first=Sum("first_score"),
            passed=Sum(Cast("passed", IntegerField())),
        )
        .values_list("unit_id", "kind", "n", "best", "first", "passed")
    ):
        if kind == Quiz.Kind.PRE:
            figures["pre_takers"][unit_id] = n
            figures["pre_sum"][unit_id] = first or 0
        elif kind == Quiz.Kind.POST:
            figures["post_takers"][unit_id] = n
            figures["post_sum"][unit_id] = best or 0
            figures["passed"][unit_id] = passed or 0
    figures["participants"] = dict(
        results_qs.values_list("unit_id")
        .annotate(n=Count("person", distinct=True))
        .values_list("unit_id", "n")
    )
    rolled = {name: rollup_counts(units, own) for name, own in figures.items()}
    people = rollup_counts(units, own_people)
    rows = []
    for unit in units:
        if depth is not None and unit.depth - top > depth:
            continue
        row = UnitTraining(unit=unit, level=unit.depth - top, people=people.get(unit.pk, 0))
        for name, totals in rolled.items():
            setattr(row, name, totals.get(unit.pk, 0))
        rows.append(row)
    return rows


@dataclass
class MethodTraining:
    method: ScamMethod
    pre_correct: int = 0
    pre_total: int = 0
    post_correct: int = 0
    post_total: int = 0

    @property
    def pre_rate(self) -> float | None:
        return _ratio(self.pre_correct, self.pre_total)

    @property
    def post_rate(self) -> float | None:
        return _ratio(self.post_correct, self.post_total)

    @property
    def gain(self) -> float | None:
        if self.pre_rate is None or self.post_rate is None:
            return None
        return self.post_rate - self.pre_rate

    @property
    def rate(self) -> float | None:
        """The latest knowledge: post-test when there is one, else pre-test."""
        return self.post_rate if self.post_rate is not None else self.pre_rate


def _method_rows(viewer, course: Course, root: Unit | None):
    scores = AttemptMethodScore.objects.filter(
        scope_q(viewer, "attempt__unit"), attempt__best_of__isnull=False, attempt__quiz__course=course
    )
    if root is not None:
        scores = scores.filter(attempt__unit__path__startswith=root.path)
    return scores


def method_summaries(*, viewer, course: Course, root: Unit | None = None) -> list[MethodTraining]:
    """Per method, over the viewer's subtrees (or `root`'s): correct ÷ asked in pre- and post-tests (2 queries)."""
    rows = {m.pk: MethodTraining(method=m) for m in ScamMethod.objects.order_by("number", "name")}
    for method_id, kind, correct, total in (
        _method_rows(viewer, course, root)
        .values_list("method_id", "attempt__quiz__kind")
        .annotate(c=Sum("correct"), t=Sum("total"))
        .values_list("method_id", "attempt__quiz__kind", "c", "t")
    ):
        row = rows.get(method_id)
        if row is None:
            continue
        if kind == Quiz.Kind.PRE:
            row.pre_correct, row.pre_total = correct or 0, total or 0
        elif kind == Quiz.Kind.POST:
            row.post_correct, row.post_total = correct or 0, total or 0
    return list(rows.values())


def weakest(methods: list[MethodTraining], *, limit: int = 5, minimum_asked: int = 5) -> list[MethodTraining]:
    """The methods people know least (lowest latest rate, with enough answers to mean something)."""
    known = [
        m
        for m in methods
        if m.rate is not None and (m.post_total if m.post_rate is not None else m.pre_total) >= minimum_asked
    ]
    return sorted(known, key=lambda m: (m.rate, m.method.number or 0))[:limit]


def unit_method_matrix(
    *, viewer, course: Course, root: Unit | None = None
) -> dict[int, dict[int, MethodTraining]]:
    """{unit id: {method id: figures}} rolled up the tree: which unit is weak on which method (3 queries)."""
    units = _units(viewer, root, None)
    methods = {m.pk: m for m in ScamMethod.objects.all()}
    own: dict[tuple[int, str, str], dict[int, int]] = defaultdict(dict)
    for unit_id, method_id, kind, correct, total in (
        _method_rows(viewer, course, root)
        .values_list("attempt__unit_id", "method_id", "attempt__quiz__kind")
        .annotate(c=Sum("correct"), t=Sum("total"))
        .values_list("attempt__unit_id", "method_id", "attempt__quiz__kind", "c", "t")
    ):
        own[(method_id, kind, "c")][unit_id] = correct or 0
        own[(method_id, kind, "t")][unit_id] = total or 0
    matrix: dict[int, dict[int, MethodTraining]] = defaultdict(dict)
    for (method_id, kind, part), per_unit in own.items():
        for unit_id, value in rollup_counts(units, per_unit).items():
            row = matrix[unit_id].setdefault(method_id, MethodTraining(method=methods[method_id]))
            prefix = "pre" if kind == Quiz.Kind.PRE else "post" if kind == Quiz.Kind.POST else None
            if prefix:
                name = f"{prefix}_correct" if part == "c" else f"{prefix}_total"
                setattr(row, name, value)
    return dict(matrix)


__all__ = [
    "MethodTraining",
    "UnitTraining",
    "method_summaries",
    "unit_method_matrix",
    "unit_summaries",
    "weakest",
]
