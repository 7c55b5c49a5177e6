"""Shared pieces of the shipped content: legal citations and the building blocks of red-flag patterns.

Patterns are matched against `canhgiac.core.text.fold(message)` (lower case, no diacritics, đ → d, single
spaces). The blocks below compose the spellings scammers use ("ck" for chuyển khoản, "stk", "ko"/"k").
"""

# --- legal basis, cited by number ---------------------------------------------------------------------
BLHS_174 = "Điều 174 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội lừa đảo chiếm đoạt tài sản."
BLHS_290 = (
    "Điều 290 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội sử dụng mạng máy tính, mạng viễn thông, "
    "phương tiện điện tử thực hiện hành vi chiếm đoạt tài sản."
)
BLHS_339 = "Điều 339 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội giả mạo chức vụ, cấp bậc, vị trí công tác."
BLHS_341 = (
    "Điều 341 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội làm giả con dấu, tài liệu của cơ quan, "
    "tổ chức; sử dụng con dấu, tài liệu giả."
)
BLHS_289 = (
    "Điều 289 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội xâm nhập trái phép vào mạng máy tính, "
    "mạng viễn thông hoặc phương tiện điện tử của người khác."
)
BLHS_291 = (
    "Điều 291 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội thu thập, tàng trữ, trao đổi, mua bán, "
    "công khai hóa trái phép thông tin về tài khoản ngân hàng."
)
BLHS_192 = "Điều 192 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội sản xuất, buôn bán hàng giả."
BLHS_201 = "Điều 201 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội cho vay lãi nặng trong giao dịch dân sự."
BLHS_321 = "Điều 321 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội đánh bạc."
BLHS_322 = "Điều 322 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017): Tội tổ chức đánh bạc hoặc gá bạc."
CT_21 = (
    "Chỉ thị số 21/CT-TTg ngày 25/5/2020 của Thủ tướng Chính phủ về tăng cường công tác phòng ngừa, xử lý hoạt "
    "động lừa đảo chiếm đoạt tài sản."
)
ND_13 = (
    "Nghị định số 13/2023/NĐ-CP của Chính phủ về bảo vệ dữ liệu cá nhân: số căn cước, số điện thoại, tài khoản, "
    "hình ảnh khuôn mặt là dữ liệu cá nhân; thu thập, mua bán trái phép bị xử lý theo quy định."
)

# --- pattern building blocks (all lower case, no diacritics) --------------------------------------------
# Not preceded by a negation: "khong chuyen tien" in a warning is not a demand to transfer money.
NEG = (
    r"\b(?=[a-z])"  # cheap test first: the lookbehinds run only where a word starts
    r"(?<!khong )(?<!ko )(?<!k )(?<!dung )(?<!chua )(?<!khong nen )(?<!khong duoc )(?<!khong bao gio )"
    r"(?<!khong can )(?<!khong phai )(?<!tuyet doi khong )(?<!khong yeu cau )"
)
# Second person, as scammers address their target ("anh ck cho em", "quy khach vui long"). Not "co", "a", "c":
# folded, they are also "có", "à"/"ạ" and would match almost any sentence.
YOU = r"(?:anh|chi|em|ban|ong|ba|chu|bac|quy khach|qk|mn|cac ban)"
# Paying, in the words and abbreviations people type.
PAY = (
    r"(?:chuyen khoan|chuyen tien|chuyen|ck|nap tien|nap|nop tien|nop|dong tien|dong|thanh toan|tt|gui tien)"
)
ACCOUNT = r"(?:stk|so tai khoan|so tk|tai khoan|tk)"
OTP = r"(?:otp|ma xac thuc|ma xac nhan|ma kich hoat|ma dang nhap|ma bao mat|ma so gui ve|ma gom \d so)"
# A link: a scheme, a shortener, or a bare domain with a common ending.
LINK = (
    r"(?:https?://|www\.|\bbit\.ly\b|\btinyurl\b|\bshorturl\b|\bt\.me/"
    r"|\b[a-z0-9-]{1,63}\.(?:com|net|org|vn|xyz|top|click|site|online|info|cc|io|me|app|link|live|shop|vip|example)\b)"
)
# A link written with its scheme or www: cheap to look for first (a pattern that starts with LINK would try the
# bare-domain branch at every word).
URL = r"(?:https?://|www\.)\S{1,100}+"
URGENT = (
    r"(?:ngay lap tuc|ngay bay gio|khan cap|gap|truoc \d{1,2} ?(?:h|gio)|trong (?:vong )?\d{1,9} ?(?:h|gio|phut)"
    r"|trong ngay hom nay|het han hom nay)"
)
# Descriptions in the third person: warnings say "đối tượng cam kết lợi nhuận", "chúng đòi cọc", "lợi dụng
# tuyển người mẫu nhí"; scammers say it to you. Put THEY right before a lure that warnings also describe.
THEY = (
    r"(?<!doi tuong )(?<!cac doi tuong )(?<!chung )(?<!ke gian )(?<!thuong )(?<!loi dung )(?<!gia danh )"
    r"(?<!mao danh )(?<!gia mao )(?<!doi )(?<!bat )(?<!hoac )(?<!hoac cho )(?<!trang )(?<!hinh thuc )"
    r"(?<!yeu cau )(?<!hua )(?<!hua hen )"
)
# Words that cancel what follows in the same stretch of text ("không gọi điện yêu cầu cung cấp mã OTP").
NEGATION_WORDS = (
    r"(?:khong|ko|chua|chang|dung co|dung bao gio|tuyet doi|nghiem cam|canh bao|khuyen cao|canh giac|gia danh"
    r"|mao danh|gia mao|thu doan|ke gian)"
)


def gap(n: int) -> str:
    """At most n characters with no negation word in them: "đổi SIM 4G … Viettel không gọi điện yêu cầu cung cấp
    mã OTP" must not read as a demand for the code. Use it instead of `.{0,n}` between a lure's parts."""
    return rf"(?:(?!\b{NEGATION_WORDS}\b).){{0,{n}}}"
