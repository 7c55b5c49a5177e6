"""Patterns that backtrack catastrophically are refused when saved, skipped when stored, flagged in the tester."""

import re
import time

import pytest

from canhgiac.knowledge import regex_safety
from canhgiac.knowledge.models import RedFlag, ScamMethod
from canhgiac.knowledge.patterns import compile_patterns, pattern_errors

from .test_manage import SLUG, _form_data


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        (r"(a+)+b", "nested"),
        (r"(?:\w+ ?)*tam giu", "nested"),
        (r"(?:chuyen .{0,20}){2,5}x", "nested"),
        (r"\bchuyen.*tai khoan", "unbounded"),
        (r"\d+ ?trieu", "unbounded"),
        (r"[a-z0-9-]*vietcombank", "unbounded"),
        (r"(?:https?://)\S+.{0,60}\bgap\b", "unbounded"),
        (r"\bx.{0,500}y", "unbounded"),
        # Fine: bounded gaps, a trailing repetition, possessive and atomic parts, repetitions in look-arounds.
        (r"\bchuyen tien\b.{0,60}\btam giu\b", None),
        (r"\bstk\b \d+", None),
        (r"(?:https?://)\S{1,100}+.{0,60}\bgap\b", None),
        (r"(?>\w+)x", None),
        (r"\b(?=[a-z])(?<!khong )(?:(?!\bkhong\b).){0,40}\bck\b", None),
        (r"(?:\d{1,3}[.,]){1,4}\d{3} ?d", "nested"),
    ],
)
def test_static_check(pattern, problem):
    re.compile(pattern)
    assert regex_safety.static_problem(pattern) == problem


def test_the_timed_trial_kills_a_pattern_the_static_check_lets_through():
    # A bounded repetition of an ambiguous choice: 2^30 ways to fail on "aaaa…".
    pattern = r"(?:a|a){1,30}b"
    assert regex_safety.static_problem(pattern) is None
    started = time.monotonic()
    verdicts = regex_safety.trial([r"\btam giu\b", pattern, r"\bck\b.{0,30}\bngay\b"], timeout=1.0)
    assert verdicts == {r"\btam giu\b": None, pattern: "timeout", r"\bck\b.{0,30}\bngay\b": None}
    assert time.monotonic() - started < 15
    assert regex_safety.trial([pattern], timeout=1.0) == {pattern: "timeout"}  # memoised: no second wait


def test_adversarial_inputs_are_long_and_made_of_the_patterns_pieces():
    texts = regex_safety.adversarial_inputs(r"\b(?:ck|chuyen) \d{1,9} ?trieu\b", length=2000)
    assert texts and all(len(t) == 2000 for t in texts)
    assert any("chuyen" in t for t in texts) and any(t.startswith("0000") or "00000" in t for t in texts)


def test_pattern_errors_explain_in_vietnamese_what_to_do():
    nested, unbounded = pattern_errors([r"(?:\w+ ?)+tam giu", r"\bchuyen.*tai khoan"])
    assert "lồng" in nested and "(?:chuyen|ck)" in nested
    assert "không giới hạn" in unbounded and ".{0,60}" in unbounded
    (slow,) = pattern_errors([r"\btam giu\b", r"(?:x|x){1,40}y"])
    assert "không chạy xong" in slow and "(?:x|x){1,40}y" in slow


def test_stored_unsafe_patterns_are_skipped_by_the_rules():
    compiled = compile_patterns([r"\bchuyen.*tai khoan", r"\btam giu\b"])
    assert [p.pattern for p in compiled] == [r"\btam giu\b"]


def test_saving_a_catastrophic_pattern_is_refused_and_the_form_kept(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    data = _form_data(method, summary="Tóm tắt đang sửa")
    data["flags-0-patterns"] = r"(?:\w+\s?)+chuyen nham"
    html = client.post(f"/kien-thuc/quan-ly/{SLUG}/", data).content.decode()
    assert "lồng" in html and "Tóm tắt đang sửa" in html
    method.refresh_from_db()
    assert method.revision == 1


def test_the_tester_tries_typed_patterns_before_saving_and_reports_unsafe_ones(client, seeded, coordinator):
    client.force_login(coordinator)
    method = ScamMethod.objects.get(slug=SLUG)
    url = f"/kien-thuc/quan-ly/{SLUG}/thu-mau/"
    data = _form_data(method)
    n = method.red_flags.count()
    data.update(
        {
            "message": "Em chuyển nhầm 2 triệu, anh trả lại giúp em vào tài khoản khác nhé, gấp lắm",
            f"flags-{n}-code": "moi-gap",
            f"flags-{n}-text": "Giục gấp",
            f"flags-{n}-patterns": "\\bgap lam\\b\n(a+)+b",
            "flags-0-DELETE": "on",
        }
    )
    html = client.post(url, data).content.decode()
    assert "các mẫu đang nhập" in html
    assert "moi-gap" in html and "lồng" in html  # the typed flag fired, its unsafe pattern was reported
    first = method.red_flags.first()
    assert first.code not in html.split("Dấu hiệu của phương thức khác")[0]  # marked for deletion: left out
    assert not RedFlag.objects.filter(code="moi-gap").exists()  # nothing saved


def test_the_tester_warns_about_a_stored_pattern_that_is_skipped(client, seeded, coordinator):
    flag = RedFlag.objects.get(code="chuyen-nham-doa-trinh-bao")
    RedFlag.objects.filter(pk=flag.pk).update(patterns=[*flag.patterns, r"\bchuyen.*kien"])
    client.force_login(coordinator)
    html = client.post(f"/kien-thuc/quan-ly/{SLUG}/thu-mau/", {"message": "chuyển nhầm, tôi sẽ kiện"}).content
    assert "đang bị bỏ qua" in html.decode()
