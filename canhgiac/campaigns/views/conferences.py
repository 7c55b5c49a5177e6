"""Conference pages: list, month calendar, plan/edit, the conference page and its state changes, speakers,
files, the QR poster."""

from __future__ import annotations

import io
from datetime import date

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from canhgiac.org.selectors import units_for_choice

from .. import selectors, services
from ..forms import AssignForm, CancelForm, ConferenceForm, FileForm, ReportForm
from ..models import Campaign, Conference, ConferenceFile, ConferenceSpeaker
from ..permissions import can_manage_unit, is_coordinator
from .common import coordinators, flash_errors, form_errors, managers, officials


def _filters(request):
    campaign = None
    raw = request.GET.get("chien_dich", "")
    if raw.isdigit():
        campaign = Campaign.objects.visible_to(request.user).filter(pk=int(raw)).first()
    status = request.GET.get("trang_thai", "")
    if status not in Conference.Status.values:
        status = ""
    return campaign, status


@officials
def conference_list(request):
    campaign, status = _filters(request)
    when = request.GET.get("thoi_gian", "")
    today = timezone.localdate()
    rows = selectors.conference_list(
        viewer=request.user, campaign=campaign, status=status, query=request.GET.get("q", "")[:100]
    )
    if when == "sap-toi":
        rows = rows.filter(ends_at__gte=timezone.now())
    elif when == "da-qua":
        rows = rows.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-id")
    page = Paginator(rows, 30).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "campaigns/conference_list.html",
        {
            "page": page,
            "campaign": campaign,
            "campaigns": Campaign.objects.visible_to(request.user).exclude(status=Campaign.Status.DRAFT),
            "status": status,
            "statuses": Conference.Status.choices,
            "when": when,
            "q": request.GET.get("q", ""),
            "query": params.urlencode(),
            "today": today,
            "can_plan": bool(units_for_choice(viewer=request.user).exists()),
        },
    )


@officials
def conference_calendar(request):
    campaign, _status = _filters(request)
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("thang", "").split("-"))
        first = date(year, month, 1)
    except ValueError:
        first = today.replace(day=1)
    data = selectors.month_calendar(
        viewer=request.user, year=first.year, month=first.month, campaign=campaign
    )
    return render(
        request,
        "campaigns/conference_calendar.html",
        {
            **data,
            "campaign": campaign,
            "campaigns": Campaign.objects.visible_to(request.user).exclude(status=Campaign.Status.DRAFT),
            "weekdays": ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"],
        },
    )


def _form(request, data=None, initial=None):
    campaigns = Campaign.objects.visible_to(request.user).filter(status=Campaign.Status.ACTIVE)
    return ConferenceForm(
        data,
        initial=initial,
        viewer=request.user,
        units=units_for_choice(viewer=request.user),
        campaigns=campaigns,
    )


@managers
def conference_create(request):
    initial = {"mode": Conference.Mode.IN_PERSON, "speaker_requested": True}
    campaigns = Campaign.objects.visible_to(request.user).filter(status=Campaign.Status.ACTIVE)
    raw_campaign = request.GET.get("chien_dich", "")
    if raw_campaign.isdigit():
        initial["campaign"] = int(raw_campaign)
    elif campaigns.count() == 1:
        initial["campaign"] = campaigns.first().pk
    units = units_for_choice(viewer=request.user)
    raw_unit = request.GET.get("don_vi", "")
    if raw_unit.isdigit():
        initial["unit"] = int(raw_unit)
    elif units.count() == 1:
        initial["unit"] = units.first().pk
    form = _form(request, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            conference = services.conference_plan(
                campaign=data["campaign"],
                unit=data["unit"],
                actor=request.user,
                methods=list(data["requested_methods"]),
                **form.service_values(),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(
                request, "Đã đăng ký hội nghị. Công an tỉnh sẽ xác nhận và phân công báo cáo viên."
            )
            return redirect(conference)
    return render(request, "campaigns/conference_form.html", {"form": form})


def _managed(request, pk) -> Conference:
    return selectors.managed_conference(viewer=request.user, pk=pk)


@managers
def conference_edit(request, pk):
    conference = _managed(request, pk)
    form = _form(request, request.POST or None, initial=ConferenceForm.initial_from(conference))
    form.fields["campaign"].disabled = True
    form.fields["unit"].disabled = True
    form.fields["campaign"].queryset = Campaign.objects.filter(pk=conference.campaign_id)
    form.fields["unit"].queryset = type(conference.unit).objects.filter(pk=conference.unit_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.conference_update(
                conference=conference,
                actor=request.user,
                methods=list(form.cleaned_data["requested_methods"]),
                **form.service_values(),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi của hội nghị.")
            return redirect(conference)
    return render(request, "campaigns/conference_form.html", {"form": form, "conference": conference})


def checkin_url(request, conference: Conference) -> str:
    return request.build_absolute_uri(conference.get_checkin_url())


def qr_svg(url: str, scale: int = 6) -> str:
    return segno.make(url, error="m").svg_inline(scale=scale, border=2, omitsize=True)


@login_required
def conference_detail(request, pk):
    conference = selectors.conference_for_viewer(viewer=request.user, pk=pk)
    user = request.user
    can_manage = can_manage_unit(user, conference.unit)
    coordinator = is_coordinator(user)
    extra = selectors.conference_detail(conference=conference)
    candidates = []
    if coordinator and conference.status in {Conference.Status.PLANNED, Conference.Status.CONFIRMED}:
        candidates = selectors.speaker_candidates(conference=conference)
    url = checkin_url(request, conference)
    return render(
        request,
        "campaigns/conference_detail.html",
        {
            "conference": conference,
            **extra,
            "can_manage": can_manage,
            "is_coordinator": coordinator,
            "candidates": candidates,
            "assign_form": AssignForm(),
            "file_form": FileForm(),
            "checkin_url": url,
            "qr": qr_svg(url, scale=4) if conference.accepts_attendance else "",
            "window": conference.checkin_window(),
            "now": timezone.now(),
        },
    )


def _transition(request, pk, action, success: str):
    conference = _managed(request, pk)
    try:
        action(conference=conference, actor=request.user)
        messages.success(request, success)
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("campaigns:conference_detail", pk=pk)


@require_POST
@coordinators
def conference_confirm(request, pk):
    return _transition(request, pk, services.conference_confirm, "Đã xác nhận hội nghị.")


@require_POST
@managers
def conference_held(request, pk):
    return _transition(request, pk, services.conference_mark_held, "Đã ghi nhận hội nghị đã tổ chức.")


@managers
def conference_report(request, pk):
    conference = _managed(request, pk)
    form = ReportForm(request.POST or None, initial={"minutes": conference.minutes})
    if request.method == "POST" and form.is_valid():
        try:
            services.conference_report(
                conference=conference, actor=request.user, minutes=form.cleaned_data["minutes"]
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, "Đã gửi báo cáo kết quả hội nghị.")
            return redirect(conference)
    extra = selectors.conference_detail(conference=conference)
    return render(
        request,
        "campaigns/conference_report.html",
        {"conference": conference, "form": form, "file_form": FileForm(), **extra},
    )


@managers
def conference_cancel(request, pk):
    conference = _managed(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conference_cancel(
                conference=conference, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, "Đã hủy hội nghị.")
            return redirect(conference)
    return render(request, "campaigns/conference_cancel.html", {"conference": conference, "form": form})


@require_POST
@coordinators
def conference_assign(request, pk):
    conference = _managed(request, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chọn một báo cáo viên đang nhận báo cáo.")
        return redirect(conference)
    speaker = form.cleaned_data["speaker"]
    try:
        _assignment, warnings = services.speaker_assign(
            conference=conference, speaker=speaker, actor=request.user, topic=form.cleaned_data["topic"]
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, f"Đã phân công {speaker.full_name}.")
        for warning in warnings:
            messages.warning(request, warning)
    return redirect(conference)


@require_POST
@coordinators
def conference_unassign(request, pk, assignment_pk):
    conference = _managed(request, pk)
    assignment = get_object_or_404(
        ConferenceSpeaker.objects.select_related("speaker"), conference=conference, pk=assignment_pk
    )
    try:
        services.speaker_unassign(assignment=assignment, actor=request.user)
        messages.success(request, f"Đã thôi phân công {assignment.speaker.full_name}.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect(conference)


@require_POST
@managers
def conference_file_upload(request, pk):
    conference = _managed(request, pk)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chọn loại tệp và tệp cần tải lên.")
    else:
        try:
            services.conference_file_add(
                conference=conference,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["upload"],
                actor=request.user,
            )
            messages.success(request, "Đã tải tệp lên.")
        except ValidationError as exc:
            flash_errors(request, exc)
    target = request.POST.get("next", "")
    if target == "report":
        return redirect("campaigns:conference_report", pk=pk)
    return redirect(conference)


@login_required
def conference_file(request, pk, file_pk):
    from canhgiac.knowledge.filetypes import serve_checked

    conference = selectors.conference_for_viewer(viewer=request.user, pk=pk)
    item = get_object_or_404(ConferenceFile, conference=conference, pk=file_pk)
    return serve_checked(
        item.file,
        item.file_format,
        stem=f"hoi-nghi-{conference.pk}-{item.pk}",
        inline=item.is_image and request.GET.get("xem") == "1",
    )


@require_POST
@managers
def conference_file_delete(request, pk, file_pk):
    conference = _managed(request, pk)
    item = get_object_or_404(ConferenceFile, conference=conference, pk=file_pk)
    try:
        services.conference_file_remove(item=item, actor=request.user)
        messages.success(request, "Đã xóa tệp.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect(conference)


@login_required
def conference_qr(request, pk):
    """A page to print or project at the door: the QR code and how to check in."""
    conference = selectors.conference_for_viewer(viewer=request.user, pk=pk)
    url = checkin_url(request, conference)
    return render(
        request,
        "campaigns/conference_qr.html",
        {"conference": conference, "qr": qr_svg(url, scale=10), "url": url},
    )


@login_required
def conference_qr_svg(request, pk):
    conference = selectors.conference_for_viewer(viewer=request.user, pk=pk)
    out = io.BytesIO()
    segno.make(checkin_url(request, conference), error="m").save(out, kind="svg", scale=10, border=2)
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="ma-qr-hoi-nghi-{conference.pk}.svg"'
    return response
