"""Coverage = reached ÷ (headcount − exempt) at a date; reach follows a person who moves; constant queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from canhgiac.campaigns import selectors, services
from canhgiac.campaigns.models import Campaign, Reach
from canhgiac.org.models import Person, Unit


def _rows(viewer, campaign, **kw):
    return {row.unit.name: row for row in selectors.coverage_by_unit(viewer=viewer, campaign=campaign, **kw)}


def _reach(person, campaign, days_ago=1):
    return services.reach_record(
        person=person,
        campaign=campaign,
        via=Reach.Via.CONFERENCE,
        at=timezone.now() - timedelta(days=days_ago),
    )


def test_coverage_counts_reached_over_people_and_rolls_up(campaign, people, coordinator, tree):
    for person in people["hong_gai"][:3]:
        _reach(person, campaign)
    _reach(people["budget"][0], campaign)
    rows = _rows(coordinator, campaign)
    hong_gai = rows["Phường Hồng Gai"]
    assert (hong_gai.reached, hong_gai.people) == (3, 6)
    assert hong_gai.coverage == pytest.approx(0.5)
    assert (rows["Sở Tài chính"].reached, rows["Sở Tài chính"].people) == (1, 2)  # from its sub-unit
    assert (rows["Tỉnh Quảng Ninh"].reached, rows["Tỉnh Quảng Ninh"].people) == (4, 11)
    assert "Công an tỉnh Quảng Ninh" not in rows  # nobody on its roster


def test_exemption_leaves_the_denominator_and_the_numerator(campaign, people, coordinator, ward_manager):
    reached, exempt = people["hong_gai"][0], people["hong_gai"][1]
    _reach(reached, campaign)
    before = _rows(coordinator, campaign)["Phường Hồng Gai"]
    assert (before.reached, before.people) == (1, 6)
    from canhgiac.org.services import exemption_add

    today = timezone.localdate()
    exemption_add(person=exempt, reason="long_leave", starts_on=today - timedelta(days=2), actor=ward_manager)
    after = _rows(coordinator, campaign)["Phường Hồng Gai"]
    assert (after.reached, after.people) == (1, 5)
    # an exempt person who had been reached leaves both figures: coverage never exceeds 100 %
    exemption_add(person=reached, reason="long_leave", starts_on=today, actor=ward_manager)
    last = _rows(coordinator, campaign)["Phường Hồng Gai"]
    assert (last.reached, last.people) == (0, 4)
    # before the exemptions began, the roster was whole
    past = _rows(coordinator, campaign, on=today - timedelta(days=5))["Phường Hồng Gai"]
    assert past.people == 6


def test_a_person_moved_mid_campaign_takes_their_reach_along(campaign, people, coordinator, ward_manager):
    """Reach follows the person: counted where they are on the date asked, at both ends of the move."""
    from canhgiac.org.services import person_update

    mover = people["hong_gai"][2]
    _reach(mover, campaign, days_ago=10)
    today = timezone.localdate()
    moved_on = today - timedelta(days=5)
    person_update(
        person=mover, actor=coordinator, unit=Unit.objects.get(name="Phường Bãi Cháy"), effective_on=moved_on
    )
    now = _rows(coordinator, campaign)
    assert (now["Phường Hồng Gai"].reached, now["Phường Hồng Gai"].people) == (0, 5)
    assert (now["Phường Bãi Cháy"].reached, now["Phường Bãi Cháy"].people) == (1, 4)
    before_move = _rows(coordinator, campaign, on=moved_on - timedelta(days=1))
    assert (before_move["Phường Hồng Gai"].reached, before_move["Phường Hồng Gai"].people) == (1, 6)
    assert (before_move["Phường Bãi Cháy"].reached, before_move["Phường Bãi Cháy"].people) == (0, 3)
    # the Reach keeps where it happened, for the record
    assert Reach.objects.get(person=mover, campaign=campaign).unit.name == "Phường Hồng Gai"


def test_reach_after_the_date_asked_does_not_count(campaign, people, coordinator):
    _reach(people["hong_gai"][0], campaign, days_ago=0)
    yesterday = timezone.localdate() - timedelta(days=1)
    assert _rows(coordinator, campaign, on=yesterday)["Phường Hồng Gai"].reached == 0
    assert _rows(coordinator, campaign)["Phường Hồng Gai"].reached == 1


def test_audience_staff_groups_narrow_the_denominator(campaign, people, coordinator):
    campaign.audience_groups = [Person.StaffGroup.CIVIL_SERVANT]
    campaign.save()
    campaign = Campaign.objects.get(pk=campaign.pk)
    assert _rows(coordinator, campaign)["Sở Tài chính"].people == 1  # the worker is out


def test_a_ward_manager_sees_only_their_ward(campaign, people, ward_manager):
    rows = _rows(ward_manager, campaign)
    assert set(rows) == {"Phường Hồng Gai"}


def test_coverage_over_time_is_weekly_and_cumulative(campaign, people, coordinator, tree):
    _reach(people["hong_gai"][0], campaign, days_ago=20)
    _reach(people["hong_gai"][1], campaign, days_ago=3)
    points = selectors.coverage_over_time(viewer=coordinator, campaign=campaign, unit=tree.hong_gai)
    assert points[0][0] == campaign.starts_on and points[-1][0] == timezone.localdate()
    reached = [r for _d, _p, r in points]
    assert reached == sorted(reached) and reached[0] == 0 and reached[-1] == 2
    assert all(p == 6 for _d, p, _r in points)


def _add_units(tree, n):
    from canhgiac.org.models import Person

    for i in range(n):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk),
            {"code": f"X{i:03d}", "name": f"Xã Thử {i}", "kind": Unit.Kind.COMMUNE},
        )
        Person.objects.create(unit=unit, full_name=f"Người Thử {i}")


def test_coverage_by_unit_costs_the_same_queries_whatever_the_units(campaign, people, coordinator, tree):
    def count():
        viewer = type(coordinator).objects.get(pk=coordinator.pk)
        fresh = Campaign.objects.get(pk=campaign.pk)
        with CaptureQueriesContext(connection) as ctx:
            selectors.coverage_by_unit(viewer=viewer, campaign=fresh)
        return len(ctx.captured_queries)

    small = count()
    _add_units(tree, 15)
    assert count() == small <= 4  # viewer's scope, campaign's audience, units, the grouped count


def test_coverage_over_time_is_two_queries(campaign, coordinator, tree):
    fresh = Campaign.objects.prefetch_related("audience_units").get(pk=campaign.pk)
    selectors.coverage_total(viewer=coordinator, campaign=fresh)  # scope and audience cached
    with CaptureQueriesContext(connection) as ctx:
        selectors.coverage_over_time(viewer=coordinator, campaign=fresh, unit=tree.hong_gai)
    # the subtree's units, then one aggregate with two counts per date (on PostgreSQL inside a savepoint that
    # raises work_mem for it: selectors.coverage.hashed_sets)
    reads = [q for q in ctx.captured_queries if q["sql"].startswith("SELECT")]
    assert len(reads) == 2
