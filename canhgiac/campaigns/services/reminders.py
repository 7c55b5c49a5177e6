"""Deadline reminders by e-mail to unit managers, run daily by the scheduler (core.periodic).

For each running campaign, each responsible unit with obligations still open, and each threshold of the
campaign's `reminder_days` (e.g. 14, 7, 3, 1 days before the due date): when the due date is that close, every
active unit manager of the unit gets one e-mail listing what is still open. A ReminderSent row (unique) makes
it once per manager, unit, due date and threshold; when the scheduler was down, only the nearest threshold
passed is sent (no burst of stale reminders)."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from canhgiac.core.audit import audit
from canhgiac.core.roles import Role

from ..models import Campaign, Obligation, ReminderSent

log = logging.getLogger(__name__)


def _threshold(days_left: int, thresholds: list[int]) -> int | None:
    """The smallest threshold not below days_left (the one due now), or None."""
    due = [t for t in thresholds if days_left <= t]
    return min(due) if due else None


def _body(manager, unit, campaign, due_on: date, days_left: int, items: list[Obligation]) -> str:
    when = "hôm nay" if days_left == 0 else f"còn {days_left} ngày"
    lines = [
        f"Kính gửi đồng chí {manager.full_name},",
        "",
        f"Chiến dịch “{campaign.title}” ({campaign.legal_reference}) có hạn {due_on:%d/%m/%Y} ({when}).",
        f"{unit.name} còn các nội dung chưa hoàn thành:",
        "",
    ]
    for item in items:
        extra = (
            f" (đã tổ chức {item.progress}/{item.target})" if item.kind == Obligation.Kind.CONFERENCES else ""
        )
        lines.append(f"  - {item.get_kind_display()}{extra}")
    url = settings.SITE_URL + reverse("campaigns:unit_detail", args=[campaign.pk, unit.pk])
    lines += [
        "",
        f"Xem và cập nhật tại: {url}",
        "",
        "Thư này được gửi tự động từ hệ thống Cảnh giác; đồng chí không cần trả lời thư.",
    ]
    return "\n".join(lines)


def send_due_reminders(today: date | None = None) -> int:
    """Send the reminders due today; returns how many e-mails went out."""
    from canhgiac.accounts.models import Membership

    today = today or timezone.localdate()
    sent = 0
    campaigns = Campaign.objects.filter(status=Campaign.Status.ACTIVE, starts_on__lte=today)
    for campaign in campaigns:
        thresholds = [d for d in (campaign.reminder_days or []) if isinstance(d, int) and d >= 0]
        if not thresholds:
            continue
        horizon = max(thresholds)
        open_items = (
            Obligation.objects.filter(
                participant__campaign=campaign,
                done_at__isnull=True,
                due_on__gte=today,
                due_on__lte=date.fromordinal(today.toordinal() + horizon),
            )
            .select_related("participant__unit")
            .order_by("participant_id", "due_on", "kind")
        )
        groups: dict[tuple, list[Obligation]] = defaultdict(list)
        for item in open_items:
            groups[(item.participant, item.due_on)].append(item)
        if not groups:
            continue
        unit_ids = {p.unit_id for p, _due in groups}
        managers = defaultdict(list)
        for membership in Membership.objects.filter(
            unit_id__in=unit_ids, role=Role.UNIT_MANAGER, is_active=True, user__is_active=True
        ).select_related("user"):
            managers[membership.unit_id].append(membership.user)
        for (participant, due_on), items in groups.items():
            days_left = (due_on - today).days
            threshold = _threshold(days_left, thresholds)
            if threshold is None:
                continue
            for manager in managers.get(participant.unit_id, []):
                if not manager.email:
                    continue
                try:
                    with transaction.atomic():
                        ReminderSent.objects.create(
                            participant=participant, user=manager, due_on=due_on, days_before=threshold
                        )
                        send_mail(
                            f"[Cảnh giác] Nhắc hạn {due_on:%d/%m/%Y}: {campaign.title}",
                            _body(manager, participant.unit, campaign, due_on, days_left, items),
                            None,
                            [manager.email],
                        )
                except IntegrityError:
                    continue  # already sent for this threshold
                sent += 1
                audit(
                    actor=None,
                    action="campaign.reminder",
                    obj=campaign,
                    unit=participant.unit,
                    summary=f"Gửi thư nhắc hạn {due_on:%d/%m/%Y} ({threshold} ngày) tới {manager.email}",
                )
    return sent
