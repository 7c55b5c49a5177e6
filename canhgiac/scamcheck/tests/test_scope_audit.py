"""Scope audit: a coordinator of one ward moderates its ward's reports only; the province-wide moderation
addresses (identifiers, disputes, allowlist, other wards' reports) answer 404 to them on GET and on POST, and a
refused POST changes nothing (test_moderation proves the queue, the report page and the evidence)."""

from __future__ import annotations

import pytest

from canhgiac.scamcheck import services
from canhgiac.scamcheck.identifiers import classify
from canhgiac.scamcheck.models import AllowlistEntry, Dispute, Listing, Report

pytestmark = pytest.mark.django_db


def test_a_ward_coordinator_gets_404_on_province_and_other_ward_moderation(
    client,
    ward_coordinator,
    reports,
    allowlist,
    upload,
):
    other = reports["bai_chay"]
    identifier = other.identifiers.get()
    entry = AllowlistEntry.objects.order_by("pk").first()
    dispute = services.dispute_submit(
        parsed=classify("0977364210")[0],
        claimant_name="Phạm Văn Long",
        claimant_phone="0977364210",
        statement="Số của cửa hàng nhà tôi đã dùng nhiều năm nay.",
        consent=True,
        images=[upload()],
    )
    before = (
        list(Report.objects.order_by("pk").values_list("status", flat=True)),
        list(Listing.objects.order_by("pk").values_list("pk", "verified_at", "cleared_at", "dispute_open")),
        list(AllowlistEntry.objects.order_by("pk").values_list("pk", "is_active", "value")),
        Dispute.objects.get(pk=dispute.pk).status,
    )
    client.force_login(ward_coordinator)
    for url in [
        identifier_url := f"/tra-cuu/kiem-duyet/dinh-danh/{identifier.pk}/",
        f"/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/{entry.pk}/",
        dispute.get_absolute_url(),
        f"/tra-cuu/kiem-duyet/anh/{dispute.evidence.get().pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    for url, data in [
        (other.get_absolute_url(), {"action": "reject", "reason": "Từ chối bởi người ngoài phạm vi."}),
        (identifier_url, {"action": "withdraw", "reason": "Gỡ bởi người ngoài phạm vi."}),
        (f"/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/{entry.pk}/", {"action": "deactivate"}),
        (dispute.get_absolute_url(), {"decision": "uphold", "reason": "Chấp nhận bởi người ngoài phạm vi."}),
        (
            "/tra-cuu/kiem-duyet/danh-sach-chinh-thuc/",
            {"kind": "phone", "value": "0912345678", "name": "Giả"},
        ),
    ]:
        assert client.post(url, data).status_code == 404, url
    after = (
        list(Report.objects.order_by("pk").values_list("status", flat=True)),
        list(Listing.objects.order_by("pk").values_list("pk", "verified_at", "cleared_at", "dispute_open")),
        list(AllowlistEntry.objects.order_by("pk").values_list("pk", "is_active", "value")),
        Dispute.objects.get(pk=dispute.pk).status,
    )
    assert after == before
    assert client.get(reports["hong_gai"].get_absolute_url()).status_code == 200  # its own ward stays open
