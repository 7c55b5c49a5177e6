"""Group 3 — combined forms (part 1): investment, tasks, travel, receipts, child models, gambling apps, goods."""

# ruff: noqa: E501
from ._common import (
    ACCOUNT,
    BLHS_174,
    BLHS_192,
    BLHS_201,
    BLHS_290,
    BLHS_321,
    BLHS_322,
    BLHS_341,
    CT_21,
    LINK,
    ND_13,
    NEG,
    THEY,
    gap,
)

METHODS = [
    {
        "slug": "dau-tu-tai-chinh-tien-ao",
        "severity": 3,
        "channels": ["facebook", "zalo", "telegram", "website", "app"],
        "targets": "Cán bộ, công chức, người làm tài chính, ngân hàng, người có tiền nhàn rỗi, người về hưu",
        "keywords": "lừa đảo đầu tư, đầu tư tài chính, chứng khoán, tiền ảo, tiền điện tử, forex, sàn giao dịch, lợi nhuận cao, đa cấp, chuyên gia, nhóm kín",
        "summary": (
            "Kẻ gian lập nhóm Zalo, Telegram “chuyên gia chứng khoán”, “cộng đồng đầu tư tiền ảo, ngoại hối”, cam kết "
            "lợi nhuận cao, không rủi ro; cho nạn nhân thắng và rút tiền nhỏ lúc đầu, rồi dụ nạp ngày càng nhiều vào sàn "
            "giao dịch do chúng điều khiển. Khi số tiền lớn, sàn báo “lỗi lệnh”, “nộp thuế, phí để rút” rồi khóa tài "
            "khoản. Đây là một trong ba thủ đoạn Công văn 1509/UBND-NC nêu đích danh; nạn nhân ở Quảng Ninh có cả cán bộ "
            "làm tài chính, ngân hàng."
        ),
        "steps": [
            "Làm quen qua mạng xã hội hoặc kéo vào nhóm kín có “chuyên gia”, “trợ lý” và hàng chục tài khoản ảo khoe lãi.",
            "Giới thiệu sàn giao dịch, ứng dụng đầu tư (thực chất là phần mềm chúng quản trị, số liệu tùy ý sửa).",
            "Cho đầu tư thử số nhỏ, rút được tiền lãi để tạo lòng tin.",
            "Dụ nạp tiền lớn với “cơ hội đặc biệt”, “gói VIP”, hứa lãi gấp nhiều lần.",
            "Khi muốn rút, bị đòi nộp thuế, phí, tiền “nâng hạng”, “mở khóa lệnh”; cuối cùng sàn đóng, nhóm giải tán.",
        ],
        "red_flags": [
            {
                "code": "dau-tu-cam-ket-loi-nhuan-cao",
                "text": "Cam kết lợi nhuận cao, chắc chắn, “không rủi ro”, lãi theo ngày hoặc theo tuần",
                "weight": 0.8,
                "patterns": [
                    THEY
                    + r"\b(?:loi nhuan|lai|lai suat|hoa hong)\b.{0,20}\b\d{1,3} ?(?:%|phan tram\b).{0,20}\b(?:moi ngay|1 ngay|mot ngay|/ngay|moi tuan|/tuan|moi phien)\b",
                    NEG
                    + THEY
                    + r"\b(?:cam ket|dam bao|bao)\b.{0,20}\b(?:loi nhuan|lai (?:suat |toi thieu |it nhat |tren )?\d|lai (?:cao|khung|deu|hang ngay|hang tuan)|khong lo|khong rui ro|an toan 100|hoan von)\b",
                    r"\b(?:x2|x3|x5|x10|gap doi|gap (?:3|ba|5|nam|10|muoi) lan) (?:tai khoan|von|so tien)\b",
                ],
            },
            {
                "code": "dau-tu-nhom-kin-chuyen-gia",
                "text": "Được kéo vào nhóm kín có “chuyên gia”, “thầy”, “trợ lý” hướng dẫn vào lệnh, nhiều người khoe lãi",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:chuyen gia|thay|giao su|tro ly|mentor|admin)\b.{0,40}\b(?:chung khoan|tien ao|coin|forex|ngoai hoi|vang|san|vao lenh|keo lenh|tin hieu)\b",
                    r"\b(?:nhom|group|cong dong)\b.{0,20}\b(?:kin|vip|noi bo)\b.{0,40}\b(?:dau tu|chung khoan|coin|tien ao|co phieu|keo)\b",
                ],
            },
            {
                "code": "dau-tu-nop-phi-de-rut",
                "text": "Muốn rút tiền phải nộp thêm thuế, phí, tiền “nâng hạng”, “mở khóa lệnh”, “sửa lỗi”",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:de|muon|moi|duoc) rut (?:tien|von|loi nhuan|lai)?\b.{0,50}\b(?:nop|dong|chuyen|nap|ck)\b.{0,30}\b(?:thue|phi|tien|ky quy|nang hang|nang cap)\b",
                    r"\b(?:lenh|tai khoan|vi)\b.{0,20}\b(?:bi )?(?:loi|dong bang|tam khoa|treo)\b.{0,60}\b(?:nop|nap|dong|chuyen|ck)\b",
                ],
            },
            {
                "code": "dau-tu-san-khong-phep",
                "text": "Sàn giao dịch, ứng dụng đầu tư cài qua đường link, không có trên kho ứng dụng chính thức, không được cấp phép tại Việt Nam",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:san|app|ung dung|nen tang)\b.{0,30}\b(?:dau tu|giao dich|chung khoan|tien ao|coin|forex)\b.{0,60}"
                    + LINK,
                    NEG
                    + THEY
                    + r"\b(?:tai|cai|dang ky)\b.{0,20}\b(?:app|ung dung|san)\b"
                    + gap(30)
                    + r"\b(?:qua|tai|theo) (?:link|duong link|duong dan)\b",
                ],
            },
        ],
        "do": [
            "Chỉ đầu tư chứng khoán qua công ty chứng khoán được Ủy ban Chứng khoán Nhà nước cấp phép; tra danh sách trên trang chính thức của Ủy ban.",
            "Coi mọi lời hứa lãi cố định, lãi theo ngày, “không rủi ro” là dấu hiệu lừa đảo.",
            "Bàn với người thân hoặc hỏi Công an trước khi chuyển khoản lớn cho một “cơ hội đầu tư” trên mạng.",
        ],
        "dont": [
            "Không nạp tiền vào sàn, ứng dụng cài qua đường link hay do người quen trên mạng giới thiệu.",
            "Không nộp thêm bất kỳ khoản “thuế”, “phí” nào để được rút tiền: đó là lúc kẻ gian vét nốt.",
            "Không tin ảnh chụp màn hình lãi khủng của người khác trong nhóm: đó là tài khoản ảo.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["lam-quen-qua-mang", "cong-tac-vien-lam-nhiem-vu", "lay-lai-tien-bi-lua"],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Trợ lý chuyên gia (nhóm VIP)",
                "text": "Chào anh, em là trợ lý của chuyên gia Thành trong nhóm VIP chứng khoán. Sàn quốc tế bên em cam kết lợi nhuận 5% mỗi ngày, không rủi ro, x3 tài khoản trong 1 tháng. Anh tải app giao dịch theo link https://sanvip-invest.example rồi nạp tối thiểu 50 triệu, hôm nay thầy kéo lệnh.",
            },
            {
                "channel": "telegram",
                "sender": "CSKH sàn giao dịch (giả)",
                "text": "Kính gửi quý khách, tài khoản của quý khách đang có 1.250.000.000đ. Để rút tiền, quý khách cần nộp thuế thu nhập 10% (125 triệu) vào tài khoản của sàn. Lệnh rút đang bị treo, nếu không nộp trong 24h tài khoản sẽ bị đóng băng.",
            },
        ],
    },
    {
        "slug": "cong-tac-vien-lam-nhiem-vu",
        "severity": 3,
        "channels": ["facebook", "zalo", "telegram", "tiktok", "sms"],
        "targets": "Sinh viên, nội trợ, người thất nghiệp, cán bộ muốn kiếm thêm thu nhập",
        "keywords": "việc nhẹ lương cao, cộng tác viên, làm nhiệm vụ, thả tim, đánh giá sản phẩm, chốt đơn, shopee, lazada, tiktok, hoa hồng",
        "summary": (
            "Kẻ gian tuyển “cộng tác viên online”, “việc nhẹ lương cao”: thả tim, xem video, đánh giá sản phẩm, “chốt đơn "
            "ảo” cho sàn thương mại điện tử. Nhiệm vụ đầu được trả hoa hồng thật để tạo lòng tin; sau đó người làm phải "
            "tự bỏ tiền mua đơn hàng lớn, rồi bị báo “sai thao tác”, “chưa hoàn thành chuỗi nhiệm vụ” nên phải nạp thêm "
            "mới được rút. Đây là một trong ba thủ đoạn Công văn 1509/UBND-NC nêu đích danh."
        ),
        "steps": [
            "Nhắn tin, đăng bài tuyển cộng tác viên làm tại nhà, chỉ cần điện thoại, thu nhập vài trăm nghìn mỗi ngày.",
            "Giao nhiệm vụ đơn giản (thả tim, theo dõi kênh) và trả thưởng nhỏ thật.",
            "Kéo vào nhóm Telegram, giao “nhiệm vụ chốt đơn” phải chuyển tiền trước, hứa hoàn vốn kèm hoa hồng 10–30%.",
            "Nâng dần số tiền; báo “sai cú pháp”, “quá hạn nhiệm vụ”, “tài khoản bị đóng băng” để đòi nạp thêm; không bao giờ cho rút.",
        ],
        "red_flags": [
            {
                "code": "ctv-viec-nhe-luong-cao",
                "text": "Lời mời “việc nhẹ lương cao”, làm tại nhà chỉ cần điện thoại, vài trăm nghìn đến vài triệu mỗi ngày",
                "weight": 0.6,
                "patterns": [
                    r"(?<!hua )(?<!chieu )(?<!kieu )\bviec nhe luong cao\b.{0,80}\b(?:lien he|ib|inbox|ket ban|kb|zalo|dang ky|nhan viec|nhan nhiem vu|tuyen)\b",
                    r"\b(?:tuyen|can|tim|nhan)\b.{0,15}(?<!hua )\bviec nhe luong cao\b",
                    r"\b(?:tuyen|can|tim)\b.{0,20}\b(?:ctv|cong tac vien|nhan vien online|nguoi lam online)\b.{0,80}\b(?:\d{3} ?(?:k|nghin|ngan)|\d{1,9} ?(?:tr|trieu)|thu nhap)\b.{0,20}\b(?:moi ngay|/ngay|1 ngay|mot ngay|hang ngay)\b",
                    r"\b(?:chi can|chi voi) (?:1 |mot )?(?:dien thoai|smartphone)\b.{0,60}\b(?:kiem|thu nhap|hoa hong)\b",
                ],
            },
            {
                "code": "ctv-nhiem-vu-nap-tien-truoc",
                "text": "Phải chuyển tiền trước để “chốt đơn”, “làm nhiệm vụ”, hứa hoàn vốn kèm hoa hồng",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:nhiem vu|don hang|chot don|don ao)\b.{0,60}\b(?:chuyen|ck|nap|thanh toan)\b.{0,60}\b(?:hoan (?:lai )?(?:von|tien)|hoa hong|nhan lai)\b",
                    r"\b(?:hoan von|hoan tien)\b.{0,20}(?:\+|\bkem|\bcong) ?(?:hoa hong|\d{1,2} ?%)",
                ],
            },
            {
                "code": "ctv-sai-thao-tac-nap-them",
                "text": "Báo “sai thao tác”, “chưa đủ chuỗi nhiệm vụ”, “tài khoản bị đóng băng”, phải nạp thêm mới rút được",
                "weight": 1.0,
                "patterns": [
                    r"\b(?:sai (?:thao tac|cu phap|lenh)|thao tac sai|qua han nhiem vu|chua hoan thanh (?:chuoi|du) nhiem vu)\b",
                    r"\b(?:nap|chuyen|ck) (?:them|tiep|bo sung)\b.{0,40}\b(?:de )?(?:rut|mo khoa|hoan thanh|giai phong)\b",
                ],
            },
        ],
        "do": [
            "Tìm việc qua trung tâm dịch vụ việc làm, trang tuyển dụng có địa chỉ công ty rõ ràng; gọi điện, đến tận nơi để kiểm tra.",
            "Nhớ rằng công việc thật trả lương cho bạn, không bao giờ bắt bạn nộp tiền để được làm việc.",
            "Chia sẻ cảnh báo này với con em đang là học sinh, sinh viên.",
        ],
        "dont": [
            "Không chuyển tiền để “làm nhiệm vụ”, “chốt đơn”, “mở khóa tài khoản” dưới bất kỳ lý do nào.",
            "Không tiếp tục nạp tiền với hy vọng lấy lại số đã nạp: càng nạp càng mất.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["tuyen-nguoi-mau-nhi", "dau-tu-tai-chinh-tien-ao", "danh-cap-otp-telegram"],
        "examples": [
            {
                "channel": "sms",
                "sender": "Số lạ",
                "text": "Tuyen CTV lam online tai nha, chi can 1 dien thoai, thu nhap 500k-2tr moi ngay. Viec nhe luong cao, lien he Zalo 0123.456.789 de nhan nhiem vu.",
            },
            {
                "channel": "telegram",
                "sender": "Người hướng dẫn nhiệm vụ",
                "text": "Chị hoàn thành nhiệm vụ chốt đơn số 3: chuyển 9.800.000đ vào STK 0123456789, 10 phút sau hoàn vốn + hoa hồng 30%. Lưu ý chị đã sai thao tác ở nhiệm vụ trước nên cần nạp thêm 20 triệu để mở khóa và rút toàn bộ.",
            },
        ],
    },
    {
        "slug": "combo-du-lich-gia-re",
        "severity": 2,
        "channels": ["facebook", "zalo", "website", "tiktok"],
        "targets": "Gia đình, nhóm bạn, cơ quan chuẩn bị đi du lịch dịp hè, lễ, Tết",
        "keywords": "combo du lịch giá rẻ, đặt phòng khách sạn, resort, homestay, vé máy bay, đặt cọc, tour Hạ Long",
        "summary": (
            "Kẻ gian lập trang Facebook, website, tài khoản Zalo trùng tên, trùng ảnh với khách sạn, hãng lữ hành uy tín; "
            "rao combo vé máy bay, phòng nghỉ rẻ bất thường, đòi đặt cọc 30–50% vào tài khoản cá nhân, rồi bịa thêm phụ "
            "thu và chặn liên lạc. Khách chỉ biết bị lừa khi đến nơi nhận phòng."
        ),
        "steps": [
            "Lập trang trùng tên khách sạn, công ty lữ hành thật; mua lượt thích, bình luận ảo.",
            "Chạy quảng cáo combo “giá sốc”, “chỉ còn vài suất” vào mùa du lịch.",
            "Gửi ảnh giấy phép, hợp đồng giả; đòi đặt cọc vào tài khoản cá nhân “của kế toán”.",
            "Đòi thêm phụ thu, phí giữ phòng; sau đó chặn liên lạc, đổi tên trang.",
        ],
        "red_flags": [
            {
                "code": "du-lich-gia-soc-het-suat",
                "text": "Giá combo rẻ bất thường kèm lời thúc “chỉ còn vài suất”, “hết hạn hôm nay”",
                "weight": 0.4,
                "patterns": [
                    r"\bcombo\b.{0,80}\b(?:chi con|con dung) \d{1,9} (?:suat|phong|slot|cho)\b",
                    r"\bcombo\b.{0,60}\b(?:gia soc|xa kho|gia goc \d)",
                ],
            },
            {
                "code": "du-lich-coc-tai-khoan-ca-nhan",
                "text": "Đòi đặt cọc 30–50% vào tài khoản cá nhân (của “kế toán”, “quản lý”), không phải tài khoản công ty",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:dat coc|coc truoc|coc)\b.{0,20}\b\d{2} ?(?:%|phan tram\b).{0,60}\b(?:"
                    + ACCOUNT
                    + r")\b(?! (?:cua )?(?:cong ty|doanh nghiep|khach san|resort|dai ly|ghi (?:trong|tren) hop dong))",
                    NEG
                    + THEY
                    + r"(?<!yeu cau )(?<!yeu cau dat )\b(?:coc|dat coc|chuyen khoan|ck)\b"
                    + gap(50)
                    + r"\b(?:tai khoan|tk|stk) (?:ca nhan|cua ke toan|cua quan ly|cua giam doc|rieng)\b",
                ],
            },
            {
                "code": "du-lich-phu-thu-sau-coc",
                "text": "Đã nhận cọc vẫn đòi thêm “phụ thu”, “phí giữ phòng”, “phí xác nhận”",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:chuyen|ck|dong|nop) (?:them|bo sung)\b.{0,40}\b(?:phu thu|phi giu phong|phi xac nhan|phi hoan coc)\b",
                    r"\b(?:phi giu phong|phi xac nhan dat phong|phi hoan coc)\b",
                ],
            },
        ],
        "do": [
            "Đặt phòng, tour qua website, ứng dụng chính thức hoặc số tổng đài in trên trang chính thức của khách sạn, hãng lữ hành.",
            "Xem kỹ lịch sử trang: ngày lập, số lần đổi tên, đánh giá của khách thật.",
            "Chỉ chuyển tiền vào tài khoản đứng tên công ty, khớp với hợp đồng; giữ lại biên nhận, tin nhắn.",
        ],
        "dont": [
            "Không đặt cọc vào tài khoản cá nhân chỉ vì giá rẻ hay sợ hết suất.",
            "Không tin ảnh giấy phép, hợp đồng gửi qua tin nhắn: rất dễ làm giả.",
            "Không chuyển thêm bất kỳ khoản phụ thu nào sau khi đã đặt cọc.",
        ],
        "legal": [BLHS_174, BLHS_290, CT_21],
        "related": ["trang-web-gia-mao", "link-quang-cao-ban-facebook", "hang-gia-thuong-mai-dien-tu"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Vịnh Xanh Resort & Travel (giả)",
                "text": "Combo 3N2Đ Hạ Long: vé máy bay khứ hồi + phòng view vịnh chỉ 2.390.000đ/người (giá gốc 5,2 triệu). Hôm nay chỉ còn 2 suất! Chị đặt cọc trước 50% vào STK cá nhân của kế toán: 0123456789 - NH XYZ Bank để em giữ phòng ạ.",
            },
        ],
    },
    {
        "slug": "bien-lai-chuyen-khoan-gia",
        "severity": 1,
        "channels": ["zalo", "facebook", "in_person"],
        "targets": "Chủ cửa hàng, người bán hàng online, shipper, hộ kinh doanh",
        "keywords": "biên lai chuyển khoản giả, ảnh chụp giao dịch thành công, bill giả, sửa ảnh chuyển khoản, nhận hàng trước",
        "summary": (
            "Kẻ gian mua hàng, rồi gửi ảnh chụp màn hình “chuyển khoản thành công” đã được sửa hoặc tạo bằng ứng dụng "
            "làm giả biên lai, thúc người bán giao hàng ngay. Người bán chỉ phát hiện tiền không về khi kiểm tra sao kê."
        ),
        "steps": [
            "Đặt mua hàng giá trị cao qua mạng hoặc tại cửa hàng đông khách.",
            "Gửi ảnh biên lai giả, đọc mã giao dịch, thúc giục giao hàng vì “đang vội”.",
            "Nhận hàng rồi biến mất; có khi nhờ người khác đến nhận hộ.",
        ],
        "red_flags": [
            {
                "code": "bill-anh-chup-thay-bien-dong",
                "text": "Người mua chỉ đưa ảnh chụp “chuyển khoản thành công” thay vì để bạn kiểm tra tài khoản nhận",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:chuyen khoan|ck|chuyen tien|giao dich) thanh cong\b.{0,60}\b(?:roi|nhe|do|day|kiem tra|xem anh|anh|bill)\b",
                    r"\b(?:gui|day la|check) (?:anh |hinh )?(?:bill|bien lai|uy nhiem chi)\b",
                ],
            },
            {
                "code": "bill-giuc-giao-hang-ngay",
                "text": "Thúc giục giao hàng ngay, viện cớ “ngân hàng chậm”, “tiền sẽ về sau”",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:ngan hang|he thong|lien ngan hang)\b.{0,20}\b(?:cham|loi|tre|bao tri)\b.{0,40}\b(?:tien|ve)\b.{0,30}\b(?:sau|lat nua|mai|toi)\b",
                    r"\b(?:giao|gui|dua) (?:hang|do) (?:ngay|luon|truoc)\b.{0,40}\b(?:ck|chuyen|bill|roi)\b",
                ],
            },
            {
                "code": "bill-nho-nguoi-khac-nhan",
                "text": "Nhờ người khác, xe ôm đến nhận hàng hộ sau khi gửi ảnh biên lai",
                "weight": 0.3,
                "patterns": [
                    r"\b(?:nho|goi) (?:xe om|grab|shipper|nguoi|ban)\b.{0,20}\b(?:den )?(?:lay|nhan) (?:hang|do) (?:ho|giup)\b",
                ],
            },
        ],
        "do": [
            "Chỉ giao hàng khi thấy tiền đã vào tài khoản trên ứng dụng ngân hàng hoặc tin nhắn biến động số dư chính thức.",
            "Dùng mã QR thanh toán có loa báo tiền hoặc máy quẹt thẻ tại cửa hàng.",
        ],
        "dont": [
            "Không giao hàng chỉ dựa vào ảnh chụp biên lai chuyển khoản.",
            "Không để bị thúc giục bỏ qua bước kiểm tra số dư.",
        ],
        "legal": [BLHS_174, BLHS_341, CT_21],
        "related": ["hang-gia-thuong-mai-dien-tu", "chuyen-nham-tien", "gia-nguoi-giao-hang-thu-phi"],
        "examples": [
            {
                "channel": "zalo",
                "sender": "Khách đặt điện thoại",
                "text": "Em ck thành công rồi nhé, gửi anh ảnh bill đây. Ngân hàng liên ngân hàng đang chậm, tiền về sau 30 phút. Anh giao hàng ngay giúp em, em nhờ xe ôm đến lấy hộ luôn.",
            },
        ],
    },
    {
        "slug": "tuyen-nguoi-mau-nhi",
        "severity": 2,
        "channels": ["facebook", "zalo", "telegram", "tiktok"],
        "targets": "Cha mẹ có con nhỏ thích chụp ảnh, quay video; người đăng nhiều ảnh con lên mạng",
        "keywords": "người mẫu nhí, tuyển mẫu nhí, casting, chụp ảnh quảng cáo cho bé, cát-xê, nhiệm vụ, phí đào tạo",
        "summary": (
            "Kẻ gian mạo danh công ty thời trang, nhãn hàng, đăng tin tuyển người mẫu nhí với cát-xê cao. Phụ huynh được "
            "mời vào nhóm Telegram, Zalo để “xét duyệt hồ sơ”, rồi bị dẫn sang làm “nhiệm vụ” chuyển tiền để nhận hoa "
            "hồng, hoặc nộp phí đào tạo, phí chụp ảnh thẻ mẫu, phí đồng phục."
        ),
        "steps": [
            "Đăng tin tuyển mẫu nhí, dùng ảnh, tên của thương hiệu thời trang trẻ em thật.",
            "Xin ảnh, thông tin của bé; báo “hồ sơ đạt”, mời vào nhóm nhận việc.",
            "Giao nhiệm vụ chuyển tiền để “tăng tương tác cho nhãn hàng”, trả thưởng nhỏ lúc đầu.",
            "Đòi nộp tiền lớn hơn, phí đào tạo; báo sai thao tác để giữ tiền.",
        ],
        "red_flags": [
            {
                "code": "mau-nhi-tuyen-cat-xe-cao",
                "text": "Tin tuyển người mẫu nhí với cát-xê cao, “không cần kinh nghiệm”, xét duyệt qua tin nhắn",
                "weight": 0.5,
                "patterns": [
                    NEG
                    + THEY
                    + r"\b(?:tuyen|casting|tim)\b"
                    + gap(20)
                    + r"\b(?:mau nhi|nguoi mau nhi|mau be|be mau)\b",
                    r"\b(?:mau nhi|nguoi mau nhi)\b.{0,60}\b(?:cat xe|catxe|thu lao)\b",
                ],
            },
            {
                "code": "mau-nhi-phu-huynh-lam-nhiem-vu",
                "text": "Phụ huynh phải làm “nhiệm vụ” chuyển tiền, “tăng tương tác” mới được nhận cát-xê",
                "weight": 1.0,
                "patterns": [
                    THEY
                    + r"\b(?:phu huynh|bo me|ba me|me be|bo be)\b"
                    + gap(60)
                    + r"\b(?:nhiem vu|chot don|tang tuong tac)\b",
                    r"\b(?:nhiem vu|tang tuong tac)\b.{0,60}\b(?:chuyen|ck|nap)\b.{0,40}\b(?:cat xe|hoa hong|hoan)\b",
                ],
            },
            {
                "code": "mau-nhi-phi-dao-tao",
                "text": "Đòi nộp phí đào tạo, phí chụp ảnh hồ sơ, phí đồng phục trước khi nhận việc",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:phi|dong|nop)\b.{0,20}\b(?:dao tao|chup anh (?:ho so|the mau)|dong phuc|ho so mau|giu cho)\b",
                ],
            },
        ],
        "do": [
            "Liên hệ trực tiếp nhãn hàng qua trang, số điện thoại chính thức để hỏi về tin tuyển mẫu.",
            "Hạn chế đăng ảnh, thông tin cá nhân của con lên mạng ở chế độ công khai.",
        ],
        "dont": [
            "Không chuyển tiền để làm nhiệm vụ, tăng tương tác, nhận cát-xê cho con.",
            "Không gửi ảnh, giấy khai sinh, căn cước của bố mẹ cho người tuyển trên mạng.",
        ],
        "legal": [BLHS_174, BLHS_290, ND_13, CT_21],
        "related": ["cong-tac-vien-lam-nhiem-vu", "danh-cap-otp-telegram", "lam-quen-qua-mang"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Kids Fashion Casting (giả)",
                "text": "Tuyển người mẫu nhí 3–10 tuổi chụp bộ sưu tập mới, cát-xê 3–5 triệu/buổi, không cần kinh nghiệm. Bé đã đạt vòng hồ sơ! Phụ huynh vào nhóm Telegram làm nhiệm vụ tăng tương tác cho nhãn hàng: chuyển 2.000.000đ, nhận lại cả cát-xê và hoa hồng 20%.",
            },
        ],
    },
    {
        "slug": "ung-dung-co-bac-tin-dung-den",
        "severity": 2,
        "channels": ["facebook", "tiktok", "telegram", "app", "website"],
        "targets": "Thanh niên, công nhân, người cần tiền gấp, người ham chơi cá cược",
        "keywords": "app cá độ, nhà cái, casino online, game bài đổi thưởng, app vay nóng, tín dụng đen, tải app ngoài kho, apk",
        "summary": (
            "Quảng cáo “nhà cái uy tín”, “game bài đổi thưởng”, “vay nóng không thẩm định” được cài cắm trên mạng xã hội, "
            "trang xem phim, bóng đá lậu. Ứng dụng tải ngoài kho chính thức đòi quyền đọc danh bạ, tin nhắn; người chơi "
            "thắng ít lúc đầu rồi mất trắng, người vay bị tính lãi cắt cổ, bị khủng bố danh bạ khi chậm trả."
        ),
        "steps": [
            "Cài quảng cáo, đường link tải ứng dụng trên trang phim, bóng đá lậu, nhóm mạng xã hội.",
            "Ứng dụng đòi cấp quyền danh bạ, tin nhắn, hình ảnh.",
            "Cá cược: cho thắng nhỏ rồi khóa tài khoản khi số tiền lớn. Vay: giải ngân ít hơn hợp đồng, lãi và phí cao gấp nhiều lần.",
            "Đòi nợ bằng cách gọi, nhắn tin bôi nhọ tới người trong danh bạ.",
        ],
        "red_flags": [
            {
                "code": "co-bac-nha-cai-khuyen-mai",
                "text": "Quảng cáo nhà cái, cá độ, game bài đổi thưởng với “khuyến mãi nạp đầu”, “thưởng 100%”",
                "weight": 0.7,
                "patterns": [
                    r"\b(?:nha cai|ca do|ca cuoc|casino|game bai doi thuong|tai xiu|no hu|ban ca doi thuong|xoc dia online)\b",
                    r"\b(?:nap dau|thuong nap|khuyen mai nap)\b.{0,20}\b\d{2,3} ?%",
                ],
            },
            {
                "code": "co-bac-tai-app-ngoai-kho",
                "text": "Ứng dụng tải qua đường link, tệp .apk, không có trên CH Play / App Store",
                "weight": 0.8,
                "patterns": [
                    r"\b[a-z0-9_-]{1,63}\.apk\b",
                    r"\b(?:tai|cai|download)\b.{0,20}\b(?:app|ung dung)\b.{0,40}\b(?:khong co tren|ngoai) (?:ch play|google play|app store|kho)\b",
                ],
            },
            {
                "code": "tin-dung-den-vay-nong-de-dang",
                "text": "Vay nóng chỉ cần căn cước, không thẩm định, giải ngân ngay, lãi tính theo ngày",
                "weight": 0.6,
                "patterns": [
                    r"\b(?:vay nong|vay nhanh|bat ho|vay tieu dung nhanh)\b.{0,60}\b(?:chi can (?:cccd|can cuoc)|khong tham dinh|khong the chap|giai ngan ngay|no xau)\b",
                    r"\b(?:lai|phi)\b.{0,10}\b\d{3,5} ?(?:d|dong|k)?/(?:ngay|trieu/ngay)\b",
                ],
            },
        ],
        "do": [
            "Chỉ cài ứng dụng từ CH Play, App Store; xem kỹ quyền mà ứng dụng đòi.",
            "Khi cần vay, tìm đến ngân hàng, công ty tài chính được cấp phép, quỹ tín dụng nhân dân ở địa phương.",
            "Khi bị đòi nợ khủng bố, lưu lại bằng chứng và trình báo Công an.",
        ],
        "dont": [
            "Không tham gia cá độ, đánh bạc trực tuyến: vừa mất tiền vừa vi phạm pháp luật.",
            "Không cài tệp .apk hay ứng dụng được gửi qua đường link.",
            "Không cho ứng dụng vay quyền đọc danh bạ, tin nhắn, ảnh.",
        ],
        "legal": [BLHS_321, BLHS_322, BLHS_201, BLHS_174, BLHS_290, ND_13, CT_21],
        "related": ["gia-danh-ngan-hang-cho-vay", "link-quang-cao-ban-facebook", "ban-so-lo-de"],
        "examples": [
            {
                "channel": "facebook",
                "sender": "Trang quảng cáo",
                "text": "NHÀ CÁI UY TÍN SỐ 1 – thưởng nạp đầu 100%, rút tiền 5 phút. Tải app tại link bio hoặc cài file vip88-game.apk (không có trên CH Play do chính sách). Vay nóng chỉ cần CCCD, giải ngân ngay 10 triệu.",
            },
        ],
    },
    {
        "slug": "hang-gia-thuong-mai-dien-tu",
        "severity": 1,
        "channels": ["website", "facebook", "tiktok", "app"],
        "targets": "Người mua sắm trực tuyến, nhất là khi săn hàng hiệu giảm giá, thuốc, thực phẩm chức năng",
        "keywords": "hàng giả, hàng nhái, sàn thương mại điện tử, livestream bán hàng, thuốc giả, mỹ phẩm giả, giảm giá sốc, giao dịch ngoài sàn",
        "summary": (
            "Người bán trên sàn thương mại điện tử, livestream mạng xã hội rao hàng hiệu, thuốc, thực phẩm chức năng, mỹ "
            "phẩm giá rẻ bất thường, “chính hãng 100%”; hàng giao là hàng giả, hàng kém chất lượng. Nhiều kẻ dụ khách "
            "giao dịch ngoài sàn để không bị sàn bảo vệ, rồi chặn liên lạc."
        ),
        "steps": [
            "Mở gian hàng, livestream với hình ảnh sản phẩm chính hãng, đánh giá ảo.",
            "Rao giá giảm sâu, “hàng xách tay”, “thanh lý”, “chỉ bán hôm nay”.",
            "Dụ khách nhắn Zalo, chuyển khoản trực tiếp để “được giá tốt hơn”.",
            "Giao hàng giả hoặc không giao; từ chối đổi trả, chặn liên lạc.",
        ],
        "red_flags": [
            {
                "code": "hang-gia-giao-dich-ngoai-san",
                "text": "Người bán dụ nhắn Zalo, chuyển khoản trực tiếp để “rẻ hơn”, ngoài hệ thống thanh toán của sàn",
                "weight": 0.8,
                "patterns": [
                    r"\b(?:ib|inbox|nhan|ket ban|kb) (?:zalo|zl)\b.{0,60}\b(?:gia tot|re hon|giam them|khong qua san|ngoai san)\b",
                    r"\b(?:chuyen khoan|ck|thanh toan) (?:truc tiep|rieng)\b.{0,40}\b(?:khong qua san|ngoai san|re hon|giam)\b",
                ],
            },
            {
                "code": "hang-gia-chinh-hang-gia-re",
                "text": "Hàng hiệu, thuốc, mỹ phẩm “chính hãng 100%” nhưng rẻ hơn nửa giá thị trường",
                "weight": 0.4,
                "patterns": [
                    r"\b(?:chinh hang|auth|xach tay)\b.{0,20}\b100 ?%.{0,60}\b(?:giam|sale|chi con|thanh ly)\b.{0,10}\b\d{2} ?%",
                    r"\b(?:thuoc|thuc pham chuc nang|tpcn)\b.{0,60}\b(?:chua khoi|khoi han|dac tri|tri dut diem)\b",
                ],
            },
            {
                "code": "hang-gia-khong-cho-kiem-hang",
                "text": "Không cho kiểm hàng trước khi nhận, đòi chuyển khoản 100% trước",
                "weight": 0.5,
                "patterns": [
                    r"\b(?:khong|ko|k) (?:cho |duoc )?(?:kiem hang|xem hang|dong kiem)\b",
                    r"\b(?:chuyen khoan|ck|thanh toan) (?:truoc )?100 ?%.{0,30}\b(?:moi giao|truoc khi giao|moi gui)\b",
                ],
            },
        ],
        "do": [
            "Mua ở gian hàng chính hãng (Mall) và thanh toán qua hệ thống của sàn để được bảo vệ khi có tranh chấp.",
            "Kiểm tra tem, mã vạch, nguồn gốc; với thuốc, tra số đăng ký lưu hành trên trang của Bộ Y tế.",
        ],
        "dont": [
            "Không chuyển khoản trực tiếp cho người bán ngoài sàn.",
            "Không mua thuốc, thực phẩm chức năng quảng cáo “chữa khỏi bệnh” trên mạng.",
        ],
        "legal": [BLHS_192, BLHS_174, BLHS_290, CT_21],
        "related": ["combo-du-lich-gia-re", "bien-lai-chuyen-khoan-gia", "gia-nguoi-giao-hang-thu-phi"],
        "examples": [
            {
                "channel": "tiktok",
                "sender": "Livestream bán túi xách",
                "text": "Túi hiệu chính hãng 100% xách tay, thanh lý giảm 70% chỉ hôm nay! Khách ib Zalo bên em giá tốt hơn, không qua sàn, chuyển khoản 100% trước mới gửi hàng, không cho kiểm hàng nha.",
            },
        ],
    },
]
