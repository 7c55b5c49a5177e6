"""The coverage counters (CoverageCounter) and their rolled-up rows (CoverageRollup) always equal the exact recount from the roster history, whatever
happens: reaches, moves, exemptions, status changes, new people, roster imports, attendance withdrawn."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from canhgiac.campaigns import selectors, services
from canhgiac.campaigns.models import Campaign, CoverageCounter, CoverageDaily, CoverageRollup, Reach
from canhgiac.campaigns.services import counters
from canhgiac.org import services as org_services
from canhgiac.org.models import Person, Unit


def _stored(campaign):
    return {
        u: (p, e, r)
        for u, p, e, r in CoverageCounter.objects.filter(campaign=campaign).values_list(
            "unit_id", "people", "exempt", "reached"
        )
        if p or e or r
    }


def assert_consistent(campaign):
    campaign = Campaign.objects.get(pk=campaign.pk)
    assert campaign.coverage_as_of == timezone.localdate()
    exact = counters.recount(campaign, on=timezone.localdate())
    assert _stored(campaign) == exact
    stale_paths = CoverageCounter.objects.filter(campaign=campaign).exclude(path=F("unit__path"))
    assert not stale_paths.exists()  # the copied path follows unit moves
    # every unit's rolled-up row is the sum of the exact recount over its subtree, at the unit's path
    paths = dict(Unit.objects.values_list("pk", "path"))
    expected = {}
    for unit_id, (people, _exempt, reached) in exact.items():
        for ancestor, path in paths.items():
            if people and paths[unit_id].startswith(path):
                total = expected.setdefault(ancestor, [0, 0])
                total[0] += people
                total[1] += reached
    rolled = {
        u: [p, r]
        for u, p, r in CoverageRollup.objects.filter(campaign=campaign).values_list(
            "unit_id", "people", "reached"
        )
        if p or r
    }
    assert rolled == expected
    assert not CoverageRollup.objects.filter(campaign=campaign).exclude(path=F("unit__path")).exists()


def _reach(person, campaign, days_ago=1):
    return services.reach_record(
        person=person,
        campaign=campaign,
        via=Reach.Via.CONFERENCE,
        at=timezone.now() - timedelta(days=days_ago),
    )


def test_launch_builds_the_counters(campaign, people, tree):
    assert_consistent(campaign)
    hong_gai = CoverageCounter.objects.get(campaign=campaign, unit=tree.hong_gai)
    assert (hong_gai.people, hong_gai.reached) == (6, 0)


def test_counters_follow_a_series_of_changes(campaign, people, tree, coordinator, ward_manager):
    from canhgiac.org.tests.conftest import HEADER, upload, xlsx_bytes

    today = timezone.localdate()
    hg = people["hong_gai"]
    for person in hg[:4] + people["bai_chay"][:1]:
        _reach(person, campaign)
    assert_consistent(campaign)
    assert CoverageCounter.objects.get(campaign=campaign, unit=tree.hong_gai).reached == 4

    # a reached person moves to Bãi Cháy today; another one from a past date
    org_services.person_update(person=hg[0], actor=coordinator, unit=tree.bai_chay, effective_on=today)
    org_services.person_update(
        person=hg[1], actor=coordinator, unit=tree.bai_chay, effective_on=today - timedelta(days=3)
    )
    assert_consistent(campaign)
    # exemptions: one from today (reached), one that ended yesterday (counts again), one ending today
    org_services.exemption_add(person=hg[2], reason="long_leave", starts_on=today, actor=ward_manager)
    org_services.exemption_add(
        person=hg[4],
        reason="long_leave",
        starts_on=today - timedelta(days=10),
        ends_on=today - timedelta(days=1),
        actor=ward_manager,
    )
    exemption = org_services.exemption_add(
        person=hg[5], reason="other", starts_on=today - timedelta(days=5), actor=ward_manager
    )
    assert_consistent(campaign)
    org_services.exemption_end(exemption=exemption, ends_on=today - timedelta(days=1), actor=ward_manager)
    assert_consistent(campaign)
    # status change (left the unit), a staff group change, a new person, a person deleted
    org_services.person_update(person=hg[3], actor=ward_manager, status=Person.Status.LEFT)
    org_services.person_update(person=people["budget"][1], actor=coordinator, staff_group="can_bo")
    newcomer = org_services.person_create(unit=tree.hong_gai, actor=ward_manager, full_name="Mai Thị Ngọc")
    _reach(newcomer, campaign, days_ago=0)
    people["bai_chay"][2].delete()
    assert_consistent(campaign)
    # a roster import: two new people in Hồng Gai, one person moved to Bãi Cháy by the file
    rows = [
        HEADER,
        [1, "Cao Văn Sơn", "HG101", "Công chức", "06685", "Công chức", "", "", ""],
        [2, "Tạ Thị Tâm", "HG102", "Công chức", "06685", "Công chức", "", "", ""],
        [3, hg[4].full_name, hg[4].staff_code, "Công chức", "06673", "Công chức", "", "", ""],
    ]
    imp = org_services.roster_import_start(
        unit=tree.communes, upload=upload("ds.xlsx", xlsx_bytes(rows)), actor=coordinator
    )
    assert imp.can_commit, imp.problems
    org_services.roster_import_commit(imp=imp, actor=coordinator)
    assert Person.objects.get(staff_code=hg[4].staff_code).unit == tree.bai_chay
    assert_consistent(campaign)
    # an attendance withdrawn: reach_rebuild for that person; then a whole rebuild changes nothing
    Reach.objects.filter(person=hg[1], campaign=campaign).delete()
    assert_consistent(campaign)
    services.reach_rebuild(campaign=campaign, person_ids=[hg[2].pk])
    assert_consistent(campaign)
    # the selectors read the counters and agree with the exact recount of the same day
    fresh = Campaign.objects.get(pk=campaign.pk)
    live = selectors.coverage_by_unit(viewer=coordinator, campaign=fresh)
    fresh.coverage_as_of = None  # force the exact path
    exact = selectors.coverage_by_unit(viewer=coordinator, campaign=fresh)
    assert [(r.unit.pk, r.people, r.reached) for r in live] == [
        (r.unit.pk, r.people, r.reached) for r in exact
    ]


def test_a_unit_moved_out_of_the_audience_leaves_the_counters(campaign, people, tree, coordinator):
    campaign.audience_units.set([tree.communes])
    services.reach_rebuild(campaign=campaign)
    campaign = Campaign.objects.get(pk=campaign.pk)
    assert_consistent(campaign)
    assert not CoverageCounter.objects.filter(campaign=campaign, unit=tree.budget_office).exists()
    org_services.unit_move(unit=tree.hong_gai, new_parent=tree.finance, actor=coordinator)
    assert_consistent(campaign)
    assert not CoverageCounter.objects.filter(campaign=campaign, unit=tree.hong_gai).exists()


def test_saving_the_campaign_sends_readers_to_the_exact_count(campaign, people, coordinator):
    campaign.audience_groups = [Person.StaffGroup.CIVIL_SERVANT]
    campaign.save()
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert fresh.coverage_as_of is None
    assert selectors.coverage_total(viewer=coordinator, campaign=fresh).people == 10  # the worker is out
    counters.coverage_rebuild(campaign=fresh)
    assert_consistent(fresh)


def test_stale_counters_are_not_read_and_the_hourly_task_rebuilds_them(campaign, people, coordinator, tree):
    yesterday = timezone.localdate() - timedelta(days=1)
    Campaign.objects.filter(pk=campaign.pk).update(coverage_as_of=yesterday)
    CoverageCounter.objects.filter(campaign=campaign).update(people=999)
    stale = Campaign.objects.get(pk=campaign.pk)
    assert selectors.coverage_total(viewer=coordinator, campaign=stale).people == 11
    counters.coverage_refresh()
    assert_consistent(campaign)
    assert CoverageDaily.objects.filter(campaign=campaign, day=timezone.localdate(), unit=tree.root).exists()


def test_rebuild_command_and_history(campaign, people, tree):
    _reach(people["hong_gai"][0], campaign, days_ago=20)
    _reach(people["hong_gai"][1], campaign, days_ago=3)
    CoverageCounter.objects.filter(campaign=campaign).delete()
    call_command("coverage_rebuild", "--lich-su")
    assert_consistent(campaign)
    days = dict(
        CoverageDaily.objects.filter(campaign=campaign, unit=tree.hong_gai).values_list("day", "reached")
    )
    assert days[campaign.starts_on] == 0
    assert days[timezone.localdate()] == 2  # today's, from the counters
    assert days[campaign.starts_on + timedelta(days=14)] == 1  # reached 20 days ago, counted from then


def test_rolled_up_rows_follow_a_unit_moved_within_the_audience(campaign, people, tree, coordinator):
    """Hồng Gai (with reached people) moves under Sở Tài chính: the communes block loses its figures, the
    departments block and the finance department gain them; a later reach moves the new ancestors."""
    hg = people["hong_gai"]
    _reach(hg[0], campaign)
    _reach(hg[1], campaign)
    before = CoverageRollup.objects.get(campaign=campaign, unit=tree.communes)
    org_services.unit_move(unit=tree.hong_gai, new_parent=tree.finance, actor=coordinator)
    assert_consistent(campaign)
    after = CoverageRollup.objects.get(campaign=campaign, unit=tree.communes)
    assert (before.people - after.people, before.reached - after.reached) == (6, 2)
    assert CoverageRollup.objects.get(campaign=campaign, unit=tree.finance).reached == 2
    _reach(hg[2], campaign)
    assert_consistent(campaign)
    assert CoverageRollup.objects.get(campaign=campaign, unit=tree.finance).reached == 3


def test_rolled_up_rows_that_went_wrong_are_written_again(campaign, people, tree):
    """A row that would fall below zero shows the rows were not right (a manual edit, a restore): the next
    change rebuilds them from the counters instead of storing a wrong figure."""
    _reach(people["hong_gai"][0], campaign)
    CoverageRollup.objects.filter(campaign=campaign, unit=tree.communes).update(reached=0, people=0)
    Reach.objects.filter(person=people["hong_gai"][0], campaign=campaign).delete()
    assert_consistent(campaign)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_check_ins_under_the_same_ancestors_all_count(campaign, people, tree):
    """Eleven people of three units reached at the same moment, each in its own transaction: every one of them
    moves its unit's counter and the rolled-up rows of the unit's ancestors (the province's row for all of
    them); the rows are locked in path order, so the transactions queue instead of deadlocking."""
    import threading
    import traceback

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises whole transactions)")
    everyone = [p for group in people.values() for p in group]
    start, errors = threading.Barrier(len(everyone)), []

    def check_in(person):
        try:
            start.wait(timeout=10)
            _reach(person, campaign)
        except Exception:  # noqa: BLE001 - reported below
            errors.append(traceback.format_exc())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=check_in, args=(person,)) for person in everyone]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [], errors[0]
    assert_consistent(campaign)
    province = CoverageRollup.objects.get(campaign=campaign, unit=tree.root)
    assert (province.people, province.reached) == (11, 11)
