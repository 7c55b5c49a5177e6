"""What to do now: advice shown with every answer of the checker, by status and kind of identifier."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .identifiers import BANK_ACCOUNT, BRANDNAME, PHONE, SOCIAL, URL

BY_STATUS = {
    "verified_scam": [
        _(
            "Dừng ngay mọi liên lạc. Không chuyển tiền, không đọc mã OTP, không bấm đường link, không cài ứng dụng."
        ),
        _(
            "Nếu đã chuyển tiền: gọi ngay tổng đài ngân hàng của bạn để đề nghị phong tỏa giao dịch, rồi trình báo Công an nơi gần nhất (hoặc gọi 113)."
        ),
        _("Báo cho người thân, nhất là người cao tuổi, để họ không mắc bẫy tương tự."),
    ],
    "reported": [
        _("Đã có người dân phản ánh định danh này nhưng Công an chưa xác minh. Hãy hết sức thận trọng."),
        _(
            "Không chuyển tiền hay cung cấp thông tin cá nhân cho đến khi tự kiểm tra qua kênh chính thức (gọi lại số tổng đài in trên thẻ, trang web chính thức)."
        ),
        _("Nếu bạn cũng bị liên hệ theo cách đáng ngờ, hãy gửi phản ánh để Công an có thêm căn cứ."),
    ],
    "no_information": [
        _(
            "“Chưa có thông tin” KHÔNG có nghĩa là an toàn: kẻ gian đổi số, đổi tài khoản, đổi trang web liên tục."
        ),
        _(
            "Hãy tự hỏi: có ai đang thúc giục bạn chuyển tiền, đọc mã OTP, bấm đường link hay cài ứng dụng không? Nếu có, dừng lại."
        ),
        _(
            "Kiểm tra lại bằng kênh bạn tự tìm (số tổng đài chính thức, người thân gọi trực tiếp), không dùng số hay đường link người lạ gửi."
        ),
    ],
    "official": [
        _("Đây là đầu mối chính thức trong danh sách của {agency}."),
        _(
            "Kẻ gian vẫn có thể giả số hiển thị hoặc giả tên thương hiệu tin nhắn: nếu người gọi đòi chuyển tiền, đọc OTP hay cài ứng dụng, hãy cúp máy và tự gọi lại số chính thức."
        ),
    ],
}

BY_KIND = {
    PHONE: _(
        "Cơ quan Công an, Tòa án, Viện kiểm sát không làm việc qua điện thoại và không bao giờ yêu cầu chuyển tiền."
    ),
    BANK_ACCOUNT: _(
        "Không chuyển tiền vào tài khoản cá nhân để “xác minh”, “giữ chỗ”, “nhận thưởng” hay “mở khóa khoản vay”."
    ),
    URL: _(
        "Ngân hàng và cơ quan nhà nước không gửi đường link yêu cầu đăng nhập hay cập nhật thông tin. Kiểm tra kỹ tên miền: trang của cơ quan nhà nước có đuôi .gov.vn."
    ),
    SOCIAL: _(
        "Tài khoản mạng xã hội của người quen có thể đã bị chiếm: gọi điện trực tiếp cho họ trước khi chuyển tiền."
    ),
    BRANDNAME: _(
        "Tin nhắn mang tên thương hiệu vẫn có thể bị giả bằng trạm phát sóng giả: đừng bấm đường link trong tin nhắn, hãy mở ứng dụng chính thức."
    ),
}

BY_VERDICT = {
    "scam": _("Tin nhắn này gần như chắc chắn là lừa đảo. Đừng làm theo bất kỳ yêu cầu nào trong tin."),
    "suspicious": _(
        "Tin nhắn có nhiều dấu hiệu lừa đảo. Đừng bấm đường link, đừng chuyển tiền, hãy kiểm tra qua kênh chính thức."
    ),
    "no_signal": _(
        "Hệ thống chưa thấy dấu hiệu rõ ràng, nhưng điều đó không có nghĩa là tin nhắn an toàn. Hãy cảnh giác nếu bị thúc giục chuyển tiền hay cung cấp thông tin."
    ),
}


def advice_for(
    *, status: str, kind: str | None = None, verdict: str | None = None, agency: str = ""
) -> list[str]:
    lines = []
    if verdict:
        lines.append(str(BY_VERDICT[verdict]))
    lines.extend(str(line).format(agency=agency) for line in BY_STATUS.get(status, []))
    if kind in BY_KIND:
        lines.append(str(BY_KIND[kind]))
    return lines
