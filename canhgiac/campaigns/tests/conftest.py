"""Fixtures of the campaigns tests: a running campaign over the test province, Hồng Gai's people, a
conference happening now, the police speaker's profile, staff members' personal codes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone


@pytest.fixture
def methods(db):
    from canhgiac.knowledge.models import ScamMethod

    rows = [
        (11, "dau-tu-tai-chinh-tien-ao", "Kêu gọi đầu tư chứng khoán, tiền ảo, đa cấp"),
        (12, "cong-tac-vien-lam-nhiem-vu", "Tuyển cộng tác viên bán hàng, làm nhiệm vụ trực tuyến"),
        (14, "gia-danh-cong-an-vien-kiem-sat-toa-an", "Giả danh Công an, Viện kiểm sát, Tòa án"),
    ]
    return [
        ScamMethod.objects.create(number=n, slug=slug, name=name, group="combined", is_published=True)
        for n, slug, name in rows
    ]


@pytest.fixture
def people(tree, staff_member):
    """Hồng Gai: the staff member and five colleagues; Bãi Cháy: three; Sở Tài chính's budget office: two."""
    from canhgiac.org.models import Person

    def add(unit, name, code, group=Person.StaffGroup.CIVIL_SERVANT):
        return Person.objects.create(unit=unit, full_name=name, staff_code=code, staff_group=group)

    hong_gai = [staff_member] + [
        add(tree.hong_gai, name, f"HG00{i}")
        for i, name in enumerate(
            ["Trần Văn Bình", "Lê Thị Cúc", "Phạm Minh Đức", "Vũ Thị Hoa", "Đặng Quốc Khánh"], start=2
        )
    ]
    bai_chay = [
        add(tree.bai_chay, name, f"BC00{i}")
        for i, name in enumerate(["Bùi Văn An", "Ngô Thị Bích", "Đỗ Văn Cường"], 1)
    ]
    budget = [
        add(tree.budget_office, "Hoàng Thị Lan", "TC001"),
        add(tree.budget_office, "Lý Văn Mạnh", "TC002", group=Person.StaffGroup.WORKER),
    ]
    return {"hong_gai": hong_gai, "bai_chay": bai_chay, "budget": budget}


@pytest.fixture
def campaign(tree, coordinator, people, methods):
    """A running campaign over the whole province: started 30 days ago, deadline in 20 days."""
    from canhgiac.campaigns import services

    today = timezone.localdate()
    campaign = services.campaign_create(
        actor=coordinator,
        audience_units=[tree.root],
        title="Tuyên truyền phòng ngừa lừa đảo trên không gian mạng năm 2026",
        legal_number="1509/UBND-NC",
        legal_date=date(2023, 6, 15),
        legal_issuer="Ủy ban nhân dân tỉnh Quảng Ninh",
        starts_on=today - timedelta(days=30),
        deadline=today + timedelta(days=20),
        target_coverage=100,
        reach_rule="either",
        min_conferences=1,
    )
    return services.campaign_launch(campaign=campaign, actor=coordinator)


@pytest.fixture
def hong_gai_campaign(tree, coordinator, people, methods):
    """A running campaign addressed to Phường Hồng Gai only: it does not exist for the other subtrees."""
    from canhgiac.campaigns import services

    today = timezone.localdate()
    campaign = services.campaign_create(
        actor=coordinator,
        audience_units=[tree.hong_gai],
        title="Chiến dịch riêng của phường Hồng Gai",
        legal_number="12/UBND",
        legal_date=today - timedelta(days=40),
        legal_issuer="Ủy ban nhân dân phường Hồng Gai",
        starts_on=today - timedelta(days=30),
        deadline=today + timedelta(days=20),
        target_coverage=100,
        reach_rule="either",
        min_conferences=1,
    )
    return services.campaign_launch(campaign=campaign, actor=coordinator)


@pytest.fixture
def conference(campaign, tree, ward_manager, coordinator, methods):
    """A Hồng Gai conference happening now (started 10 minutes ago, ends in 2 hours), confirmed."""
    from canhgiac.campaigns import services
    from canhgiac.campaigns.models import Conference

    now = timezone.now().replace(second=0, microsecond=0)
    conference = services.conference_plan(
        campaign=campaign,
        unit=tree.hong_gai,
        actor=ward_manager,
        methods=methods[:2],
        title="Hội nghị tuyên truyền phòng chống lừa đảo trực tuyến",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=2),
        mode=Conference.Mode.IN_PERSON,
        venue="Hội trường UBND phường Hồng Gai",
        audience="Toàn thể cán bộ, công chức phường",
        expected_attendance=6,
        speaker_requested=False,
    )
    return services.conference_confirm(conference=conference, actor=coordinator)


@pytest.fixture
def speaker_profile(speaker, methods, coordinator):
    from canhgiac.campaigns import services

    return services.speaker_save(
        actor=coordinator,
        user=speaker,
        full_name="Phạm Báo Cáo",
        title="Đại úy, báo cáo viên Phòng An ninh mạng",
        available_weekdays=[0, 1, 2, 3, 4, 5, 6],
        max_per_week=3,
        methods=methods,
    )


@pytest.fixture
def issue(coordinator):
    """issue(person) -> the training app's issued access (plain link token and code)."""
    from canhgiac.training.services import staff_access_issue

    def make(person, days=30):
        return staff_access_issue(people=[person], actor=coordinator, unit=person.unit, days=days)[0]

    return make


@pytest.fixture
def phone_of(issue):
    """phone_of(person) -> a Client identified as that person by their personal link (a staff session)."""

    def make(person):
        client = Client()
        issued = issue(person)
        assert client.get(f"/hoc-tap/vao/{issued.token}/").status_code == 302
        client.issued = issued
        return client

    return make


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do
