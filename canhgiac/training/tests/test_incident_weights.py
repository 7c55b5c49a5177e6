"""The post-test asks more about the methods that hurt people most lately (the police case register)."""

import datetime as dt

import pytest
from django.utils import timezone

from canhgiac.knowledge.models import ScamMethod
from canhgiac.training import services
from canhgiac.training.services import attempts as attempts_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def recent_investment_cases(content, tree, investigator):
    from canhgiac.incidents import services as incident_services

    ScamMethod.objects.update(is_published=True)
    invest = ScamMethod.objects.get(slug="dau-tu-tai-chinh-tien-ao")
    today = timezone.localdate()
    for i in range(8):
        incident_services.case_create(
            actor=investigator,
            reported_on=today - dt.timedelta(days=10 + i),
            occurred_on=today - dt.timedelta(days=12 + i),
            unit=tree.hong_gai,
            method=invest,
            channel="zalo",
            amount_lost=100_000_000,
            victim_group="civil_servant",
        )


def test_the_default_post_test_is_weighted_by_incidents(post_quiz):
    assert post_quiz.weight_by_incidents


def test_starting_a_weighted_quiz_uses_the_case_register(
    monkeypatch, post_quiz, staff_member, recent_investment_cases
):
    seen = {}
    real_draw = attempts_module.draw

    def spy(quiz, *, rng, weights=None):
        seen["weights"] = weights
        return real_draw(quiz, rng=rng, weights=weights)

    monkeypatch.setattr(attempts_module, "draw", spy)
    services.attempt_start(quiz=post_quiz, person=staff_member)
    weights = seen["weights"]
    assert weights["dau-tu-tai-chinh-tien-ao"] > 1.5
    assert min(weights.values()) >= 1.0  # every method stays in the draw
    assert weights["dau-tu-tai-chinh-tien-ao"] == max(weights.values())


def test_an_unweighted_quiz_draws_evenly(monkeypatch, pre_quiz, staff_member, recent_investment_cases):
    seen = {}
    real_draw = attempts_module.draw

    def spy(quiz, *, rng, weights=None):
        seen["weights"] = weights
        return real_draw(quiz, rng=rng, weights=weights)

    monkeypatch.setattr(attempts_module, "draw", spy)
    assert not pre_quiz.weight_by_incidents
    services.attempt_start(quiz=pre_quiz, person=staff_member)
    assert seen["weights"] is None
