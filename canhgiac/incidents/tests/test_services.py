"""Recording cases, the workflow and its effect on the public scam checker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canhgiac.core.models import AuditEvent
from canhgiac.incidents import services
from canhgiac.incidents.models import Case, CaseEvent, Victim
from canhgiac.scamcheck import selectors as checker
from canhgiac.scamcheck.identifiers import classify

pytestmark = pytest.mark.django_db


def phone(raw):
    return classify(raw)[0]


def test_codes_are_per_year_and_never_reused(make_case):
    first = make_case()
    second = make_case()
    older = make_case(reported_on=dt.date(2025, 12, 30), occurred_on=dt.date(2025, 12, 1))
    assert (first.code, second.code, older.code) == ("VV-2026-0001", "VV-2026-0002", "VV-2025-0001")
    second.delete()
    assert make_case().code == "VV-2026-0003"


def test_linking_a_phone_to_a_verified_case_makes_the_checker_answer_verified_scam(
    make_case, investigator, client
):
    case = make_case()
    services.case_link_identifier(
        case=case, parsed=phone("0369 125 478"), note="số gọi đến", actor=investigator
    )
    assert client.get("/api/v1/check", {"q": "0369125478"}).json()["status"] == "no_information"
    services.case_confirm(case=case, actor=investigator)
    body = client.get("/api/v1/check", {"q": "0369 125 478"}).json()
    assert body["status"] == "verified_scam"
    assert "Giả danh Công an" in body["items"][0]["reason"]
    # a number linked after verification is published at once
    services.case_link_identifier(case=case, parsed=phone("0587 214 369"), actor=investigator)
    assert client.get("/api/v1/check", {"q": "0587214369"}).json()["status"] == "verified_scam"


def test_prosecution_verifies_and_closing_as_not_fraud_withdraws(make_case, investigator):
    case = make_case(identifiers=[(phone("0369 125 478"), "")])
    services.case_set_status(case=case, status="verifying", actor=investigator)
    assert checker.check("0369125478").status == "no_information"
    case = services.case_set_status(case=case, status="prosecuted", actor=investigator)
    assert case.is_confirmed and checker.check("0369125478").status == "verified_scam"
    other = make_case(identifiers=[(phone("0369 125 478"), "")], confirm=True)
    with pytest.raises(ValidationError):
        services.case_set_status(
            case=case, status="closed", closure_reason="not_fraud", note="", actor=investigator
        )
    case = services.case_set_status(
        case=case,
        status="closed",
        closure_reason="not_fraud",
        note="Kết luận: tranh chấp dân sự.",
        actor=investigator,
    )
    assert not case.is_confirmed
    assert checker.check("0369125478").status == "verified_scam"  # still grounded by the other case
    services.case_set_status(
        case=other,
        status="closed",
        closure_reason="not_fraud",
        note="Kết luận: nhầm lẫn số.",
        actor=investigator,
    )
    assert checker.check("0369125478").status == "no_information"
    assert CaseEvent.objects.filter(case=case, kind="unconfirmed").exists()
    # a closed case can be reopened for verification
    case = services.case_set_status(case=case, status="verifying", actor=investigator)
    assert case.closure_reason == ""


def test_workflow_refuses_impossible_moves(make_case, investigator):
    case = make_case()
    with pytest.raises(ValidationError, match="không chuyển sang"):
        services.case_set_status(case=case, status="prosecuted", actor=investigator)
    with pytest.raises(ValidationError, match="lý do kết thúc"):
        services.case_set_status(case=case, status="closed", actor=investigator)


def test_unlinking_withdraws_only_that_number(make_case, investigator):
    case = make_case(identifiers=[(phone("0369 125 478"), ""), (phone("0587 214 369"), "")], confirm=True)
    link = case.links.get(identifier__value="+84369125478")
    with pytest.raises(ValidationError):
        services.case_unlink_identifier(case=case, link=link, reason="nhầm", actor=investigator)
    services.case_unlink_identifier(
        case=case, link=link, reason="Ghi nhầm số của nạn nhân.", actor=investigator
    )
    assert checker.check("0369125478").status == "no_information"
    assert checker.check("0587214369").status == "verified_scam"


def test_rules_in_vietnamese(make_case):
    with pytest.raises(ValidationError) as info:
        make_case(amount_lost=100, amount_recovered=200)
    assert "thu hồi" in str(info.value)
    with pytest.raises(ValidationError) as info:
        make_case(occurred_on=dt.date(2026, 3, 20))
    assert "trước hoặc bằng ngày tiếp nhận" in str(info.value)


def test_locality_must_be_a_ward_in_scope(make_case, tree, make_official, methods):
    with pytest.raises(ValidationError, match="không phải xã"):
        make_case(unit=tree.finance)
    ward_officer = make_official("ca.baichay@test.vn", "investigator", tree.bai_chay)
    with pytest.raises(ValidationError, match="ngoài địa bàn"):
        make_case(actor=ward_officer, unit=tree.hong_gai)
    assert make_case(actor=ward_officer, unit=tree.bai_chay).unit == tree.bai_chay


def test_victim_data_only_for_investigators_and_every_view_is_audited(make_case, coordinator, investigator):
    victim = {
        "full_name": "nguyễn văn an",
        "phone": "0912 345 678",
        "id_number": "022080001234",
        "birth_year": "1962",
    }
    with pytest.raises(PermissionDenied):
        make_case(actor=coordinator, victim=victim)
    case = make_case(victim=victim, age_band="unknown")
    stored = Victim.objects.get(case=case)
    assert stored.full_name == "Nguyễn Văn An" and stored.phone == "+84912345678"
    assert Case.objects.get(pk=case.pk).age_band == "o60"
    with pytest.raises(PermissionDenied):
        services.victim_view(case=case, actor=coordinator)
    services.victim_view(case=case, actor=investigator)
    event = AuditEvent.objects.get(action="incident.victim_view")
    assert event.actor == investigator and event.object_id == str(case.pk)
    assert "Nguyễn" not in str(event.data) and "0912" not in event.summary
    assert not CaseEvent.objects.filter(note__icontains="Nguyễn").exists()


def test_editing_records_what_changed(make_case, investigator, methods):
    case = make_case(identifiers=[(phone("0369 125 478"), "")], confirm=True)
    services.case_update(
        case=case, actor=investigator, method=methods["dau-tu-tai-chinh-tien-ao"], amount_recovered=50_000_000
    )
    event = CaseEvent.objects.filter(case=case, kind="updated").get()
    labels = [row[0] for row in event.changes]
    assert "Phương thức, thủ đoạn" in labels and "Số tiền đã thu hồi (đồng)" in labels
    assert "đầu tư" in checker.check("0369125478").items[0].identifiers[0].listing.verified_reason
