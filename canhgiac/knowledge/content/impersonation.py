"""Group 1 — impersonating a brand or an organisation (police, banks, carriers, schools, hospitals, agencies)."""

# ruff: noqa: E501
from ._common import (
    ACCOUNT,
    BLHS_174,
    BLHS_201,
    BLHS_289,
    BLHS_290,
    BLHS_339,
    BLHS_341,
    CT_21,
    LINK,
    ND_13,
    NEG,
    OTP,
    PAY,
    THEY,
    URGENT,
    URL,
    YOU,
    gap,
)

METHODS = [
    {
        "slug": "gia-danh-cong-an-vien-kiem-sat-toa-an",
        "severity": 3,
        "channels": ["call", "zalo", "sms"],
        "targets": "Mọi người, nhất là người cao tuổi, cán bộ, công chức, người làm tài chính, ngân hàng có tiền tiết kiệm",
        "keywords": "giả danh công an, viện kiểm sát, tòa án, lệnh bắt, giấy triệu tập, rửa tiền, tài khoản tạm giữ, xác minh tài sản",
        "summary": (
            "Kẻ gian gọi điện hoặc gọi video qua Zalo, tự xưng cán bộ Công an, Viện kiểm sát, Tòa án, nói người nghe "
            "dính vào một vụ án (rửa tiền, ma túy, buôn lậu) và sắp bị bắt. Chúng dọa nạt, bắt giữ bí mật rồi đòi chuyển "
            "tiền vào “tài khoản tạm giữ” để “chứng minh trong sạch”. Đây là một trong ba thủ đoạn mà Công văn "
            "1509/UBND-NC của UBND tỉnh Quảng Ninh nêu đích danh. Cơ quan tiến hành tố tụng không bao giờ làm việc "
            "qua điện thoại và không bao giờ yêu cầu chuyển tiền."
        ),
        "steps": [
            "Gọi từ số lạ, xưng họ tên, cấp bậc, đơn vị; đọc đúng họ tên, số căn cước, địa chỉ của người nghe (thông tin bị lộ, bị mua bán) để tạo lòng tin.",
            "Thông báo người nghe liên quan đến vụ án, đường dây rửa tiền; gửi qua Zalo ảnh lệnh bắt, giấy triệu tập, quyết định phong tỏa tài khoản có dấu đỏ giả.",
            "Chuyển máy cho “thủ trưởng”, “kiểm sát viên” để tăng sức ép; gọi video mặc sắc phục, phía sau là phòng làm việc dựng sẵn.",
            "Buộc giữ bí mật “vì lý do điều tra”, cấm kể với người nhà, bắt đến nơi vắng hoặc thuê phòng nghỉ để “làm việc” qua điện thoại.",
            "Yêu cầu kê khai tài khoản, cài ứng dụng lạ, đọc mã OTP hoặc chuyển hết tiền vào “tài khoản tạm giữ” — rồi chiếm đoạt và cắt liên lạc.",
        ],
        "red_flags": [
            {
                "code": "cong-an-lam-viec-qua-dien-thoai",
                "text": "Người lạ tự xưng công an, viện kiểm sát, tòa án và “làm việc”, lấy lời khai qua điện thoại, Zalo hoặc gọi video",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:toi|ben toi|chung toi|day) (?:la|o|thuoc|goi tu|dang cong tac tai) (?:can bo |dieu tra vien |chien si |kiem sat vien |tham phan )?(?:cong an|vien kiem sat|toa an|co quan canh sat dieu tra|co quan dieu tra|phong canh sat)\b",
                    r"\b(?:cong an|vien kiem sat|toa an|co quan dieu tra|dieu tra vien)\b.{0,60}"
                    + NEG
                    + r"\b(?:lam viec|lay loi khai|ghi loi khai|xac minh|ket noi) (?:voi "
                    + YOU
                    + r" )?(?:qua|bang|tren) (?:dien thoai|zalo|video|cuoc goi|viber|telegram)\b",
                ],
            },
            {
                "code": "cong-an-doa-vu-an-lenh-bat",
                "text": "Nói bạn dính vào vụ án (rửa tiền, ma túy, buôn lậu), dọa bắt, dọa phong tỏa tài khoản, gửi lệnh bắt, giấy triệu tập qua mạng",
                "weight": 0.8,
                "patterns": [
                    r"\b"
                    + YOU
                    + r" (?:dang )?(?:bi )?(?:lien quan|dinh liu|dung ten|co ten|co lien quan)(?: den| toi| trong)? (?:mot |1 )?(?:vu an|duong day|vu rua tien|vu ma tuy|vu buon lau|duong day rua tien)\b",
                    r"\b(?:lenh bat|lenh tam giam|giay trieu tap|quyet dinh khoi to|lenh phong toa|quyet dinh phong toa)\b.{0,60}\b(?:gui|qua|tren) (?:zalo|email|tin nhan|anh)\b",
                    r"\b"
                    + YOU
                    + r" (?:se |sap )?(?:bi )?(?:bat tam giam|bat giam|khoi to|truy na|phong toa (?:toan bo )?tai khoan)\b",
                ],
            },
            {
                "code": "cong-an-buoc-giu-bi-mat",
                "text": "Buộc giữ bí mật, cấm báo người thân, bắt đến nơi vắng hoặc thuê phòng nghỉ để “làm việc”",
                "weight": 0.8,
                "patterns": [
                    r"\b"
                    + YOU
                    + r" (?:phai |can |hay |tuyet doi )?(?:giu bi mat|khong duoc (?:noi|bao|ke|tiet lo|chia se)(?: voi| cho)? (?:ai|nguoi nha|gia dinh|nguoi than|bat ky ai|vo|chong|con))\b",
                    r"\b(?:bi mat dieu tra|bi mat nha nuoc)\b.{0,40}\b(?:khong duoc|cam)\b",
                    r"\b"
                    + YOU
                    + r" (?:hay |phai )?(?:thue|den|vao) (?:mot )?(?:phong nghi|nha nghi|khach san|cho vang|noi vang|phong rieng)\b",
                ],
            },
            {
                "code": "cong-an-chuyen-tien-tai-khoan-tam-giu",
                "text": "Đòi chuyển tiền vào “tài khoản tạm giữ”, “tài khoản của cơ quan điều tra” để xác minh tài sản, chứng minh trong sạch",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:"
                    + YOU
                    + r"|hay|vui long|phai)\b.{0,20}"
                    + NEG
                    + r"\b"
                    + PAY
                    + r"\b.{0,60}\b(?:tai khoan|tk|stk) (?:tam giu|tam khoa|an toan|chuyen thu|cua co quan (?:dieu tra|cong an|canh sat)|cua vien kiem sat|cua toa an)\b",
                    r"\d[\d.,]{0,15} ?(?:d|dong|vnd|trieu|tr|ty)\b.{0,20}\b(?:tai khoan|tk|stk) (?:tam giu|tam khoa|an toan|chuyen thu|cua co quan (?:dieu tra|cong an|canh sat)|cua vien kiem sat)\b",
                    r"\b"
                    + YOU
                    + r"\b.{0,30}"
                    + NEG
                    + r"\b"
                    + PAY
                    + r"\b.{0,50}\bde (?:xac minh|kiem tra|chung minh|doi chieu|thanh tra) (?:tai san|nguon tien|nguon goc|dong tien|su trong sach|trong sach|vo toi)\b",
                    r"\b(?:chung minh|xac minh) (?:"
                    + YOU
                    + r" )?(?:trong sach|vo toi|khong lien quan)\b.{0,60}\b"
                    + PAY
                    + r"\b",
                ],
            },
        ],
        "do": [
            "Cúp máy, tự tìm số điện thoại của cơ quan Công an nơi cư trú (hoặc gọi 113) để hỏi lại; nếu thật sự được triệu tập, bạn sẽ nhận giấy mời trực tiếp và đến trụ sở làm việc.",
            "Kể ngay với người thân, đồng nghiệp hoặc cán bộ Công an phường, xã; càng bị dọa “giữ bí mật” càng phải nói ra.",
            "Nếu lỡ chuyển tiền, gọi ngay tổng đài ngân hàng để yêu cầu phong tỏa giao dịch và trình báo Công an gần nhất, mang theo sao kê, ảnh chụp tin nhắn.",
        ],
        "dont": [
            "Không bao giờ chuyển tiền vào bất kỳ “tài khoản tạm giữ”, “tài khoản an toàn” nào: cơ quan tố tụng không giữ tiền của dân qua chuyển khoản.",
            "Không đọc mã OTP, không kê khai số dư, không cài ứng dụng theo hướng dẫn qua điện thoại.",
            "Không đi thuê phòng nghỉ, đến nơi vắng hay tắt máy với người nhà theo yêu cầu của người gọi.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_339, BLHS_341, CT_21, ND_13],
        "related": [
            "gia-danh-cong-an-luat-su-thu-hoi-tien",
            "ung-dung-gia-co-quan-nha-nuoc",
            "lo-thong-tin-cccd-vay-tien",
        ],
        "examples": [
            {
                "channel": "call",
                "sender": "Cuộc gọi từ số lạ",
                "text": "Alô, tôi là Thiếu tá Nguyễn Văn Hùng, điều tra viên Phòng Cảnh sát kinh tế. Bà Lê Thị Hạnh, số căn cước 0221xxxxxxx phải không? Tài khoản của bà đang dính vào một đường dây rửa tiền. Viện kiểm sát đã có lệnh bắt tạm giam, tôi gửi qua Zalo cho bà xem. Bà phải giữ bí mật, không được nói với người nhà vì đây là bí mật điều tra. Để chứng minh trong sạch, bà chuyển toàn bộ tiền tiết kiệm vào tài khoản tạm giữ của cơ quan điều tra, xác minh xong chúng tôi hoàn trả trong 24 giờ.",
            },
            {
                "channel": "zalo",
                "sender": "VKS Nhân dân Tối cao (giả)",
                "text": "Ông Trần Văn Bình, ông có tên trong vụ án buôn lậu số 127/HS. Quyết định phong tỏa tài khoản gửi kèm. Ông thuê phòng nghỉ để làm việc qua video với kiểm sát viên trước 15h hôm nay, sau đó chuyển 450.000.000đ vào TK an toàn để đối chiếu nguồn tiền.",
            },
        ],
    },
    {
        "slug": "khoa-sim-chuan-hoa-thong-tin",
        "severity": 2,
        "channels": ["call", "sms"],
        "targets": "Thuê bao di động, nhất là người cao tuổi, người ít dùng công nghệ",
        "keywords": "khóa sim, chuẩn hóa thông tin thuê bao, nhà mạng, chuyển tiếp cuộc gọi, cú pháp tin nhắn, nâng cấp sim 4G",
        "summary": (
            "Kẻ gian gọi điện xưng nhân viên nhà mạng, báo số điện thoại “chưa chuẩn hóa thông tin”, “sắp bị khóa hai "
            "chiều” hoặc mời “nâng cấp SIM 4G”. Chúng hướng dẫn bấm một cú pháp lạ (thực chất là chuyển tiếp cuộc gọi) "
            "hoặc đọc mã OTP, rồi chiếm số điện thoại để nhận mã xác thực ngân hàng, mạng xã hội của nạn nhân."
        ),
        "steps": [
            "Gọi điện, xưng nhân viên tổng đài nhà mạng, đọc đúng số điện thoại và tên chủ thuê bao.",
            "Báo thuê bao sắp bị khóa vì thông tin chưa khớp căn cước hoặc mời đổi SIM miễn phí.",
            "Đọc cho nạn nhân một cú pháp bắt đầu bằng ** hoặc ## để “xác nhận”, thực chất là cài chuyển tiếp cuộc gọi và tin nhắn sang số của chúng.",
            "Dùng số điện thoại bị chiếm để nhận OTP, đăng nhập ngân hàng điện tử, mạng xã hội rồi rút tiền, nhắn vay tiền người quen.",
        ],
        "red_flags": [
            {
                "code": "sim-bao-khoa-thue-bao",
                "text": "Báo số điện thoại sắp bị khóa một chiều, hai chiều vì “chưa chuẩn hóa thông tin”",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:thue bao|sim|so dien thoai|so thue bao)\b.{0,40}\b(?:se bi|sap bi|bi) (?:khoa|tam khoa|cat|thu hoi)(?: 1 chieu| 2 chieu| mot chieu| hai chieu)?\b.{0,60}\b(?:chuan hoa|cap nhat|chua xac thuc|chua dong bo|sai thong tin)\b",
                    r"\b(?:chuan hoa|cap nhat) thong tin (?:thue bao|sim)\b.{0,60}\b(?:neu khong|ko|k)\b.{0,20}\b(?:khoa|cat)\b",
                ],
            },
            {
                "code": "sim-cu-phap-chuyen-tiep",
                "text": "Đọc cho bạn một cú pháp lạ bắt đầu bằng ** hoặc ## (thường là cài chuyển tiếp cuộc gọi sang số khác)",
                "weight": 1.0,
                "patterns": [
                    r"(?:\*\*|##)(?:21|61|62|67|002|004)\*",
                    r"\b(?:bam|nhan|soan|go)\b.{0,20}(?:\*\*|##|\*#)\d{2,3}\b",
                ],
            },
            {
                "code": "sim-doi-ma-otp",
                "text": "Người xưng nhân viên nhà mạng hỏi mã OTP hoặc mã số vừa gửi về máy",
                "weight": 0.9,
                "patterns": [
                    NEG
                    + r"\b(?:doc|gui|cung cap|bao|nhan lai)\b"
                    + gap(20)
                    + r"\b"
                    + OTP
                    + r"\b(?! ?(?:cho )?(?:bat ky ai|bat cu ai|nguoi khac|ai\b))"
                    + gap(40)
                    + r"\b(?:nha mang|tong dai|nhan vien|de (?:kich hoat|nang cap|xac nhan|chuan hoa|doi sim))\b",
                    r"\b(?:nang cap|doi) sim\b"
                    + gap(40)
                    + r"\b(?:4g|5g|esim)\b"
                    + gap(60)
                    + NEG
                    + r"\b(?:doc|gui|cung cap)\b.{0,20}\b(?:ma|otp)\b",
                ],
            },
        ],
        "do": [
            "Tự đến cửa hàng giao dịch của nhà mạng, mang theo căn cước, khi cần chuẩn hóa hay đổi SIM; hoặc tra cứu trên ứng dụng chính thức của nhà mạng.",
            "Nếu lỡ bấm cú pháp lạ, bấm ##002# để hủy mọi chuyển tiếp cuộc gọi rồi gọi tổng đài nhà mạng kiểm tra.",
            "Khi thấy SIM đột nhiên mất sóng, báo ngay nhà mạng và ngân hàng để khóa tạm thời.",
        ],
        "dont": [
            "Không bấm bất kỳ cú pháp nào do người lạ đọc qua điện thoại.",
            "Không đọc mã OTP, mã số gửi về máy cho người tự xưng nhân viên nhà mạng.",
            "Không chụp căn cước hai mặt, ảnh chân dung gửi qua Zalo cho người lạ để “chuẩn hóa”.",
        ],
        "legal": [BLHS_174, BLHS_290, ND_13, CT_21],
        "related": ["tin-nhan-brandname-gia", "lo-thong-tin-cccd-vay-tien", "chiem-tai-khoan-mang-xa-hoi"],
        "examples": [
            {
                "channel": "call",
                "sender": "Tổng đài CSKH (giả)",
                "text": "Chào chị, em gọi từ tổng đài chăm sóc khách hàng nhà mạng. Thuê bao của chị sẽ bị khóa 2 chiều sau 2 giờ nữa do chưa chuẩn hóa thông tin theo căn cước. Để giữ số, chị bấm **21*0123456789# rồi bấm gọi giúp em, sau đó đọc mã OTP gửi về máy để em kích hoạt.",
            },
        ],
    },
    {
        "slug": "gia-danh-giao-vien-y-te",
        "severity": 3,
        "channels": ["call", "zalo"],
        "targets": "Cha mẹ có con đang đi học, người có người thân đang điều trị, người cao tuổi",
        "keywords": "giáo viên gọi điện, con cấp cứu, tai nạn ở trường, chuyển tiền viện phí, bác sĩ, nhân viên y tế, phẫu thuật gấp",
        "summary": (
            "Kẻ gian gọi cho phụ huynh, xưng giáo viên chủ nhiệm, nhân viên y tế hoặc bác sĩ, báo con em hay người thân "
            "bị tai nạn, đang cấp cứu, cần mổ gấp; rồi hối thúc chuyển ngay tiền viện phí vào tài khoản cá nhân. Chúng "
            "biết tên con, tên trường, lớp nhờ thông tin lộ lọt từ nhóm phụ huynh, mạng xã hội."
        ),
        "steps": [
            "Thu thập tên học sinh, lớp, tên giáo viên, số điện thoại phụ huynh từ mạng xã hội, nhóm Zalo lớp.",
            "Gọi điện giọng hốt hoảng: cháu bị ngã, bị tai nạn, đang ở phòng cấp cứu, phải mổ ngay.",
            "Đưa máy cho “bác sĩ” xác nhận, yêu cầu chuyển ngay viện phí, tiền tạm ứng vào số tài khoản cá nhân.",
            "Liên tục gọi thúc giục để phụ huynh không kịp gọi cho nhà trường, cho con; nhận tiền rồi tắt máy.",
        ],
        "red_flags": [
            {
                "code": "y-te-bao-nguoi-than-cap-cuu",
                "text": "Người lạ báo con, người thân đang cấp cứu, bị tai nạn, cần mổ gấp",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:con|chau|be|nguoi nha|chong|vo|bo|me) (?:cua )?"
                    + YOU
                    + r"\b.{0,40}\b(?:dang|bi|phai) (?:cap cuu|nhap vien|mo gap|phau thuat|nguy kich|hon me|tai nan|nga cau thang|chan thuong so nao|ngat xiu)\b",
                    r"\b(?:dang|phai) (?:cap cuu|mo gap|phau thuat gap)\b.{0,60}"
                    + NEG
                    + THEY
                    + r"\b(?:chuyen|ck|tam ung|dong)\b.{0,30}\b(?:vien phi|tien mo|chi phi|tien thuoc)\b",
                ],
            },
            {
                "code": "y-te-chuyen-vien-phi-tai-khoan-ca-nhan",
                "text": "Đòi chuyển viện phí, tiền tạm ứng ngay vào tài khoản cá nhân của “giáo viên”, “bác sĩ”",
                "weight": 0.9,
                "patterns": [
                    NEG
                    + r"\b"
                    + PAY
                    + r"\b.{0,40}\b(?:vien phi|tien mo|tam ung|tien phau thuat|chi phi cap cuu|tien thuoc)\b.{0,60}\b(?:"
                    + ACCOUNT
                    + r"|so tai khoan)\b",
                    r"\b(?:vien phi|tien mo|tam ung)\b.{0,50}\b(?:tai khoan|tk|stk) (?:cua )?(?:co|thay|bac si|y ta|dieu duong|giao vien|ca nhan)\b",
                ],
            },
            {
                "code": "y-te-thuc-giuc-khong-kip-kiem-tra",
                "text": "Thúc giục từng phút, không cho gọi lại nhà trường, bệnh viện hay người thân để kiểm tra",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:khong kip|khong con thoi gian|tung phut|ngay bay gio|chan chu)\b.{0,40}\b(?:mo|cap cuu|chuyen|ck)\b",
                    r"\b"
                    + YOU
                    + r" (?:dung|khong can) (?:goi|lien lac) (?:cho )?(?:nha truong|benh vien|co giao|thay|ai)\b",
                ],
            },
        ],
        "do": [
            "Bình tĩnh, gọi ngay cho con, cho giáo viên chủ nhiệm theo số đã lưu từ trước, hoặc gọi thẳng số của bệnh viện tra được trên trang chính thức.",
            "Nếu người thân thật sự nhập viện, đến tận nơi đóng viện phí tại quầy thu ngân của bệnh viện; bệnh viện luôn cấp cứu trước, thu tiền sau.",
            "Nhắc nhóm phụ huynh của lớp hạn chế đăng tên, ảnh, lịch học của con lên mạng.",
        ],
        "dont": [
            "Không chuyển viện phí vào tài khoản cá nhân của bất kỳ ai gọi đến.",
            "Không để sự hoảng hốt khiến bạn bỏ qua bước gọi lại kiểm tra, dù chỉ mất hai phút.",
        ],
        "legal": [BLHS_174, BLHS_290, ND_13, CT_21],
        "related": ["deepfake-goi-video", "chiem-tai-khoan-mang-xa-hoi", "gia-danh-truong-dai-hoc-hoc-bong"],
        "examples": [
            {
                "channel": "call",
                "sender": "Số lạ xưng giáo viên",
                "text": "Chị ơi em là cô Phương chủ nhiệm lớp 7A của cháu Minh đây! Cháu bị ngã cầu thang chấn thương sọ não, đang cấp cứu ở bệnh viện, bác sĩ bảo phải mổ gấp. Chị chuyển ngay 35 triệu tạm ứng viện phí vào STK cá nhân của bác sĩ trực 0123456789 giúp em, không kịp đâu chị ơi, từng phút một!",
            },
        ],
    },
    {
        "slug": "gia-danh-ngan-hang-cho-vay",
        "severity": 2,
        "channels": ["call", "sms", "zalo", "facebook", "website"],
        "targets": "Người cần vay tiền nhanh, công nhân, người lao động tự do, hộ kinh doanh nhỏ",
        "keywords": "vay tiền online, vay không thế chấp, giải ngân nhanh, phí hồ sơ, phí bảo hiểm khoản vay, sai số tài khoản, công ty tài chính",
        "summary": (
            "Kẻ gian mạo danh ngân hàng, công ty tài chính, quảng cáo “vay nhanh, không thế chấp, lãi thấp, duyệt trong 5 "
            "phút”. Khi có người đăng ký, chúng đòi nộp trước phí hồ sơ, phí bảo hiểm khoản vay, rồi bịa lỗi “sai số tài "
            "khoản”, “khoản vay bị đóng băng” để đòi thêm tiền mở khóa; đồng thời thu ảnh căn cước, ảnh chân dung để bán "
            "hoặc dùng vào việc khác."
        ),
        "steps": [
            "Chạy quảng cáo, gửi tin nhắn mời vay với lãi suất thấp, thủ tục chỉ cần căn cước.",
            "Hướng dẫn điền hồ sơ trên trang web hoặc ứng dụng giả, gửi ảnh căn cước hai mặt và ảnh chân dung.",
            "Báo khoản vay đã duyệt, gửi ảnh “hợp đồng” có dấu đỏ; yêu cầu nộp phí hồ sơ, phí bảo hiểm trước khi giải ngân.",
            "Bịa lỗi “sai số tài khoản”, “đóng băng khoản vay”, đòi nộp thêm tiền mở khóa, chứng minh tài chính; đến khi nạn nhân hết tiền thì chặn liên lạc.",
        ],
        "red_flags": [
            {
                "code": "vay-nop-phi-truoc-giai-ngan",
                "text": "Phải nộp phí hồ sơ, phí bảo hiểm, tiền “chứng minh tài chính” trước khi được giải ngân",
                "weight": 0.9,
                "patterns": [
                    NEG
                    + r"\b(?:"
                    + PAY
                    + r"|phi)\b.{0,40}\b(?:phi ho so|phi bao hiem khoan vay|phi bao hiem|phi giai ngan|phi duyet vay|phi xac minh|tien chung minh tai chinh|chung minh thu nhap)\b.{0,60}\b(?:giai ngan|nhan tien|duyet|khoan vay)\b",
                    r"\b(?:truoc khi|de duoc|moi duoc) giai ngan\b.{0,50}\b(?:chuyen|ck|nop|dong)\b",
                ],
            },
            {
                "code": "vay-sai-so-tai-khoan-dong-bang",
                "text": "Báo “sai số tài khoản”, “khoản vay bị đóng băng” và đòi nộp tiền để mở khóa",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:sai|nhap sai|ghi sai) (?:so tai khoan|stk|so tk|thong tin)\b.{0,60}\b(?:dong bang|khoa|treo|tam giu|mo khoa|nop|chuyen|ck)\b",
                    r"\b(?:khoan vay|ho so|tien giai ngan)\b.{0,20}\b(?:bi )?(?:dong bang|tam khoa|treo)\b",
                ],
            },
            {
                "code": "vay-de-dang-bat-thuong",
                "text": "Mời vay “không thế chấp, không thẩm định, chỉ cần căn cước, duyệt trong vài phút”",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:vay|ho tro vay|giai ngan)\b.{0,60}\b(?:chi can (?:cccd|can cuoc|cmnd)|khong (?:can )?the chap|khong tham dinh|khong chung minh thu nhap|no xau van (?:vay|duyet))\b",
                    r"\b(?:duyet|giai ngan)\b.{0,15}\b(?:trong )?\d{1,2} ?(?:phut|p)\b",
                ],
            },
        ],
        "do": [
            "Chỉ vay tại quầy giao dịch, website hoặc ứng dụng chính thức của ngân hàng, công ty tài chính được Ngân hàng Nhà nước cấp phép.",
            "Nhớ rằng tổ chức tín dụng thật trừ phí (nếu có) vào khoản giải ngân, không bắt khách chuyển tiền trước.",
            "Khi đã gửi ảnh căn cước cho kẻ gian, báo ngay Công an và ngân hàng, theo dõi tên mình trên các ứng dụng vay.",
        ],
        "dont": [
            "Không nộp bất kỳ khoản phí nào trước khi nhận tiền vay.",
            "Không gửi ảnh căn cước hai mặt, ảnh chân dung, video khuôn mặt cho người lạ qua Zalo, Facebook.",
            "Không cài ứng dụng vay tải từ đường link gửi qua tin nhắn.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_201, ND_13, CT_21],
        "related": ["lo-thong-tin-cccd-vay-tien", "ung-dung-co-bac-tin-dung-den", "trang-web-gia-mao"],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Hỗ trợ vay vốn NH (giả)",
                "text": "Chúc mừng anh! Hồ sơ vay 80 triệu của anh đã được duyệt, giải ngân trong 5 phút, không cần thế chấp, chỉ cần CCCD. Trước khi giải ngân anh vui lòng ck phí bảo hiểm khoản vay 2.400.000đ vào STK 0123456789 (NH XYZ Bank). Lưu ý: anh đã nhập sai số tài khoản nên khoản vay đang bị đóng băng, cần nộp thêm 5 triệu để mở khóa.",
            },
        ],
    },
    {
        "slug": "trang-web-gia-mao",
        "severity": 3,
        "channels": ["website", "sms", "email", "facebook"],
        "targets": "Người dùng ngân hàng điện tử, người tham gia bảo hiểm xã hội, người nộp thuế, khách hàng của các hãng lớn",
        "keywords": "trang web giả, website giả mạo, tên miền giả, bảo hiểm xã hội, ngân hàng, đăng nhập, nhập mã OTP, đường link lạ",
        "summary": (
            "Kẻ gian dựng trang web có giao diện giống hệt trang của ngân hàng, bảo hiểm xã hội, cơ quan thuế, hãng hàng "
            "không…, với tên miền na ná (thêm chữ, đổi một ký tự, đuôi lạ). Người dùng được dẫn tới qua tin nhắn, thư điện "
            "tử hay quảng cáo, nhập tên đăng nhập, mật khẩu, mã OTP — và kẻ gian dùng ngay các thông tin đó để rút tiền."
        ),
        "steps": [
            "Mua tên miền gần giống tên miền thật, sao chép giao diện, logo.",
            "Gửi đường link qua SMS, e-mail, quảng cáo với lý do: cập nhật thông tin, nhận trợ cấp, hoàn thuế, tài khoản bị khóa.",
            "Trang giả yêu cầu đăng nhập, điền số thẻ, ngày hết hạn, mã CVV và mã OTP.",
            "Kẻ gian đăng nhập song song vào trang thật, dùng OTP nạn nhân vừa nhập để chuyển tiền đi.",
        ],
        "red_flags": [
            {
                "code": "web-gia-ten-mien-na-na",
                "text": "Đường link có tên miền na ná tên ngân hàng, cơ quan (thêm chữ “xacthuc”, “hotro”, “-vn”, đuôi lạ như .xyz, .top, .click)",
                "weight": 0.9,
                "patterns": [
                    r"\b[a-z0-9-]{0,30}(?:vietcombank|vcb|vietinbank|bidv|agribank|techcombank|tcb|mbbank|vpbank|acb|sacombank|tpbank|baohiemxahoi|bhxh|vssid|thuedientu|gdt|dichvucong|vneid|evn)[a-z0-9-]{0,30}[-.](?:xacthuc|xac-thuc|xacminh|hotro|ho-tro|support|online|update|capnhat|verify|login|secure|khuyenmai)[a-z0-9.-]{0,60}\b",
                    r"\b(?:vietcombank|vcb|vietinbank|bidv|agribank|techcombank|mbbank|vpbank|sacombank|bhxh|vneid|dichvucong)[a-z0-9-]{0,30}\.(?:xyz|top|click|site|online|info|cc|vip|live|shop|link)\b",
                ],
            },
            {
                "code": "web-gia-nhap-otp-tren-trang",
                "text": "Trang web yêu cầu nhập mật khẩu kèm mã OTP, số thẻ, mã CVV để “xác thực”, “nhận tiền”",
                "weight": 0.9,
                "patterns": [
                    NEG
                    + r"\b(?:nhap|dien|cung cap)\b.{0,30}\b(?:mat khau|so the|cvv|ma pin)\b.{0,40}\b(?:va|kem|roi|sau do)\b.{0,20}\b"
                    + OTP
                    + r"\b",
                    NEG
                    + r"\b(?:dang nhap|truy cap)\b.{0,40}"
                    + LINK
                    + r".{0,80}\b(?:nhap|dien)\b.{0,20}\b"
                    + OTP
                    + r"\b",
                ],
            },
            {
                "code": "web-gia-ly-do-cap-nhat-nhan-tien",
                "text": "Tin nhắn kèm link với lý do: cập nhật thông tin, nhận trợ cấp, hoàn thuế, tài khoản bị khóa",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:cap nhat|xac thuc|dong bo|kich hoat lai|nhan (?:tien )?(?:tro cap|ho tro|hoan thue|bao hiem))\b.{0,80}"
                    + LINK,
                    URL
                    + r".{0,80}\b(?:de (?:tranh|khong) bi (?:khoa|dung|gian doan)|de nhan (?:tien|tro cap|ho tro))\b",
                ],
            },
        ],
        "do": [
            "Tự gõ địa chỉ trang web hoặc mở ứng dụng chính thức của ngân hàng, cơ quan; không mở qua đường link trong tin nhắn.",
            "Đọc kỹ tên miền trước dấu “/” đầu tiên: cơ quan nhà nước dùng đuôi .gov.vn; tra cứu tên miền đáng ngờ trên trang cảnh báo của Cục An toàn thông tin.",
            "Nếu đã nhập thông tin, gọi ngay tổng đài ngân hàng để khóa tài khoản, đổi mật khẩu từ thiết bị khác.",
        ],
        "dont": [
            "Không nhập mật khẩu, số thẻ, mã OTP trên trang mở từ đường link lạ.",
            "Không tin biểu tượng ổ khóa hay giao diện giống hệt: trang giả cũng có được.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_289, ND_13, CT_21],
        "related": ["tin-nhan-brandname-gia", "link-quang-cao-ban-facebook", "ung-dung-gia-co-quan-nha-nuoc"],
        "examples": [
            {
                "channel": "sms",
                "sender": "BHXH-VN (giả)",
                "text": "BHXH thong bao: Ho so tro cap cua ban da duoc duyet 3.600.000d. Vui long cap nhat thong tin tai bhxh-capnhat.example de nhan tien truoc 17h hom nay, nhap so the va ma OTP de xac thuc.",
            },
        ],
    },
    {
        "slug": "tin-nhan-brandname-gia",
        "severity": 3,
        "channels": ["sms"],
        "targets": "Khách hàng ngân hàng, ví điện tử, nhà mạng",
        "keywords": "tin nhắn thương hiệu giả, brandname, trạm BTS giả, SMS giả ngân hàng, tài khoản bị khóa, điểm thưởng hết hạn, đường link",
        "summary": (
            "Kẻ gian dùng thiết bị phát sóng giả (trạm BTS giả) hoặc dịch vụ phát tán để gửi tin nhắn mang tên thương hiệu "
            "của ngân hàng, nhà mạng; tin nhắn giả có thể nằm chung luồng với tin nhắn thật. Nội dung báo tài khoản bị "
            "khóa, giao dịch lạ, điểm thưởng sắp hết hạn… kèm đường link dẫn tới trang giả để lấy thông tin đăng nhập và OTP."
        ),
        "steps": [
            "Đặt thiết bị phát sóng giả trên xe đi qua khu đông người, phát tin nhắn giả tên thương hiệu.",
            "Tin nhắn báo tài khoản bị tạm khóa, phát sinh giao dịch lạ, điểm thưởng sắp hết hạn, kèm đường link.",
            "Trang giả thu tên đăng nhập, mật khẩu, mã OTP; kẻ gian chuyển tiền đi ngay trong vài phút.",
        ],
        "red_flags": [
            {
                "code": "brandname-tin-nhan-kem-link",
                "text": "Tin nhắn mang tên ngân hàng, nhà mạng nhưng có đường link bảo bấm vào (ngân hàng thật không gửi link qua SMS)",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:tai khoan|the|vi|tk) (?:cua )?(?:quy khach|ban|qk)\b.{0,80}" + LINK,
                    r"\b(?:quy khach|qk)\b.{0,40}\b(?:vui long|vl|hay)\b.{0,20}\b(?:truy cap|bam|nhan|click)\b.{0,40}"
                    + LINK,
                ],
            },
            {
                "code": "brandname-bao-khoa-giao-dich-la",
                "text": "Báo tài khoản bị khóa, giao dịch lạ, thẻ hết hạn, điểm thưởng sắp mất để bạn vội bấm link",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:tai khoan|the|vi)\b.{0,30}\b(?:bi )?(?:tam khoa|khoa|tam dung|dong bang|han che)\b.{0,80}"
                    + LINK,
                    r"\b(?:diem thuong|diem tich luy|uu dai|qua tang)\b.{0,40}\b(?:het han|bi huy|sap mat)\b.{0,60}"
                    + LINK,
                    r"\b(?:giao dich|dang nhap) (?:la|bat thuong|dang ngo)\b.{0,60}" + LINK,
                ],
            },
            {
                "code": "brandname-han-gap",
                "text": "Thời hạn rất gấp (“trong 24 giờ”, “trước 17h hôm nay”) để bạn không kịp kiểm tra",
                "weight": 0.4,
                "patterns": [
                    r"\b" + URGENT + r"\b.{0,60}" + LINK,
                    URL + r".{0,60}\b" + URGENT + r"\b",
                ],
            },
        ],
        "do": [
            "Ghi nhớ: ngân hàng không gửi đường link qua tin nhắn SMS để yêu cầu đăng nhập, cập nhật thông tin.",
            "Khi nghi ngờ, mở ứng dụng ngân hàng hoặc gọi số tổng đài in sau thẻ để hỏi.",
            "Chuyển tiếp tin nhắn lừa đảo tới đầu số 5656 của Cục An toàn thông tin để báo cáo.",
        ],
        "dont": [
            "Không bấm đường link trong tin nhắn, kể cả khi tin nhắn nằm chung luồng với tin nhắn thật của ngân hàng.",
            "Không nhập mã OTP trên bất kỳ trang nào mở từ tin nhắn.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_289, CT_21],
        "related": ["trang-web-gia-mao", "khoa-sim-chuan-hoa-thong-tin", "gia-nguoi-giao-hang-thu-phi"],
        "examples": [
            {
                "channel": "sms",
                "sender": "NganHangXYZ",
                "text": "NganHangXYZ: Tai khoan cua Quy khach dang bi tam khoa do phat sinh giao dich bat thuong. Vui long truy cap https://xyzbank-xacthuc.example de xac minh trong vong 24h, qua thoi han tai khoan se bi dong bang.",
            },
        ],
    },
]
