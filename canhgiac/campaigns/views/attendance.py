"""Attendance: the public check-in page opened by the conference's QR code (a staff member identified by
personal link or code — training.access — or a walk-in guest), and the manager's roster checklist and import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from canhgiac.core.middleware import client_ip
from canhgiac.core.ratelimit import hit
from canhgiac.core.text import search_terms
from canhgiac.org.models import Person
from canhgiac.training.access import current_person

from .. import selectors, services
from ..forms import ImportForm, WalkInForm
from ..models import Attendance, AttendanceImport, Conference
from ..services.attendance_import import OUTCOME_LABELS
from .common import flash_errors, managers

WALK_IN_LIMIT = {
    "limit": 300,
    "window": 3600,
}  # guests per address per conference per hour (a hall behind NAT)


def _conference_by_token(token: str) -> Conference:
    conference = (
        Conference.objects.select_related("unit", "campaign").filter(checkin_token=token[:40]).first()
    )
    if conference is None:
        raise Http404("Mã QR điểm danh không đúng hoặc hội nghị không còn.")
    return conference


@never_cache
def checkin(request, token):
    """The attendee's phone: who they are (personal link/code session), the window, one button."""
    conference = _conference_by_token(token)
    person = current_person(request)
    now = timezone.now()
    problem = services.window_problem(conference, now)
    attendance = None
    if person is not None:
        attendance = Attendance.objects.filter(conference=conference, person=person).first()
    if request.method == "POST" and person is not None:
        try:
            attendance, created = services.attendance_check_in(conference=conference, person=person, now=now)
        except ValidationError as exc:
            problem = " ".join(exc.messages)
        else:
            if created:
                messages.success(request, "Điểm danh thành công. Cảm ơn bạn đã tham dự!")
            else:
                messages.info(
                    request,
                    f"Bạn đã điểm danh lúc {timezone.localtime(attendance.checked_in_at):%H:%M}; không cần điểm danh lại.",
                )
            return redirect("campaigns:checkin", token=token)
    here = reverse("campaigns:checkin", args=[token])
    return render(
        request,
        "campaigns/checkin.html",
        {
            "conference": conference,
            "person": person,
            "attendance": attendance,
            "problem": problem,
            "code_url": f"{reverse('training:enter_code')}?{urlencode({'next': here})}",
            "guest_url": reverse("campaigns:checkin_guest", args=[token]),
        },
        status=200,
    )


@never_cache
def checkin_guest(request, token):
    """Somebody without a personal code: name, unit and phone; recorded as a guest, not counted."""
    conference = _conference_by_token(token)
    form = WalkInForm(request.POST or None)
    problem = services.window_problem(conference, timezone.now())
    if request.method == "POST" and form.is_valid():
        if not hit(f"walk-in:{conference.pk}", client_ip(request), **WALK_IN_LIMIT):
            problem = "Có quá nhiều lượt ghi danh từ mạng này; hãy báo ban tổ chức ghi giúp."
        else:
            try:
                attendance, created = services.attendance_walk_in(conference=conference, **form.cleaned_data)
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.error_dict.items():
                        for error in errors:
                            form.add_error(field if field in form.fields else None, error.messages[0])
                else:
                    problem = " ".join(exc.messages)
            else:
                if created:
                    messages.success(
                        request, f"Đã ghi danh {attendance.full_name} là khách mời. Cảm ơn bạn đã tham dự!"
                    )
                else:
                    messages.info(request, "Số điện thoại này đã ghi danh; không cần ghi lại.")
                return render(
                    request,
                    "campaigns/checkin_guest_done.html",
                    {"conference": conference, "attendance": attendance},
                )
    return render(
        request,
        "campaigns/checkin_guest.html",
        {"conference": conference, "form": form, "problem": problem},
    )


def _roster(conference: Conference, query: str, show: str):
    present = Attendance.objects.filter(conference=conference, person_id=OuterRef("pk"))
    people = (
        Person.objects.filter(unit__path__startswith=conference.unit.path, status=Person.Status.ACTIVE)
        .select_related("unit")
        .annotate(present=Exists(present))
    )
    for term in search_terms(query):
        people = people.filter(search_text__contains=term)
    if show == "co-mat":
        people = people.filter(present=True)
    elif show == "vang":
        people = people.filter(present=False)
    return people.order_by("sort_name", "id")


@managers
def attendance(request, pk):
    conference = selectors.managed_conference(viewer=request.user, pk=pk)
    query = request.GET.get("q", "")[:100]
    show = request.GET.get("hien", "")
    page = Paginator(_roster(conference, query, show), 50).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    counts = selectors.conference_detail(conference=conference)["counts"]
    return render(
        request,
        "campaigns/attendance.html",
        {
            "conference": conference,
            "page": page,
            "q": query,
            "show": show,
            "query": params.urlencode(),
            "counts": counts,
            "walk_ins": conference.attendances.walk_ins().order_by("checked_in_at"),
            "imports": conference.imports.all()[:5],
            "import_form": ImportForm(),
            "can_record": conference.accepts_attendance and timezone.now() >= conference.checkin_opens_at,
        },
    )


@require_POST
@managers
def attendance_toggle(request, pk, person_pk):
    """Tick or untick one person (htmx: answers with the row; plain POST: back to the page)."""
    conference = selectors.managed_conference(viewer=request.user, pk=pk)
    person = get_object_or_404(
        Person.objects.select_related("unit"), pk=person_pk, unit__path__startswith=conference.unit.path
    )
    error = ""
    try:
        if request.POST.get("present") == "1":
            services.attendance_mark(conference=conference, person=person, actor=request.user)
        else:
            services.attendance_unmark(conference=conference, person=person, actor=request.user)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    person.present = Attendance.objects.filter(conference=conference, person=person).exists()
    if request.headers.get("HX-Request"):
        return render(
            request,
            "campaigns/_attendance_row.html",
            {
                "conference": conference,
                "p": person,
                "error": error,
                "can_record": True,
                "present_count": conference.attendances.counted().count(),
            },
            status=200 if not error else 409,
        )
    if error:
        messages.error(request, error)
    return redirect("campaigns:attendance", pk=pk)


@require_POST
@managers
def walk_in_remove(request, pk, attendance_pk):
    conference = selectors.managed_conference(viewer=request.user, pk=pk)
    item = get_object_or_404(Attendance, conference=conference, pk=attendance_pk, person__isnull=True)
    try:
        services.attendance_remove_walk_in(attendance=item, actor=request.user)
        messages.success(request, f"Đã xóa khách {item.full_name}.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("campaigns:attendance", pk=pk)


@require_POST
@managers
def attendance_import(request, pk):
    conference = selectors.managed_conference(viewer=request.user, pk=pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chọn tệp danh sách tham dự (.xlsx, .xls hoặc .csv).")
        return redirect("campaigns:attendance", pk=pk)
    try:
        imp = services.attendance_import_start(
            conference=conference, upload=form.cleaned_data["file"], actor=request.user
        )
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect("campaigns:attendance", pk=pk)
    return redirect("campaigns:attendance_import_detail", pk=pk, import_pk=imp.pk)


@managers
def attendance_import_detail(request, pk, import_pk):
    conference = selectors.managed_conference(viewer=request.user, pk=pk)
    imp = get_object_or_404(AttendanceImport, conference=conference, pk=import_pk)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "cancel":
                services.attendance_import_cancel(imp=imp, actor=request.user)
                messages.info(request, "Đã hủy lần nhập; không ghi dòng nào.")
                return redirect("campaigns:attendance", pk=pk)
            imp = services.attendance_import_commit(imp=imp, actor=request.user)
            messages.success(request, "Đã ghi danh sách tham dự.")
            return redirect("campaigns:attendance", pk=pk)
        except ValidationError as exc:
            flash_errors(request, exc)
            imp.refresh_from_db()
    return render(
        request,
        "campaigns/attendance_import.html",
        {"conference": conference, "imp": imp, "labels": OUTCOME_LABELS},
    )
