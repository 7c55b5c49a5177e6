"""Methods from the newer official warnings (Bộ Công an, Cục An toàn thông tin, 2024–2025), numbered 25–29."""

# ruff: noqa: E501
from ._common import (
    ACCOUNT,
    BLHS_174,
    BLHS_289,
    BLHS_290,
    BLHS_339,
    CT_21,
    LINK,
    ND_13,
    NEG,
    OTP,
    PAY,
    THEY,
    YOU,
    gap,
)

METHODS = [
    {
        "slug": "gia-danh-truong-dai-hoc-hoc-bong",
        "source": "ministry_2025",
        "severity": 2,
        "channels": ["call", "zalo", "email", "facebook"],
        "targets": "Học sinh lớp 12, tân sinh viên, sinh viên và phụ huynh",
        "keywords": "học bổng, trúng tuyển, nhập học, giả danh cán bộ trường đại học, phòng tuyển sinh, phí giữ chỗ, phí xác nhận học bổng",
        "summary": (
            "Vào mùa tuyển sinh, kẻ gian gọi điện, nhắn tin xưng cán bộ phòng đào tạo, phòng công tác sinh viên của trường "
            "đại học, báo thí sinh “trúng học bổng”, “được xét tuyển thẳng”, rồi đòi nộp phí giữ chỗ, phí xác nhận học bổng, "
            "học phí trước vào tài khoản cá nhân; có khi gửi kèm “giấy báo” làm giả logo của trường."
        ),
        "steps": [
            "Thu thập thông tin thí sinh, sinh viên từ nhóm mạng xã hội, danh sách bị lộ.",
            "Gọi điện, nhắn tin chúc mừng trúng học bổng, gửi giấy báo giả.",
            "Yêu cầu nộp phí giữ suất, phí xác nhận, hạn rất gấp, vào tài khoản cá nhân “của cán bộ phụ trách”.",
            "Nhận tiền rồi cắt liên lạc; có khi dụ tiếp cài ứng dụng “cổng sinh viên” giả.",
        ],
        "red_flags": [
            {
                "code": "hoc-bong-bao-trung-bat-ngo",
                "text": "Bất ngờ được báo trúng học bổng, trúng tuyển dù không nộp hồ sơ xét học bổng đó",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:chuc mung|xin chuc mung)\b.{0,60}\b(?:trung|dat|duoc nhan|duoc cap) (?:suat )?(?:hoc bong|tuyen thang|xet tuyen)\b",
                ],
            },
            {
                "code": "hoc-bong-nop-phi-giu-suat",
                "text": "Đòi nộp phí giữ suất, phí xác nhận học bổng, học phí trước vào tài khoản cá nhân",
                "weight": 1.0,
                "patterns": [
                    NEG
                    + r"\b(?:"
                    + PAY
                    + r"|phi)\b.{0,30}\b(?:phi giu (?:suat|cho)|phi xac nhan (?:hoc bong|nhap hoc)|le phi hoc bong|phi ho so hoc bong)\b",
                    r"\b(?:hoc bong|nhap hoc|hoc phi)\b.{0,60}\b(?:tai khoan|tk|stk) (?:ca nhan|cua (?:thay|co|can bo|giao vu))\b",
                ],
            },
            {
                "code": "hoc-bong-han-gap",
                "text": "Hạn chót rất gấp, “quá hạn sẽ chuyển suất cho thí sinh khác”",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:qua han|neu khong)\b.{0,40}\b(?:chuyen|nhuong) (?:suat|hoc bong|cho) (?:cho )?(?:thi sinh|sinh vien|ban) khac\b",
                ],
            },
        ],
        "do": [
            "Kiểm tra thông báo trên trang web chính thức của trường (tên miền .edu.vn) hoặc gọi số điện thoại phòng đào tạo công bố trên đó.",
            "Nộp học phí, lệ phí theo hướng dẫn của trường, vào tài khoản đứng tên nhà trường.",
        ],
        "dont": [
            "Không nộp “phí giữ suất”, “phí xác nhận học bổng” vào tài khoản cá nhân.",
            "Không gửi ảnh căn cước, học bạ cho người gọi điện tự xưng cán bộ trường.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_339, ND_13, CT_21],
        "related": ["gia-danh-giao-vien-y-te", "trang-web-gia-mao", "ung-dung-gia-co-quan-nha-nuoc"],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Phòng Công tác sinh viên (giả)",
                "text": "Chúc mừng em Nguyễn Thu Trang đã trúng học bổng toàn phần năm học mới! Em nộp phí xác nhận học bổng 4.500.000đ vào STK cá nhân của cô phụ trách 0123456789 trước 16h hôm nay. Quá hạn nhà trường sẽ chuyển suất cho thí sinh khác.",
            },
        ],
    },
    {
        "slug": "gia-danh-cong-an-luat-su-thu-hoi-tien",
        "source": "ministry_2025",
        "severity": 3,
        "channels": ["call", "zalo", "facebook"],
        "targets": "Người đã bị lừa đảo và từng trình báo, đăng bài kể lại trên mạng",
        "keywords": "giả danh công an, luật sư, thu hồi tiền bị lừa, hoàn trả tiền, văn phòng luật, phí thi hành án, đã bắt được đối tượng",
        "summary": (
            "Kẻ gian tự xưng cán bộ Công an, luật sư, văn phòng luật liên hệ với người từng bị lừa: báo “đã bắt được đối "
            "tượng”, “đang thu hồi tiền cho bạn”, rồi đòi nộp phí thi hành án, thuế, phí luật sư, tiền “xác minh tài khoản "
            "nhận” trước khi hoàn trả. Nạn nhân bị lừa lần thứ hai, thường bởi chính nhóm đã lừa lần đầu."
        ),
        "steps": [
            "Dựa vào bài đăng tố cáo hoặc dữ liệu của vụ lừa trước, liên hệ nạn nhân, nói đúng số tiền đã mất.",
            "Gửi ảnh thẻ ngành, giấy phép hành nghề luật sư, “quyết định hoàn trả” giả.",
            "Đòi nộp phí thi hành án, thuế thu nhập, phí luật sư, hoặc cài ứng dụng để “nhận tiền hoàn trả”.",
            "Đòi thêm nhiều lần rồi cắt liên lạc.",
        ],
        "red_flags": [
            {
                "code": "thu-hoi-bao-da-bat-doi-tuong",
                "text": "Người tự xưng công an, luật sư chủ động liên hệ báo đã bắt được kẻ lừa, sẽ hoàn trả tiền cho bạn",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:da bat (?:duoc|giu)|da triet pha)\b.{0,60}\b(?:hoan tra|tra lai|thu hoi) (?:tien|so tien|tai san)?\b.{0,20}\b(?:cho )?"
                    + YOU
                    + r"\b",
                    r"\b(?:luat su|van phong luat|cong ty luat)\b"
                    + gap(60)
                    + THEY
                    + r"\b(?:thu hoi|lay lai|hoan tra)\b.{0,20}\b(?:tien|so tien)\b",
                ],
            },
            {
                "code": "thu-hoi-phi-thi-hanh-an",
                "text": "Đòi nộp phí thi hành án, thuế, phí luật sư, tiền xác minh trước khi nhận lại tiền",
                "weight": 1.0,
                "patterns": [
                    NEG
                    + r"\b(?:"
                    + PAY
                    + r"|phi)\b.{0,30}\b(?:phi thi hanh an|an phi|phi luat su|thue thu nhap|phi xac minh tai khoan|phi giai toa)\b.{0,60}\b(?:hoan tra|nhan lai|thu hoi|giai ngan)\b",
                ],
            },
            {
                "code": "thu-hoi-cai-ung-dung-nhan-tien",
                "text": "Hướng dẫn cài ứng dụng, bấm đường link để “nhận tiền hoàn trả”",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:cai|tai|truy cap)\b.{0,30}\b(?:app|ung dung|link|duong link)\b.{0,40}\b(?:nhan (?:lai )?tien|hoan tra|thu hoi)\b",
                ],
            },
        ],
        "do": [
            "Chỉ làm việc với cơ quan Công an tại trụ sở, nơi bạn đã trình báo; gọi số điện thoại của đơn vị thụ lý để hỏi tiến độ.",
            "Nhớ rằng việc hoàn trả tài sản theo quyết định của cơ quan tố tụng không bắt bị hại nộp phí qua chuyển khoản.",
        ],
        "dont": [
            "Không nộp bất kỳ khoản phí, thuế nào để “nhận lại tiền bị lừa”.",
            "Không cài ứng dụng, không đọc mã OTP theo hướng dẫn của người tự xưng công an, luật sư.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_339, CT_21],
        "related": [
            "lay-lai-tien-bi-lua",
            "gia-danh-cong-an-vien-kiem-sat-toa-an",
            "ung-dung-gia-co-quan-nha-nuoc",
        ],
        "examples": [
            {
                "channel": "call",
                "sender": "Người tự xưng cán bộ Công an",
                "text": "Chào chị, tôi là cán bộ Phòng Cảnh sát hình sự. Chúng tôi đã bắt được nhóm đối tượng lừa chị 320 triệu qua sàn đầu tư và sẽ hoàn trả tiền cho chị. Chị cần nộp phí thi hành án 5% để được nhận lại tiền, và cài ứng dụng theo link tôi gửi để nhận tiền hoàn trả.",
            },
        ],
    },
    {
        "slug": "ung-dung-gia-co-quan-nha-nuoc",
        "source": "ministry_2025",
        "severity": 3,
        "channels": ["call", "zalo", "sms", "app"],
        "targets": "Người nộp thuế, hộ kinh doanh, người hưởng bảo hiểm xã hội, người cao tuổi",
        "keywords": "cài ứng dụng giả, vneid giả, thuế điện tử giả, dịch vụ công giả, bảo hiểm xã hội, điều khiển điện thoại từ xa, mã độc, apk",
        "summary": (
            "Kẻ gian gọi điện xưng cán bộ thuế, bảo hiểm xã hội, công an phường, báo cần “cập nhật thông tin”, “định danh "
            "điện tử mức 2”, “hoàn thuế”, rồi gửi đường link cài ứng dụng giả mạo VNeID, Thuế điện tử, Dịch vụ công. Ứng "
            "dụng giả đòi quyền trợ năng, chiếm quyền điều khiển điện thoại, đọc tin nhắn OTP và chuyển sạch tiền trong "
            "tài khoản ngân hàng."
        ),
        "steps": [
            "Gọi điện, đọc đúng thông tin cá nhân, nêu lý do hành chính hợp lý (hoàn thuế, cập nhật căn cước, chế độ BHXH).",
            "Kết bạn Zalo, gửi đường link hoặc tệp .apk ứng dụng có biểu tượng giống ứng dụng thật.",
            "Hướng dẫn cấp quyền trợ năng, quyền hiển thị trên ứng dụng khác, nhập mã PIN, ảnh khuôn mặt.",
            "Điều khiển điện thoại từ xa, mở ứng dụng ngân hàng và chuyển tiền đi trong khi nạn nhân thấy màn hình “đang cập nhật”.",
        ],
        "red_flags": [
            {
                "code": "app-gia-cai-qua-link",
                "text": "Cán bộ cơ quan nhà nước gọi điện rồi gửi đường link, tệp .apk để cài ứng dụng thuế, VNeID, dịch vụ công",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:cai|tai|cap nhat)\b.{0,30}\b(?:app|ung dung|phan mem)?\b.{0,10}\b(?:vneid|thue dien tu|etax|dich vu cong|bhxh|vssid|bao hiem xa hoi|cong an)\b.{0,60}(?:"
                    + LINK
                    + r"|\.apk\b)",
                    r"\b(?:vneid|dichvucong|thuedientu|etax|vssid|bhxh)[a-z0-9-]{0,30}\.(?:apk|com|net|xyz|top|vip|online|site|cc|example)\b",
                ],
            },
            {
                "code": "app-gia-cap-quyen-tro-nang",
                "text": "Hướng dẫn bật quyền trợ năng, quyền hiển thị trên ứng dụng khác, cho phép cài từ nguồn không xác định",
                "weight": 1.0,
                "patterns": [
                    NEG
                    + r"\b(?:bat|cap|cho phep|mo)\b.{0,20}\b(?:quyen )?(?:tro nang|accessibility|hien thi tren ung dung khac|nguon khong xac dinh|cai dat ung dung khong ro nguon)\b",
                ],
            },
            {
                "code": "app-gia-ly-do-hanh-chinh",
                "text": "Lý do nghe hợp lý: hoàn thuế, cập nhật định danh mức 2, tích hợp thông tin, chốt sổ bảo hiểm",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:hoan thue|quyet toan thue|dinh danh (?:dien tu )?muc 2|tich hop (?:thong tin|giay phep lai xe|bhyt)|chot so bao hiem|cap nhat (?:thong tin )?can cuoc)\b"
                    + gap(80)
                    + NEG
                    + r"\b(?:cai dat|cai (?:app|ung dung|phan mem|ban moi|lai)|tai (?:app|ung dung|phan mem|ve|file|ban moi)|link|duong link|ket ban zalo|kb zalo)\b",
                ],
            },
        ],
        "do": [
            "Chỉ cài VNeID, ứng dụng thuế, bảo hiểm xã hội từ CH Play hoặc App Store, do đúng cơ quan phát hành.",
            "Đến trực tiếp Công an phường, xã, cơ quan thuế, bảo hiểm xã hội khi được yêu cầu cập nhật thông tin.",
            "Nếu lỡ cài, tắt mạng ngay (chế độ máy bay), báo ngân hàng khóa tài khoản và mang máy đến Công an hoặc cửa hàng uy tín để xử lý.",
        ],
        "dont": [
            "Không cài ứng dụng hay tệp .apk do người gọi điện gửi qua Zalo, tin nhắn.",
            "Không cấp quyền trợ năng cho ứng dụng lạ; không nhập mã PIN ngân hàng, không quét khuôn mặt theo hướng dẫn qua điện thoại.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_289, BLHS_339, ND_13, CT_21],
        "related": [
            "gia-danh-cong-an-vien-kiem-sat-toa-an",
            "trang-web-gia-mao",
            "gia-danh-dien-luc-cat-dien",
        ],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Cán bộ thuế (giả)",
                "text": "Chào anh, em bên Chi cục Thuế. Hồ sơ hoàn thuế của anh đang treo, anh cần cài ứng dụng Thuế điện tử bản mới theo link http://thuedientu-capnhat.example/etax.apk rồi bật quyền trợ năng cho ứng dụng để em hỗ trợ đồng bộ.",
            },
        ],
    },
    {
        "slug": "gia-danh-dien-luc-cat-dien",
        "source": "ministry_2025",
        "severity": 2,
        "channels": ["call", "sms", "zalo"],
        "targets": "Hộ gia đình, chủ nhà trọ, hộ kinh doanh, người cao tuổi",
        "keywords": "giả danh điện lực, cắt điện, nợ tiền điện, hóa đơn tiền điện, hoàn tiền điện, nhân viên EVN, thanh toán qua link",
        "summary": (
            "Kẻ gian gọi điện, nhắn tin xưng nhân viên điện lực, báo hộ gia đình nợ tiền điện, sai chỉ số công tơ, “sẽ cắt "
            "điện trong 2 giờ”; hoặc báo được “hoàn tiền điện”. Chúng đòi chuyển khoản ngay vào tài khoản cá nhân, hoặc "
            "kết bạn Zalo gửi đường link, ứng dụng để “thanh toán”, “nhận hoàn tiền”, rồi chiếm đoạt tài khoản ngân hàng."
        ),
        "steps": [
            "Gọi điện, nêu tên chủ hộ, địa chỉ; báo nợ cước, sai chỉ số, hoặc hoàn tiền.",
            "Đe dọa cắt điện ngay nếu không thanh toán; gửi số tài khoản cá nhân hoặc đường link.",
            "Hướng dẫn cài ứng dụng “điện lực” giả, nhập thông tin ngân hàng, mã OTP.",
        ],
        "red_flags": [
            {
                "code": "dien-luc-doa-cat-dien",
                "text": "Dọa cắt điện trong vài giờ nếu không thanh toán ngay",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:se bi|se|bi) (?:cat dien|ngung cap dien|tam ngung cap dien)\b.{0,40}\b(?:trong (?:vong )?\d{1,9} ?(?:h|gio|phut)|sau \d{1,9} ?(?:h|gio|phut)|ngay lap tuc|ngay hom nay|neu khong)\b",
                    r"\b(?:no|chua thanh toan) (?:tien dien|hoa don dien)\b.{0,60}\b(?:cat dien|ngung cap dien)\b",
                ],
            },
            {
                "code": "dien-luc-chuyen-tai-khoan-ca-nhan",
                "text": "Đòi chuyển tiền điện vào tài khoản cá nhân, hoặc thanh toán qua đường link gửi trong tin nhắn",
                "weight": 0.9,
                "patterns": [
                    NEG
                    + r"\b"
                    + PAY
                    + r"\b.{0,30}\b(?:tien dien|hoa don dien|phi dong dien|phi dong bo)\b.{0,60}(?:\b(?:"
                    + ACCOUNT
                    + r")\b|"
                    + LINK
                    + r")",
                ],
            },
            {
                "code": "dien-luc-hoan-tien-cai-app",
                "text": "Báo được hoàn tiền điện, mời kết bạn Zalo, cài ứng dụng để nhận",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:hoan tien dien|hoan tien (?:do )?(?:thu thua|sai chi so))\b.{0,80}\b(?:zalo|cai|tai|link|ung dung|app)\b",
                ],
            },
        ],
        "do": [
            "Kiểm tra tiền điện trên ứng dụng chính thức của ngành điện hoặc gọi tổng đài chăm sóc khách hàng điện lực in trên hóa đơn.",
            "Nhớ rằng điện lực thông báo ngừng cấp điện bằng văn bản và theo đúng trình tự, không đòi chuyển khoản gấp qua điện thoại.",
        ],
        "dont": [
            "Không chuyển tiền điện vào tài khoản cá nhân.",
            "Không cài ứng dụng, bấm đường link “thanh toán tiền điện”, “hoàn tiền điện” gửi qua tin nhắn.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["ung-dung-gia-co-quan-nha-nuoc", "tin-nhan-brandname-gia", "trang-web-gia-mao"],
        "examples": [
            {
                "channel": "call",
                "sender": "Người tự xưng nhân viên điện lực",
                "text": "Alo chủ hộ số 12 phải không ạ? Bên em là điện lực khu vực, gia đình mình đang nợ tiền điện 2 tháng, sẽ bị cắt điện trong 2 giờ nữa. Chị chuyển khoản ngay 1.860.000đ tiền điện vào STK 0123456789 của nhân viên thu để em giữ lại không cắt nhé.",
            },
        ],
    },
    {
        "slug": "gia-nguoi-giao-hang-thu-phi",
        "source": "ministry_2025",
        "severity": 1,
        "channels": ["call", "sms", "zalo"],
        "targets": "Người mua sắm trực tuyến, người hay nhận hàng, chủ cửa hàng online",
        "keywords": "giả shipper, giao hàng, phí ship, đơn hàng lỗi, hoàn phí, link thanh toán, mã vận đơn, nhận hàng",
        "summary": (
            "Kẻ gian giả người giao hàng hoặc nhân viên công ty vận chuyển: báo có đơn hàng cần thanh toán phí, đơn bị lỗi "
            "địa chỉ, “chuyển khoản trước vì không có người nhận”, hoặc gửi đường link “xác nhận địa chỉ”, “hoàn phí ship” "
            "để thu thông tin thẻ và mã OTP. Nhiều khi chúng biết đúng tên và món hàng bạn vừa đặt."
        ),
        "steps": [
            "Gọi điện, nhắn tin báo có hàng, đọc tên người nhận, tên món hàng (thông tin bị lộ).",
            "Đòi chuyển khoản trước tiền hàng, phí ship vì “không có ai ở nhà nhận”.",
            "Hoặc gửi đường link cập nhật địa chỉ, hoàn phí; trang giả đòi số thẻ, OTP.",
        ],
        "red_flags": [
            {
                "code": "giao-hang-chuyen-khoan-truoc",
                "text": "Người giao hàng đòi chuyển khoản trước tiền hàng, phí ship dù bạn chưa nhận hàng",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:shipper|giao hang|don hang|buu ta|van don)\b.{0,80}\b(?:chuyen khoan|ck|chuyen tien) (?:truoc|giup)\b",
                    NEG
                    + THEY
                    + r"\b(?:ck|chuyen khoan|chuyen)\b.{0,20}\b(?:phi ship|tien ship|phi giao hang|phi luu kho|phi giao lai)\b",
                ],
            },
            {
                "code": "giao-hang-link-xac-nhan-dia-chi",
                "text": "Tin nhắn báo đơn hàng lỗi địa chỉ, giao không thành công, kèm đường link để cập nhật, thanh toán",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:don hang|buu pham|buu kien|kien hang)\b.{0,60}\b(?:loi dia chi|sai dia chi|giao khong thanh cong|chua du phi|bi giu|tam giu)\b.{0,80}"
                    + LINK,
                ],
            },
            {
                "code": "giao-hang-hoan-phi-otp",
                "text": "Đề nghị “hoàn phí ship”, “bồi thường đơn hàng” và hỏi số thẻ, mã OTP",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:hoan phi|hoan tien|boi thuong)\b.{0,60}\b(?:nhap|doc|cung cap|gui)\b.{0,30}\b(?:so the|"
                    + OTP
                    + r")\b",
                ],
            },
        ],
        "do": [
            "Kiểm tra đơn hàng trong ứng dụng của sàn, cửa hàng nơi bạn đã đặt; chỉ trả tiền khi đã cầm hàng trên tay.",
            "Tra mã vận đơn trên trang, ứng dụng chính thức của hãng vận chuyển.",
        ],
        "dont": [
            "Không chuyển khoản trước cho người xưng là shipper.",
            "Không bấm đường link “cập nhật địa chỉ”, “hoàn phí” trong tin nhắn; không đọc OTP cho ai.",
        ],
        "legal": [BLHS_174, BLHS_290, ND_13, CT_21],
        "related": ["tin-nhan-brandname-gia", "hang-gia-thuong-mai-dien-tu", "bien-lai-chuyen-khoan-gia"],
        "examples": [
            {
                "channel": "sms",
                "sender": "GiaoHangNhanh-VN (giả)",
                "text": "Don hang cua ban giao khong thanh cong do sai dia chi va chua du phi. Vui long cap nhat tai http://giaohang-capnhat.example trong 12h, neu khong don se bi huy.",
            },
        ],
    },
]
