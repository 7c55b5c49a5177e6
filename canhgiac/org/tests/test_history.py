"""Roster history: the coverage denominator at any date, moves mid-campaign, exemptions."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canhgiac.org import selectors, services
from canhgiac.org.models import Person

pytestmark = pytest.mark.django_db
D = dt.date


def test_headcount_follows_moves_status_and_exemptions(tree, coordinator):
    a = services.person_create(
        unit=tree.hong_gai, full_name="Nguyễn Văn A", actor=coordinator, since=D(2026, 1, 1)
    )
    b = services.person_create(unit=tree.hong_gai, full_name="Trần Thị B", actor=coordinator)  # since always
    c = services.person_create(
        unit=tree.bai_chay, full_name="Lê Văn C", actor=coordinator, since=D(2026, 1, 1)
    )
    services.person_update(person=a, unit=tree.bai_chay, actor=coordinator, effective_on=D(2026, 3, 15))
    services.person_update(person=c, status=Person.Status.LEFT, actor=coordinator, effective_on=D(2026, 4, 1))
    services.exemption_add(
        person=b, reason="long_leave", starts_on=D(2026, 5, 1), ends_on=D(2026, 5, 31), actor=coordinator
    )

    def count(on):
        return selectors.headcount_by_unit(units_or_viewer=coordinator, on=on)

    hg, bc = tree.hong_gai.pk, tree.bai_chay.pk
    assert count(D(2025, 12, 1)) == {hg: 1}  # b was there before records; a and c not yet
    assert count(D(2026, 2, 1)) == {hg: 2, bc: 1}
    assert count(D(2026, 3, 15)) == {hg: 1, bc: 2}  # a moved mid-campaign
    assert count(D(2026, 4, 2)) == {hg: 1, bc: 1}  # c left
    assert count(D(2026, 5, 10)) == {bc: 1}  # b exempt
    assert count(D(2026, 6, 1)) == {hg: 1, bc: 1}
    assert selectors.person_unit_on(a, D(2026, 3, 14)) == tree.hong_gai
    assert selectors.person_unit_on(a, D(2026, 3, 15)) == tree.bai_chay
    assert selectors.people_units_on([a.pk, c.pk], D(2026, 2, 1)) == {a.pk: hg, c.pk: bc}
    assert selectors.headcount_by_unit(units_or_viewer=[tree.hong_gai], on=D(2026, 2, 1)) == {hg: 2}
    rolled = selectors.headcount_rollup(viewer=coordinator, on=D(2026, 2, 1))
    assert rolled[tree.communes.pk] == 3 and rolled[tree.root.pk] == 3
    history = selectors.headcount_history(unit=tree.communes, dates=[D(2026, 2, 1), D(2026, 5, 10)])
    assert history == [(D(2026, 2, 1), 3), (D(2026, 5, 10), 1)]


def test_two_changes_on_one_day_leave_one_stretch(tree, coordinator):
    a = services.person_create(
        unit=tree.hong_gai, full_name="Nguyễn Văn A", actor=coordinator, since=D(2026, 1, 1)
    )
    services.person_update(person=a, unit=tree.bai_chay, actor=coordinator, effective_on=D(2026, 2, 1))
    services.person_update(person=a, unit=tree.ba_che, actor=coordinator, effective_on=D(2026, 2, 1))
    stretches = list(a.placements.order_by("valid_from").values_list("unit_id", "valid_from", "valid_to"))
    assert stretches == [
        (tree.hong_gai.pk, D(2026, 1, 1), D(2026, 2, 1)),
        (tree.ba_che.pk, D(2026, 2, 1), None),
    ]
    with pytest.raises(Exception, match="Ngày hiệu lực"):
        services.person_update(person=a, unit=tree.hong_gai, actor=coordinator, effective_on=D(2026, 1, 15))


def test_headcount_is_one_query_whatever_the_units(tree, coordinator):
    for unit in [tree.hong_gai, tree.bai_chay, tree.ba_che, tree.finance]:
        Person.objects.create(unit=unit, full_name="Người Thử")
    with CaptureQueriesContext(connection) as queries:
        selectors.headcount_by_unit(
            units_or_viewer=[tree.hong_gai, tree.bai_chay, tree.finance], on=D(2026, 1, 1)
        )
    assert len(queries) == 1


def test_unit_detail_shows_headcount_history(client, tree, ward_manager, staff_member):
    client.force_login(ward_manager)
    html = client.get(tree.hong_gai.get_absolute_url()).content.decode()
    assert 'data-testid="headcount-history"' in html and "1 người" in html
