"""Demo data for training: the default course and question bank, personal links/codes for three demo staff
members of Phường Hồng Gai, and a realistic spread of attempts across Quảng Ninh units (pre-tests weaker than
post-tests, some units not started yet). Deterministic and idempotent; bulk inserts keep it fast.

The demo's passes are bulk-created, so `signals.course_passed` is not sent for them: a later app that keeps
its own record of passes (campaigns' Reach) builds its demo from training's Certificate rows.
"""

from __future__ import annotations

import base64
import hashlib
import random
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from canhgiac.org.models import Person, Unit

from .access import CODE_ALPHABET, code_digest, format_code, link_digest
from .content import load_content
from .models import (
    Answer,
    Attempt,
    AttemptMethodScore,
    Certificate,
    Option,
    Question,
    Quiz,
    QuizResult,
    StaffAccess,
)

DEMO_STAFF_UNIT = "Phường Hồng Gai"
SEED = 5_2026


def _demo_secret(label: str, person: Person) -> str:
    """Deterministic secrets for the three demo staff only, so `canhgiac demo` prints the same links each run."""
    raw = hashlib.sha256(f"canhgiac-demo:{label}:{person.staff_code}".encode()).digest()
    if label == "link":
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return "".join(CODE_ALPHABET[b % len(CODE_ALPHABET)] for b in raw[:8])


def _demo_access(ctx, people: list[Person], labels: list[str]) -> None:
    expires = timezone.now() + timedelta(days=365)
    existing = set(StaffAccess.objects.filter(person__in=people).values_list("digest", flat=True))
    rows = []
    for person, label in zip(people, labels, strict=True):
        token, code = _demo_secret("link", person), _demo_secret("code", person)
        for kind, digest, hint in (
            ("link", link_digest(token), token[-4:]),
            ("code", code_digest(code), code[-4:]),
        ):
            if digest not in existing:
                rows.append(
                    StaffAccess(person=person, kind=kind, digest=digest, hint=hint, expires_at=expires)
                )
        from django.urls import reverse

        url = f"{settings.SITE_URL}{reverse('training:enter_link', args=[token])}"
        ctx.store.setdefault("staff_logins", []).append(
            f"{person.full_name} ({label}, {person.unit.name}): mã {format_code(code)} · {url}"
        )
    StaffAccess.objects.bulk_create(rows)


def _unit_profile(rng: random.Random, unit: Unit, forced: set[str]) -> tuple[float, float, float] | None:
    """(share who took the pre-test, share of those who went on to the post-test, unit skill) or None."""
    if unit.name in forced:
        return (0.85, 0.8, 0.03)
    if rng.random() < 0.3:
        return None  # not started yet
    return (rng.uniform(0.35, 0.95), rng.uniform(0.3, 0.9), rng.gauss(0, 0.06))


def _simulate(rng, quiz: Quiz, person: Person, number: int, started, skill: float, bank, options_by_q):
    question_ids = rng.sample(bank["ids"], quiz.question_count)
    option_order = {}
    answers = []
    correct_count = 0
    per_method: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for index, qid in enumerate(question_ids):
        opts = options_by_q[qid]
        ids = [o[0] for o in opts]
        if bank["kind"][qid] in {"single", "multiple"}:
            rng.shuffle(ids)
        option_order[str(qid)] = ids
        p = min(0.97, max(0.05, skill - 0.08 * (bank["difficulty"][qid] - 2)))
        if rng.random() < 0.03:
            selected, ok = [], False  # left blank
        elif rng.random() < p:
            selected, ok = sorted(o[0] for o in opts if o[1]), True
        else:
            wrong = [o[0] for o in opts if not o[1]] or [opts[0][0]]
            selected, ok = [rng.choice(wrong)], False
        correct_count += ok
        bucket = per_method[bank["method"][qid]]
        bucket[0] += ok
        bucket[1] += 1
        if selected:
            answers.append((qid, selected, started + timedelta(seconds=40 * (index + 1)), ok))
    score = round(100 * correct_count / len(question_ids))
    submitted = started + timedelta(seconds=40 * len(question_ids) + rng.randint(20, 200))
    attempt = Attempt(
        quiz=quiz,
        person=person,
        unit_id=person.unit_id,
        number=number,
        started_at=started,
        deadline=started + timedelta(minutes=quiz.time_limit_minutes),
        submitted_at=submitted,
        question_ids=question_ids,
        option_order=option_order,
        correct_count=correct_count,
        question_count=len(question_ids),
        score=score,
        passed=score >= quiz.pass_mark,
    )
    return attempt, answers, dict(per_method)


def load(ctx) -> None:
    report = load_content()
    ctx.say(f"  Học tập: {report}")
    pre = Quiz.objects.get(source_key="kiem-tra-dau-vao")
    post = Quiz.objects.get(source_key="kiem-tra-cuoi-khoa")
    demo_people = list(
        Person.objects.filter(unit__name=DEMO_STAFF_UNIT, status=Person.Status.ACTIVE).select_related("unit")[
            :3
        ]
    )
    if len(demo_people) == 3:
        _demo_access(ctx, demo_people, ["chưa làm bài", "đã làm bài đầu vào", "đã đạt, có giấy chứng nhận"])
    if Attempt.objects.exists():
        return
    rng = random.Random(SEED)
    bank_rows = list(Question.objects.active().values_list("id", "method_id", "difficulty", "kind"))
    bank = {
        "ids": [r[0] for r in bank_rows],
        "method": {r[0]: r[1] for r in bank_rows},
        "difficulty": {r[0]: r[2] for r in bank_rows},
        "kind": {r[0]: r[3] for r in bank_rows},
    }
    options_by_q: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for oid, qid, ok in Option.objects.order_by("order", "id").values_list("id", "question_id", "is_correct"):
        options_by_q[qid].append((oid, ok))
    now = timezone.now().replace(microsecond=0)
    forced = {DEMO_STAFF_UNIT, "Phường Bãi Cháy", "Sở Tài chính"}
    people_by_unit: dict[int, list[Person]] = defaultdict(list)
    for person in (
        Person.objects.filter(status=Person.Status.ACTIVE).select_related("unit").order_by("unit_id", "id")
    ):
        people_by_unit[person.unit_id].append(person)
    demo_ids = {p.pk for p in demo_people}
    planned = []  # (attempt, answers, per_method)
    for unit in Unit.objects.exclude(kind__in=[Unit.Kind.PROVINCE, Unit.Kind.BLOCK]).order_by("path"):
        profile = _unit_profile(rng, unit, forced)
        if profile is None:
            continue
        pre_share, post_share, unit_skill = profile
        for person in people_by_unit.get(unit.pk, []):
            if person.pk in demo_ids or rng.random() > pre_share:
                continue
            skill = 0.55 + unit_skill + rng.gauss(0, 0.1)
            started = now - timedelta(
                days=rng.randint(20, 40), hours=rng.randint(0, 8), minutes=rng.randint(0, 59)
            )
            planned.append(_simulate(rng, pre, person, 1, started, skill, bank, options_by_q))
            if rng.random() > post_share:
                continue
            learned = skill + rng.uniform(0.15, 0.3)
            started = now - timedelta(days=rng.randint(1, 15), hours=rng.randint(0, 8))
            for number in (1, 2):
                attempt = _simulate(rng, post, person, number, started, learned, bank, options_by_q)
                planned.append(attempt)
                if attempt[0].passed or rng.random() < 0.5:
                    break
                started += timedelta(days=1)
                learned += 0.08
    if len(demo_people) == 3:
        _, second, third = demo_people
        planned.append(_simulate(rng, pre, second, 1, now - timedelta(days=3), 0.6, bank, options_by_q))
        planned.append(_simulate(rng, pre, third, 1, now - timedelta(days=9), 0.55, bank, options_by_q))
        while True:  # the third demo person passed the post-test
            attempt = _simulate(rng, post, third, 1, now - timedelta(days=2), 0.95, bank, options_by_q)
            if attempt[0].passed:
                planned.append(attempt)
                break
    _store(rng, planned)
    ctx.say(f"  Học tập: {len(planned)} bài làm minh họa")


def _store(rng: random.Random, planned) -> None:
    attempts = [p[0] for p in planned]
    Attempt.objects.bulk_create(attempts, batch_size=1000)
    answers, scores = [], []
    for attempt, rows, per_method in planned:
        for qid, selected, answered_at, ok in rows:
            answers.append(
                Answer(
                    attempt=attempt,
                    question_id=qid,
                    selected=selected,
                    answered_at=answered_at,
                    is_correct=ok,
                )
            )
        for method_id, (correct, total) in per_method.items():
            scores.append(
                AttemptMethodScore(attempt=attempt, method_id=method_id, correct=correct, total=total)
            )
    Answer.objects.bulk_create(answers, batch_size=2000)
    AttemptMethodScore.objects.bulk_create(scores, batch_size=2000)
    results: dict[tuple[int, int], QuizResult] = {}
    certificates = []
    for attempt in attempts:
        key = (attempt.quiz_id, attempt.person_id)
        result = results.get(key)
        if result is None:
            results[key] = QuizResult(
                quiz_id=attempt.quiz_id,
                person_id=attempt.person_id,
                unit_id=attempt.unit_id,
                kind=attempt.quiz.kind,
                attempts=1,
                best_score=attempt.score,
                first_score=attempt.score,
                best_attempt=attempt,
                passed=attempt.passed,
                passed_at=attempt.submitted_at if attempt.passed else None,
            )
        else:
            result.attempts += 1
            if attempt.score > result.best_score:
                result.best_score, result.best_attempt = attempt.score, attempt
            if attempt.passed and not result.passed:
                result.passed, result.passed_at = True, attempt.submitted_at
        if attempt.passed and attempt.quiz.kind == Quiz.Kind.POST:
            person = attempt.person
            body = "".join(rng.choice(CODE_ALPHABET) for _ in range(8))
            certificates.append(
                Certificate(
                    code=f"CN-{body[:4]}-{body[4:]}",
                    person=person,
                    course_id=attempt.quiz.course_id,
                    attempt=attempt,
                    person_name=person.full_name,
                    unit_name=person.unit.name,
                    course_title=attempt.quiz.course.title,
                    score=attempt.score,
                    issued_at=attempt.submitted_at,
                )
            )
    QuizResult.objects.bulk_create(results.values(), batch_size=1000)
    Certificate.objects.bulk_create(certificates, batch_size=1000)
