"""The speaker pool (coordinators; leaders read), a speaker's schedule and workload, and "Lịch báo cáo của tôi"."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role
from canhgiac.knowledge.models import Material, ScamMethod

from .. import selectors, services
from ..forms import BusyForm, SpeakerForm
from ..models import Conference, Speaker, SpeakerBusy
from ..permissions import is_coordinator
from .common import coordinators, form_errors


def _pool_reader(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.COORDINATOR, Role.LEADER))


@login_required
def speaker_list(request):
    if not _pool_reader(request.user):
        raise Http404
    method = None
    raw = request.GET.get("chuyen_de", "")
    if raw.isdigit():
        method = ScamMethod.objects.filter(pk=int(raw)).first()
    rows = list(
        selectors.speaker_list(
            viewer=request.user,
            query=request.GET.get("q", "")[:100],
            method=method,
            active=request.GET.get("dang", "1"),
        )
    )
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday())
    load = selectors.speaker_workload(
        viewer=request.user, start=start - timedelta(days=56), end=start + timedelta(days=55)
    )
    week = selectors.speaker_workload(viewer=request.user, start=start, end=start + timedelta(days=6))
    return render(
        request,
        "campaigns/speaker_list.html",
        {
            "rows": [{"speaker": s, "load": load.get(s.pk, {}), "week": week.get(s.pk, {})} for s in rows],
            "methods": ScamMethod.objects.published().order_by("number"),
            "method": method,
            "q": request.GET.get("q", ""),
            "can_edit": is_coordinator(request.user),
            "week_start": start,
        },
    )


@coordinators
def speaker_edit(request, pk=None):
    speaker = get_object_or_404(Speaker, pk=pk) if pk else None
    form = SpeakerForm(request.POST or None, instance=speaker)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        methods = data.pop("methods")
        try:
            speaker = services.speaker_save(
                actor=request.user, speaker=speaker, methods=list(methods), **data
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, f"Đã lưu hồ sơ báo cáo viên {speaker.full_name}.")
            return redirect(speaker)
    return render(request, "campaigns/speaker_form.html", {"form": form, "speaker": speaker})


def _schedule_context(speaker: Speaker, viewer) -> dict:
    today = timezone.localdate()
    assignments = list(selectors.speaker_schedule(speaker=speaker, start=today - timedelta(days=120)))
    now = timezone.now()
    upcoming = [a for a in assignments if a.conference.ends_at >= now]
    past = [a for a in assignments if a.conference.ends_at < now][::-1]
    monday = today - timedelta(days=today.weekday())
    return {
        "speaker": speaker,
        "upcoming": upcoming,
        "past": past[:30],
        "busy": list(speaker.busy_periods.filter(ends_at__gte=now)),
        "load": selectors.speaker_workload(
            viewer=viewer, start=today - timedelta(days=90), end=today + timedelta(days=90)
        ).get(speaker.pk, {}),
        "week_load": selectors.speaker_workload(
            viewer=viewer, start=monday, end=monday + timedelta(days=6)
        ).get(speaker.pk, {}),
        "methods": list(speaker.methods.order_by("number")),
        "now": now,
    }


@login_required
def speaker_detail(request, pk):
    speaker = get_object_or_404(
        Speaker.objects.visible_to(request.user).select_related("unit", "user"), pk=pk
    )
    context = _schedule_context(speaker, request.user)
    context.update({"can_edit": is_coordinator(request.user), "busy_form": BusyForm()})
    return render(request, "campaigns/speaker_detail.html", context)


@require_POST
@coordinators
def speaker_busy(request, pk, busy_pk=None):
    speaker = get_object_or_404(Speaker, pk=pk)
    try:
        if busy_pk:
            services.speaker_busy_remove(
                busy=get_object_or_404(SpeakerBusy, speaker=speaker, pk=busy_pk), actor=request.user
            )
            messages.success(request, "Đã bỏ lịch bận.")
        else:
            form = BusyForm(request.POST)
            if not form.is_valid():
                raise ValidationError("Ghi đủ thời gian bắt đầu, kết thúc và lý do bận.")
            services.speaker_busy_add(speaker=speaker, actor=request.user, **form.cleaned_data)
            messages.success(request, "Đã thêm lịch bận.")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(speaker)


@login_required
def my_schedule(request):
    """A speaker's own assignments, with the materials for the methods they were asked to cover."""
    speaker = Speaker.objects.filter(user=request.user).select_related("unit").first()
    if speaker is None:
        if not has_role(request.user, Role.SPEAKER):
            raise Http404
        return render(request, "campaigns/my_schedule.html", {"speaker": None})
    context = _schedule_context(speaker, request.user)
    wanted = {}
    for assignment in context["upcoming"]:
        for method in assignment.conference.requested_methods.all():
            wanted[method.pk] = method
    speaker_methods = {m.pk for m in context["methods"]}
    materials = list(
        Material.objects.visible_to(request.user)
        .filter(methods__in=list(wanted) or list(speaker_methods))
        .select_related("current_version")
        .distinct()
        .order_by("-updated_at")[:12]
    )
    context.update(
        {
            "materials": materials,
            "wanted": sorted(wanted.values(), key=lambda m: m.number or 0),
            "cancelled_states": {Conference.Status.CANCELLED},
        }
    )
    return render(request, "campaigns/my_schedule.html", context)
