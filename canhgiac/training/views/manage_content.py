"""The coordinator's pages: courses, lessons (with uploads), the question bank and quizzes."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from canhgiac.core.audit import audit
from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role
from canhgiac.knowledge.models import ScamMethod

from .. import selectors
from ..forms import CourseForm, LessonForm, OptionFormSet, QuestionForm, QuizForm
from ..models import Course, Difficulty, Lesson, Question, Quiz


def coordinator_required(view):
    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not has_role(request.user, Role.COORDINATOR):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _saved(request, *, action: str, obj, summary: str):
    audit(actor=request.user, action=action, obj=obj, summary=summary)
    messages.success(request, summary)


@coordinator_required
def course_list(request):
    courses = Course.objects.order_by("title").prefetch_related("quizzes")
    from django.db.models import Count

    courses = courses.annotate(n_lessons=Count("lessons", distinct=True))
    return render(
        request,
        "training/manage/course_list.html",
        {"courses": courses, "coverage": selectors.bank_coverage()},
    )


@coordinator_required
def course_edit(request, pk=None):
    course = get_object_or_404(Course, pk=pk) if pk else None
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            course = form.save()
            _saved(
                request,
                action="training.course.save",
                obj=course,
                summary=f"Đã lưu khóa học “{course.title}”.",
            )
        return redirect("training:manage_course", pk=course.pk)
    lessons = list(course.lessons.prefetch_related("methods")) if course else []
    quizzes = list(course.quizzes.all()) if course else []
    return render(
        request,
        "training/manage/course_edit.html",
        {"form": form, "course": course, "lessons": lessons, "quizzes": quizzes},
    )


@coordinator_required
def lesson_edit(request, course_pk, pk=None):
    course = get_object_or_404(Course, pk=course_pk)
    lesson = get_object_or_404(Lesson, pk=pk, course=course) if pk else Lesson(course=course)
    form = LessonForm(request.POST or None, request.FILES or None, instance=lesson)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            lesson = form.save()
            _saved(
                request,
                action="training.lesson.save",
                obj=lesson,
                summary=f"Đã lưu bài học “{lesson.title}”.",
            )
        return redirect("training:manage_course", pk=course.pk)
    return render(
        request, "training/manage/lesson_edit.html", {"form": form, "course": course, "lesson": lesson}
    )


@coordinator_required
def question_list(request):
    method = ScamMethod.objects.filter(slug=request.GET.get("pt") or "").first()
    try:
        difficulty = int(request.GET.get("do_kho") or 0) or None
    except ValueError:
        difficulty = None
    kind = request.GET.get("loai") if request.GET.get("loai") in Question.Kind.values else None
    active = {"1": True, "0": False}.get(request.GET.get("dang_dung", ""))
    query = request.GET.get("q", "")[:100]
    questions = selectors.question_list(
        query=query, method=method, difficulty=difficulty, kind=kind, active=active
    )
    page = Paginator(questions, 30).get_page(request.GET.get("trang"))
    return render(
        request,
        "training/manage/question_list.html",
        {
            "page": page,
            "methods": ScamMethod.objects.order_by("number", "name"),
            "kinds": Question.Kind.choices,
            "difficulties": Difficulty.choices,
            "f": {
                "pt": method.slug if method else "",
                "do_kho": difficulty,
                "loai": kind or "",
                "q": query,
                "dang_dung": request.GET.get("dang_dung", ""),
            },
        },
    )


@coordinator_required
def question_edit(request, pk=None):
    question = get_object_or_404(Question, pk=pk) if pk else Question()
    if not pk and request.GET.get("pt"):
        question.method = ScamMethod.objects.filter(slug=request.GET["pt"]).first()
    form = QuestionForm(request.POST or None, instance=question)
    formset = OptionFormSet(request.POST or None, instance=question, prefix="opt")
    if request.method == "POST":
        form_ok = form.is_valid()
        if form_ok:
            formset.instance.kind = form.cleaned_data["kind"]
        if form_ok and formset.is_valid():
            with transaction.atomic():
                question = form.save()
                formset.instance = question
                formset.save()
                _saved(request, action="training.question.save", obj=question, summary="Đã lưu câu hỏi.")
            return redirect("training:manage_questions")
    return render(
        request,
        "training/manage/question_edit.html",
        {"form": form, "formset": formset, "question": question},
    )


@coordinator_required
def quiz_edit(request, course_pk, pk=None):
    course = get_object_or_404(Course, pk=course_pk)
    quiz = get_object_or_404(Quiz, pk=pk, course=course) if pk else Quiz(course=course)
    form = QuizForm(
        request.POST or None, instance=quiz, initial={"methods": list(quiz.methods.all())} if pk else None
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            quiz = form.save()
            _saved(
                request, action="training.quiz.save", obj=quiz, summary=f"Đã lưu bài kiểm tra “{quiz.title}”."
            )
        return redirect("training:manage_course", pk=course.pk)
    return render(request, "training/manage/quiz_edit.html", {"form": form, "course": course, "quiz": quiz})
