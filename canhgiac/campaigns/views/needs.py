"""Needs assessment pages: a unit's survey and summary (screen and .docx), the province's summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from .. import selectors, services
from ..docs import province_needs_docx, unit_needs_docx
from ..forms import NeedsForm
from ..models import Campaign, NeedsAssessment
from ..permissions import can_manage_unit, is_coordinator
from .common import campaign_for, form_errors, officials, participant_for

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _initial(assessment: NeedsAssessment | None) -> dict:
    if assessment is None:
        return {"sessions_wanted": 1, "speaker_needed": True}
    return {
        "formats": assessment.formats,
        "topics": list(assessment.topics.all()),
        "other_topics": assessment.other_topics,
        "sessions_wanted": assessment.sessions_wanted,
        "preferred_period": assessment.preferred_period,
        "priority_groups": assessment.priority_groups,
        "speaker_needed": assessment.speaker_needed,
        "notes": assessment.notes,
    }


@officials
def needs(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant = participant_for(request, campaign, unit_pk)
    data = selectors.unit_needs(viewer=request.user, participant=participant)
    can_edit = can_manage_unit(request.user, participant.unit) and campaign.status == Campaign.Status.ACTIVE
    form = NeedsForm(request.POST or None, initial=_initial(data["assessment"]))
    if request.method == "POST" and can_edit and form.is_valid():
        values = dict(form.cleaned_data)
        topics = list(values.pop("topics"))
        submit = request.POST.get("action") == "submit"
        try:
            services.needs_save(
                participant=participant, actor=request.user, topics=topics, submit=submit, **values
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(
                request,
                "Đã gửi đánh giá nhu cầu về Công an tỉnh." if submit else "Đã lưu bản nháp đánh giá nhu cầu.",
            )
            return redirect("campaigns:needs", pk=campaign.pk, unit_pk=participant.unit_id)
    return render(
        request,
        "campaigns/needs.html",
        {
            **data,
            "form": form,
            "can_edit": can_edit,
            "editing": request.GET.get("sua") == "1" or request.method == "POST",
        },
    )


@officials
def needs_docx(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant = participant_for(request, campaign, unit_pk)
    data = selectors.unit_needs(viewer=request.user, participant=participant)
    response = HttpResponse(unit_needs_docx(data), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="danh-gia-nhu-cau-{participant.unit.code}.docx"'
    return response


def _province_allowed(request) -> bool:
    from canhgiac.core.roles import Role
    from canhgiac.core.scoping import has_role

    return is_coordinator(request.user) or has_role(request.user, Role.LEADER)


@officials
def province_needs(request, pk):
    campaign = campaign_for(request, pk)
    if not _province_allowed(request):
        from django.http import Http404

        raise Http404
    data = selectors.province_needs(viewer=request.user, campaign=campaign)
    return render(request, "campaigns/needs_province.html", data)


@officials
def province_needs_docx_view(request, pk):
    campaign = campaign_for(request, pk)
    if not _province_allowed(request):
        from django.http import Http404

        raise Http404
    data = selectors.province_needs(viewer=request.user, campaign=campaign)
    response = HttpResponse(province_needs_docx(data), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="tong-hop-nhu-cau-chien-dich-{campaign.pk}.docx"'
    return response
