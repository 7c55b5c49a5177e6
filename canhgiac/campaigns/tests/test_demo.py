"""The demo: both campaigns, conferences in every state, reach from attendance and from certificates, and a
second load that changes nothing."""

from __future__ import annotations

import pytest

from canhgiac.campaigns.models import Attendance, Campaign, Conference, NeedsAssessment, Reach, Speaker
from canhgiac.core.demo import DemoContext, load_all

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_whole_story_and_loads_once():
    ctx = load_all()
    history = Campaign.objects.get(legal_number="1509/UBND-NC")
    current = Campaign.objects.get(status="active")
    assert history.status == "closed" and history.deadline.isoformat() == "2023-11-15"
    states = set(Conference.objects.filter(campaign=current).values_list("status", flat=True))
    assert states == {"planned", "confirmed", "held", "reported", "cancelled"}
    assert set(Reach.objects.filter(campaign=current).values_list("via", flat=True)) == {
        "conference",
        "course",
    }
    assert NeedsAssessment.objects.filter(status="submitted").exists()
    assert NeedsAssessment.objects.filter(status="draft").exists()
    assert Speaker.objects.filter(
        user__email="baocaovien1@congan.quangninh.gov.vn", assignments__isnull=False
    ).exists()
    assert any("Hội nghị đang mở điểm danh" in line for line in ctx.store["staff_logins"])
    counts = (Conference.objects.count(), Attendance.objects.count(), Reach.objects.count())
    from canhgiac.campaigns import demo

    demo.load(DemoContext())
    assert counts == (Conference.objects.count(), Attendance.objects.count(), Reach.objects.count())
