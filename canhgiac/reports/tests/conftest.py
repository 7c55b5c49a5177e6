"""Fixtures of the reports tests: the campaigns tests' running campaign over the test province (responsible
units: Sở Tài chính, Công an tỉnh… Phường Hồng Gai, Phường Bãi Cháy, Xã Ba Chẽ), and helpers to write reports."""

from __future__ import annotations

import pytest

from canhgiac.campaigns.tests.conftest import (  # noqa: F401 - shared
    campaign,
    conference,
    hong_gai_campaign,
    login,
    methods,
    people,
)

RESULTS = (
    "Phường đã tổ chức 01 hội nghị tuyên truyền cho toàn thể cán bộ, công chức; phát 200 tờ rơi cảnh báo "
    "các thủ đoạn giả danh Công an và mời làm cộng tác viên."
)


@pytest.fixture
def participant_of(campaign):  # noqa: F811 - the imported fixture
    from canhgiac.campaigns.models import CampaignUnit

    def get(unit):
        participant = CampaignUnit.objects.select_related("unit", "campaign").get(
            campaign=campaign, unit=unit
        )
        return participant

    return get


@pytest.fixture
def write_report(participant_of):
    """write_report(unit, actor, submit=False, **text) -> UnitReport saved (and sent) through the services."""
    from canhgiac.reports import services
    from canhgiac.reports.models import UnitReport

    def write(unit, actor, submit=False, **text):
        participant = participant_of(unit)
        existing = UnitReport.objects.filter(participant=participant).first()
        if existing is not None:  # like the form: every field, as it stands, with the changes typed
            values = {k: getattr(existing, k) for k in services.TEXT_FIELDS}
        else:
            values = {
                "results": RESULTS,
                "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
                "signer_name": "Hoàng Văn Nam",
            }
        values |= text
        report = services.unit_report_save(
            participant=participant, actor=actor, version=existing.version if existing else 0, values=values
        )
        if submit:
            report = services.unit_report_submit(report=report, actor=actor)
        return report

    return write


@pytest.fixture
def hong_gai_submitted(tree, ward_manager, write_report):
    return write_report(tree.hong_gai, ward_manager, submit=True, number="45/BC-UBND")
