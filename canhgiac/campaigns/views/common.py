"""Decorators and look-ups shared by the campaigns views: scope first, 404 outside it."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Campaign, CampaignUnit
from ..permissions import can_manage_any, can_read_any, is_coordinator


def _guard(check):
    def decorator(view):
        @functools.wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


officials = _guard(can_read_any)
managers = _guard(can_manage_any)
coordinators = _guard(is_coordinator)


def flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def form_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field when it names one the form has."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error.messages[0] if hasattr(error, "messages") else str(error))
    else:
        for message in exc.messages:
            form.add_error(None, message)


def campaign_for(request, pk) -> Campaign:
    return get_object_or_404(Campaign.objects.visible_to(request.user).select_related("course"), pk=pk)


def participant_for(request, campaign: Campaign, unit_pk) -> CampaignUnit:
    return get_object_or_404(
        CampaignUnit.objects.visible_to(request.user).select_related("unit", "campaign"),
        campaign=campaign,
        unit_id=unit_pk,
    )
