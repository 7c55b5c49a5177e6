"""Decorators and look-ups shared by the campaigns views: scope first, 404 outside it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from canhgiac.core.forms import flash_errors, form_errors  # noqa: F401 - re-exported for the views
from canhgiac.core.guards import guard

from ..models import Campaign, CampaignUnit
from ..permissions import can_manage_any, can_read_any, is_coordinator

officials = guard(can_read_any)
managers = guard(can_manage_any)
coordinators = guard(is_coordinator)


def campaign_for(request, pk) -> Campaign:
    return get_object_or_404(Campaign.objects.visible_to(request.user).select_related("course"), pk=pk)


def participant_for(request, campaign: Campaign, unit_pk) -> CampaignUnit:
    return get_object_or_404(
        CampaignUnit.objects.visible_to(request.user).select_related("unit", "campaign"),
        campaign=campaign,
        unit_id=unit_pk,
    )
