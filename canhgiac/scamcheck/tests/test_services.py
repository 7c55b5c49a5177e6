"""Writes: reports and their moderation, listings and their decay, disputes, the allowlist, evidence images."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import Image

from canhgiac.core.models import AuditEvent
from canhgiac.scamcheck import selectors, services
from canhgiac.scamcheck.identifiers import classify
from canhgiac.scamcheck.models import Dispute, Identifier, Listing, PublicStatus, Report, Verification

from .conftest import image_bytes

pytestmark = pytest.mark.django_db


def status_of(raw: str) -> str:
    return selectors.check(raw).status


def test_a_report_makes_its_identifiers_reported_never_verified(make_report):
    report = make_report("0868 531 274", "MB 0888246135", amount_lost=2_400_000)
    assert report.code.startswith("PA-") and report.status == Report.Status.NEW
    assert status_of("0868531274") == PublicStatus.REPORTED
    result = selectors.check("+84 868 531 274")
    assert result.items[0].report_count == 1
    make_report("0868.531.274")
    assert selectors.check("0868531274").items[0].report_count == 2
    assert AuditEvent.objects.filter(action="scamcheck.report.submit").count() == 2
    assert (
        AuditEvent.objects.filter(action="scamcheck.report.submit").first().actor_label
        == "Người dân (ẩn danh)"
    )


def test_report_validation_in_vietnamese(make_report, allowlist):
    with pytest.raises(ValidationError, match="đầu mối chính thức"):
        make_report("113")
    with pytest.raises(ValidationError, match="ít nhất một"):
        services.report_submit(identifiers=[], channel="sms", description="x")
    with pytest.raises(ValidationError, match="số đồng"):
        make_report("0868 531 274", amount_lost=-5)
    with pytest.raises(ValidationError, match="sau hôm nay"):
        make_report("0868 531 274", occurred_on=timezone.localdate() + timedelta(days=2))
    with pytest.raises(ValidationError, match="ẩn danh"):
        make_report("0868 531 274", is_anonymous=False, reporter_name="A")
    with pytest.raises(ValidationError, match="đồng ý"):
        make_report("0868 531 274", is_anonymous=False, reporter_phone="0912345678")
    assert not Report.objects.exists()


def test_anonymous_reports_keep_no_contact(make_report):
    report = make_report(
        "0868 531 274", is_anonymous=True, reporter_name="Nguyễn Văn A", reporter_phone="0912345678"
    )
    assert (report.reporter_name, report.reporter_phone, report.contact_consent) == ("", "", False)


def test_verify_with_a_reason_links_the_identifiers_of_one_case(make_report, coordinator, methods):
    report = make_report("0369 125 478", "Techcombank 19036742185011", "telegram @hotro_vcb")
    phone, account, _telegram = sorted(report.identifiers.all(), key=lambda i: i.kind != "phone")
    with pytest.raises(ValidationError, match="căn cứ"):
        services.report_verify(report=report, identifiers=[phone], reason="ngắn", actor=coordinator)
    services.report_verify(
        report=report,
        identifiers=[phone, account],
        reason="Đã xác minh qua ngân hàng và nhà mạng.",
        method=methods["police"],
        actor=coordinator,
    )
    report.refresh_from_db()
    assert report.status == Report.Status.VERIFIED and report.decided_by == coordinator
    result = selectors.check("0369125478")
    assert result.status == PublicStatus.VERIFIED_SCAM
    item = result.items[0]
    assert item.reason == "Đã xác minh qua ngân hàng và nhà mạng."
    assert item.method == methods["police"]
    assert [r.value for r in item.related] == ["19036742185011"]  # the account, not the unverified Telegram
    assert status_of("telegram @hotro_vcb") == PublicStatus.REPORTED
    assert Listing.objects.get(identifier=phone).review_due_at > timezone.now() + timedelta(days=360)
    assert Listing.objects.get(identifier=account).review_due_at is None  # only phone numbers are recycled
    with pytest.raises(ValidationError, match="đã được xử lý"):
        services.report_verify(
            report=report, identifiers=[phone], reason="Lần nữa cho chắc chắn.", actor=coordinator
        )


def test_reject_stops_the_report_counting(make_report, coordinator):
    report = make_report("0912 408 553")
    services.report_reject(
        report=report,
        reason="Không có dấu hiệu lừa đảo trong nội dung.",
        actor=coordinator,
        public_note="Chưa đủ dấu hiệu.",
    )
    assert status_of("0912408553") == PublicStatus.NO_INFORMATION
    assert Report.objects.get(pk=report.pk).public_note == "Chưa đủ dấu hiệu."


def test_merge_duplicates_moves_identifiers_and_counts_once(make_report, coordinator):
    first = make_report("0868 531 274")
    again = make_report("0868 531 274", "zalo.me/0868531274")
    services.report_merge(report=again, into=first, actor=coordinator)
    again.refresh_from_db()
    assert again.status == Report.Status.DUPLICATE and again.duplicate_of == first
    assert selectors.check("0868531274").items[0].report_count == 1
    assert first.identifiers.count() == 2
    with pytest.raises(ValidationError):
        services.report_merge(report=first, into=first, actor=coordinator)
    with pytest.raises(ValidationError, match="gộp hoặc không được chấp nhận"):
        services.report_merge(report=make_report("0911 222 333"), into=again, actor=coordinator)


def test_reported_listings_decay(make_report):
    report = make_report("0868 531 274", "vietcombank-hotro.com")
    old = timezone.now() - timedelta(days=200)
    Report.objects.filter(pk=report.pk).update(created_at=old)
    for identifier in report.identifiers.all():
        services.listing_refresh(identifier=identifier)
    assert status_of("0868531274") == PublicStatus.NO_INFORMATION  # phones: 180 days
    assert status_of("vietcombank-hotro.com") == PublicStatus.REPORTED  # links: a year


def test_verified_phones_come_up_for_review_after_a_year(coordinator, ward_manager):
    phone = services.identifier_get_or_create(kind="phone", raw="0392 847 156")
    services.listing_verify(
        identifier=phone, reason="Giả nhân viên nhà mạng khóa SIM.", source="manual", actor=coordinator
    )
    assert not selectors.review_due(viewer=coordinator).exists()
    Listing.objects.filter(identifier=phone).update(review_due_at=timezone.now() - timedelta(days=1))
    assert list(selectors.review_due(viewer=coordinator)) == [Listing.objects.get(identifier=phone)]
    assert not selectors.review_due(viewer=ward_manager).exists()
    result = selectors.check("0392847156").items[0]
    assert result.status == PublicStatus.VERIFIED_SCAM and result.under_review
    services.listing_confirm_review(
        identifier=phone, reason="Số vẫn đang được đối tượng sử dụng.", actor=coordinator
    )
    assert not selectors.review_due(viewer=coordinator).exists()
    services.listing_clear(identifier=phone, reason="Nhà mạng đã thu hồi và cấp lại số.", actor=coordinator)
    assert status_of("0392847156") == PublicStatus.NO_INFORMATION
    assert not Verification.objects.filter(identifier=phone, is_active=True).exists()


def test_other_apps_link_identifiers_to_police_cases(coordinator, methods):
    """The API incidents uses: identifier_get_or_create + listing_verify with the case as source."""
    phone = services.identifier_get_or_create(kind="phone", raw="+84 369 125 478")
    assert services.identifier_get_or_create(kind="phone", raw="0369125478") == phone
    account = services.identifier_get_or_create(kind="bank_account", raw="19036742185011", bank="TCB")
    site = services.identifier_get_or_create(kind="url", raw="https://bocongan-xacminh.com/lenh")
    for identifier in (phone, account, site):
        services.listing_verify(
            identifier=identifier,
            reason="Dùng trong vụ việc giả danh Công an đã khởi tố.",
            source="incident:QN-2026-0012",
            actor=coordinator,
            method=methods["police"],
        )
    check = selectors.check("Techcombank 19036742185011")
    assert check.status == PublicStatus.VERIFIED_SCAM
    assert {r.pk for r in check.items[0].related} == {phone.pk, site.pk}
    assert status_of("19036742185011") == PublicStatus.VERIFIED_SCAM  # without the bank: any bank matches
    with pytest.raises(ValidationError, match="Nguồn"):
        services.listing_verify(
            identifier=phone, reason="Một căn cứ khác đủ dài.", source="bad source", actor=coordinator
        )
    with pytest.raises(ValidationError):
        services.identifier_get_or_create(kind="phone", raw="12")
    assert Verification.objects.filter(source="incident:QN-2026-0012").count() == 3


def test_official_identifiers_cannot_be_verified(coordinator, allowlist):
    hotline = services.identifier_get_or_create(kind="phone", raw="1900 545 413")
    with pytest.raises(ValidationError, match="danh sách chính thức"):
        services.listing_verify(
            identifier=hotline, reason="Thử xác minh số tổng đài.", source="manual", actor=coordinator
        )
    site = services.identifier_get_or_create(kind="url", raw="ib.vietcombank.com.vn")
    with pytest.raises(ValidationError):
        services.listing_verify(
            identifier=site, reason="Thử xác minh trang thật.", source="manual", actor=coordinator
        )


def test_disputes_show_while_open_and_record_the_decision(make_report, coordinator, upload):
    make_report("0977 364 210")
    parsed = classify("0977364210")[0]
    with pytest.raises(ValidationError, match="ảnh bằng chứng"):
        services.dispute_submit(
            parsed=parsed,
            claimant_name="Phạm Văn Long",
            claimant_phone="0977364210",
            statement="Đây là số cửa hàng của gia đình tôi nhiều năm nay.",
            consent=True,
        )
    dispute = services.dispute_submit(
        parsed=parsed,
        claimant_name="Phạm Văn Long",
        claimant_phone="0977364210",
        statement="Đây là số cửa hàng của gia đình tôi nhiều năm nay.",
        consent=True,
        images=[upload()],
    )
    assert selectors.check("0977364210").items[0].dispute_open
    with pytest.raises(ValidationError, match="đang được xem xét"):
        services.dispute_submit(
            parsed=parsed,
            claimant_name="Người khác",
            claimant_email="a@b.vn",
            statement="Tôi cũng muốn khiếu nại số này ngay.",
            consent=True,
            images=[upload()],
        )
    services.dispute_decide(
        dispute=dispute, uphold=False, reason="Có nhiều phản ánh độc lập, giữ nguyên.", actor=coordinator
    )
    dispute.refresh_from_db()
    assert dispute.status == Dispute.Status.REJECTED and dispute.decided_by == coordinator
    assert not selectors.check("0977364210").items[0].dispute_open
    assert status_of("0977364210") == PublicStatus.REPORTED


def test_an_upheld_dispute_clears_the_listing(coordinator, upload):
    phone = services.identifier_get_or_create(kind="phone", raw="0375 906 318")
    services.listing_verify(
        identifier=phone, reason="Giả danh nhân viên bảo hiểm.", source="manual", actor=coordinator
    )
    dispute = services.dispute_submit(
        parsed=classify("0375906318")[0],
        claimant_name="Trần Thị Mai",
        claimant_email="mai@example.vn",
        statement="Tôi mới mua SIM số này tháng trước tại cửa hàng nhà mạng.",
        consent=True,
        images=[upload()],
    )
    services.dispute_decide(
        dispute=dispute, uphold=True, reason="Nhà mạng xác nhận số đã cấp cho chủ mới.", actor=coordinator
    )
    assert status_of("0375906318") == PublicStatus.NO_INFORMATION
    listing = Listing.objects.get(identifier=phone)
    assert "KN-" in listing.cleared_reason and listing.cleared_at


def test_disputing_an_unlisted_identifier_is_refused(upload):
    with pytest.raises(ValidationError, match="không cần khiếu nại"):
        services.dispute_submit(
            parsed=classify("0912000111")[0],
            claimant_name="A",
            claimant_phone="0912000111",
            statement="Số của tôi không liên quan gì cả nhé.",
            consent=True,
            images=[upload()],
        )


def test_allowlist_seed_is_idempotent_and_answers_official(coordinator):
    created = services.allowlist_seed(actor=None)
    assert created > 60
    assert services.allowlist_seed(actor=None) == 0
    assert status_of("113") == PublicStatus.OFFICIAL
    assert status_of("https://portal.vietcombank.com.vn/dang-nhap") == PublicStatus.OFFICIAL
    assert status_of("Vietcombank 0011.00.1932418") == PublicStatus.OFFICIAL
    assert status_of("0011001932418") == PublicStatus.OFFICIAL
    brand = selectors.check("VietinBank")
    assert (brand.kind, brand.status) == ("brandname", PublicStatus.OFFICIAL)


def test_allowlist_management(coordinator):
    entry = services.allowlist_add(
        kind="url",
        raw="https://congan.quangninh.gov.vn/",
        organisation="Công an tỉnh",
        category="website",
        actor=coordinator,
    )
    assert entry.value == "congan.quangninh.gov.vn"
    assert status_of("congan.quangninh.gov.vn/tin-tuc") == PublicStatus.OFFICIAL
    with pytest.raises(ValidationError, match="đã có"):
        services.allowlist_add(
            kind="url", raw="congan.quangninh.gov.vn", organisation="X", category="website", actor=coordinator
        )
    services.allowlist_set_active(entry=entry, active=False, actor=coordinator)
    assert status_of("congan.quangninh.gov.vn") == PublicStatus.NO_INFORMATION
    scam = services.identifier_get_or_create(kind="phone", raw="0369125478")
    services.listing_verify(
        identifier=scam, reason="Giả danh Công an gọi điện.", source="manual", actor=coordinator
    )
    with pytest.raises(ValidationError, match="gỡ xác minh"):
        services.allowlist_add(
            kind="phone", raw="0369125478", organisation="X", category="hotline", actor=coordinator
        )


def test_evidence_images_are_checked_by_content_and_stripped(make_report, upload):
    report = make_report("0868 531 274", images=[upload(exif=True), upload("anh.png", "PNG")])
    stored = list(report.evidence.all())
    assert [e.content_type for e in stored] == ["image/jpeg", "image/png"]
    with stored[0].file.open("rb") as handle:
        picture = Image.open(io.BytesIO(handle.read()))
        assert not picture.getexif()
        assert "exif" not in picture.info
    for bad in [b"<?php echo 1; ?>", b"GIF89a" + b"\x00" * 20, b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, b""]:
        with pytest.raises(ValidationError, match="không phải ảnh"):
            make_report("0868 531 274", images=[upload("anh.jpg", content=bad or b"x")])
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    with pytest.raises(ValidationError, match="JPG, PNG"):
        make_report("0868 531 274", images=[upload("anh.gif", content=gif.getvalue())])
    with pytest.raises(ValidationError, match="tối đa"):
        make_report("0868 531 274", images=[upload() for _ in range(6)])
    assert Report.objects.count() == 1


def test_huge_images_are_refused_and_large_ones_shrunk(make_report, upload):
    big = image_bytes("PNG", size=(4000, 3000))
    report = make_report("0868 531 274", images=[upload("lon.png", content=big)])
    evidence = report.evidence.get()
    assert max(evidence.width, evidence.height) == 2560


def test_identifiers_are_unique_per_kind_value_and_bank():
    a = services.identifier_get_or_create(kind="bank_account", raw="0011004123456", bank="VCB")
    b = services.identifier_get_or_create(kind="bank_account", raw="0011004123456", bank="TCB")
    c = services.identifier_get_or_create(kind="bank_account", raw="0011004123456")
    assert len({a.pk, b.pk, c.pk}) == 3
    assert Identifier.objects.filter(value="0011004123456").count() == 3
    assert a.hexdigest == b.hexdigest  # the k-anonymity hash ignores the bank
