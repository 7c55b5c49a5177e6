"""Dashboards: scoped (out of scope is 404), drill-down, at-risk projection, CSV for every panel, constant
queries whatever the number of units."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canhgiac.campaigns import services
from canhgiac.campaigns.models import Campaign, CoverageDaily, Reach
from canhgiac.campaigns.services.counters import coverage_rebuild, coverage_snapshot
from canhgiac.org.models import Person, Unit


def _reach(person, campaign, days_ago=1):
    return services.reach_record(
        person=person,
        campaign=campaign,
        via=Reach.Via.CONFERENCE,
        at=timezone.now() - timedelta(days=days_ago),
    )


def _url(campaign, unit=None, suffix=""):
    if unit is None:
        return reverse("reports:dashboard", args=[campaign.pk])
    return reverse("reports:dashboard_unit", args=[campaign.pk, unit.pk]) + suffix


def _csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    return list(csv.reader(io.StringIO(text)))


def test_leader_sees_the_province_and_drills_down(client, leader, campaign, people, tree):
    for person in people["hong_gai"][:3]:
        _reach(person, campaign)
    client.force_login(leader)
    home = client.get(reverse("reports:dashboard_home"))
    assert home.status_code == 302 and home.url == _url(campaign)
    page = client.get(_url(campaign))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Tỉnh Quảng Ninh" in body and "Khối xã, phường, đặc khu" in body
    progress = page.context["progress"]
    assert (progress.focus.reached, progress.focus.people) == (3, 11)
    children = {row.unit.name: (row.reached, row.people) for row in progress.children}
    assert children["Khối xã, phường, đặc khu"] == (3, 9)
    # drill into the communes block: its wards
    down = client.get(_url(campaign, tree.communes))
    assert down.status_code == 200
    wards = {row.unit.name: (row.reached, row.people) for row in down.context["progress"].children}
    assert wards == {"Phường Hồng Gai": (3, 6), "Phường Bãi Cháy": (0, 3)}
    assert [u.name for u in down.context["crumbs"]] == ["Tỉnh Quảng Ninh", "Khối xã, phường, đặc khu"]


def test_a_ward_manager_sees_only_their_ward(client, ward_manager, campaign, people, tree):
    client.force_login(ward_manager)
    page = client.get(_url(campaign))
    assert page.status_code == 200
    assert page.context["focus"] == tree.hong_gai
    assert [u.name for u in page.context["crumbs"]] == ["Phường Hồng Gai"]
    assert client.get(_url(campaign, tree.bai_chay)).status_code == 404
    assert client.get(_url(campaign, tree.root)).status_code == 404


def test_out_of_scope_is_404_for_the_unrelated_manager(client, other_ward_manager, campaign, people, tree):
    client.force_login(other_ward_manager)
    assert client.get(_url(campaign, tree.bai_chay)).status_code == 200
    for suffix in ("", "hoc-tap/", "hoi-nghi/", "don-vi.csv"):
        assert client.get(_url(campaign, tree.hong_gai, suffix)).status_code == 404


def test_staff_and_anonymous_cannot_open_dashboards(client, speaker, campaign):
    assert client.get(_url(campaign)).status_code == 302  # to the login page
    client.force_login(speaker)
    assert client.get(_url(campaign)).status_code == 404


def test_units_at_risk_are_projected_from_their_pace(client, coordinator, campaign, people, tree):
    """Hồng Gai reached 1 of 6 two weeks ago and 2 now: 1/6 a week, 20 days (≈ 3 weeks) left → ≈ 33 %+50 %
    short of 100 %: at risk. Bãi Cháy reached everyone: not at risk. (Launching made both responsible units.)"""
    _reach(people["hong_gai"][0], campaign, days_ago=20)
    window = timezone.localdate() - timedelta(days=14)
    coverage_snapshot(campaign=campaign, day=window)
    _reach(people["hong_gai"][1], campaign, days_ago=2)
    for person in people["bai_chay"]:
        _reach(person, campaign, days_ago=2)
    client.force_login(coordinator)
    page = client.get(_url(campaign, tree.communes))
    at_risk = page.context["at_risk"]
    assert [p.unit.name for p in at_risk] == ["Phường Hồng Gai"]
    hong_gai = at_risk[0]
    assert hong_gai.weekly_rate == pytest.approx(1 / 6 / 2)
    assert hong_gai.projected == pytest.approx(2 / 6 + 1 / 12 * 20 / 7)
    rows = _csv(client.get(_url(campaign, tree.communes, "nguy-co.csv")))
    assert rows[0][1] == "Đơn vị" and rows[1][1] == "Phường Hồng Gai"


def test_the_curve_reads_the_history_and_falls_back_to_the_exact_count(client, coordinator, campaign, people):
    _reach(people["hong_gai"][0], campaign, days_ago=20)
    client.force_login(coordinator)
    first = client.get(_url(campaign)).context["points"]
    assert CoverageDaily.objects.count() == 0  # the past weeks were counted exactly
    week = next(p for p in first if p.day == campaign.starts_on + timedelta(days=14))
    assert (week.reached, week.people) == (1, 11)
    assert first[-1].day == campaign.deadline and first[-1].people is None  # projected to the deadline
    CoverageDaily.objects.create(
        campaign=campaign, unit=Unit.objects.get(depth=1), day=week.day, people=11, reached=7
    )
    second = client.get(_url(campaign)).context["points"]
    assert next(p for p in second if p.day == week.day).reached == 7  # the stored history is read


def test_every_panel_has_a_csv(client, coordinator, campaign, people, tree, conference):
    _reach(people["hong_gai"][0], campaign)
    client.force_login(coordinator)
    for panel, first_header in [
        ("don-vi", "Mã đơn vị"),
        ("tien-do", "Ngày"),
        ("nguy-co", "Mã đơn vị"),
        ("kien-thuc", "Đơn vị"),
        ("phuong-thuc", "Phương thức"),
        ("hoi-nghi", "Tuần từ ngày"),
    ]:
        response = client.get(_url(campaign, tree.root, f"{panel}.csv"))
        assert response.status_code == 200, panel
        assert response["Content-Type"].startswith("text/csv")
        assert _csv(response)[0][0] == first_header
    units = _csv(client.get(_url(campaign, tree.root, "don-vi.csv")))
    assert units[1][1] == "Tỉnh Quảng Ninh" and units[1][3] == "1"
    weeks = _csv(client.get(_url(campaign, tree.root, "hoi-nghi.csv")))
    assert len(weeks) == 2  # the conference's week
    assert client.get(_url(campaign, tree.root, "khong-co.csv")).status_code == 404


def test_csv_cells_cannot_become_formulas(client, coordinator, campaign, people, tree):
    Unit.objects.filter(pk=tree.hong_gai.pk).update(name='=HYPERLINK("http://x")')
    client.force_login(coordinator)
    rows = _csv(client.get(_url(campaign, tree.communes, "don-vi.csv")))
    assert any(row[1].startswith("'=HYPERLINK") for row in rows)


def test_panels_render(client, coordinator, campaign, people, tree, conference):
    client.force_login(coordinator)
    learning = client.get(_url(campaign, tree.root, "hoc-tap/"))
    assert learning.status_code == 200
    conferences = client.get(_url(campaign, tree.root, "hoi-nghi/"))
    assert conferences.status_code == 200 and "weeks-table" in conferences.content.decode()


def _add_units(tree, n):
    for i in range(n):
        unit = Unit.objects.add_child(
            Unit.objects.get(pk=tree.communes.pk),
            {"code": f"X{i:03d}", "name": f"Xã Thử {i}", "kind": Unit.Kind.COMMUNE},
        )
        Person.objects.create(unit=unit, full_name=f"Người Thử {i}")
        sub = Unit.objects.add_child(unit, {"code": f"X{i:03d}S", "name": f"Bộ phận {i}", "kind": "subunit"})
        Person.objects.create(unit=sub, full_name=f"Người Phụ {i}")


@pytest.mark.parametrize("history", [True, False], ids=["ranked-in-database", "window-day-counted"])
def test_dashboard_queries_do_not_grow_with_units(client, coordinator, campaign, people, tree, history):
    """Both ways of ranking the units at risk: the history holds the pace window's first day (the database
    ranks them), or it does not (that day counted exactly, ranked in memory)."""
    from canhgiac.campaigns.services import participant_add

    client.force_login(coordinator)
    if history:
        coverage_snapshot(campaign=campaign, day=timezone.localdate() - timedelta(days=14))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url(campaign)).status_code == 200
        return len(ctx.captured_queries)

    count()
    small = count()
    _add_units(tree, 12)
    for unit in Unit.objects.filter(code__startswith="X", depth=3):
        participant_add(campaign=campaign, unit=unit, actor=coordinator)
    assert Campaign.objects.get(pk=campaign.pk).coverage_as_of == timezone.localdate()
    assert count() == small


def test_leader_home_shows_the_headline(client, leader, campaign, people):
    _reach(people["hong_gai"][0], campaign)
    client.force_login(leader)
    page = client.get("/")
    assert 'data-testid="home-dashboard"' in page.content.decode()
    assert "9,1%" in page.content.decode()  # 1 of 11


def test_completeness_panel_and_csv(client, coordinator, campaign, people, tree, hong_gai_submitted):
    client.force_login(coordinator)
    page = client.get(_url(campaign, tree.communes))
    report = page.context["completeness"]
    assert (report.expected, report.submitted) == (3, 1)  # Hồng Gai, Bãi Cháy, Ba Chẽ; Hồng Gai sent
    states = {s["k"]: s["v"] for s in page.context["report_states"]}
    assert states["submitted"] == 1 and states["missing"] == 2
    assert 'data-testid="completeness-table"' in page.content.decode()
    rows = _csv(client.get(_url(campaign, tree.communes, "hoan-thanh.csv")))
    assert rows[0][:3] == ["Mã đơn vị", "Đơn vị", "Tình trạng"]
    by_name = {r[1]: r for r in rows[1:]}
    assert (
        by_name["Phường Hồng Gai"][2] == "Chờ duyệt" and by_name["Phường Bãi Cháy"][2] == "Chưa lập báo cáo"
    )


def test_bad_addresses_are_404(client, coordinator, campaign, people, tree):
    client.force_login(coordinator)
    assert client.get(reverse("reports:dashboard", args=[999999])).status_code == 404
    assert client.get(reverse("reports:dashboard_unit", args=[campaign.pk, 999999])).status_code == 404
    assert client.get(_url(campaign, tree.hong_gai, "khong-co.csv")).status_code == 404
    assert client.get(_url(campaign, tree.hong_gai, "don-vi.csv")).status_code == 200


def test_the_database_ranks_the_units_at_risk_as_the_exact_count_does(coordinator, campaign, people, tree):
    """Twelve communes with different paces (some tied), ranked by the database from the rolled-up rows and by
    Python from the exact recount: the same units, order, projections and counts, with cuts inside a tie (the
    tied units ordered by name, as the page does) and without a cut (the CSV); then without the window day's
    history (today's rolled-up rows, that day counted exactly)."""
    from canhgiac.campaigns.models import CampaignUnit
    from canhgiac.campaigns.selectors import coverage_progress

    _add_units(tree, 12)
    for i, unit in enumerate(Unit.objects.filter(code__startswith="X", depth=3).order_by("code")):
        CampaignUnit.objects.create(campaign=campaign, unit=unit)
        extra = [Person.objects.create(unit=unit, full_name=f"Người Thêm {i}-{k}") for k in range(i % 4 + 2)]
        staff = list(Person.objects.filter(unit__path__startswith=unit.path))
        for person in staff[: i % 3]:
            _reach(person, campaign, days_ago=20)
        for person in staff[i % 3 : i % 3 + (i * 5) % 4]:
            _reach(person, campaign, days_ago=2)
        assert len(staff) == len(extra) + 2
    coverage_rebuild(campaign=campaign)  # counters and rolled-up rows built again from nothing
    coverage_snapshot(campaign=campaign, day=timezone.localdate() - timedelta(days=14))
    live = Campaign.objects.get(pk=campaign.pk)
    exact = Campaign.objects.get(pk=campaign.pk)
    exact.coverage_as_of = None

    def shown(progress):
        return (
            progress.responsible_count,
            progress.at_risk_count,
            [(p.unit.pk, p.people, p.reached, p.before, round(p.projected, 12)) for p in progress.at_risk],
            [(p.unit.pk, p.people, p.reached, p.before, p.responsible) for p in progress.children],
            (progress.focus.people, progress.focus.reached, progress.focus.before),
        )

    for focus in (tree.root, tree.communes):
        for limit in (3, 6, None):
            fast = coverage_progress(viewer=coordinator, campaign=live, focus=focus, at_risk_limit=limit)
            slow = coverage_progress(viewer=coordinator, campaign=exact, focus=focus, at_risk_limit=limit)
            assert fast.live and not slow.live
            assert shown(fast) == shown(slow)
            assert fast.at_risk_count >= 4
    # without the window day's history: today's rolled-up rows, that day counted exactly, ranked in memory
    CoverageDaily.objects.filter(campaign=campaign, day=timezone.localdate() - timedelta(days=14)).delete()
    for limit in (3, None):
        mixed = coverage_progress(viewer=coordinator, campaign=live, focus=tree.root, at_risk_limit=limit)
        slow = coverage_progress(viewer=coordinator, campaign=exact, focus=tree.root, at_risk_limit=limit)
        assert mixed.live and shown(mixed) == shown(slow)


def test_unit_names_are_escaped_in_the_rows_drawn_in_python(client, coordinator, campaign, people, tree):
    """The sub-unit and at-risk rows are built outside the template engine: a name typed with markup shows
    as text, in the table and in the coverage bar's row."""
    Unit.objects.filter(pk=tree.hong_gai.pk).update(name='Phường <b>Hồng</b> "Gai" & <script>x</script>')
    _reach(people["hong_gai"][0], campaign, days_ago=20)
    coverage_snapshot(campaign=campaign, day=timezone.localdate() - timedelta(days=14))
    client.force_login(coordinator)
    body = client.get(_url(campaign, tree.communes)).content.decode()
    assert "<script>x</script>" not in body and "<b>Hồng</b>" not in body
    escaped = "Phường &lt;b&gt;Hồng&lt;/b&gt; &quot;Gai&quot; &amp; &lt;script&gt;x&lt;/script&gt;"
    assert body.count(escaped) >= 2  # the sub-units table and the units at risk
