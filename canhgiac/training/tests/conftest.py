"""Fixtures of the training tests: the shipped content, quizzes, and staff members signed in by personal link."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def content(db):
    from canhgiac.training.content import load_content

    load_content()
    from canhgiac.training.models import Course

    return Course.objects.get(source_key="nhan-dien-lua-dao-truc-tuyen")


@pytest.fixture
def post_quiz(content):
    from canhgiac.training.models import Quiz

    quiz = Quiz.objects.get(source_key="kiem-tra-cuoi-khoa")
    quiz.question_count = 6
    quiz.save()
    return quiz


@pytest.fixture
def pre_quiz(content):
    from canhgiac.training.models import Quiz

    quiz = Quiz.objects.get(source_key="kiem-tra-dau-vao")
    quiz.question_count = 6
    quiz.save()
    return quiz


@pytest.fixture
def issue(coordinator):
    """issue(person) -> IssuedAccess with the plain link token and code."""
    from canhgiac.training.services import staff_access_issue

    def make(person, days=30):
        return staff_access_issue(people=[person], actor=coordinator, unit=person.unit, days=days)[0]

    return make


@pytest.fixture
def staff_client(staff_member, issue):
    """A browser of the Hồng Gai staff member, signed in by opening their personal link."""
    client = Client()
    issued = issue(staff_member)
    response = client.get(f"/hoc-tap/vao/{issued.token}/")
    assert response.status_code == 302
    client.issued = issued
    return client


@pytest.fixture
def other_staff(tree):
    from canhgiac.org.models import Person

    return Person.objects.create(unit=tree.bai_chay, full_name="Trần Văn Hải", staff_code="BC0001")
