"""Guards and look-ups shared by the reports views: scope first, 404 outside it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from canhgiac.campaigns.models import Campaign
from canhgiac.core.forms import flash_errors, form_errors  # noqa: F401 - re-exported for the views
from canhgiac.core.guards import guard
from canhgiac.core.roles import READ_ROLES, Role
from canhgiac.core.scoping import has_role, scope_paths

from ..selectors import is_coordinator


def can_read_any(user) -> bool:
    return bool(user.is_authenticated) and scope_paths(user, READ_ROLES) != []


def reads_province(user) -> bool:
    """Coordinators and leaders read the province report."""
    return bool(user.is_authenticated) and (
        user.is_superuser or has_role(user, Role.COORDINATOR, Role.LEADER)
    )


officials = guard(can_read_any)
coordinators = guard(is_coordinator)
province_readers = guard(reads_province)


def campaign_for(request, pk) -> Campaign:
    """A launched campaign in the viewer's scope (drafts have no reports)."""
    return get_object_or_404(
        Campaign.objects.visible_to(request.user).exclude(status=Campaign.Status.DRAFT), pk=pk
    )
