"""The national typology (24 forms in 3 groups) as the catalogue starts: numbers, slugs, groups and names.

Slugs are stable identifiers that other apps (questions, incidents, the analyzer corpus) refer to. The
coordinator edits everything else in the product; this module only creates what is missing.
"""

from __future__ import annotations

IMPERSONATION = "impersonation"
ACCOUNT_TAKEOVER = "account_takeover"
COMBINED = "combined"

# (number, slug, group, name)
NATIONAL_FORMS: list[tuple[int, str, str, str]] = [
    (1, "combo-du-lich-gia-re", COMBINED, "Bán combo du lịch, phòng nghỉ giá rẻ"),
    (2, "deepfake-goi-video", ACCOUNT_TAKEOVER, "Cuộc gọi video giả mặt, giả giọng người thân (deepfake)"),
    (
        3,
        "khoa-sim-chuan-hoa-thong-tin",
        IMPERSONATION,
        "Giả nhà mạng báo khóa SIM vì chưa chuẩn hóa thông tin",
    ),
    (4, "bien-lai-chuyen-khoan-gia", COMBINED, "Ảnh chụp “chuyển khoản thành công” giả"),
    (5, "gia-danh-giao-vien-y-te", IMPERSONATION, "Giả giáo viên, nhân viên y tế báo người thân cấp cứu"),
    (6, "tuyen-nguoi-mau-nhi", COMBINED, "Tuyển người mẫu nhí rồi dụ cha mẹ làm nhiệm vụ"),
    (7, "gia-danh-ngan-hang-cho-vay", IMPERSONATION, "Giả danh công ty tài chính, ngân hàng mời vay vốn"),
    (8, "ung-dung-co-bac-tin-dung-den", COMBINED, "Ứng dụng, đường link cờ bạc, cá độ, tín dụng đen"),
    (9, "trang-web-gia-mao", IMPERSONATION, "Trang web giả mạo cơ quan nhà nước, doanh nghiệp"),
    (10, "tin-nhan-brandname-gia", IMPERSONATION, "Tin nhắn thương hiệu (brandname) giả mạo"),
    (11, "dau-tu-tai-chinh-tien-ao", COMBINED, "Kêu gọi đầu tư chứng khoán, tiền ảo, đa cấp"),
    (12, "cong-tac-vien-lam-nhiem-vu", COMBINED, "Tuyển cộng tác viên bán hàng, làm nhiệm vụ trực tuyến"),
    (13, "chiem-tai-khoan-mang-xa-hoi", ACCOUNT_TAKEOVER, "Chiếm tài khoản mạng xã hội để nhắn mượn tiền"),
    (14, "gia-danh-cong-an-vien-kiem-sat-toa-an", IMPERSONATION, "Giả danh Công an, Viện kiểm sát, Tòa án"),
    (15, "hang-gia-thuong-mai-dien-tu", COMBINED, "Bán hàng giả, hàng nhái trên sàn thương mại điện tử"),
    (16, "lo-thong-tin-cccd-vay-tien", ACCOUNT_TAKEOVER, "Dùng thông tin căn cước bị lộ để vay tiền"),
    (17, "chuyen-nham-tien", COMBINED, "“Chuyển nhầm” tiền rồi đòi trả kèm lãi cao"),
    (18, "lay-lai-tien-bi-lua", COMBINED, "Dịch vụ “lấy lại tiền đã bị lừa”"),
    (19, "danh-cap-otp-telegram", ACCOUNT_TAKEOVER, "Lừa chụp màn hình để lấy mã đăng nhập Telegram"),
    (20, "tin-don-cuoc-goi-mat-tien", COMBINED, "Tin đồn “nghe máy là mất tiền” để bán dịch vụ bảo vệ"),
    (21, "lay-lai-tai-khoan-facebook", ACCOUNT_TAKEOVER, "Dịch vụ lấy lại tài khoản Facebook"),
    (22, "lam-quen-qua-mang", COMBINED, "Làm quen, hẹn hò qua mạng rồi dụ đầu tư, nhận quà"),
    (23, "link-quang-cao-ban-facebook", COMBINED, "Đường link lạ, quảng cáo bẩn trên Facebook"),
    (24, "ban-so-lo-de", COMBINED, "Bán “số lô đề chắc trúng”"),
]

# Methods from the newer official warnings (Bộ Công an, Cục An toàn thông tin, 2024–2025), numbered after the 24.
# Same contract: stable slugs that other apps may refer to.
EXTRA_FORMS: list[tuple[int, str, str, str]] = [
    (25, "gia-danh-truong-dai-hoc-hoc-bong", IMPERSONATION, "Giả danh cán bộ trường học báo trúng học bổng"),
    (
        26,
        "gia-danh-cong-an-luat-su-thu-hoi-tien",
        IMPERSONATION,
        "Giả danh công an, luật sư hứa thu hồi tiền đã bị lừa",
    ),
    (
        27,
        "ung-dung-gia-co-quan-nha-nuoc",
        ACCOUNT_TAKEOVER,
        "Dụ cài ứng dụng giả cơ quan nhà nước (thuế, BHXH, VNeID) để chiếm điện thoại",
    ),
    (28, "gia-danh-dien-luc-cat-dien", IMPERSONATION, "Giả nhân viên điện lực báo cắt điện, đòi tiền điện"),
    (29, "gia-nguoi-giao-hang-thu-phi", COMBINED, "Giả người giao hàng đòi phí, gửi đường link thanh toán"),
]

# The three methods named in dispatch 1509/UBND-NC, mapped onto the national forms.
DISPATCH_1509_METHODS = {
    "kêu gọi đầu tư tài chính, chứng khoán, tiền ảo": "dau-tu-tai-chinh-tien-ao",
    "mời làm cộng tác viên bán hàng, thực hiện nhiệm vụ trên website": "cong-tac-vien-lam-nhiem-vu",
    "giả danh Công an, Tòa án, Viện kiểm sát": "gia-danh-cong-an-vien-kiem-sat-toa-an",
}


def ensure_catalogue() -> int:
    """Create the methods that are missing (by slug); never overwrite the coordinator's edits."""
    from .models import ScamMethod

    existing = set(ScamMethod.objects.values_list("slug", flat=True))
    created = 0
    for number, slug, group, name in NATIONAL_FORMS:
        if slug not in existing:
            ScamMethod.objects.create(
                slug=slug, number=number, group=group, name=name, source=ScamMethod.Source.NATIONAL_2023
            )
            created += 1
    return created
