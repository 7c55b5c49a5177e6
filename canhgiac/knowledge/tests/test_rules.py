"""The contract with the message analyzer: knowledge.selectors.red_flag_rules()."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canhgiac.core.text import fold
from canhgiac.knowledge import selectors
from canhgiac.knowledge.models import RedFlag, ScamMethod
from canhgiac.knowledge.services import method_unpublish, method_update

pytestmark = pytest.mark.django_db


def _flags(method):
    return [
        {"code": f.code, "text": f.text, "patterns": f.patterns, "weight": f.weight}
        for f in method.red_flags.all()
    ]


def _examples(method):
    return [{"channel": e.channel, "sender": e.sender, "text": e.text} for e in method.examples.all()]


def test_rules_cover_published_flags_with_compiled_patterns(seeded):
    rules = selectors.red_flag_rules()
    assert len(rules) == RedFlag.objects.filter(method__is_published=True).count()
    code, method_slug, text, weight, patterns = rules[0]  # a plain 5-tuple for callers that unpack
    assert ScamMethod.objects.filter(slug=method_slug).exists()
    assert text and 0 < weight <= 1
    assert patterns and all(isinstance(p, re.Pattern) for p in patterns)
    message = fold("Bà chuyển toàn bộ tiền vào TÀI KHOẢN TẠM GIỮ của cơ quan điều tra để xác minh tài sản")
    fired = {r.code for r in rules if any(p.search(message) for p in r.patterns)}
    assert "cong-an-chuyen-tien-tai-khoan-tam-giu" in fired


def test_rules_are_cached_until_the_catalogue_changes(seeded, coordinator, django_assert_num_queries):
    first = selectors.red_flag_rules()
    with django_assert_num_queries(0):
        assert selectors.red_flag_rules() is first
    method = ScamMethod.objects.get(slug="khoa-sim-chuan-hoa-thong-tin")
    flags = _flags(method)
    flags[0]["patterns"] = [*flags[0]["patterns"], r"\bkhoa sim ngay\b"]
    method_update(
        method=method,
        data={},
        red_flags=flags,
        examples=_examples(method),
        expected_revision=method.revision,
        actor=coordinator,
    )
    rules = selectors.red_flag_rules()
    assert rules is not first
    rule = next(r for r in rules if r.code == flags[0]["code"])
    assert any(p.pattern == r"\bkhoa sim ngay\b" for p in rule.patterns)

    method_unpublish(method=method, actor=coordinator)
    assert not any(r.method_slug == method.slug for r in selectors.red_flag_rules())


def test_writes_outside_services_also_invalidate(seeded):
    before = selectors.red_flag_rules()
    RedFlag.objects.filter(code="sim-doi-ma-otp").first().delete()  # e.g. Django admin
    assert len(selectors.red_flag_rules()) == len(before) - 1


def test_rules_build_in_constant_queries(seeded):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        selectors.red_flag_rules()
    assert len(ctx.captured_queries) == 1


def test_method_names_and_choices_for_other_apps(seeded):
    names = selectors.method_names()
    assert names["dau-tu-tai-chinh-tien-ao"].startswith("Kêu gọi đầu tư")
    choices = selectors.method_choices()
    assert choices[0][0] == "combo-du-lich-gia-re" and choices[0][1].startswith("1. ")
