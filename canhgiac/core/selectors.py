from __future__ import annotations

from django.apps import apps
from django.db.models import Count, Q

from .models import AuditEvent
from .roles import READ_ROLES


def audit_event_list(*, viewer):
    return AuditEvent.objects.visible_to(viewer).select_related("unit", "object_type")


def user_scope_summary(*, user) -> list[dict]:
    """For the home page: each of the user's memberships with the size of its subtree (2 queries)."""
    Unit = apps.get_model("org", "Unit")
    memberships = list(user.memberships.filter(is_active=True).select_related("unit").order_by("unit__path"))
    if not memberships:
        return []
    paths = {m.unit.path for m in memberships}
    counts = {}
    if paths:
        aggregates = {}
        for index, path in enumerate(sorted(paths)):
            aggregates[f"u{index}"] = Count("id", distinct=True, filter=Q(path__startswith=path))
            aggregates[f"p{index}"] = Count(
                "people", filter=Q(path__startswith=path, people__status="active")
            )
        row = Unit.objects.aggregate(**aggregates)
        for index, path in enumerate(sorted(paths)):
            counts[path] = (row[f"u{index}"], row[f"p{index}"])
    out = []
    for membership in memberships:
        units, people = counts.get(membership.unit.path, (0, 0))
        out.append(
            {
                "membership": membership,
                "unit": membership.unit,
                "role": membership.get_role_display(),
                "reads_subtree": membership.role in READ_ROLES,
                "units": units,
                "people": people,
            }
        )
    return out
