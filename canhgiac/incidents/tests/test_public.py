"""The public picture: aggregates only, and no cell under 3 cases can be read or worked out."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.incidents.selectors.suppression import (
    HIDDEN,
    SMALL,
    THRESHOLD,
    Cell,
    small_cell_pinned,
    suppress,
)


def _feasible_values(cell_state_counts, total_hidden, smallest_shown):
    """What a reader can tell about one small hidden cell, by brute force over every split of the hidden
    total (small cells 1–2, hidden cells 3..smallest shown)."""
    small, hidden = cell_state_counts
    values = set()
    upper = smallest_shown if smallest_shown is not None else total_hidden

    def walk(index, remaining, first):
        if index == small + hidden:
            if remaining == 0:
                values.add(first)
            return
        low, high = (1, THRESHOLD - 1) if index < small else (THRESHOLD, upper)
        for v in range(low, min(high, remaining) + 1):
            walk(index + 1, remaining - v, v if index == 0 else first)

    walk(0, total_hidden, None)
    return values


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=9))
def test_no_small_cell_is_shown_or_can_be_worked_out(counts):
    cells = [Cell(i, f"nhóm {i}", n, n * 1_000_000) for i, n in enumerate(counts)]
    out, withheld = suppress(cells)
    shown = [c for c in out if c.state == "shown"]
    assert all(c.cases >= THRESHOLD for c in shown)
    assert all(c.state == SMALL for c in out if 0 < c.cases < THRESHOLD)
    small = [c for c in out if c.state == SMALL]
    if small and not withheld:
        hidden = [c for c in out if c.state == HIDDEN]
        total_hidden = sum(c.cases for c in small + hidden)
        smallest = min((c.cases for c in shown), default=None)
        assert not small_cell_pinned(len(small), len(hidden), total_hidden, smallest)
        if total_hidden <= 14:  # brute force agrees: a small cell could be 1 or 2
            assert _feasible_values((len(small), len(hidden)), total_hidden, smallest) == {1, 2}


def test_a_lone_small_cell_takes_another_with_it():
    cells = [Cell("a", "A", 2, 5), Cell("b", "B", 3, 5), Cell("c", "C", 5, 5), Cell("d", "D", 9, 5)]
    out, withheld = suppress(cells)
    assert [c.state for c in out] == [SMALL, HIDDEN, "shown", "shown"] and not withheld
    cells = [Cell("a", "A", 1, 5), Cell("b", "B", 3, 5)]
    assert suppress(cells)[1] is True  # 1 + 3: nothing can be shown safely


@pytest.fixture
def spread(make_case, tree, methods):
    """2026: Hồng Gai 5 cases, Bãi Cháy 2, Ba Chẽ 1; one method with a single case."""
    for index in range(5):
        make_case(
            reported_on=dt.date(2026, 2 + index, 10),
            occurred_on=dt.date(2026, 2 + index, 5),
            amount_lost=10_000_000 * (index + 1),
        )
    make_case(unit=tree.bai_chay, amount_lost=777_000_000, method=methods["dau-tu-tai-chinh-tien-ao"])
    make_case(unit=tree.bai_chay, amount_lost=70_000_000)
    make_case(
        unit=tree.ba_che,
        amount_lost=1_234_000_000,
        method=methods["trang-web-gia-mao"],
        victim_group="retiree",
    )


@pytest.mark.django_db
def test_the_public_page_never_shows_a_cell_under_3(client, spread, settings):
    response = client.get(reverse("incidents:public"), {"nam": 2026})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="public-total"' in body and ">8<" in body
    shown = [int(n) for n in re.findall(r'data-cases="(\d+)"', body)]
    assert shown and all(n == 0 or n >= 3 for n in shown)
    assert "&lt; 3" in body and ">ẩn<" in body
    for secret in (
        "777.000.000",
        "777 triệu",
        "1,2 tỷ",
        "1.234.000.000",
        'Xã Ba Chẽ</td><td class="text-end">1',
    ):
        assert secret not in body
    # the charts get nulls for hidden cells, never their values
    for data in re.findall(r'<script id="chart-[a-z_]+" type="application/json">(.*?)</script>', body):
        chart = json.loads(data)
        assert all(v is None or v == 0 or v >= 3 for v in chart["cases"])
    # no personal data and no case list
    assert "VV-2026" not in body and "Nạn nhân" not in body.split("Nhóm nạn nhân")[0][-200:]
    for key in ("unit", "method", "month", "victim_group"):
        csv_text = client.get(reverse("incidents:public_csv", args=[key]), {"nam": 2026}).content.decode(
            "utf-8-sig"
        )
        for line in csv_text.splitlines()[1:]:
            cases = line.split(",")[-3] if line.count(",") >= 3 else ""
            assert cases not in ("1", "2"), (key, line)
    assert client.get(reverse("incidents:public"), {"nam": 1999}).status_code == 404


@pytest.mark.django_db
def test_the_public_page_on_a_small_year_shows_nothing_below_3(client, make_case):
    make_case(reported_on=dt.date(2026, 1, 10), occurred_on=dt.date(2026, 1, 5))
    body = client.get(reverse("incidents:public")).content.decode()
    assert 'data-testid="public-total">&lt; 3<' in body
    assert "450" not in body  # the one case's money


@pytest.mark.django_db
def test_home_page_card_and_menu(client, make_case):
    for _ in range(3):
        make_case(reported_on=timezone.localdate(), occurred_on=timezone.localdate())
    body = client.get("/").content.decode()
    assert 'data-testid="home-incidents"' in body and "<strong>3</strong> vụ từ đầu năm" in body
    assert 'data-nav="incidents_public"' in body


@pytest.mark.django_db
def test_the_json_api_hides_the_same_cells(client, spread):
    body = client.get("/api/v1/fraud-stats", {"year": 2026}).json()
    assert body["cases"] == 8 and body["year"] == 2026
    for table in body["tables"].values():
        for cell in table["cells"]:
            assert cell["cases"] is None or cell["cases"] == 0 or cell["cases"] >= 3
            assert (cell["cases"] is None) == (cell["suppressed"] is not None)
    units = {c["label"]: c for c in body["tables"]["unit"]["cells"]}
    assert units["Xã Ba Chẽ"]["suppressed"] == "small" and units["Xã Ba Chẽ"]["lost"] is None
    assert client.get("/api/v1/fraud-stats", {"year": "x"}).status_code == 400
    assert client.get("/api/v1/fraud-stats", {"year": 1999}).json()["error"]["code"] == "no_data"
    assert "/api/v1/fraud-stats" in client.get("/api/v1/openapi.json").json()["paths"]
