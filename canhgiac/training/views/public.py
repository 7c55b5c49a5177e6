"""Pages anyone can open: the course catalogue and lessons, and the certificate verification page."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from canhgiac.core.ratelimit import ratelimit

from ..access import current_person
from ..forms import VerifyForm
from ..models import Certificate, Course, Lesson
from ..sanitize import clean_html


def index(request):
    courses = list(
        Course.objects.filter(is_published=True).prefetch_related(
            Prefetch(
                "lessons",
                queryset=Lesson.objects.filter(is_published=True).only("id", "course_id", "minutes"),
            )
        )
    )
    return render(request, "training/index.html", {"courses": courses, "person": current_person(request)})


def course_detail(request, slug):
    course = get_object_or_404(Course, slug=slug, is_published=True)
    lessons = list(course.lessons.filter(is_published=True).prefetch_related("methods"))
    return render(
        request,
        "training/course_detail.html",
        {"course": course, "lessons": lessons, "person": current_person(request)},
    )


def lesson_detail(request, course_slug, slug):
    course = get_object_or_404(Course, slug=course_slug, is_published=True)
    lessons = list(course.lessons.filter(is_published=True).only("id", "slug", "title", "order", "course_id"))
    lesson = get_object_or_404(
        Lesson.objects.prefetch_related("methods"), course=course, slug=slug, is_published=True
    )
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    return render(
        request,
        "training/lesson_detail.html",
        {
            "course": course,
            "lesson": lesson,
            "previous": lessons[index - 1] if index > 0 else None,
            "next": lessons[index + 1] if index + 1 < len(lessons) else None,
            "position": index + 1,
            "total": len(lessons),
            "person": current_person(request),
            # cleaned when saved; cleaned again here so that no other write path can slip markup through
            "body": clean_html(lesson.body),
        },
    )


@ratelimit("training-verify", limit=30, window=60, methods=("GET", "POST"))
def verify(request, code=None):
    """Public verification: valid or revoked, with the minimum (name, course, date) and nothing else."""
    if code is None and request.GET.get("code"):
        form = VerifyForm(request.GET)
        if form.is_valid():
            return redirect("training:verify", code=form.cleaned_data["code"].strip().upper())
    else:
        form = VerifyForm(initial={"code": code or ""})
    certificate = None
    if code:
        certificate = (
            Certificate.objects.only("code", "person_name", "course_title", "issued_at", "revoked_at")
            .filter(code=code.strip().upper())
            .first()
        )
    return render(
        request,
        "training/verify.html",
        {"form": form, "code": code, "certificate": certificate},
        status=404 if code and certificate is None else 200,
    )
