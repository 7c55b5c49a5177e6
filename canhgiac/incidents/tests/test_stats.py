"""Statistics: tables, period comparisons, rising methods, weights for quizzes; constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canhgiac.incidents import selectors
from canhgiac.incidents.models import Case
from canhgiac.incidents.selectors import Period, period_label

pytestmark = pytest.mark.django_db


def test_period_labels_read_like_reports():
    assert period_label(dt.date(2023, 1, 1), dt.date(2023, 5, 31)) == "5 tháng đầu năm 2023"
    assert period_label(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == "Năm 2024"
    assert period_label(dt.date(2025, 4, 1), dt.date(2025, 6, 30)) == "Quý II/2025"
    assert period_label(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == "Tháng 3/2026"
    assert period_label(dt.date(2026, 3, 5), dt.date(2026, 3, 9)) == "Từ 05/03/2026 đến 09/03/2026"
    assert Period(dt.date(2024, 2, 29), dt.date(2024, 3, 1)).shifted(-1) == Period(
        dt.date(2023, 2, 28), dt.date(2023, 3, 1)
    )


def test_first_five_months_against_the_same_period(make_case, investigator, client, tree):
    for day, amount in [(dt.date(2023, 1, 6), 8_650_000_000), (dt.date(2023, 3, 2), 36_550_000_000)]:
        make_case(reported_on=day, occurred_on=day, amount_lost=amount, offender_abroad="yes")
    make_case(reported_on=dt.date(2022, 2, 1), occurred_on=dt.date(2022, 2, 1), amount_lost=1_000_000_000)
    make_case(reported_on=dt.date(2023, 7, 1), occurred_on=dt.date(2023, 7, 1))  # outside the period
    client.force_login(investigator)
    page = client.get(reverse("incidents:stats"), {"date_from": "2023-01-01", "date_to": "2023-05-31"})
    body = page.content.decode()
    assert "5 tháng đầu năm 2023" in body
    assert '<span data-figure="cases">2</span> vụ, <span data-figure="lost">45,2 tỷ đồng</span>' in body
    assert "Cùng kỳ: 5 tháng đầu năm 2022" in body and "1 vụ, 1 tỷ đồng" in body
    assert "+100%" in body  # 2 cases against 1
    other = client.get(
        reverse("incidents:stats"), {"date_from": "2023-01-01", "date_to": "2023-05-31", "compare_year": 2021}
    )
    assert "Cùng kỳ: 5 tháng đầu năm 2021" in other.content.decode()


def test_tables_group_and_exclude_cases_closed_as_not_fraud(make_case, investigator, methods, tree):
    police = methods["gia-danh-cong-an-vien-kiem-sat-toa-an"]
    make_case(amount_lost=100)
    make_case(amount_lost=200, unit=tree.bai_chay, channel="zalo")
    make_case(amount_lost=300, method=methods["dau-tu-tai-chinh-tien-ao"], victim_group="finance")
    wrong = make_case(amount_lost=10_000)
    from canhgiac.incidents import services

    services.case_set_status(
        case=wrong, status="closed", closure_reason="not_fraud", note="Không có dấu hiệu.", actor=investigator
    )
    qs = selectors.stats_cases(viewer=investigator)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    by_method = {c.key: (c.cases, c.lost) for c in selectors.breakdown(qs, "method", period)}
    assert by_method[police.pk] == (2, 300)
    by_unit = {c.label: c.cases for c in selectors.breakdown(qs, "unit", period)}
    assert by_unit == {"Phường Hồng Gai": 2, "Phường Bãi Cháy": 1}
    months = selectors.breakdown(qs, "month", period)
    assert len(months) == 12 and months[2].cases == 3 and months[0].cases == 0
    groups = {c.key: c.cases for c in selectors.breakdown(qs, "victim_group", period)}
    assert groups == {"civil_servant": 2, "finance": 1}
    statuses = [c.key for c in selectors.breakdown(qs, "status", period)]
    assert statuses == ["reported"]  # the closed-as-not-fraud case does not count


def _stats_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("incidents:stats")).status_code == 200
    return len(ctx.captured_queries)


def test_the_statistics_page_costs_the_same_whatever_the_data(make_case, investigator, client, tree, methods):
    make_case()
    few = _stats_queries(client, investigator)
    for index in range(30):
        make_case(
            unit=[tree.hong_gai, tree.bai_chay, tree.ba_che][index % 3],
            method=list(methods.values())[index % 4],
            channel=["call", "zalo", "sms"][index % 3],
            victim_group=["worker", "student", "retiree"][index % 3],
            reported_on=dt.date(2026, 1 + index % 10, 20),
            occurred_on=dt.date(2026, 1 + index % 10, 10),
        )
    assert _stats_queries(client, investigator) == few


def test_the_list_costs_the_same_whatever_the_page(make_case, investigator, client):
    from canhgiac.scamcheck.identifiers import classify

    make_case(identifiers=[(classify("0912 345 001")[0], "")])
    client.force_login(investigator)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("incidents:case_list"))
    few = len(ctx.captured_queries)
    for index in range(25):
        make_case(identifiers=[(classify(f"0912 345 {100 + index}")[0], "")], amount_lost=index * 1000)
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("incidents:case_list")).content.decode()
    assert len(ctx.captured_queries) == few
    assert body.count('data-testid="case-link"') == 26


def _recent(make_case, methods, slug, count, *, days_ago_from, days_ago_to, today):
    for index in range(count):
        day = today - dt.timedelta(
            days=days_ago_from + (index * (days_ago_to - days_ago_from)) // max(count, 1)
        )
        make_case(method=methods[slug], reported_on=day, occurred_on=day)


def test_rising_methods_need_a_minimum_and_a_real_rise(make_case, methods):
    today = dt.date(2026, 11, 28)
    _recent(make_case, methods, "dau-tu-tai-chinh-tien-ao", 9, days_ago_from=1, days_ago_to=80, today=today)
    _recent(
        make_case, methods, "dau-tu-tai-chinh-tien-ao", 1, days_ago_from=100, days_ago_to=150, today=today
    )
    _recent(make_case, methods, "cong-tac-vien-lam-nhiem-vu", 6, days_ago_from=1, days_ago_to=80, today=today)
    _recent(
        make_case, methods, "cong-tac-vien-lam-nhiem-vu", 5, days_ago_from=100, days_ago_to=170, today=today
    )
    _recent(make_case, methods, "trang-web-gia-mao", 3, days_ago_from=1, days_ago_to=60, today=today)
    rising = selectors.rising_methods(today=today)
    assert [m["slug"] for m in rising] == ["dau-tu-tai-chinh-tien-ao"]
    assert rising[0]["recent"] == 9 and rising[0]["previous"] == 1 and rising[0]["growth"] == 8.0
    assert rising[0]["p_value"] < 0.05
    # noise under the minimum never rises, however lopsided
    assert selectors.rising_methods(today=today, min_cases=10) == []
    weights = selectors.method_weights(today=today)
    assert set(weights) == {m.slug for m in methods.values()}
    assert min(weights.values()) >= 1.0
    # 1 + share of the last 12 months against the most frequent method (11 cases) + 1 when rising
    assert weights == {
        "dau-tu-tai-chinh-tien-ao": round(1 + 10 / 11 + 1, 3),
        "cong-tac-vien-lam-nhiem-vu": 2.0,
        "trang-web-gia-mao": round(1 + 3 / 11, 3),
        "gia-danh-cong-an-vien-kiem-sat-toa-an": 1.0,
    }


def test_csv_of_a_table(make_case, investigator, client):
    make_case(amount_lost=45_200_000_000)
    client.force_login(investigator)
    response = client.get(
        reverse("incidents:stats_csv", args=["unit"]), {"date_from": "2026-01-01", "date_to": "2026-12-31"}
    )
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0] == "Nhóm,Số vụ,Số tiền bị chiếm đoạt (đồng),Số tiền đã thu hồi (đồng)"
    assert "Phường Hồng Gai,1,45200000000,0" in text
    assert client.get(reverse("incidents:stats_csv", args=["nothing"])).status_code == 404


def test_unit_managers_read_their_ward_with_small_cells_hidden(
    make_case, client, ward_manager, other_ward_manager, department_manager, tree
):
    make_case()
    make_case()
    client.force_login(ward_manager)
    body = client.get(reverse("incidents:stats")).content.decode()
    assert 'data-testid="suppressed-note"' in body
    assert "&lt; 3 vụ" in body
    assert 'data-cases="1"' not in body and 'data-cases="2"' not in body
    client.force_login(other_ward_manager)
    body = client.get(reverse("incidents:stats")).content.decode()
    assert '<span data-figure="cases">0</span>' in body
    client.force_login(department_manager)
    body = client.get(reverse("incidents:stats")).content.decode()
    assert 'data-testid="no-locality"' in body and '<span data-figure="cases">0</span>' in body
    assert Case.objects.count() == 2


def test_a_police_unit_reads_the_statistics_of_the_cases_it_handles(client, make_official, tree, make_case):
    make_case(handling_unit=tree.pa05, amount_lost=1_000_000_000)
    make_case()
    officer = make_official("pa05.tk@test.vn", "coordinator", tree.pa05)
    client.force_login(officer)
    body = client.get(reverse("incidents:stats")).content.decode()
    assert '<span data-figure="cases">1</span>' in body and 'data-testid="no-locality"' not in body
    assert "Phường Hồng Gai" in body  # its locality filter offers the wards
