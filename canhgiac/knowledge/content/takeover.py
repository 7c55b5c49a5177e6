"""Group 2 — taking over accounts: social networks, Telegram, identity data, deepfakes, phones."""

# ruff: noqa: E501
from ._common import (
    ACCOUNT,
    BLHS_174,
    BLHS_289,
    BLHS_290,
    BLHS_291,
    CT_21,
    LINK,
    ND_13,
    NEG,
    PAY,
    THEY,
    URL,
    YOU,
    gap,
)

METHODS = [
    {
        "slug": "deepfake-goi-video",
        "severity": 3,
        "channels": ["zalo", "facebook", "call"],
        "targets": "Người thân, bạn bè của người bị chiếm tài khoản; người cao tuổi; cán bộ có quan hệ rộng",
        "keywords": "deepfake, deepvoice, giả giọng, giả khuôn mặt, gọi video mượn tiền, cuộc gọi video chập chờn, trí tuệ nhân tạo",
        "summary": (
            "Kẻ gian dùng trí tuệ nhân tạo ghép khuôn mặt, giả giọng nói của người thân, bạn bè (lấy từ video, ảnh đăng "
            "trên mạng) rồi gọi video vài giây để “xác nhận”, sau đó nhắn vay tiền, nhờ chuyển tiền gấp. Hình ảnh thường "
            "mờ, chập chờn, cuộc gọi bị ngắt nhanh với lý do “sóng yếu”."
        ),
        "steps": [
            "Chiếm hoặc làm giả tài khoản Zalo, Facebook của một người; thu thập ảnh, video, giọng nói của họ.",
            "Nhắn tin mượn tiền bạn bè, người thân của chủ tài khoản với lý do gấp.",
            "Khi bị nghi ngờ, gọi video vài giây bằng hình ảnh, giọng nói giả rồi tắt máy với lý do mạng yếu.",
            "Gửi số tài khoản mang tên người khác, giục chuyển ngay.",
        ],
        "red_flags": [
            {
                "code": "deepfake-goi-video-ngan-chap-chon",
                "text": "Cuộc gọi video rất ngắn, hình mờ, khuôn mặt ít biểu cảm, bị ngắt với lý do “sóng yếu” rồi chuyển sang nhắn tin",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:song|mang|wifi|4g) (?:yeu|kem|chap chon|lag|khong on)\b.{0,60}\b(?:nhan tin|nt|chat|goi lai sau|khong noi duoc)\b",
                    r"\b(?:video|goi video|facetime)\b.{0,30}\b(?:bi )?(?:mat ket noi|ngat|tat)\b.{0,40}\b(?:chuyen|ck|muon)\b",
                ],
            },
            {
                "code": "deepfake-muon-tien-gap",
                "text": "Người quen nhắn mượn tiền gấp, hứa trả ngay trong ngày",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:cho|cho toi|cho em|cho anh|cho chi|cho minh|giup|nho) (?:"
                    + YOU
                    + r" )?(?:muon|vay|ung)\b.{0,40}\b(?:\d{1,9} ?(?:trieu|tr|k|cu)|it tien|tien)\b.{0,40}\b(?:gap|ngay bay gio|ngay lien|ngay nhe|ngay giup|trong hom nay|kip)\b",
                    r"\b(?:can|muon|vay)\b (?:gap|ngay) (?:\d{1,9} ?(?:trieu|tr|k|cu)|it tien|tien)\b",
                    r"\b(?:muon|vay|ung)\b.{0,40}\b(?:toi|chieu|mai|lat nua|trong ngay) (?:tra|gui lai|hoan lai)\b",
                ],
            },
            {
                "code": "deepfake-tai-khoan-ten-nguoi-khac",
                "text": "Số tài khoản nhận tiền mang tên người khác, với lý do “tài khoản của bạn”, “của kế toán”, “tài khoản mình bị lỗi”",
                "weight": 0.8,
                "patterns": [
                    r"\b"
                    + PAY
                    + r"\b.{0,30}\b(?:vao )?(?:"
                    + ACCOUNT
                    + r")\b.{0,30}\b(?:cua )?(?:ban|ban minh|ban toi|ban em|chi gai|anh trai|ke toan|nguoi quen|doi tac)\b",
                    r"\b(?:tai khoan|tk|app ngan hang)\b.{0,10}\b(?:cua )?(?:toi|em|minh|anh|chi) (?:dang )?(?:bi loi|bi khoa|bao tri|dang bao tri|het han muc|khong chuyen duoc)\b",
                ],
            },
        ],
        "do": [
            "Gọi lại bằng số điện thoại bạn đã lưu từ trước (cuộc gọi thường, không qua ứng dụng) để hỏi thẳng người thân.",
            "Hỏi một điều chỉ hai người biết, hoặc hẹn một “mật khẩu gia đình” để xác nhận khi có việc gấp.",
            "Hạn chế đăng công khai video có giọng nói và khuôn mặt rõ nét của mình và con cái.",
        ],
        "dont": [
            "Không chuyển tiền chỉ vì đã “thấy mặt” người thân qua một cuộc gọi video vài giây.",
            "Không chuyển tiền vào tài khoản mang tên người khác với người đang hỏi vay.",
        ],
        "legal": [BLHS_174, BLHS_290, ND_13, CT_21],
        "related": ["chiem-tai-khoan-mang-xa-hoi", "gia-danh-giao-vien-y-te", "lay-lai-tai-khoan-facebook"],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Tài khoản Zalo của “em trai”",
                "text": "Anh ơi cho em mượn 15tr, tối em trả luôn. Vừa gọi video mà sóng yếu quá không nói được, em nhắn tin nhé. Anh ck vào tk của bạn em 0123456789 (NH XYZ Bank - Pham Van Tuan) giúp em, tk của em đang bị lỗi không nhận được.",
            },
        ],
    },
    {
        "slug": "chiem-tai-khoan-mang-xa-hoi",
        "severity": 2,
        "channels": ["facebook", "zalo", "telegram"],
        "targets": "Bạn bè, người thân trong danh bạ của người bị chiếm tài khoản",
        "keywords": "hack facebook, hack zalo, nick bị chiếm, nhắn mượn tiền, nhờ chuyển khoản hộ, nhờ nhận tiền hộ, bình chọn",
        "summary": (
            "Kẻ gian chiếm quyền tài khoản Facebook, Zalo, Telegram (qua trang đăng nhập giả, mã OTP bị lộ, “bình chọn "
            "cuộc thi”) rồi đọc lại tin nhắn cũ, nhắn cho người thân, bạn bè của chủ tài khoản để vay tiền, nhờ chuyển "
            "khoản hộ, nhờ nạp thẻ điện thoại — với giọng văn bắt chước chủ tài khoản."
        ),
        "steps": [
            "Gửi đường link “bình chọn giúp cháu”, “xem ảnh”, “nhận quà” dẫn tới trang đăng nhập giả để lấy mật khẩu, mã xác thực.",
            "Đăng nhập, đổi mật khẩu, đọc tin nhắn cũ để biết cách xưng hô, các mối quan hệ.",
            "Nhắn hàng loạt cho bạn bè: mượn tiền gấp, nhờ chuyển khoản hộ, nhờ mua thẻ cào.",
            "Dùng tài khoản tiếp tục phát tán đường link để chiếm thêm tài khoản khác.",
        ],
        "red_flags": [
            {
                "code": "mxh-nho-chuyen-khoan-ho",
                "text": "Người quen nhắn nhờ chuyển khoản hộ, nhận tiền hộ, nạp thẻ cào hộ vì “đang bận”, “app ngân hàng lỗi”",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:nho|giup|nho "
                    + YOU
                    + r"|"
                    + YOU
                    + r" (?:oi )?(?:giup|lam on))\b.{0,20}\b(?:chuyen khoan ho|ck ho|chuyen ho|mua the cao|nap the|mua giup the|nhan (?:tien )?ho\b.{0,60}\b(?:chuyen|ck|so tai khoan|stk|tai khoan))\b",
                    r"\b(?:dang (?:ban|hop|o ngoai)|app (?:ngan hang )?(?:bi )?loi)\b.{0,50}\b(?:chuyen|ck|nhan tien|muon)\b",
                ],
            },
            {
                "code": "mxh-link-binh-chon-dang-nhap",
                "text": "Đường link “bình chọn giúp”, “xem ảnh”, “nhận quà” đòi đăng nhập Facebook, Zalo hoặc nhập mã xác thực",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:binh chon|vote|bau chon|like) (?:giup|cho|ho)\b.{0,80}" + LINK,
                    URL + r".{0,80}\b(?:dang nhap|login)\b.{0,30}\b(?:facebook|fb|zalo|telegram)\b",
                ],
            },
            {
                "code": "mxh-tu-choi-goi-dien",
                "text": "Từ chối nghe điện thoại, chỉ nhắn tin, viện cớ đang họp, đang ở chỗ ồn",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:dang (?:hop|ban|o cho on|di duong|lai xe|trong vien))\b.{0,30}\b(?:khong|ko|k|chua) (?:nghe|nghe may|nghe dien thoai|goi) (?:duoc)?\b",
                    r"\b(?:nhan tin|nt|chat) thoi\b.{0,40}\b(?:dung|khong|ko|dung co) goi\b",
                ],
            },
        ],
        "do": [
            "Gọi điện trực tiếp (cuộc gọi thường) cho người nhờ chuyển tiền trước khi làm bất cứ điều gì.",
            "Bật xác thực hai lớp cho Facebook, Zalo, Telegram; dùng mật khẩu riêng cho từng tài khoản.",
            "Khi bị chiếm tài khoản, báo ngay cho bạn bè qua kênh khác và làm thủ tục khôi phục trên trang chính thức của nền tảng.",
        ],
        "dont": [
            "Không chuyển tiền, mua thẻ cào chỉ dựa trên tin nhắn, kể cả từ tài khoản của người rất thân.",
            "Không đăng nhập tài khoản mạng xã hội qua đường link bình chọn, xem ảnh, nhận quà.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_289, CT_21],
        "related": ["deepfake-goi-video", "lay-lai-tai-khoan-facebook", "danh-cap-otp-telegram"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Tài khoản Facebook của một đồng nghiệp",
                "text": "Em ơi chị đang họp không nghe máy được, nhờ em chuyển khoản hộ chị 12 triệu cho đối tác theo STK 0123456789 nhé, app ngân hàng của chị bị lỗi, chiều chị gửi lại em. Nhân tiện bình chọn giúp cháu chị với: http://binhchon-betai.example",
            },
        ],
    },
    {
        "slug": "lo-thong-tin-cccd-vay-tien",
        "severity": 2,
        "channels": ["zalo", "facebook", "app", "call"],
        "targets": "Người từng gửi ảnh căn cước cho người lạ, người làm thủ tục qua dịch vụ trung gian",
        "keywords": "lộ căn cước, CCCD bị lợi dụng, vay tiền bằng căn cước, thuê căn cước, mở tài khoản hộ, bán tài khoản ngân hàng, nợ không vay",
        "summary": (
            "Ảnh căn cước, ảnh chân dung bị lộ (do gửi cho người lạ, cho dịch vụ làm hồ sơ, hay bị mua bán) được kẻ gian "
            "dùng để vay tiền trên ứng dụng, mở tài khoản ngân hàng, ví điện tử đứng tên nạn nhân. Nạn nhân bị đòi nợ "
            "những khoản không hề vay; tài khoản đứng tên mình bị dùng để nhận tiền lừa đảo. Kẻ gian còn rao “thuê căn "
            "cước”, “mua tài khoản ngân hàng” với giá vài trăm nghìn."
        ),
        "steps": [
            "Thu thập ảnh căn cước qua các “dịch vụ” làm hồ sơ, nhận hàng, tuyển dụng, khảo sát có quà.",
            "Rao mua, thuê tài khoản ngân hàng, căn cước với giá hấp dẫn.",
            "Dùng ảnh và video khuôn mặt để đăng ký vay, mở tài khoản, ví điện tử.",
            "Nạn nhân bị gọi đòi nợ, hoặc bị điều tra vì tài khoản đứng tên mình nhận tiền lừa đảo.",
        ],
        "red_flags": [
            {
                "code": "cccd-xin-anh-hai-mat-chan-dung",
                "text": "Người lạ xin ảnh chụp hai mặt căn cước, ảnh chân dung cầm căn cước, video quay khuôn mặt",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:gui|chup|cung cap|gui qua)\b.{0,30}\b(?:anh|hinh)?\b.{0,10}\b(?:2|hai) mat (?:cccd|can cuoc|cmnd|cmt|the can cuoc)\b",
                    r"\b(?:anh|hinh|video) (?:chan dung|khuon mat|selfie|quay mat)\b.{0,30}\b(?:cam|kem|voi) (?:cccd|can cuoc|cmnd)\b",
                ],
            },
            {
                "code": "cccd-thue-mua-tai-khoan",
                "text": "Lời rao thuê, mua căn cước, tài khoản ngân hàng, ví điện tử, SIM đứng tên bạn",
                "weight": 1.0,
                "patterns": [
                    NEG
                    + THEY
                    + r"\b(?:thu mua|mua|thue|can mua|can thue|nhan mua)\b"
                    + gap(20)
                    + r"\b(?:tai khoan ngan hang|tk ngan hang|tknh|stk|cccd|can cuoc|vi dien tu|sim chinh chu)\b"
                    + gap(80)
                    + r"\b(?:tra (?:\d|tien|phi|ngay)|nhan (?:\d|ngay|tien)|\d{1,9} ?(?:k|tr|trieu|nghin)\b|gia cao|lien he|inbox|ib|ket ban|zalo|moi thang|moi bo)",
                    r"\b(?:mo|lam) (?:tai khoan|tk|the) (?:ngan hang )?(?:ho|giup)\b.{0,50}\b(?:tra|duoc|nhan) (?:\d{1,9}|tien|phi)\b",
                ],
            },
            {
                "code": "cccd-doi-no-khong-vay",
                "text": "Bị gọi đòi nợ một khoản vay trên ứng dụng mà bạn không hề vay",
                "weight": 0.5,
                "patterns": [
                    r"\bneu (?:" + YOU + r" )?(?:khong|ko|k) (?:he |co )?vay\b",
                    r"\b(?:xoa ten khoi|xoa no xau|xoa khoan vay|huy khoan vay|huy hop dong vay|tam dung thu hoi no)\b",
                    r"\b(?:bo phan thu hoi no|cong ty thu hoi no|thu hoi no tai noi cu tru)\b",
                    r"\bdung ten (?:tren )?(?:\d{1,9} |mot |nhieu |cac )?(?:khoan vay|hop dong vay)\b",
                ],
            },
        ],
        "do": [
            "Chỉ gửi căn cước cho cơ quan, tổ chức khi thật cần, qua kênh chính thức; ghi rõ mục đích lên bản chụp (ví dụ: “chỉ dùng để nộp hồ sơ tại …”).",
            "Dùng ứng dụng VNeID để xem ai đã tra cứu, dùng thông tin của mình; kiểm tra tên mình trên hệ thống thông tin tín dụng.",
            "Khi phát hiện khoản vay, tài khoản lạ đứng tên mình, trình báo ngay Công an và tổ chức tín dụng liên quan.",
        ],
        "dont": [
            "Không bán, cho thuê, cho mượn căn cước, tài khoản ngân hàng, SIM: đó là tiếp tay cho tội phạm và có thể bị xử lý hình sự.",
            "Không gửi ảnh hai mặt căn cước, video khuôn mặt cho người lạ qua mạng xã hội.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_291, ND_13, CT_21],
        "related": [
            "gia-danh-ngan-hang-cho-vay",
            "khoa-sim-chuan-hoa-thong-tin",
            "ung-dung-co-bac-tin-dung-den",
        ],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Nhóm “Việc làm thêm tại nhà”",
                "text": "Cần thuê tài khoản ngân hàng chính chủ, trả 500k/tháng, không cần làm gì. Inbox gửi ảnh 2 mặt CCCD và ảnh chân dung cầm CCCD để bên mình mở tài khoản hộ, nhận tiền ngay trong ngày.",
            },
        ],
    },
    {
        "slug": "danh-cap-otp-telegram",
        "severity": 2,
        "channels": ["telegram"],
        "targets": "Người dùng Telegram, nhất là thành viên các nhóm đầu tư, việc làm, trò chơi",
        "keywords": "telegram, mã OTP, otp, mã đăng nhập, chụp màn hình, nhận quà, premium miễn phí, mất tài khoản telegram, mã 5 số",
        "summary": (
            "Kẻ gian nhắn tin trên Telegram mời nhận quà, tài khoản Premium miễn phí hay tham gia bình chọn, rồi dụ người "
            "dùng nhập số điện thoại và “chụp màn hình gửi lại để xác nhận”. Ảnh chụp màn hình chứa mã đăng nhập Telegram "
            "gửi về máy — kẻ gian dùng mã đó để chiếm tài khoản, đọc nhóm chat, lừa tiếp danh bạ."
        ),
        "steps": [
            "Gửi tin nhắn hoặc bot mời nhận quà, Premium, tiền thưởng.",
            "Yêu cầu nhập số điện thoại vào bot hoặc trang web.",
            "Đề nghị chụp màn hình ứng dụng “để xác nhận” — ảnh chứa mã đăng nhập vừa gửi về.",
            "Đăng nhập tài khoản của nạn nhân, bật mật khẩu hai lớp của chúng, dùng tài khoản để lừa người khác.",
        ],
        "red_flags": [
            {
                "code": "telegram-chup-man-hinh-ma",
                "text": "Yêu cầu chụp màn hình Telegram gửi lại, hoặc gửi mã số vừa nhận",
                "weight": 1.0,
                "patterns": [
                    NEG
                    + r"\b(?:chup|cap|screenshot) (?:man hinh|lai man hinh|anh man hinh)\b.{0,60}\b(?:gui|gui lai|gui cho|de xac nhan|xac minh)\b",
                    NEG
                    + THEY
                    + r"\b(?:gui|doc|nhap|cung cap)\b.{0,20}\b(?:ma|code) (?:dang nhap|login|\d so|tu telegram|vua nhan)\b",
                ],
            },
            {
                "code": "telegram-qua-premium-mien-phi",
                "text": "Mời nhận Telegram Premium, quà, tiền thưởng miễn phí qua bot hoặc đường link",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:nhan|tang|mien phi)\b.{0,30}\b(?:telegram premium|premium)\b",
                    r"\b(?:bot|t\.me/)\b.{0,60}\b(?:nhan qua|nhan thuong|nhan tien|qua tang)\b",
                ],
            },
            {
                "code": "telegram-nhap-so-dien-thoai",
                "text": "Yêu cầu nhập số điện thoại vào bot, trang web để “nhận thưởng”",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:nhap|dien|gui) (?:so dien thoai|sdt|so dt)\b.{0,40}\b(?:de )?(?:nhan (?:qua|thuong|tien)|xac nhan|kich hoat)\b",
                ],
            },
        ],
        "do": [
            "Bật “Xác minh hai bước” (mật khẩu bổ sung) trong phần Quyền riêng tư và Bảo mật của Telegram.",
            "Thường xuyên xem mục Thiết bị đang hoạt động, đăng xuất các phiên lạ.",
            "Khi mất tài khoản, báo ngay cho bạn bè, nhóm chat qua kênh khác để họ cảnh giác.",
        ],
        "dont": [
            "Không chụp màn hình Telegram gửi cho người lạ, không đọc mã đăng nhập cho ai.",
            "Không nhập số điện thoại vào bot, trang web lạ để nhận quà.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_289, CT_21],
        "related": ["chiem-tai-khoan-mang-xa-hoi", "dau-tu-tai-chinh-tien-ao", "cong-tac-vien-lam-nhiem-vu"],
        "examples": [
            {
                "channel": "telegram",
                "sender": "Telegram Gift Bot (giả)",
                "text": "🎁 Chúc mừng! Bạn được tặng Telegram Premium miễn phí 12 tháng. Nhập số điện thoại để nhận quà, sau đó chụp màn hình ứng dụng gửi lại cho admin để xác nhận nhé.",
            },
        ],
    },
    {
        "slug": "lay-lai-tai-khoan-facebook",
        "severity": 1,
        "channels": ["facebook", "zalo"],
        "targets": "Người vừa bị mất, bị khóa tài khoản Facebook; chủ trang bán hàng",
        "keywords": "lấy lại facebook, mở khóa facebook, khôi phục tài khoản, dịch vụ hỗ trợ meta, tích xanh, đặt cọc phí",
        "summary": (
            "Khi tài khoản Facebook bị khóa hoặc bị chiếm, nhiều người lên mạng tìm “dịch vụ lấy lại tài khoản”. Kẻ gian "
            "tự xưng nhân viên Meta, “hacker mũ trắng”, nhận làm với giá rẻ, đòi đặt cọc, rồi đòi thêm phí nhiều lần, "
            "thậm chí xin mật khẩu, mã xác thực để chiếm luôn các tài khoản còn lại."
        ),
        "steps": [
            "Đăng quảng cáo, bình luận dạo “mở khóa Facebook 100%, lấy lại nick bị hack”.",
            "Nhận lời, đòi đặt cọc trước, gửi ảnh “đang xử lý” giả.",
            "Đòi thêm “phí kỹ thuật”, “phí xác minh danh tính”, xin mật khẩu e-mail, mã xác thực.",
            "Chặn liên lạc; tài khoản không lấy lại được mà còn mất thêm tiền, thêm tài khoản.",
        ],
        "red_flags": [
            {
                "code": "fb-dich-vu-mo-khoa-100",
                "text": "Quảng cáo “mở khóa, lấy lại Facebook 100%, nhanh trong vài giờ”",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:lay lai|mo khoa|khoi phuc|go khoa|unlock)\b.{0,20}\b(?:facebook|fb|nick|tai khoan fb|page|fanpage)\b.{0,60}\b(?:100 ?%|cam ket\b|uy tin\b|nhanh\b|trong \d{1,9} ?(?:h|gio|phut)\b)",
                    r"\b(?:nhan vien|ho tro|doi ngu) (?:cua )?(?:meta|facebook)\b.{0,40}\b(?:phi|coc|chuyen|ck)\b",
                ],
            },
            {
                "code": "fb-dat-coc-phi-ky-thuat",
                "text": "Đòi đặt cọc, “phí kỹ thuật”, “phí xác minh” trước khi làm",
                "weight": 0.7,
                "patterns": [
                    NEG
                    + r"\b(?:dat coc|coc truoc|phi ky thuat|phi xac minh|phi mo khoa|phi xu ly)\b.{0,40}\b(?:\d{1,9} ?(?:k|tr|trieu|nghin|000)|truoc khi)\b",
                ],
            },
            {
                "code": "fb-xin-mat-khau-ma",
                "text": "Xin mật khẩu e-mail, mật khẩu Facebook hoặc mã xác thực gửi về máy",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:gui|cung cap|doc|cho)\b.{0,20}\b(?:mat khau|pass|mk)\b.{0,30}\b(?:email|gmail|facebook|fb|nick)\b",
                    r"\b(?:gui|doc|cung cap)\b.{0,20}\b(?:ma (?:xac thuc|xac nhan|2fa|khoi phuc)|code)\b.{0,30}\b(?:facebook|fb|gui ve|vua nhan)\b",
                ],
            },
        ],
        "do": [
            "Chỉ khôi phục tài khoản qua trang trợ giúp chính thức của Facebook (Meta); dịch vụ này miễn phí.",
            "Bật xác thực hai yếu tố, lưu mã khôi phục ở nơi an toàn trước khi có sự cố.",
        ],
        "dont": [
            "Không thuê “dịch vụ lấy lại tài khoản” trên mạng, không đặt cọc.",
            "Không đưa mật khẩu, mã xác thực cho ai, kể cả người tự xưng nhân viên Meta.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["chiem-tai-khoan-mang-xa-hoi", "lay-lai-tien-bi-lua", "danh-cap-otp-telegram"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Hỗ Trợ Meta VN (giả)",
                "text": "Bên mình nhận mở khóa, lấy lại nick Facebook bị hack 100% trong 2h, uy tín. Đặt cọc trước 500k phí kỹ thuật, xong việc thanh toán nốt. Bạn gửi mật khẩu gmail và mã xác thực gửi về máy để bên mình xử lý nhé.",
            },
        ],
    },
]
