"""Campaign pages: the list, the form, a campaign's overview, the obligations board, a unit's page."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role
from canhgiac.incidents.selectors import rising_methods
from canhgiac.org.models import Unit

from .. import selectors, services
from ..forms import CampaignForm, FulfilForm, ParticipantForm
from ..models import Campaign, CampaignUnit, Obligation
from ..permissions import can_manage_any, can_manage_unit, is_coordinator
from .common import campaign_for, coordinators, flash_errors, form_errors, officials, participant_for


@officials
def campaign_list(request):
    campaigns = list(Campaign.objects.visible_to(request.user).order_by("-starts_on", "-id"))
    rows = [
        {"campaign": c, "coverage": selectors.coverage_total(viewer=request.user, campaign=c)}
        for c in campaigns
    ]
    return render(
        request,
        "campaigns/campaign_list.html",
        {"rows": rows, "can_create": is_coordinator(request.user), "today": timezone.localdate()},
    )


@coordinators
def campaign_create(request):
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_create(
                actor=request.user,
                audience_units=list(form.cleaned_data["audience_units"]),
                **form.service_values(),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, "Đã tạo chiến dịch (bản nháp). Kiểm tra lại rồi bấm “Triển khai”.")
            return redirect(campaign)
    return render(request, "campaigns/campaign_form.html", {"form": form})


@coordinators
def campaign_edit(request, pk):
    campaign = campaign_for(request, pk)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        values = form.service_values()
        try:
            services.campaign_update(
                campaign=Campaign.objects.get(pk=campaign.pk),
                actor=request.user,
                audience_units=list(form.cleaned_data["audience_units"]),
                **values,
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, "Đã lưu chiến dịch.")
            return redirect(campaign)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


@require_POST
@coordinators
def campaign_launch(request, pk):
    campaign = campaign_for(request, pk)
    try:
        campaign = services.campaign_launch(campaign=campaign, actor=request.user)
        messages.success(request, f"Đã triển khai chiến dịch tới {campaign.participants.count()} đơn vị.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect(campaign)


@require_POST
@coordinators
def campaign_close(request, pk):
    campaign = campaign_for(request, pk)
    try:
        services.campaign_close(campaign=campaign, actor=request.user)
        messages.success(request, "Đã kết thúc chiến dịch; số liệu được giữ làm lịch sử.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect(campaign)


def _scope_root(request, campaign):
    """The unit a viewer whose scope is one subtree sees first (their unit), else None (several or all)."""
    from canhgiac.core.scoping import scope_paths

    paths = scope_paths(request.user)
    if paths and len(paths) == 1:
        return Unit.objects.filter(path=paths[0]).first()
    return None


@officials
def campaign_detail(request, pk):
    campaign = campaign_for(request, pk)
    user = request.user
    on = selectors.default_day(campaign)
    root = _scope_root(request, campaign)
    rows = selectors.coverage_by_unit(viewer=user, campaign=campaign, on=on, root=root, depth=2)
    total = (
        rows[0]
        if rows and rows[0].level == 0
        else selectors.coverage_total(viewer=user, campaign=campaign, on=on)
    )
    timeline = selectors.coverage_over_time(viewer=user, campaign=campaign, unit=root)
    participants = set(CampaignUnit.objects.filter(campaign=campaign).values_list("unit_id", flat=True))
    board = selectors.obligations_status(viewer=user, campaign=campaign)
    return render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "on": on,
            "total": total,
            "rows": rows,
            "timeline": timeline,
            "timeline_json": [
                {"d": d.strftime("%d/%m"), "p": p, "r": r, "c": round(100 * r / p, 1) if p else None}
                for d, p, r in timeline
            ],
            "participants": participants,
            "summary": board["summary"],
            "own_rows": board["rows"] if root is not None and len(board["rows"]) <= 3 else [],
            "weeks": selectors.conferences_per_week(viewer=user, campaign=campaign),
            "via": selectors.reach_by_via(viewer=user, campaign=campaign),
            "is_coordinator": is_coordinator(user),
            "can_read_province": is_coordinator(user) or has_role(user, Role.LEADER),
            "rising": rising_methods(months=3) if campaign.status == Campaign.Status.ACTIVE else [],
            "can_plan": campaign.status == Campaign.Status.ACTIVE and can_manage_any(user),
            "elapsed": campaign.elapsed_ratio(),
        },
    )


@officials
def board(request, pk):
    campaign = campaign_for(request, pk)
    status = request.GET.get("trang_thai", "")
    query = request.GET.get("q", "")[:100]
    data = selectors.obligations_status(viewer=request.user, campaign=campaign, status=status, query=query)
    return render(
        request,
        "campaigns/board.html",
        {
            "campaign": campaign,
            **data,
            "status": status,
            "q": query,
            "filters": selectors.STATUS_FILTERS,
            "is_coordinator": is_coordinator(request.user),
            "today": timezone.localdate(),
        },
    )


@coordinators
def participants(request, pk):
    campaign = campaign_for(request, pk)
    form = ParticipantForm(request.POST or None)
    if request.method == "POST":
        remove = request.POST.get("remove")
        try:
            if remove:
                participant = get_object_or_404(CampaignUnit, campaign=campaign, pk=remove)
                services.participant_remove(participant=participant, actor=request.user)
                messages.success(request, f"Đã bỏ {participant.unit.name} khỏi danh sách.")
                return redirect("campaigns:participants", pk=campaign.pk)
            if form.is_valid():
                unit = form.cleaned_data["unit"]
                services.participant_add(campaign=campaign, unit=unit, actor=request.user)
                messages.success(request, f"Đã thêm {unit.name}.")
                return redirect("campaigns:participants", pk=campaign.pk)
        except ValidationError as exc:
            flash_errors(request, exc)
    rows = campaign.participants.select_related("unit").order_by("unit__path")
    suggested = [] if campaign.participants.exists() else services.responsible_units(campaign)
    return render(
        request,
        "campaigns/participants.html",
        {"campaign": campaign, "rows": rows, "form": form, "suggested": suggested},
    )


@officials
def unit_detail(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant = participant_for(request, campaign, unit_pk)
    unit = participant.unit
    user = request.user
    on = selectors.default_day(campaign)
    rows = selectors.coverage_by_unit(viewer=user, campaign=campaign, on=on, root=unit, depth=1)
    total = rows[0] if rows else selectors.UnitCoverage(unit=unit, level=0, target=campaign.target_ratio)
    timeline = selectors.coverage_over_time(viewer=user, campaign=campaign, unit=unit)
    obligations = {o.kind: o for o in participant.obligations.all()}
    today = timezone.localdate()
    checklist = [
        {
            "kind": kind,
            "label": Obligation.Kind(kind).label,
            "item": obligations.get(kind),
            "state": obligations[kind].state(today) if kind in obligations else None,
        }
        for kind, _target in campaign.required_kinds()
    ]
    conferences = selectors.conference_list(viewer=user, campaign=campaign, unit=unit)
    return render(
        request,
        "campaigns/unit_detail.html",
        {
            "campaign": campaign,
            "participant": participant,
            "unit": unit,
            "on": on,
            "total": total,
            "rows": rows[1:],
            "timeline": timeline,
            "timeline_json": [
                {"d": d.strftime("%d/%m"), "p": p, "r": r, "c": round(100 * r / p, 1) if p else None}
                for d, p, r in timeline
            ],
            "checklist": checklist,
            "conferences": conferences,
            "via": selectors.reach_by_via(viewer=user, campaign=campaign, unit=unit),
            "can_manage": can_manage_unit(user, unit) and campaign.status == Campaign.Status.ACTIVE,
            "is_coordinator": is_coordinator(user),
            "fulfil_form": FulfilForm(initial={"done_on": today}),
            "today": today,
        },
    )


@officials
def people(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant = participant_for(request, campaign, unit_pk)
    query = request.GET.get("q", "")[:100]
    reached = request.GET.get("da", "")
    rows = selectors.people_status(campaign=campaign, unit=participant.unit, query=query, reached=reached)
    page = Paginator(rows, 50).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "campaigns/people.html",
        {
            "campaign": campaign,
            "unit": participant.unit,
            "page": page,
            "q": query,
            "reached": reached,
            "query": params.urlencode(),
        },
    )


@require_POST
@coordinators
def obligation_action(request, pk, unit_pk, kind):
    campaign = campaign_for(request, pk)
    participant = participant_for(request, campaign, unit_pk)
    if kind not in Obligation.Kind.values:
        raise Http404
    try:
        if request.POST.get("action") == "reopen":
            services.obligation_reopen(
                campaign=campaign,
                unit=participant.unit,
                kind=kind,
                actor=request.user,
                note=request.POST.get("note", ""),
            )
            messages.success(request, "Đã mở lại nội dung này.")
        else:
            form = FulfilForm(request.POST)
            if not form.is_valid():
                raise ValidationError(list(form.errors.get("done_on", ["Ngày hoàn thành không hợp lệ."])))
            data = form.cleaned_data
            services.obligation_fulfil(
                campaign=campaign,
                unit=participant.unit,
                kind=kind,
                actor=request.user,
                at=timezone.make_aware(datetime.combine(data["done_on"], time(12))),
                reference=data["reference"],
                note=data["note"],
            )
            messages.success(request, "Đã xác nhận hoàn thành.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("campaigns:unit_detail", pk=campaign.pk, unit_pk=participant.unit_id)


__all__ = [
    "board",
    "campaign_close",
    "campaign_create",
    "campaign_detail",
    "campaign_edit",
    "campaign_launch",
    "campaign_list",
    "obligation_action",
    "participants",
    "people",
    "unit_detail",
]
