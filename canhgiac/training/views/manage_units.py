"""Unit managers' pages: personal links/codes for their people (issued, printed, revoked) and results."""

from __future__ import annotations

import functools

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from canhgiac.core.roles import MANAGE_ROLES, READ_ROLES, Role
from canhgiac.core.scoping import has_role, scope_paths
from canhgiac.org.models import Person
from canhgiac.org.selectors import unit_for_viewer

from .. import dashboards, selectors, services
from ..access import link_url
from ..forms import IssueAccessForm, RevokeCertificateForm
from ..models import Attempt, Certificate, Course, Quiz
from .staff import _result_context


def officials_only(roles):
    def decorator(view):
        @functools.wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if scope_paths(request.user, roles) == []:
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@officials_only(READ_ROLES)
def manage_index(request):
    course = Course.objects.filter(is_published=True).order_by("title").first()
    summary = dashboards.unit_summaries(viewer=request.user, course=course, depth=1) if course else []
    return render(
        request,
        "training/manage/index.html",
        {
            "course": course,
            "summary": summary,
            "is_coordinator": has_role(request.user, Role.COORDINATOR),
            "can_manage_access": has_role(request.user, *MANAGE_ROLES),
        },
    )


@officials_only(MANAGE_ROLES)
def access_units(request):
    from canhgiac.org.selectors import unit_tree

    rows = unit_tree(viewer=request.user, query=request.GET.get("q", "")[:100])
    return render(request, "training/manage/access_units.html", {"rows": rows, "q": request.GET.get("q", "")})


@never_cache
@officials_only(MANAGE_ROLES)
def access_unit(request, unit_pk):
    unit = unit_for_viewer(viewer=request.user, pk=unit_pk, roles=MANAGE_ROLES)
    form = IssueAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        people = Person.objects.visible_to(request.user, MANAGE_ROLES).filter(
            unit=unit, status=Person.Status.ACTIVE
        )
        chosen = request.POST.getlist("person")
        if chosen:
            people = people.filter(pk__in=[int(p) for p in chosen if p.isdigit()])
        try:
            issued = services.staff_access_issue(
                people=list(people.order_by("sort_name", "id")),
                actor=request.user,
                unit=unit,
                days=form.cleaned_data["days"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("training:access_unit", unit_pk=unit.pk)
        sheet = []
        for item in issued:
            url = link_url(item.token, request)
            sheet.append(
                {"item": item, "url": url, "qr": segno.make(url, error="m").svg_inline(scale=3, border=1)}
            )
        response = render(
            request,
            "training/manage/access_sheet.html",
            {"unit": unit, "sheet": sheet, "expires_at": issued[0].expires_at},
        )
        response["Cache-Control"] = "no-store"
        return response
    rows = selectors.people_access_status(unit=unit, viewer=request.user)
    return render(request, "training/manage/access_unit.html", {"unit": unit, "rows": rows, "form": form})


@require_POST
@officials_only(MANAGE_ROLES)
def access_revoke(request, person_pk):
    person = get_object_or_404(
        Person.objects.visible_to(request.user, MANAGE_ROLES).select_related("unit"), pk=person_pk
    )
    try:
        services.staff_access_revoke(person=person, actor=request.user)
        messages.success(request, f"Đã thu hồi đường dẫn và mã cá nhân của {person.full_name}.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("training:access_unit", unit_pk=person.unit_id)


@officials_only(READ_ROLES)
def results(request, unit_pk=None):
    unit = unit_for_viewer(viewer=request.user, pk=unit_pk) if unit_pk else None
    courses = list(Course.objects.order_by("title"))
    course = next(
        (c for c in courses if str(c.pk) == request.GET.get("khoa_hoc")), courses[0] if courses else None
    )
    rows = dashboards.unit_summaries(viewer=request.user, course=course, root=unit) if course else []
    methods = dashboards.method_summaries(viewer=request.user, course=course, root=unit) if course else []
    quizzes = list(Quiz.objects.filter(course=course)) if course else []
    quiz = next((q for q in quizzes if str(q.pk) == request.GET.get("bai")), None)
    attempts = selectors.attempts_in_scope(
        viewer=request.user, unit=unit, quiz=quiz, query=request.GET.get("q", "")[:100]
    )
    if course:
        attempts = attempts.filter(quiz__course=course)
    page = Paginator(attempts, 25).get_page(request.GET.get("trang"))
    return render(
        request,
        "training/manage/results.html",
        {
            "unit": unit,
            "courses": courses,
            "course": course,
            "rows": rows,
            "methods": methods,
            "weakest": dashboards.weakest(methods),
            "quizzes": quizzes,
            "quiz": quiz,
            "page": page,
            "q": request.GET.get("q", ""),
        },
    )


@officials_only(READ_ROLES)
def attempt_detail(request, pk):
    attempt = get_object_or_404(
        Attempt.objects.visible_to(request.user).select_related("quiz", "person", "unit"), pk=pk
    )
    context = _result_context(attempt, viewer_is_owner=False)
    context["can_revoke"] = has_role(request.user, Role.COORDINATOR)
    context["revoke_form"] = RevokeCertificateForm()
    return render(request, "training/manage/attempt_detail.html", context)


@require_POST
@officials_only(READ_ROLES)
def certificate_revoke(request, pk):
    if not has_role(request.user, Role.COORDINATOR):
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.visible_to(request.user).select_related("person__unit"), pk=pk
    )
    form = RevokeCertificateForm(request.POST)
    if form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate, reason=form.cleaned_data["reason"], actor=request.user
            )
            messages.success(request, f"Đã thu hồi giấy chứng nhận {certificate.code}.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, "Hãy ghi lý do thu hồi giấy chứng nhận.")
    return redirect("training:manage_attempt", pk=certificate.attempt_id)
