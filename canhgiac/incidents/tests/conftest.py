"""Fixtures of the case register: a few methods of the catalogue and a helper that records cases."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def _fresh_allowlist():
    """The scam checker caches its allowlist per process: start every test from the database."""
    from canhgiac.scamcheck import selectors

    selectors._allow.stale = True
    yield
    selectors._allow.stale = True


@pytest.fixture
def methods(db):
    from canhgiac.knowledge.models import ScamMethod

    rows = [
        (11, "dau-tu-tai-chinh-tien-ao", "Kêu gọi đầu tư chứng khoán, tiền ảo, đa cấp"),
        (12, "cong-tac-vien-lam-nhiem-vu", "Tuyển cộng tác viên bán hàng, làm nhiệm vụ trực tuyến"),
        (14, "gia-danh-cong-an-vien-kiem-sat-toa-an", "Giả danh Công an, Viện kiểm sát, Tòa án"),
        (9, "trang-web-gia-mao", "Trang web giả mạo cơ quan nhà nước, doanh nghiệp"),
    ]
    out = {}
    for number, slug, name in rows:
        out[slug] = ScamMethod.objects.create(
            slug=slug, number=number, name=name, group=ScamMethod.Group.COMBINED, is_published=True
        )
    return out


@pytest.fixture
def make_case(tree, investigator, methods):
    """make_case(**overrides) -> Case recorded by the investigator through the service."""
    from canhgiac.incidents import services

    def make(**kwargs):
        values = {
            "actor": investigator,
            "reported_on": dt.date(2026, 3, 10),
            "occurred_on": dt.date(2026, 3, 5),
            "unit": tree.hong_gai,
            "method": methods["gia-danh-cong-an-vien-kiem-sat-toa-an"],
            "channel": "call",
            "amount_lost": 450_000_000,
            "victim_group": "civil_servant",
        }
        values.update(kwargs)
        return services.case_create(**values)

    return make
