"""Home-page sections: the running campaigns of the viewer's units; a speaker's next assignments."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone


def units_context(request):
    from .models import Campaign, Conference
    from .selectors import coverage_total

    user = request.user
    campaigns = list(
        Campaign.objects.visible_to(user).filter(status=Campaign.Status.ACTIVE).order_by("deadline")[:3]
    )
    if not campaigns:
        return None
    today = timezone.localdate()
    cards = []
    for campaign in campaigns:
        cards.append(
            {
                "campaign": campaign,
                "coverage": coverage_total(viewer=user, campaign=campaign),
                "days_left": campaign.days_left(today),
                "pending": Conference.objects.managed_by(user)
                .filter(campaign=campaign, status=Conference.Status.PLANNED)
                .count(),
            }
        )
    return {"campaign_cards": cards}


def speaker_context(request):
    from .models import Conference, ConferenceSpeaker

    now = timezone.now()
    upcoming = list(
        ConferenceSpeaker.objects.filter(
            speaker__user=request.user,
            conference__ends_at__gte=now,
            conference__starts_at__lt=now + timedelta(days=30),
        )
        .exclude(conference__status=Conference.Status.CANCELLED)
        .select_related("conference__unit")
        .order_by("conference__starts_at")[:5]
    )
    return {"upcoming_assignments": upcoming}
