"""The demo register: the dispatch's figures, a flow until today, rising methods, public checks that answer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from canhgiac.core.demo import DemoContext, load_all
from canhgiac.incidents import demo, selectors
from canhgiac.incidents.models import Case, CaseImport, Victim
from canhgiac.scamcheck import selectors as checker

pytestmark = pytest.mark.django_db


def test_demo_tells_the_dispatch_story_and_loads_once(client):
    load_all()
    first_five = selectors.totals(
        Case.objects.counted(), selectors.Period(dt.date(2023, 1, 1), dt.date(2023, 5, 31))
    )
    assert first_five["cases"] == 22 and first_five["lost"] == 45_200_000_000 and first_five["abroad"] >= 15
    groups = set(
        Case.objects.filter(reported_on__year=2023, reported_on__month__lte=5).values_list(
            "victim_group", flat=True
        )
    )
    assert {"civil_servant", "finance"} <= groups
    assert CaseImport.objects.get().status == CaseImport.Status.DONE
    count = Case.objects.count()
    assert 250 <= count <= 600
    assert Victim.objects.count() > count // 2
    rising = {m["slug"] for m in selectors.rising_methods()}
    assert {"ung-dung-gia-co-quan-nha-nuoc", "deepfake-goi-video"} <= rising
    verified = [
        link.identifier
        for case in Case.objects.filter(confirmed_at__isnull=False).prefetch_related("links__identifier")[:20]
        for link in case.links.all()
    ]
    assert verified and all(checker.check(i.typed).status == "verified_scam" for i in verified[:5])
    demo.load(DemoContext())
    assert Case.objects.count() == count

    from canhgiac.accounts.models import User

    pages = {
        "dieutra@congan.quangninh.gov.vn": [
            "/vu-viec/",
            "/vu-viec/thong-ke/",
            "/vu-viec/nhap/",
            Case.objects.first().get_absolute_url(),
        ],
        "dieuphoi@congan.quangninh.gov.vn": ["/vu-viec/", "/vu-viec/thong-ke/"],
        "lanhdao@quangninh.gov.vn": ["/vu-viec/thong-ke/"],
        "daumoi.honggai@quangninh.gov.vn": ["/vu-viec/thong-ke/"],
    }
    for email, urls in pages.items():
        client.force_login(User.objects.get(email=email))
        for url in urls:
            assert client.get(url).status_code == 200, (email, url)
    client.logout()
    assert client.get(reverse("incidents:public")).status_code == 200
    assert client.get(reverse("incidents:public"), {"nam": 2023}).status_code == 200
