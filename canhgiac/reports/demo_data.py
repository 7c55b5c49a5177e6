"""Texts of the reports demo: what Quảng Ninh's units write in their reports (choices are made in demo.py)."""

from __future__ import annotations

# {unit} is the unit's name; {held} conferences, {attended} people present, {reached} people reached.
RESULTS = [
    (
        "Ngay sau khi nhận văn bản, {unit} đã ban hành kế hoạch triển khai, giao bộ phận văn phòng làm đầu mối. "
        "Đơn vị tổ chức {held} hội nghị tuyên truyền trực tiếp với {attended} lượt người dự, có báo cáo viên Công an "
        "tỉnh trình bày các thủ đoạn giả danh cơ quan Công an, Viện kiểm sát, Tòa án và lừa đảo đầu tư tiền ảo. "
        "Đã đăng tải 06 tin, bài cảnh báo trên trang thông tin điện tử và nhóm Zalo của cơ quan; {reached} cán bộ, "
        "công chức, viên chức, người lao động đã được tuyên truyền."
    ),
    (
        "{unit} lồng ghép nội dung phòng ngừa lừa đảo trên không gian mạng vào giao ban tháng và sinh hoạt chi bộ; "
        "tổ chức {held} hội nghị chuyên đề ({attended} lượt người dự), in và cấp phát tờ rơi cảnh báo tới từng phòng, "
        "bộ phận. Cán bộ được hướng dẫn cài đặt ứng dụng định danh điện tử, kiểm tra số tài khoản, số điện thoại "
        "trước khi chuyển tiền và cách trình báo khi bị lừa. Kết quả: {reached} người đã được tuyên truyền."
    ),
    (
        "Đơn vị phối hợp với Công an cơ sở tổ chức {held} buổi tuyên truyền tại hội trường và tại các tổ dân phố, "
        "với {attended} lượt người tham dự; phát thanh 12 lượt trên hệ thống loa truyền thanh cơ sở về thủ đoạn mời "
        "làm cộng tác viên, làm nhiệm vụ trực tuyến. Cán bộ, công chức hoàn thành khóa học trực tuyến trên hệ thống "
        "Cảnh giác; tổng số người đã được tuyên truyền là {reached}."
    ),
    (
        "{unit} chỉ đạo 100% phòng, ban, đơn vị trực thuộc quán triệt nội dung văn bản; tổ chức {held} hội nghị với "
        "{attended} lượt người dự và giới thiệu các tình huống lừa đảo thực tế xảy ra trên địa bàn tỉnh. Sau hội nghị, "
        "đơn vị yêu cầu cán bộ làm bài kiểm tra trực tuyến để tự đánh giá; {reached} người đã được tuyên truyền."
    ),
]
DIFFICULTIES = [
    "Một số viên chức, người lao động làm việc theo ca, đi công tác biển đảo dài ngày nên chưa bố trí dự hội nghị "
    "cùng thời điểm; đơn vị phải tổ chức bổ sung bằng hình thức trực tuyến.",
    "Đường truyền Internet tại một số thôn, bản vùng cao chưa ổn định, ảnh hưởng tới việc học và làm bài kiểm tra "
    "trực tuyến của cán bộ không chuyên trách.",
    "Lịch báo cáo viên Công an tỉnh dày vào cuối năm nên đơn vị phải lùi thời gian tổ chức hội nghị so với kế hoạch.",
    "Không có khó khăn lớn; một số người lao động hợp đồng mới tuyển dụng chưa kịp tham gia đợt tuyên truyền chung.",
]
PROPOSALS = [
    "Đề nghị Công an tỉnh tiếp tục cung cấp tài liệu, video ngắn về các thủ đoạn mới để đơn vị phát trong giao ban "
    "và trên nhóm Zalo nội bộ.",
    "Đề nghị Công an tỉnh bố trí báo cáo viên cho đợt tuyên truyền bổ sung vào quý I năm sau dành cho người lao "
    "động làm việc theo ca.",
    "Đề nghị UBND tỉnh chỉ đạo các doanh nghiệp viễn thông tăng cường nhắn tin cảnh báo tới thuê bao trên địa bàn.",
    "",
]
RETURN_CLAIMED_ATTENDANCE = 210
RETURN_REASON = (
    "Số lượt người dự hội nghị trong phần kết quả chưa khớp với số điểm danh trên hệ thống (đơn vị ghi 210 lượt, "
    "hệ thống ghi nhận ít hơn). Đề nghị đơn vị kiểm tra lại, bổ sung biên bản hội nghị có chữ ký và nêu rõ kế hoạch "
    "tuyên truyền cho số cán bộ chưa được tuyên truyền."
)
SIGNERS = [
    ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Thị Thu Hà"),
    ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Trần Quang Vinh"),
    ("CHỦ TỊCH", "Lê Văn Thắng"),
    ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Phạm Minh Tuấn"),
    ("TRƯỞNG BAN", "Đỗ Thị Lan Anh"),
]
PROVINCE_2023 = {
    "number": "412/BC-CAT",
    "intro": (
        "Thực hiện Văn bản số 1509/UBND-NC ngày 15/6/2023 của Ủy ban nhân dân tỉnh về tăng cường công tác tuyên "
        "truyền, phòng ngừa hoạt động lừa đảo chiếm đoạt tài sản trên không gian mạng, Công an tỉnh tổng hợp kết quả "
        "thực hiện của các cơ quan, đơn vị, địa phương như sau:"
    ),
    "proposals": (
        "Đề nghị UBND tỉnh chỉ đạo các đơn vị chưa gửi báo cáo khẩn trương hoàn thành; giao Sở Thông tin và Truyền "
        "thông phối hợp với Công an tỉnh duy trì chuyên mục cảnh báo lừa đảo trên Báo Quảng Ninh và Cổng thông tin "
        "điện tử tỉnh; tiếp tục tổ chức tuyên truyền bổ sung cho người lao động tại các khu công nghiệp."
    ),
    "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    "signer_name": "Đại tá Vũ Đức Thành",
    "recipients": (
        "UBND tỉnh (để báo cáo);\nTT Tỉnh ủy, TT HĐND tỉnh (để báo cáo);\nCác sở, ban, ngành, địa phương;\n"
        "Lưu: VT, PA05."
    ),
}
