"""The demo data: every page of the checker shows something true, and loading twice changes nothing."""

from __future__ import annotations

import pytest

from canhgiac.core.demo import DemoContext, load_all
from canhgiac.scamcheck import demo, selectors
from canhgiac.scamcheck.models import AllowlistEntry, Dispute, Identifier, Report

pytestmark = pytest.mark.django_db


def test_demo_fills_every_state_and_is_idempotent(client):
    load_all()
    counts = (
        Report.objects.count(),
        Identifier.objects.count(),
        Dispute.objects.count(),
        AllowlistEntry.objects.count(),
    )
    demo.load(DemoContext())
    assert counts == (
        Report.objects.count(),
        Identifier.objects.count(),
        Dispute.objects.count(),
        AllowlistEntry.objects.count(),
    )
    assert set(Report.objects.values_list("status", flat=True)) == {
        "new",
        "verified",
        "rejected",
        "duplicate",
    }
    assert set(Dispute.objects.values_list("status", flat=True)) == {"open", "upheld"}
    assert selectors.check("0369 125 478").status == "verified_scam"
    assert selectors.check("0868 531 274").items[0].report_count == 3
    assert selectors.check("0977 364 210").items[0].dispute_open
    assert selectors.check("0375 906 318").status == "no_information"  # recycled, dispute upheld

    from canhgiac.accounts.models import User

    coordinator = User.objects.get(email=demo.COORDINATOR_EMAIL)
    assert selectors.review_due(viewer=coordinator).count() == 1
    client.force_login(coordinator)
    for url in [
        "/",
        "/tra-cuu/kiem-duyet/",
        "/tra-cuu/kiem-duyet/?muc=da-xu-ly",
        "/tra-cuu/kiem-duyet/?muc=xem-xet-lai",
        "/tra-cuu/kiem-duyet/?muc=khieu-nai",
        "/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/",
        Report.objects.get(code="PA-QN7K-H3TA").get_absolute_url(),
        Dispute.objects.filter(status="open").get().get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200, url
    client.logout()
    for url in [
        "/",
        "/tra-cuu/?q=0369125478",
        "/tra-cuu/danh-sach-chinh-thuc/",
        "/tra-cuu/theo-doi/?ma=PA-QN7K-H3TA",
    ]:
        assert client.get(url).status_code == 200, url
