"""The audit trail: every service write calls `audit(...)` inside its transaction."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from .middleware import current_ip
from .models import AuditEvent


def audit(
    *,
    actor,
    action: str,
    obj=None,
    unit=None,
    summary: str = "",
    data: dict | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Record that `actor` did `action` to `obj` in `unit`.

    actor is a User or None (the public, a staff member by personal link, a background task); actor_label
    then says who it was ("Công dân ẩn danh", "Nguyễn Văn A (mã cá nhân)").
    """
    if not actor_label:
        actor_label = (actor.get_full_name() or actor.email) if actor is not None else "Hệ thống"
    event = AuditEvent(
        actor=actor,
        actor_label=actor_label[:200],
        action=action,
        unit=unit,
        summary=summary[:500],
        data=data or {},
        ip_address=current_ip(),
    )
    if obj is not None:
        event.object_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        event.object_id = str(obj.pk)
        event.object_repr = str(obj)[:300]
    event.save()
    return event
