"""The demo: 1509/UBND-NC (2023) consolidated from accepted reports; the running campaign with every state of
the workflow, Phường Hồng Gai returned with its reason; a second load changes nothing."""

from __future__ import annotations

import pytest

from canhgiac.campaigns.models import Campaign, Obligation
from canhgiac.core.demo import load_all
from canhgiac.reports.models import ProvinceReport, UnitReport
from canhgiac.reports.selectors import consolidation, reporting_completeness

pytestmark = pytest.mark.django_db


def test_the_demo_reports():
    load_all()
    from canhgiac.accounts.models import User

    coordinator = User.objects.get(email="dieuphoi@congan.quangninh.gov.vn")
    history = Campaign.objects.get(legal_number="1509/UBND-NC")
    c = reporting_completeness(viewer=coordinator, campaign=history)
    assert c.accepted == c.submitted > 0.85 * c.expected and c.late > 0 and c.missing > 0
    assert ProvinceReport.objects.get(campaign=history).number == "412/BC-CAT"
    data = consolidation(viewer=coordinator, campaign=history)
    assert data.people > 2000 and 0.8 < data.coverage <= 1 and data.conferences_held > 0.9 * len(data.reports)
    # the figures stand at the deadline: a unit that reached people by then (the 2023 rule is attendance) held a
    # conference by then; a conference held after the deadline counts in neither figure
    assert all(r.conferences_held > 0 for r in data.reports if r.reached)
    assert any(r.conferences_held == 0 and r.reached == 0 for r in data.reports)
    assert (
        Obligation.objects.filter(participant__campaign=history, kind="report", how="report").count()
        == c.accepted
    )

    current = Campaign.objects.get(status="active")
    states = set(UnitReport.objects.filter(campaign=current).values_list("status", flat=True))
    assert states == {"draft", "submitted", "returned", "accepted"}
    returned = UnitReport.objects.get(campaign=current, status="returned")
    assert returned.unit.name == "Phường Hồng Gai" and "biên bản" in returned.return_reason
    assert not UnitReport.objects.filter(campaign=current, unit__name="Xã Ba Chẽ").exists()
    accepted = UnitReport.objects.filter(campaign=current, status="accepted")
    assert (
        Obligation.objects.filter(
            participant__unit__in=[r.unit_id for r in accepted], participant__campaign=current, kind="report"
        )
        .exclude(done_at=None)
        .count()
        == accepted.count()
    )

    count = UnitReport.objects.count()
    load_all()
    assert UnitReport.objects.count() == count
