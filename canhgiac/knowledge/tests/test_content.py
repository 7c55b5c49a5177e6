"""The shipped content: completeness, stable slugs, red-flag patterns that fire on scams and not on real messages."""

import re

import pytest

from canhgiac.core.text import fold
from canhgiac.knowledge.catalogue import DISPATCH_1509_METHODS, EXTRA_FORMS, NATIONAL_FORMS
from canhgiac.knowledge.models import MIN_DO, MIN_DONT, MIN_EXAMPLES, MIN_RED_FLAGS, RedFlag, ScamMethod
from canhgiac.knowledge.patterns import pattern_errors

pytestmark = pytest.mark.django_db

# Real messages people receive: bank OTP and balance texts, official warnings that describe scams, daily chat.
LEGITIMATE = [
    "VCB: Ma OTP cua Quy khach la 482913, hieu luc 3 phut. Tuyet doi KHONG chia se ma OTP cho bat ky ai, ke ca nhan vien ngan hang.",
    "TK 0123xxx789 tai XYZBank +5,000,000VND luc 10:20 28/11. SD: 12,340,000VND. ND: NGUYEN VAN A chuyen tien",
    "So du TK 1903xxxx thay doi -2.000.000 VND luc 08:15. Giao dich: chuyen khoan den TRAN THI B. SD: 8.450.000 VND",
    "Công an tỉnh Quảng Ninh cảnh báo: các đối tượng giả danh công an gọi điện thông báo người dân liên quan đến vụ án, "
    "yêu cầu chuyển tiền vào tài khoản tạm giữ để xác minh. Công an không làm việc qua điện thoại, không yêu cầu chuyển "
    "tiền. Người dân tuyệt đối không chuyển tiền cho bất kỳ ai.",
    "CANH BAO: Ngan hang khong bao gio gui duong link yeu cau cap nhat thong tin qua tin nhan. Quy khach khong cung cap "
    "ma OTP, mat khau cho bat ky ai.",
    "Cảnh báo thủ đoạn tuyển cộng tác viên online: đối tượng hứa việc nhẹ lương cao, yêu cầu nạp tiền làm nhiệm vụ rồi "
    "chiếm đoạt. Người dân cảnh giác.",
    "Cảnh báo: tin nhắn mạo danh ngân hàng thông báo tài khoản bị khóa kèm đường link là lừa đảo, quý khách không bấm vào.",
    "Bo Cong an canh bao thu doan gia danh can bo thue huong dan cai ung dung gia mao de chiem quyen dieu khien dien thoai.",
    "UBND phuong thong bao: nguoi dan can cap nhat thong tin dan cu vui long den truc tiep tru so Cong an phuong, khong "
    "cai dat ung dung theo huong dan qua dien thoai.",
    "Thong bao: Don hang 123456 cua ban dang duoc giao, vui long giu may. Shipper se goi truoc khi giao.",
    "Điện lực thông báo lịch ngừng cấp điện để bảo dưỡng lưới điện từ 7h đến 11h ngày 30/11 tại phường Hồng Gai.",
    "Chao anh, em gui lai bao gia combo Ha Long 3N2D cho doan co quan 20 nguoi, thanh toan theo hop dong vao tai khoan cong ty.",
    "Truong Dai hoc thong bao: thi sinh trung tuyen nop hoc phi theo huong dan tren cong thong tin dien tu cua truong, "
    "vao tai khoan mang ten nha truong.",
    "Ban da nap thanh cong 100.000d vao thue bao 09xxxx. Cam on quy khach da su dung dich vu.",
    "Cửa hàng xin thông báo: quý khách thanh toán khi nhận hàng, được kiểm tra hàng trước khi trả tiền.",
    "Anh chuyển khoản tiền học thêm cho con tháng này chưa? Cô giáo nhắc trong nhóm lớp đấy.",
    "Me oi con den truong roi, chieu con hoc them den 5h moi ve nhe.",
    "Anh oi chieu nay hop giao ban luc 14h o phong hop tang 3, anh nho mang bao cao quy nhe.",
    "Chúc mừng sinh nhật em! Tối nay cả nhà đi ăn lẩu nhé.",
    # Messages on which release v1's flags fired (negations, warnings that describe a scam, words that fold alike).
    "Ma OTP cua Quy khach la 482913. Tuyet doi KHONG cung cap OTP cho bat ky ai, ke ca nhan vien ngan hang.",
    "Thong bao tu Viettel: Ho tro doi SIM 2G len 4G mien phi tai cua hang. Viettel khong goi dien yeu cau cung "
    "cap ma OTP hay cu phap chuyen tiep cuoc goi.",
    "Agribank: Khoan vay so HD 2024/0123 cua Quy khach den han tra lai ngay 20/06, so tien 1.840.000 dong.",
    "MobiFone thông báo: cuộc gọi và tin nhắn yêu cầu chuẩn hóa thông tin thuê bao qua đường link đều là giả mạo.",
    "Sở Thông tin và Truyền thông khuyến cáo: không chia sẻ ảnh căn cước, không cho mượn hoặc cho thuê tài khoản "
    "ngân hàng, vì có thể bị lợi dụng để lừa đảo.",
    "Khuyến cáo phụ huynh: không đăng ảnh của con lên mạng, tránh bị kẻ xấu lợi dụng tuyển “người mẫu nhí” để "
    "lừa đảo.",
    "Công an tỉnh thông báo: tài khoản định danh điện tử mức 2 của công dân đã được kích hoạt. Đăng nhập VNeID "
    "bằng mật khẩu đã tạo tại Công an xã.",
    "Chi oi em giao hang Lazada, don 189k, chi co nha khong a? Em de o bao ve toa nha duoc khong chi.",
    "Kính gửi các đồng chí, 14h chiều nay họp giao ban, đề nghị các phòng chuẩn bị báo cáo tuần.",
    "Tớ suýt bị lừa làm nhiệm vụ online, may mà đọc được bài cảnh báo nên dừng lại, các cậu cẩn thận nhé.",
    "Mọi người chú ý: trang bán combo du lịch giá rẻ mà đòi cọc vào tài khoản cá nhân thì đừng đặt nhé.",
]


def test_every_published_method_is_complete(seeded):
    published = ScamMethod.objects.published().prefetch_related("red_flags", "examples")
    assert published.count() >= 29
    for method in published:
        assert method.summary.strip(), method.slug
        assert len(method.steps) >= 3, method.slug
        assert method.red_flags.count() >= MIN_RED_FLAGS, method.slug
        assert len(method.do_list) >= MIN_DO, method.slug
        assert len(method.dont_list) >= MIN_DONT, method.slug
        assert method.examples.count() >= MIN_EXAMPLES, method.slug
        assert method.channels and method.targets and method.legal_items, method.slug
        assert any("Điều 174" in item or "Điều 290" in item for item in method.legal_items), method.slug
        for flag in method.red_flags.all():
            assert 0 < flag.weight <= 1 and flag.patterns, flag.code


def test_the_catalogue_slugs_stay_stable(seeded):
    slugs = set(ScamMethod.objects.values_list("slug", flat=True))
    assert {slug for _n, slug, _g, _name in NATIONAL_FORMS} <= slugs
    assert {slug for _n, slug, _g, _name in EXTRA_FORMS} <= slugs
    assert set(DISPATCH_1509_METHODS.values()) <= slugs
    numbers = dict(ScamMethod.objects.values_list("slug", "number"))
    assert all(numbers[slug] == n for n, slug, _g, _name in NATIONAL_FORMS)
    extras = ScamMethod.objects.filter(slug__in=[s for _n, s, _g, _name in EXTRA_FORMS])
    assert set(extras.values_list("source", flat=True)) == {ScamMethod.Source.MINISTRY_2025}


def test_every_pattern_is_valid_lowercase_without_diacritics(seeded):
    for flag in RedFlag.objects.all():
        assert pattern_errors(flag.patterns) == [], flag.code


def _compiled():
    return [
        (f.method.slug, f.code, [re.compile(p) for p in f.patterns])
        for f in RedFlag.objects.select_related("method")
    ]


def test_every_example_message_shows_a_red_flag_of_its_method(seeded):
    rules = _compiled()
    for method in ScamMethod.objects.prefetch_related("examples"):
        for example in method.examples.all():
            text = fold(example.text)
            own = [
                code
                for slug, code, patterns in rules
                if slug == method.slug and any(p.search(text) for p in patterns)
            ]
            assert own, f"{method.slug}: {example.text[:60]}"


def test_no_red_flag_fires_on_legitimate_messages(seeded):
    rules = _compiled()
    for message in LEGITIMATE:
        text = fold(message)
        hits = [code for _slug, code, patterns in rules if any(p.search(text) for p in patterns)]
        assert hits == [], f"{hits} on: {message[:70]}"


def test_flags_fire_without_diacritics_and_with_scammers_spellings(seeded):
    rules = {code: patterns for _slug, code, patterns in _compiled()}
    cases = {
        "cong-an-chuyen-tien-tai-khoan-tam-giu": "ba ck 200 trieu vao tk tam giu cua co quan dieu tra",
        "ctv-nhiem-vu-nap-tien-truoc": "lam nhiem vu chot don ck 500k nhan lai hoan von + hoa hong 20%",
        "sim-cu-phap-chuyen-tiep": "chi bam **21*0123456789# roi bam goi nhe",
        "telegram-chup-man-hinh-ma": "ban chup man hinh gui lai cho admin de xac nhan",
        "vay-sai-so-tai-khoan-dong-bang": "do ban nhap sai stk nen khoan vay bi dong bang, ck 3tr de mo khoa",
    }
    for code, message in cases.items():
        assert any(p.search(fold(message)) for p in rules[code]), code


def test_pattern_rules_reject_bad_patterns():
    assert pattern_errors([r"\bchuyen tien\b"]) == []
    assert "viết thường" in pattern_errors(["Chuyển Tiền"])[0]
    assert "không phải biểu thức" in pattern_errors(["(chuyen"])[0]
    assert "chuỗi rỗng" in pattern_errors([".*"])[0]
    assert "quá rộng" in pattern_errors([r"\bchieu\b"])[0]


def test_seed_is_idempotent_and_keeps_coordinator_edits(seeded, coordinator):
    from canhgiac.knowledge.seed import seed_knowledge
    from canhgiac.knowledge.services import method_update

    total = RedFlag.objects.count()
    method = ScamMethod.objects.get(slug="combo-du-lich-gia-re")
    flags = [
        {"code": f.code, "text": f.text, "patterns": f.patterns, "weight": f.weight}
        for f in method.red_flags.all()
    ]
    removed = flags.pop()
    flags.append(
        {
            "code": "du-lich-moi",
            "text": "Dấu hiệu mới do điều phối viên thêm",
            "patterns": [r"\bcombo moi\b"],
            "weight": 0.5,
        }
    )
    method_update(
        method=method,
        data={"summary": "Tóm tắt do điều phối viên viết lại."},
        red_flags=flags,
        examples=[{"channel": e.channel, "sender": e.sender, "text": e.text} for e in method.examples.all()],
        expected_revision=method.revision,
        actor=coordinator,
    )
    report = seed_knowledge()
    assert report.created == [] and report.filled == [] and len(report.kept) == 29
    method.refresh_from_db()
    assert method.summary == "Tóm tắt do điều phối viên viết lại."
    codes = set(method.red_flags.values_list("code", flat=True))
    assert removed["code"] not in codes and "du-lich-moi" in codes
    assert RedFlag.objects.count() == total  # one removed, one added, none brought back


def test_seed_fills_bare_catalogue_entries_created_by_the_foundation(db):
    from canhgiac.knowledge.catalogue import ensure_catalogue
    from canhgiac.knowledge.seed import seed_knowledge

    assert ensure_catalogue() == 24
    report = seed_knowledge()
    assert len(report.filled) == 24 and len(report.created) == 5
    assert ScamMethod.objects.published().count() == 29
    method = ScamMethod.objects.get(slug="gia-danh-cong-an-vien-kiem-sat-toa-an")
    assert method.revisions.get().kind == "seed"
    assert method.related.filter(slug="gia-danh-cong-an-luat-su-thu-hoi-tien").exists()
