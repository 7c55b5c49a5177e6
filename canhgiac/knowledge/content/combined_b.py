"""Group 3 — combined forms (part 2): mistaken transfers, recovery services, rumours, romance, dirty ads, lottery."""

# ruff: noqa: E501
from ._common import BLHS_174, BLHS_201, BLHS_289, BLHS_290, BLHS_321, CT_21, LINK, ND_13, NEG, PAY, YOU

METHODS = [
    {
        "slug": "chuyen-nham-tien",
        "severity": 2,
        "channels": ["call", "sms", "zalo"],
        "targets": "Người có tài khoản ngân hàng, nhất là người từng gửi thông tin cho ứng dụng vay",
        "keywords": "chuyển nhầm tiền, nhận tiền lạ, trả lại tiền, đòi nợ, lãi cao, công ty tài chính, khoản vay tự động",
        "summary": (
            "Tài khoản của bạn bỗng nhận một khoản tiền lạ; ngay sau đó có người gọi, nhắn xin “trả lại vì chuyển nhầm” "
            "vào một tài khoản khác. Thực chất đó là khoản giải ngân của một hợp đồng vay đứng tên bạn (lập bằng thông tin "
            "bị lộ); vài ngày sau, kẻ gian xưng công ty tài chính đòi nợ gốc kèm lãi rất cao, dọa bêu xấu."
        ),
        "steps": [
            "Dùng thông tin bị lộ của nạn nhân đăng ký vay trên ứng dụng, giải ngân vào tài khoản của chính nạn nhân.",
            "Gọi, nhắn tin nhận là người chuyển nhầm, năn nỉ hoặc dọa nạt để nạn nhân chuyển trả sang một tài khoản khác.",
            "Sau đó “công ty tài chính” đòi trả khoản vay cùng lãi, phí rất cao; khủng bố danh bạ nếu không trả.",
        ],
        "red_flags": [
            {
                "code": "chuyen-nham-xin-tra-tai-khoan-khac",
                "text": "Người lạ nói chuyển nhầm và xin bạn chuyển trả vào một tài khoản khác với tài khoản đã chuyển",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:chuyen nham|ck nham|chuyen lon|ck lon|nhap nham)\b.{0,80}\b(?:chuyen lai|ck lai|tra lai|hoan lai|gui lai)\b.{0,40}\b(?:so tai khoan|stk|tai khoan|tk|so) (?:khac|nay|moi|em gui|cua (?:chu hang|ke toan|cong ty|ban|nguoi))\b",
                    r"\b(?:tra lai|chuyen lai|ck lai)\b.{0,40}\b(?:vao|sang|qua) (?:so tai khoan|stk|tk|tai khoan) (?:khac|nay|cua (?:em|toi|minh|ke toan))\b",
                ],
            },
            {
                "code": "chuyen-nham-doi-no-lai-cao",
                "text": "Sau đó bị “công ty tài chính” đòi nợ khoản tiền đó kèm lãi, phí cao",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:khoan vay|hop dong vay|khoan giai ngan)\b.{0,60}\b(?:lai|phi) (?:qua han|phat)\b",
                    r"\b" + YOU + r" (?:da )?(?:nhan|nhan duoc) (?:khoan )?(?:tien giai ngan|khoan vay)\b",
                ],
            },
            {
                "code": "chuyen-nham-doa-trinh-bao",
                "text": "Năn nỉ, dọa báo công an, dọa kiện nếu bạn không chuyển trả ngay",
                "weight": 0.4,
                "patterns": [
                    r"\b(?:chuyen nham|ck nham)\b.{0,80}\b(?:bao cong an|kien|trinh bao|to cao|chiem giu trai phep)\b",
                ],
            },
        ],
        "do": [
            "Không tự chuyển trả; báo ngay cho ngân hàng của bạn để ngân hàng làm thủ tục tra soát, hoàn trả đúng người chuyển.",
            "Nếu người kia đòi gấp, hẹn cùng ra ngân hàng hoặc trụ sở Công an phường, xã để giải quyết.",
            "Kiểm tra xem có khoản vay nào đứng tên mình trên ứng dụng lạ không.",
        ],
        "dont": [
            "Không chuyển “trả lại” vào một tài khoản khác theo lời người gọi.",
            "Không tiêu khoản tiền lạ: giữ nguyên cho đến khi ngân hàng xử lý xong.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_201, ND_13, CT_21],
        "related": [
            "lo-thong-tin-cccd-vay-tien",
            "ung-dung-co-bac-tin-dung-den",
            "bien-lai-chuyen-khoan-gia",
        ],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Số lạ",
                "text": "Chị ơi em chuyển nhầm 5 triệu vào tài khoản của chị, tiền viện phí cho mẹ em. Chị chuyển lại giúp em vào STK khác này 0123456789 nhé, tài khoản cũ của em bị khóa rồi. Chị không trả là em phải báo công an đấy.",
            },
        ],
    },
    {
        "slug": "lay-lai-tien-bi-lua",
        "severity": 2,
        "channels": ["facebook", "zalo", "tiktok", "website"],
        "targets": "Người vừa bị lừa đảo, đang tìm cách lấy lại tiền",
        "keywords": "lấy lại tiền bị lừa, thu hồi tiền, hacker lấy lại tiền, dịch vụ hỗ trợ nạn nhân, phí hồ sơ, phí thu hồi",
        "summary": (
            "Sau khi bị lừa, nạn nhân lên mạng tìm cách lấy lại tiền và gặp các trang, hội nhóm “hỗ trợ nạn nhân”, "
            "“hacker mũ trắng” nhận thu hồi tiền với tỷ lệ cao. Chúng đòi phí hồ sơ, phí xử lý, phí mở khóa tài khoản "
            "nhiều lần — nạn nhân bị lừa lần thứ hai."
        ),
        "steps": [
            "Bình luận dạo dưới bài tố cáo lừa đảo, quảng cáo “lấy lại tiền 80–100%”.",
            "Xin thông tin vụ việc, gửi ảnh “lệnh thu hồi”, “giấy xác nhận” giả.",
            "Đòi nộp phí hồ sơ, phí xử lý, tiền thuế để “giải ngân tiền thu hồi”.",
            "Tiếp tục đòi thêm đến khi nạn nhân nghi ngờ thì chặn liên lạc.",
        ],
        "red_flags": [
            {
                "code": "thu-hoi-cam-ket-lay-lai-tien",
                "text": "Quảng cáo “lấy lại tiền bị lừa” với cam kết tỷ lệ cao, làm nhanh",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:lay lai|thu hoi|hoan lai|doi lai)\b.{0,20}\b(?:tien|so tien)\b.{0,20}\b(?:bi lua|da mat|bi chiem doat|bi scam)\b.{0,60}\b(?:\d{2,3} ?%|cam ket\b|nhanh\b|uy tin\b|thanh cong\b)",
                    r"\b(?:hacker|hacker mu trang|chuyen gia)\b.{0,30}\b(?:lay lai|thu hoi)\b.{0,20}\btien\b",
                ],
            },
            {
                "code": "thu-hoi-nop-phi-truoc",
                "text": "Đòi nộp phí hồ sơ, phí xử lý, thuế trước khi “giải ngân tiền thu hồi”",
                "weight": 0.9,
                "patterns": [
                    NEG
                    + r"\b(?:"
                    + PAY
                    + r"|phi)\b.{0,30}\b(?:phi ho so|phi xu ly|phi thu hoi|phi giai ngan|phi mo khoa|thue)\b.{0,60}\b(?:thu hoi|lay lai|giai ngan|hoan tra)\b",
                ],
            },
            {
                "code": "thu-hoi-binh-luan-dao",
                "text": "Tài khoản lạ bình luận, nhắn tin chủ động đề nghị giúp ngay sau khi bạn đăng bài kể bị lừa",
                "weight": 0.4,
                "patterns": [
                    r"\b(?:ib|inbox|nhan tin|lien he)\b.{0,30}\b(?:de )?(?:duoc )?(?:ho tro|giup)\b.{0,20}\b(?:lay lai|thu hoi)\b",
                ],
            },
        ],
        "do": [
            "Trình báo trực tiếp tại cơ quan Công an nơi cư trú hoặc nơi xảy ra vụ việc; chỉ Công an và Tòa án mới có thẩm quyền thu hồi tài sản.",
            "Gọi ngay ngân hàng để yêu cầu tra soát, phong tỏa khoản tiền vừa chuyển.",
        ],
        "dont": [
            "Không trả tiền cho bất kỳ “dịch vụ lấy lại tiền” nào trên mạng.",
            "Không gửi thêm thông tin cá nhân, ảnh căn cước cho người tự nhận “hỗ trợ nạn nhân”.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": [
            "gia-danh-cong-an-luat-su-thu-hoi-tien",
            "lay-lai-tai-khoan-facebook",
            "dau-tu-tai-chinh-tien-ao",
        ],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Hỗ Trợ Nạn Nhân Lừa Đảo (giả)",
                "text": "Bạn bị lừa qua sàn đầu tư? Đội hacker mũ trắng bên mình lấy lại tiền bị lừa 90%, cam kết thành công. Chỉ cần nộp phí hồ sơ 3 triệu để bên mình làm thủ tục thu hồi, inbox ngay.",
            },
        ],
    },
    {
        "slug": "tin-don-cuoc-goi-mat-tien",
        "severity": 1,
        "channels": ["facebook", "zalo", "tiktok"],
        "targets": "Người dùng mạng xã hội, nhất là người cao tuổi hay chia sẻ cảnh báo",
        "keywords": "tin đồn, nghe máy mất tiền, cuộc gọi rút sạch tài khoản, flashai, số điện thoại lạ, cảnh báo giả, ứng dụng bảo vệ",
        "summary": (
            "Trên mạng lan truyền tin “nghe cuộc gọi từ số này là bị rút sạch tiền trong tài khoản”, “công nghệ FlashAI "
            "lấy tiền qua cuộc gọi”. Đó là tin sai: chỉ nghe máy thì không thể mất tiền. Kẻ gian lợi dụng sự hoang mang "
            "để mời cài “ứng dụng bảo vệ”, bán “dịch vụ chặn cuộc gọi” hoặc gắn đường link độc hại vào bài cảnh báo giả."
        ),
        "steps": [
            "Tung bài, video “khẩn cấp”: nghe máy số lạ là mất tiền; kèm danh sách số, đầu số.",
            "Kêu gọi chia sẻ rộng rãi, tạo hoang mang.",
            "Gắn đường link “ứng dụng chặn cuộc gọi”, “bảo vệ tài khoản” để người đọc cài đặt.",
        ],
        "red_flags": [
            {
                "code": "tin-don-nghe-may-mat-tien",
                "text": "Tin khẳng định chỉ cần nghe máy, bấm nghe là bị rút sạch tiền",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:nghe may|bat may|nhac may|nghe cuoc goi|an nghe)\b.{0,40}\b(?:mat (?:het|sach)? ?tien|bi rut (?:sach|het)? ?tien|mat sach tai khoan|bay (?:het|sach) tien)\b",
                    r"\bflash ?ai\b",
                ],
            },
            {
                "code": "tin-don-chia-se-gap",
                "text": "Kêu gọi “chia sẻ ngay cho người thân”, “khẩn cấp”, không nêu nguồn cơ quan chức năng",
                "weight": 0.3,
                "patterns": [
                    r"\b(?:chia se|share|chuyen tiep) (?:ngay|gap|gium|giup|cho (?:nguoi than|moi nguoi|tat ca))\b.{0,60}\b(?:khan cap|cuc ky nguy hiem|canh giac|dung nghe)\b",
                ],
            },
            {
                "code": "tin-don-cai-ung-dung-bao-ve",
                "text": "Mời cài “ứng dụng bảo vệ”, “chặn cuộc gọi lừa đảo” qua đường link lạ",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:cai|tai)\b.{0,20}\b(?:app|ung dung|phan mem)\b.{0,20}\b(?:bao ve|chan cuoc goi|chong lua dao|chong hack)\b.{0,60}"
                    + LINK,
                ],
            },
        ],
        "do": [
            "Đối chiếu với thông tin chính thức của Công an, Bộ Khoa học và Công nghệ, Cục An toàn thông tin trước khi tin và chia sẻ.",
            "Nhớ rằng tiền chỉ mất khi bạn làm theo yêu cầu: bấm link, cài ứng dụng, đọc OTP, chuyển khoản.",
        ],
        "dont": [
            "Không chia sẻ tin cảnh báo không rõ nguồn, làm người khác hoang mang.",
            "Không cài “ứng dụng bảo vệ” qua đường link trong bài đăng.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["link-quang-cao-ban-facebook", "ung-dung-gia-co-quan-nha-nuoc", "trang-web-gia-mao"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Bài đăng lan truyền",
                "text": "KHẨN CẤP!!! Công nghệ FlashAI mới: chỉ cần nghe máy số lạ 3 giây là bị rút sạch tiền tài khoản. Chia sẻ ngay cho người thân! Cài app chặn cuộc gọi lừa đảo tại http://chan-cuoc-goi.example để bảo vệ.",
            },
        ],
    },
    {
        "slug": "lam-quen-qua-mang",
        "severity": 3,
        "channels": ["facebook", "zalo", "telegram", "tiktok"],
        "targets": "Người độc thân, ly hôn, người lớn tuổi sống một mình, phụ nữ có thu nhập ổn định",
        "keywords": "làm quen qua mạng, hẹn hò, người nước ngoài gửi quà, phí hải quan, bưu kiện, tình cảm, đầu tư cùng, romance scam",
        "summary": (
            "Kẻ gian dựng hồ sơ người thành đạt (thường là người nước ngoài, bác sĩ, kỹ sư, quân nhân), làm quen, trò chuyện "
            "hằng ngày, hứa hẹn yêu đương, kết hôn. Khi đã có lòng tin, chúng gửi “quà” có giá trị lớn rồi giả nhân viên "
            "hải quan đòi phí nhận hàng, hoặc rủ cùng “đầu tư” trên sàn do chúng điều khiển."
        ),
        "steps": [
            "Kết bạn, khen ngợi, quan tâm, nói chuyện hằng ngày trong nhiều tuần.",
            "Bày tỏ tình cảm, hứa sang Việt Nam gặp, cưới.",
            "Báo gửi quà (tiền mặt, vàng, trang sức); “hải quan”, “công ty vận chuyển” gọi đòi phí, thuế, tiền phạt.",
            "Hoặc rủ cùng đầu tư, hướng dẫn nạp tiền vào sàn giả; không bao giờ gặp mặt thật.",
        ],
        "red_flags": [
            {
                "code": "lam-quen-qua-tang-phi-hai-quan",
                "text": "“Người yêu” trên mạng gửi quà giá trị lớn, rồi có người đòi phí hải quan, thuế, tiền phạt để nhận",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:buu kien|kien hang|goi qua|qua tang|hanh ly)\b.{0,80}\b(?:phi hai quan|thue hai quan|phi thong quan|phi van chuyen quoc te|tien phat|phi chong rua tien)\b",
                    r"\b(?:hai quan|san bay)\b.{0,40}\b(?:giu|tam giu)\b.{0,40}\b(?:buu kien|kien hang|qua|hanh ly)\b",
                ],
            },
            {
                "code": "lam-quen-ru-dau-tu-cung",
                "text": "Người mới quen qua mạng rủ cùng đầu tư, chỉ cách nạp tiền vào một sàn “bí mật”",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:anh|em|minh)\b.{0,30}\b(?:co|biet) (?:mot |1 )?(?:san|app|ung dung|nen tang|chu)\b.{0,30}\b(?:dau tu|giao dich|kiem tien)\b.{0,60}\b(?:cung nhau|cho em|cho anh|tuong lai)\b",
                ],
            },
            {
                "code": "lam-quen-hua-hen-chua-gap",
                "text": "Chưa từng gặp mặt nhưng nói lời yêu đương, hứa kết hôn, viện lý do không gọi video được",
                "weight": 0.4,
                "patterns": [
                    r"\b(?:yeu|cuoi|ket hon|song cung)\b.{0,40}\b(?:chua (?:tung )?gap|qua mang|tu nuoc ngoai)\b",
                    r"\b(?:camera|may anh|video)\b.{0,20}\b(?<!hoa )(?:hong|bi hong|khong dung duoc|bi cam)\b",
                ],
            },
        ],
        "do": [
            "Tìm kiếm ảnh đại diện của người mới quen bằng công cụ tìm ảnh ngược để phát hiện ảnh lấy cắp.",
            "Trò chuyện với người thân, bạn bè về mối quan hệ mới, nhất là khi có chuyện tiền bạc.",
        ],
        "dont": [
            "Không nộp bất kỳ khoản phí nào để nhận quà, bưu kiện từ người quen qua mạng.",
            "Không chuyển tiền, không “đầu tư cùng” người chưa từng gặp mặt.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["dau-tu-tai-chinh-tien-ao", "gia-nguoi-giao-hang-thu-phi", "deepfake-goi-video"],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Nhân viên hải quan sân bay (giả)",
                "text": "Chào chị, hải quan sân bay đang tạm giữ bưu kiện quà tặng gửi từ Anh tới chị, bên trong có 50.000 USD và trang sức. Chị cần nộp phí thông quan 18.500.000đ và phí chống rửa tiền trong hôm nay để nhận hàng.",
            },
        ],
    },
    {
        "slug": "link-quang-cao-ban-facebook",
        "severity": 2,
        "channels": ["facebook", "tiktok", "website"],
        "targets": "Người dùng mạng xã hội, người tò mò với tin giật gân, clip nóng",
        "keywords": "link lạ, quảng cáo bẩn, clip nóng, tin giật gân, bấm xem video, đăng nhập để xem, trang tin giả, mã độc",
        "summary": (
            "Kẻ gian đăng bài, chạy quảng cáo với tiêu đề giật gân (tai nạn, scandal người nổi tiếng, clip nóng, quà miễn "
            "phí) kèm đường link. Bấm vào, người dùng bị dẫn tới trang bắt đăng nhập Facebook để xem, tải tệp cài đặt có mã "
            "độc, hoặc tới trang cờ bạc, cho vay — mất tài khoản và thông tin."
        ),
        "steps": [
            "Đăng bài, chạy quảng cáo nội dung giật gân kèm đường link rút gọn.",
            "Trang đích yêu cầu đăng nhập Facebook để xem, hoặc tải “trình phát video”.",
            "Lấy mật khẩu, cài mã độc, chiếm tài khoản rồi dùng tài khoản đó phát tán tiếp.",
        ],
        "red_flags": [
            {
                "code": "link-ban-tieu-de-giat-gan",
                "text": "Tiêu đề giật gân (clip nóng, sốc, lộ video) kèm đường link rút gọn",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:clip nong|lo clip|lo video|video nong|clip full|xem full|soc|chan dong)\b.{0,80}"
                    + LINK,
                ],
            },
            {
                "code": "link-ban-dang-nhap-de-xem",
                "text": "Phải đăng nhập Facebook hoặc tải “trình phát” để xem nội dung",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:dang nhap|login)\b.{0,20}\b(?:facebook|fb)\b.{0,20}\b(?:de|moi) (?:xem|tai|nhan)\b",
                    r"\b(?:tai|cai)\b.{0,20}\b(?:trinh phat|plugin|codec|video player)\b",
                ],
            },
            {
                "code": "link-ban-qua-mien-phi",
                "text": "Quà, tiền “miễn phí” cho vài người đầu tiên bấm vào đường link",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:tang|nhan|phat) (?:mien phi|free)\b.{0,60}\b(?:\d{1,9} (?:nguoi|ban) dau tien|so luong co han)\b.{0,60}"
                    + LINK,
                ],
            },
        ],
        "do": [
            "Bỏ qua tin giật gân không rõ nguồn; đọc tin trên báo chí chính thống.",
            "Bật xác thực hai yếu tố cho tài khoản mạng xã hội; báo cáo bài đăng, quảng cáo độc hại cho nền tảng.",
        ],
        "dont": [
            "Không bấm đường link rút gọn trong bài đăng, quảng cáo giật gân.",
            "Không đăng nhập Facebook trên trang mở từ đường link lạ; không cài “trình phát video”.",
        ],
        "legal": [BLHS_290, BLHS_174, BLHS_289, CT_21],
        "related": ["chiem-tai-khoan-mang-xa-hoi", "trang-web-gia-mao", "ung-dung-co-bac-tin-dung-den"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Trang tin giật gân",
                "text": "SỐC: lộ clip nóng của nữ ca sĩ nổi tiếng, xem full tại https://bit.ly/xem-clip-full-example trước khi bị xóa! Đăng nhập Facebook để xem video.",
            },
        ],
    },
    {
        "slug": "ban-so-lo-de",
        "severity": 1,
        "channels": ["facebook", "zalo", "telegram", "sms"],
        "targets": "Người chơi lô đề, xổ số; người đang nợ nần muốn gỡ",
        "keywords": "bán số lô đề, soi cầu, số chắc trúng, bao lô, xổ số, cầu vip, chuyển tiền mua số",
        "summary": (
            "Kẻ gian tự xưng “thầy soi cầu”, người “có quan hệ với hội đồng xổ số”, bán “số chắc trúng”, “cầu VIP 100%”. "
            "Người mua chuyển tiền, nhận một con số vô căn cứ; nếu trượt, chúng đòi mua “gói cao hơn để gỡ”. Đánh lô đề "
            "là hành vi đánh bạc trái phép."
        ),
        "steps": [
            "Đăng bài khoe ảnh trúng thưởng giả, lập nhóm soi cầu.",
            "Mời mua số “chắc chắn về”, “nội bộ”, giá từ vài trăm nghìn đến vài triệu.",
            "Khi trượt, đổ lỗi rồi mời mua gói đắt hơn; hoặc chặn liên lạc.",
        ],
        "red_flags": [
            {
                "code": "lo-de-so-chac-trung",
                "text": "Rao bán “số chắc trúng”, “cầu VIP 100%”, “số nội bộ hội đồng xổ số”",
                "weight": 0.9,
                "patterns": [
                    r"\b(?:lo de|so de|so lo|de dau|de duoi|bach thu|song thu|lo xien|dan de|dan lo)\b.{0,20}\b(?:chac trung|chac an|an chac|bao trung|\d{2,3} ?%|noi bo|chuan)\b",
                    r"\b(?:soi cau|cau vip|cau lo|cau de|bao lo de|so vip|nhan so vip|ket qua truoc gio quay)\b",
                    r"\bso (?:chuan|dep|dac biet)\b.{0,30}\b(?:noi bo|hoi dong xo so|chac trung|truoc gio quay)\b",
                    r"\bso\b.{0,10}\b(?:chac trung|bao trung)\b",
                ],
            },
            {
                "code": "lo-de-mua-so-chuyen-tien",
                "text": "Phải chuyển tiền trước để nhận số, hứa “trượt hoàn tiền”",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:" + PAY + r"|phi)\b.{0,40}\b(?:nhan so|lay so|mua so|mua cau)\b",
                    r"\b(?:truot|khong ve|khong an)\b.{0,20}\b(?:hoan tien|den tien|boi thuong)\b",
                ],
            },
            {
                "code": "lo-de-go-no",
                "text": "Mời “gỡ lại” số tiền đã thua bằng gói số đắt hơn",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:go lai|go no|go von)\b.{0,40}\b(?:goi|cau|so|vip)\b",
                ],
            },
        ],
        "do": [
            "Nhớ rằng kết quả xổ số là ngẫu nhiên, không ai biết trước.",
            "Tố giác các nhóm bán số, tổ chức lô đề với Công an.",
        ],
        "dont": [
            "Không mua “số chắc trúng”, không chuyển tiền cho “thầy soi cầu”.",
            "Không tham gia lô đề: đó là đánh bạc trái phép.",
        ],
        "legal": [BLHS_174, BLHS_290, BLHS_321, CT_21],
        "related": [
            "ung-dung-co-bac-tin-dung-den",
            "dau-tu-tai-chinh-tien-ao",
            "link-quang-cao-ban-facebook",
        ],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Thầy soi cầu VIP (giả)",
                "text": "Cầu VIP hôm nay chắc trúng 100%, số nội bộ hội đồng. Chuyển khoản 1.500.000đ nhận số trước 17h, trượt hoàn tiền. Anh em thua hôm qua vào gói VIP gỡ lại ngay.",
            },
        ],
    },
]
