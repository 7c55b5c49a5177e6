"""Texts of the campaigns demo (deterministic choices are made in demo.py)."""

from __future__ import annotations

DESCRIPTION_2023 = (
    "1. Rà soát, tiếp tục thực hiện nghiêm Chỉ thị số 21/CT-TTg ngày 25/5/2020 của Thủ tướng Chính phủ và Kế hoạch "
    "số 126/KH-UBND ngày 16/7/2020 của UBND tỉnh về tăng cường phòng ngừa, xử lý hoạt động lừa đảo chiếm đoạt tài sản.\n"
    "2. Phối hợp với Công an tỉnh tuyên truyền về phương thức, thủ đoạn lừa đảo chiếm đoạt tài sản trên không gian mạng "
    "và kỹ năng nhận biết, phòng tránh cho 100% cán bộ, công chức, viên chức, người lao động; các sở, ban, ngành, địa "
    "phương đánh giá nhu cầu đào tạo, bồi dưỡng, tổ chức hội nghị tuyên truyền (xong trước 15/11/2023); kết quả báo cáo "
    "UBND tỉnh qua Công an tỉnh để tổng hợp.\n"
    "3. Công an tỉnh chuẩn bị đội ngũ báo cáo viên, tuyên truyền viên, nội dung và tài liệu để phối hợp triển khai."
)
SUBJECT_2023 = "V/v tăng cường công tác tuyên truyền, phòng ngừa hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng"

CURRENT_NUMBER = "186/KH-UBND"
TITLE_2026 = "Tuyên truyền phòng ngừa lừa đảo trực tuyến đợt cuối năm 2026"
SUBJECT_2026 = (
    "Kế hoạch tuyên truyền, nâng cao kỹ năng nhận biết, phòng tránh lừa đảo chiếm đoạt tài sản trên không gian "
    "mạng cho cán bộ, công chức, viên chức, người lao động năm 2026"
)
DESCRIPTION_2026 = (
    "Tiếp nối kết quả thực hiện Văn bản số 1509/UBND-NC năm 2023: mỗi cơ quan, đơn vị, địa phương đánh giá nhu cầu "
    "qua bài kiểm tra đầu vào và khảo sát, tổ chức ít nhất một hội nghị tuyên truyền có báo cáo viên Công an tỉnh, "
    "vận động cán bộ hoàn thành khóa học trực tuyến; bảo đảm 100% cán bộ, công chức, viên chức, người lao động được "
    "tuyên truyền trước ngày 15/12/2026. Trọng tâm: giả danh cơ quan nhà nước, đầu tư tiền ảo, làm nhiệm vụ trực "
    "tuyến, ứng dụng giả mạo. (Văn bản minh họa của dữ liệu mẫu.)"
)

# Police speakers without an account (the two demo accounts are baocaovien1/2@congan.quangninh.gov.vn).
EXTRA_SPEAKERS = [
    (
        "Đỗ Mạnh Hùng",
        "Thiếu tá, Phó Đội trưởng, Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao",
        "+84912404115",
    ),
    (
        "Lưu Thị Thanh Huyền",
        "Đại úy, cán bộ Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao",
        "+84983221706",
    ),
    ("Hoàng Đức Anh", "Thượng úy, cán bộ Phòng Cảnh sát hình sự", "+84396112845"),
    ("Vi Văn Thành", "Thiếu tá, Phòng Tham mưu, phụ trách tuyên truyền khu vực miền núi", "+84868300519"),
]
SPEAKER_BIOS = [
    "Nhiều năm trực tiếp đấu tranh các chuyên án lừa đảo qua mạng; trình bày bằng tình huống thật đã xảy ra ở Quảng Ninh.",
    "Phụ trách tiếp nhận tin báo của người dân về lừa đảo trực tuyến; có bộ tình huống tin nhắn, cuộc gọi giả mạo để "
    "cán bộ thực hành nhận biết.",
    "Chuyên về thủ đoạn đầu tư tài chính, tiền ảo và tuyển cộng tác viên làm nhiệm vụ.",
    "Tuyên truyền bằng tiếng phổ thông và tiếng Dao cho các xã vùng cao.",
]
BUSY_REASONS = ["Trực ban", "Nghỉ phép năm", "Tập huấn nghiệp vụ tại Bộ Công an", "Công tác chuyên án"]

VENUES = [
    "Hội trường UBND {unit}",
    "Phòng họp tầng 2, trụ sở {unit}",
    "Nhà văn hóa khu trung tâm, {unit}",
    "Hội trường lớn, {unit}",
]
AUDIENCES = [
    "Toàn thể cán bộ, công chức, viên chức, người lao động",
    "Cán bộ, công chức và người hoạt động không chuyên trách",
    "Lãnh đạo các phòng, ban và toàn thể cán bộ, công chức",
]
TITLES = [
    "Hội nghị tuyên truyền phòng ngừa lừa đảo chiếm đoạt tài sản trên không gian mạng",
    "Hội nghị nâng cao kỹ năng nhận biết, phòng tránh lừa đảo trực tuyến",
    "Tuyên truyền phương thức, thủ đoạn lừa đảo qua mạng cho cán bộ, công chức",
]
REQUEST_NOTES = [
    "Đề nghị báo cáo viên dành thời gian giải đáp tình huống cán bộ đã gặp.",
    "Đơn vị có nhiều người lao động trẻ, đề nghị tập trung lừa đảo tuyển cộng tác viên.",
    "",
    "Đề nghị có tài liệu bỏ túi phát cho người dự.",
    "",
]
MINUTES = [
    "Báo cáo viên Công an tỉnh trình bày {n} phương thức lừa đảo phổ biến, phân tích các vụ việc xảy ra trên địa bàn; "
    "cán bộ thực hành nhận biết tin nhắn, cuộc gọi giả mạo. Có {q} ý kiến trao đổi về đầu tư tiền ảo và làm nhiệm vụ "
    "trực tuyến. Đơn vị đề nghị tiếp tục cung cấp tài liệu cập nhật thủ đoạn mới.",
    "Hội nghị quán triệt nội dung văn bản chỉ đạo của UBND tỉnh; báo cáo viên hướng dẫn cài đặt, sử dụng ứng dụng "
    "VNeID an toàn, cách kiểm tra số tài khoản, số điện thoại trước khi chuyển tiền. {q} cán bộ nêu tình huống thực tế "
    "đã gặp; 100% người dự đăng ký làm bài kiểm tra cuối khóa trực tuyến.",
    "Đơn vị tổ chức lồng ghép vào hội nghị giao ban; báo cáo viên giới thiệu {n} thủ đoạn giả danh cơ quan nhà nước, "
    "công an, ngân hàng và cách xử lý khi bị lừa. Kiến nghị Công an tỉnh tổ chức thêm buổi cho người lao động hợp đồng.",
]
CANCEL_REASON = "Trùng lịch kỳ họp chuyên đề của Hội đồng nhân dân; đơn vị sẽ đăng ký lại vào tuần sau."
WALK_IN_UNITS = [
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên",
    "Tổ dân phố số 3",
    "Công an xã, phường",
    "Hội Phụ nữ",
]
PERIODS = [
    "Chiều thứ Năm các tuần trong tháng 10",
    "Lồng ghép hội nghị giao ban tháng 11",
    "Buổi sáng đầu tuần",
    "Sau ngày 20 hằng tháng",
    "Tháng 10 và tháng 11",
]
NOTES = [
    "Đề nghị Công an tỉnh cung cấp video ngắn về thủ đoạn mới để phát trong giao ban.",
    "Cán bộ ở các thôn xa trung tâm đề nghị tổ chức trực tuyến.",
    "Đề nghị có bộ câu hỏi tình huống để thực hành.",
    "",
    "",
]
OTHER_TOPICS = [
    "Lừa đảo qua ứng dụng giả mạo Cổng dịch vụ công, thuế điện tử",
    "Thủ đoạn mạo danh lãnh đạo đơn vị nhắn tin nhờ chuyển tiền",
    "",
    "",
    "",
]
WALK_IN_NAMES = [
    "Nguyễn Văn Tiến",
    "Trần Thị Hằng",
    "Lê Minh Tâm",
    "Phạm Thị Duyên",
    "Vũ Đức Lợi",
    "Đinh Thị Lựu",
]
