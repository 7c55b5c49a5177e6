"""Demo data of the scam checker: the official allowlist, verified and reported identifiers, reports in every
state, disputes. Numbers, accounts, links and profiles are fictitious. Idempotent: the reports carry fixed codes.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from canhgiac.accounts.models import User
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Unit

from . import services
from .identifiers import classify
from .models import Dispute, Listing, Report

COORDINATOR_EMAIL = "dieuphoi@congan.quangninh.gov.vn"

# code, days ago, identifiers, method, channel, unit, amount lost, message, description, outcome
REPORTS = [
    (
        "PA-QN7K-H3TA",
        21,
        ["0369 125 478", "Techcombank 19036742185011"],
        "gia-danh-cong-an-vien-kiem-sat-toa-an",
        "call",
        "Phường Hồng Gai",
        180_000_000,
        "",
        "Người gọi xưng là cán bộ Công an tỉnh, nói tôi liên quan đường dây rửa tiền, yêu cầu giữ bí mật và chuyển "
        "tiền tiết kiệm vào tài khoản “tạm giữ” để chứng minh trong sạch. Tôi đã chuyển 3 lần.",
        (
            "verify",
            "Đối tượng giả danh Công an gọi điện, yêu cầu chuyển tiền vào tài khoản “tạm giữ”; đã xác minh qua ngân hàng và nhà mạng.",
        ),
    ),
    (
        "PA-QN4M-B8XR",
        14,
        ["vietcombank-xacthuc.com", "0587 214 369"],
        "trang-web-gia-mao",
        "sms",
        "Phường Bãi Cháy",
        None,
        "[VCB] Tai khoan cua Quy khach tam khoa do dang nhap bat thuong. Vui long truy cap "
        "https://vietcombank-xacthuc.com de mo khoa trong 24h.",
        "Tôi nhận tin nhắn này, chưa bấm vào. Tên miền khác tên miền thật của Vietcombank.",
        (
            "verify",
            "Trang web giả giao diện Vietcombank để lấy tên đăng nhập, mật khẩu và mã OTP; tin nhắn phát tán từ số di động.",
        ),
    ),
    (
        "PA-QN9P-C2WD",
        9,
        ["telegram @nhiemvu_shopee_vn", "MB 0888246135", "zalo.me/0358412907"],
        "cong-tac-vien-lam-nhiem-vu",
        "telegram",
        "Xã Ba Chẽ",
        62_500_000,
        "",
        "Được mời làm cộng tác viên thả tim sản phẩm, 3 nhiệm vụ đầu được trả tiền, sau đó phải nạp tiền nhiệm vụ "
        "combo, càng nạp càng bị báo sai cú pháp và yêu cầu nạp thêm.",
        (
            "verify",
            "Nhóm “làm nhiệm vụ” yêu cầu nạp tiền nhiều lần rồi chiếm đoạt; tài khoản nhận tiền và tài khoản điều hành đã được xác minh.",
        ),
    ),
    (
        "PA-QN2V-F6YE",
        400,
        ["0392 847 156"],
        "khoa-sim-chuan-hoa-thong-tin",
        "call",
        "Phường Hồng Gai",
        15_000_000,
        "",
        "Người gọi xưng nhân viên nhà mạng báo SIM sắp bị khóa, hướng dẫn bấm mã chuyển tiếp cuộc gọi rồi đọc mã OTP.",
        ("verify", "Số dùng để gọi giả nhân viên nhà mạng, lừa chuyển tiếp cuộc gọi và lấy mã OTP."),
    ),
    (
        "PA-QN5H-K4NS",
        6,
        ["0868 531 274"],
        "gia-danh-ngan-hang-cho-vay",
        "sms",
        "Phường Bãi Cháy",
        2_400_000,
        "Ho tro vay von 50 trieu khong the chap, lai 0,5%. Lien he 0868 531 274 de lam ho so online.",
        "Tôi liên hệ để vay, bị yêu cầu nộp phí bảo hiểm khoản vay trước rồi không được giải ngân.",
        None,
    ),
    (
        "PA-QN8T-M7QZ",
        4,
        ["0868531274"],
        "gia-danh-ngan-hang-cho-vay",
        "zalo",
        "Phường Hồng Gai",
        None,
        "",
        "Số này nhắn Zalo mời vay tín chấp, đòi ảnh căn cước hai mặt và ảnh chân dung.",
        None,
    ),
    (
        "PA-QN3R-P9UV",
        2,
        ["+84 868 531 274"],
        "gia-danh-ngan-hang-cho-vay",
        "call",
        None,
        None,
        "",
        "Gọi điện mời vay, nói tôi được duyệt 80 triệu nhưng phải đóng phí hồ sơ 1,5 triệu trước.",
        None,
    ),
    (
        "PA-QN6W-R3JB",
        1,
        ["agribank-sinhtrachoc.top"],
        "tin-nhan-brandname-gia",
        "sms",
        "Xã Ba Chẽ",
        None,
        "[Agribank] Quy khach can cap nhat sinh trac hoc truoc ngay 01/07 de tiep tuc giao dich. Cap nhat tai "
        "agribank-sinhtrachoc.top",
        "Tin nhắn hiện tên Agribank, nằm chung với các tin nhắn thật của ngân hàng.",
        None,
    ),
    (
        "PA-QN4J-S8LC",
        3,
        ["facebook.com/combo.halong.giare"],
        "combo-du-lich-gia-re",
        "facebook",
        "Phường Bãi Cháy",
        4_500_000,
        "",
        "Đặt combo Hạ Long 3 ngày 2 đêm giá rẻ qua trang này, chuyển cọc 50% vào tài khoản cá nhân, sau đó bị chặn.",
        None,
    ),
    (
        "PA-QN7C-T2GH",
        5,
        ["0977 364 210"],
        "hang-gia-thuong-mai-dien-tu",
        "zalo",
        "Phường Hồng Gai",
        None,
        "",
        "Mua hải sản khô qua Zalo, hàng nhận được không đúng mô tả.",
        None,
    ),
    (
        "PA-QN2X-W5EA",
        12,
        ["0912 408 553"],
        None,
        "call",
        "Phường Bãi Cháy",
        None,
        "",
        "Có người gọi nhiều lần không nói gì.",
        (
            "reject",
            "Không có dấu hiệu lừa đảo: cuộc gọi nhỡ, không có yêu cầu chuyển tiền hay cung cấp thông tin.",
        ),
    ),
    (
        "PA-QN5Z-Y7HK",
        4,
        ["0868 531 274"],
        "gia-danh-ngan-hang-cho-vay",
        "zalo",
        "Phường Hồng Gai",
        None,
        "",
        "Gửi lại phản ánh vì chưa thấy mã theo dõi: số này nhắn Zalo mời vay, đòi ảnh căn cước.",
        ("merge", "PA-QN8T-M7QZ"),
    ),
]
MANUAL = [
    (
        "dichvucong-gov.com",
        "trang-web-gia-mao",
        "Trang giả Cổng Dịch vụ công, đòi đăng nhập tài khoản ngân hàng.",
    ),
    (
        "viettel-chuanhoa.top",
        "khoa-sim-chuan-hoa-thong-tin",
        "Trang giả Viettel yêu cầu “chuẩn hóa thuê bao”.",
    ),
]


def _method(slug):
    return ScamMethod.objects.filter(slug=slug).first() if slug else None


def _unit(name):
    return Unit.objects.filter(name=name).first() if name else None


def load(ctx) -> None:
    created = services.allowlist_seed(actor=None)
    ctx.say(f"  Danh sách chính thức: thêm {created}")
    if Report.objects.filter(code=REPORTS[0][0]).exists():
        ctx.say("  Phản ánh lừa đảo minh họa: đã có")
        return
    coordinator = User.objects.filter(email=COORDINATOR_EMAIL).first()
    now = timezone.now()
    for code, days, raws, slug, channel, unit_name, amount, message, description, outcome in REPORTS:
        report = services.report_submit(
            identifiers=[classify(raw)[0] for raw in raws],
            method=_method(slug),
            channel=channel,
            occurred_on=(now - timedelta(days=days + 1)).date(),
            amount_lost=amount,
            description=description,
            message_text=message,
            unit=_unit(unit_name),
        )
        when = now - timedelta(days=days, hours=ctx.rng.randint(1, 9))
        Report.objects.filter(pk=report.pk).update(code=code, created_at=when, updated_at=when)
        report.refresh_from_db()
        for identifier in report.identifiers.all():
            services.listing_refresh(identifier=identifier)
        if outcome is None:
            continue
        action, text = outcome
        if action == "verify":
            services.report_verify(
                report=report,
                identifiers=list(report.identifiers.all()),
                reason=text,
                actor=coordinator,
                public_note="Cảm ơn bạn đã phản ánh. Công an tỉnh đã xác minh và cảnh báo người dân.",
            )
            decided = when + timedelta(days=2)
            Report.objects.filter(pk=report.pk).update(decided_at=decided)
            Listing.objects.filter(identifier__in=report.identifiers.all()).update(verified_at=decided)
            if days > 365:  # verified more than a year ago: due for the yearly review of phone numbers
                Listing.objects.filter(
                    identifier__in=report.identifiers.all(), identifier__kind="phone"
                ).update(review_due_at=decided + timedelta(days=365))
        elif action == "reject":
            services.report_reject(
                report=report, reason=text, actor=coordinator, public_note="Chưa đủ dấu hiệu lừa đảo."
            )
        elif action == "merge":
            services.report_merge(report=report, into=Report.objects.get(code=text), actor=coordinator)

    for raw, slug, reason in MANUAL:
        identifier = services.identifier_get_or_create(kind="url", raw=raw)
        services.listing_verify(
            identifier=identifier, reason=reason, source="manual", actor=coordinator, method=_method(slug)
        )

    # A recycled number: verified last year, the new owner disputed, the police upheld the dispute.
    recycled = services.identifier_get_or_create(kind="phone", raw="0375 906 318")
    services.listing_verify(
        identifier=recycled,
        reason="Số dùng để gọi giả danh nhân viên bảo hiểm xã hội năm trước.",
        source="manual",
        actor=coordinator,
        method=_method("trang-web-gia-mao"),
    )
    dispute = _dispute(
        recycled,
        "Trần Thị Thanh Mai",
        "Tôi mua SIM số này tại cửa hàng Viettel Hạ Long tháng trước, dùng để bán hàng online. Nhiều khách báo số tôi bị ghi là lừa đảo trên hệ thống.",
    )
    services.dispute_decide(
        dispute=dispute,
        uphold=True,
        reason="Nhà mạng xác nhận số đã được cấp lại cho chủ mới từ tháng trước; số không còn do đối tượng sử dụng.",
        actor=coordinator,
    )
    # An open dispute on a reported number.
    shop = services.identifier_get_or_create(kind="phone", raw="0977 364 210")
    _dispute(
        shop,
        "Phạm Văn Long",
        "Đây là số cửa hàng hải sản khô của gia đình tôi ở chợ Hạ Long, đã bán hàng qua Zalo nhiều năm. Khách đổi ý không nhận hàng rồi phản ánh sai.",
    )
    ctx.say(f"  Phản ánh lừa đảo minh họa: {len(REPORTS)} phản ánh, 2 khiếu nại (mã ví dụ: {REPORTS[0][0]})")


def _dispute(identifier, name, statement) -> Dispute:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (480, 320), (245, 247, 250))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((20, 20, 460, 300), outline=(11, 79, 138), width=4)
    draw.text((40, 60), "Thong tin thue bao (minh hoa)", fill=(11, 42, 74))
    draw.text((40, 110), identifier.display, fill=(0, 0, 0))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    upload = SimpleUploadedFile("bang-chung.png", buffer.getvalue(), content_type="image/png")
    return services.dispute_submit(
        parsed=classify(identifier.typed)[0],
        claimant_name=name,
        claimant_phone=identifier.display,
        statement=statement,
        consent=True,
        images=[upload],
    )
