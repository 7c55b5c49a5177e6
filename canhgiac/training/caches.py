"""Caches of read-mostly data on hot pages, invalidated by signals (the only use of signals here).

The catalogue of published courses (with their lessons and quizzes) is the same for every staff member; the staff
page reads it on every visit, thousands of times at the start of a session. It lives in the Django cache (Redis when
several app servers share it) and is dropped whenever a course, lesson or quiz is saved or deleted.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save

CATALOGUE_KEY = "training:catalogue:v1"
CATALOGUE_SECONDS = 60  # without a shared cache (several workers on local memory) edits show within a minute


def published_catalogue() -> list:
    """Published courses, each with its published lessons and quizzes prefetched (0 queries when cached)."""
    from .models import Course, Lesson, Quiz

    courses = cache.get(CATALOGUE_KEY)
    if courses is None:
        courses = list(
            Course.objects.filter(is_published=True)
            .prefetch_related(
                Prefetch(
                    "lessons",
                    queryset=Lesson.objects.filter(is_published=True).only(
                        "id", "course_id", "slug", "title", "order", "minutes"
                    ),
                ),
                Prefetch("quizzes", queryset=Quiz.objects.filter(is_published=True).order_by("kind")),
            )
            .order_by("title")
        )
        cache.set(CATALOGUE_KEY, courses, CATALOGUE_SECONDS)
    return courses


def forget_catalogue(**kwargs) -> None:
    cache.delete(CATALOGUE_KEY)


def connect() -> None:
    from .models import Course, Lesson, Quiz

    for model in (Course, Lesson, Quiz):
        post_save.connect(
            forget_catalogue, sender=model, dispatch_uid=f"training-catalogue-save-{model.__name__}"
        )
        post_delete.connect(
            forget_catalogue, sender=model, dispatch_uid=f"training-catalogue-delete-{model.__name__}"
        )
