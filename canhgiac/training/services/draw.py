"""Drawing a quiz's questions from the bank by method and difficulty, with optional per-method weights."""

from __future__ import annotations

import random
from collections import defaultdict

from django.db.models import Exists, OuterRef

from ..models import Option, Question, Quiz


def allocate(n: int, weights: dict[int, float], available: dict[int, int]) -> dict[int, int]:
    """Share n questions among methods in proportion to their weights (largest remainder), never more than a
    method has, giving what a small method cannot take to the others."""
    share = dict.fromkeys(available, 0)
    remaining = min(n, sum(available.values()))
    open_methods = {m for m, count in available.items() if count > 0 and weights.get(m, 0) > 0}
    while remaining > 0 and open_methods:
        total = sum(weights[m] for m in open_methods)
        exact = {m: remaining * weights[m] / total for m in open_methods}
        floors = {m: min(int(exact[m]), available[m] - share[m]) for m in open_methods}
        given = sum(floors.values())
        if given == 0:  # hand out one by one to the largest remainders
            for m in sorted(open_methods, key=lambda m: (-(exact[m] - int(exact[m])), -weights[m], m)):
                if remaining == 0:
                    break
                if share[m] < available[m]:
                    share[m] += 1
                    remaining -= 1
        else:
            for m, count in floors.items():
                share[m] += count
            remaining -= given
        open_methods = {m for m in open_methods if share[m] < available[m]}
    return share


def _pool(quiz: Quiz):
    """The active questions the quiz may ask (one query: the quiz's methods are a subquery)."""
    through = Quiz.methods.through
    chosen = through.objects.filter(quiz_id=quiz.pk)
    pool = Question.objects.active().filter(
        ~Exists(chosen) | Exists(chosen.filter(scammethod_id=OuterRef("method_id")))
    )
    if quiz.difficulties:
        pool = pool.filter(difficulty__in=quiz.difficulties)
    return pool


def draw(
    quiz: Quiz, *, rng: random.Random, weights: dict[str, float] | None = None
) -> tuple[list[int], dict]:
    """Question ids for a new attempt in the shuffled order the person will see them, and each question's options
    in their shown order: shuffled, except true/false and scenario answers, which read best in their natural
    order (2 queries)."""
    by_method: dict[int, list[int]] = defaultdict(list)
    slugs: dict[int, str] = {}
    kinds: dict[int, str] = {}
    for qid, method_id, slug, kind in (
        _pool(quiz).order_by("id").values_list("id", "method_id", "method__slug", "kind")
    ):
        by_method[method_id].append(qid)
        slugs[method_id] = slug
        kinds[qid] = kind
    chosen_weights = {**(quiz.method_weights or {}), **(weights or {})}
    method_weights = {}
    for method_id, slug in slugs.items():
        try:
            method_weights[method_id] = max(0.0, float(chosen_weights.get(slug, 1.0)))
        except (TypeError, ValueError):
            method_weights[method_id] = 1.0
    share = allocate(quiz.question_count, method_weights, {m: len(ids) for m, ids in by_method.items()})
    drawn: list[int] = []
    for method_id in sorted(share):
        drawn += rng.sample(by_method[method_id], share[method_id])
    rng.shuffle(drawn)
    options: dict[int, list[int]] = defaultdict(list)
    if drawn:
        rows = (
            Option.objects.filter(question_id__in=drawn)
            .order_by("order", "id")
            .values_list("question_id", "id")
        )
        for qid, oid in rows:
            options[qid].append(oid)
    order = {}
    for qid in drawn:
        ids = list(options.get(qid, []))
        if kinds[qid] in {Question.Kind.SINGLE, Question.Kind.MULTIPLE}:
            rng.shuffle(ids)
        order[str(qid)] = ids
    return drawn, order


def draw_questions(quiz: Quiz, *, rng: random.Random, weights: dict[str, float] | None = None) -> list[int]:
    return draw(quiz, rng=rng, weights=weights)[0]


__all__ = ["allocate", "draw", "draw_questions"]
