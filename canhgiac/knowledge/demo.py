"""Demo data of the knowledge base: the full catalogue (seeded, published) and a materials library."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from .models import Material, ScamMethod, Visibility
from .seed import seed_knowledge

COORDINATOR_EMAIL = "dieuphoi@congan.quangninh.gov.vn"
SPEAKER_EMAIL = "baocaovien1@congan.quangninh.gov.vn"


def load(ctx) -> None:
    report = seed_knowledge()
    ctx.say(f"  Phương thức lừa đảo: {report.summary()}")
    created = _materials(ctx)
    ctx.say(f"  Thư viện tài liệu: thêm {created}")


def _user(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email=email).first()


def _slides_pdf() -> bytes:
    from django.template.loader import render_to_string
    from weasyprint import HTML

    methods = list(ScamMethod.objects.published().prefetch_related("red_flags"))
    html = render_to_string("knowledge/pdf/slides.html", {"methods": methods})
    return HTML(string=html).write_pdf()


def _guide_docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading("Hướng dẫn báo cáo viên tổ chức hội nghị tuyên truyền phòng, chống lừa đảo trực tuyến", 1)
    for title, body in [
        (
            "1. Chuẩn bị",
            "Liên hệ đầu mối đơn vị trước ít nhất 5 ngày để thống nhất thời gian, địa điểm, số người dự; đề nghị "
            "đơn vị gửi kết quả khảo sát nhu cầu để chọn nội dung trọng tâm.",
        ),
        (
            "2. Nội dung trọng tâm",
            "Ba thủ đoạn Công văn 1509/UBND-NC nêu đích danh: kêu gọi đầu tư tài chính, chứng khoán, tiền ảo; mời "
            "làm cộng tác viên, làm nhiệm vụ; giả danh Công an, Viện kiểm sát, Tòa án. Bổ sung các thủ đoạn mà "
            "khảo sát cho thấy đơn vị còn yếu.",
        ),
        (
            "3. Cách trình bày",
            "Mỗi thủ đoạn: kể một vụ việc thật đã xảy ra tại địa phương (không nêu danh tính bị hại), chỉ ra dấu "
            "hiệu nhận biết, việc nên làm và không bao giờ làm; cho người nghe xem tin nhắn minh họa và hỏi: "
            "“Nếu là anh, chị, anh chị sẽ làm gì?”.",
        ),
        (
            "4. Sau hội nghị",
            "Điểm danh bằng mã QR, phát tờ rơi in từ hệ thống, nhắc người dự làm bài kiểm tra trực tuyến; ghi nhận "
            "câu hỏi của người dự để bổ sung tài liệu.",
        ),
    ]:
        doc.add_heading(title, 2)
        doc.add_paragraph(body)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


INFOGRAPHIC_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 340" width="600" height="340">
  <rect width="600" height="340" fill="#0b2a4a"/>
  <text x="30" y="60" font-family="Liberation Sans, DejaVu Sans, sans-serif" font-size="30" font-weight="bold" fill="#f2b705">3 KHÔNG để an toàn</text>
  <g font-family="Liberation Sans, DejaVu Sans, sans-serif" font-size="22" fill="#ffffff">
    <text x="30" y="130">✘ Không chuyển tiền cho người lạ gọi đến</text>
    <text x="30" y="185">✘ Không đọc mã OTP cho bất kỳ ai</text>
    <text x="30" y="240">✘ Không bấm đường link, cài ứng dụng lạ</text>
  </g>
  <text x="30" y="310" font-family="Liberation Sans, DejaVu Sans, sans-serif" font-size="18" fill="#f2b705">Nghi ngờ lừa đảo? Gọi 113</text>
</svg>
"""


def _poster_png() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1200, 800), "#0b2a4a")
    draw = ImageDraw.Draw(image)
    try:
        big = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 64)
        small = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    except OSError:
        big = small = ImageFont.load_default()
    draw.text((60, 80), "CÔNG AN KHÔNG LÀM VIỆC", font=big, fill="#f2b705")
    draw.text((60, 170), "QUA ĐIỆN THOẠI", font=big, fill="#f2b705")
    lines = [
        "Không có “tài khoản tạm giữ” nào cả.",
        "Không chuyển tiền để “chứng minh trong sạch”.",
        "Cúp máy, gọi 113 hoặc Công an phường, xã.",
    ]
    for i, line in enumerate(lines):
        draw.text((60, 330 + i * 80), line, font=small, fill="#ffffff")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _materials(ctx) -> int:
    from . import services
    from .pdf import leaflet_pdf

    coordinator = _user(COORDINATOR_EMAIL)
    speaker = _user(SPEAKER_EMAIL) or coordinator
    if coordinator is None:
        return 0
    unit = coordinator.memberships.select_related("unit").first()
    owner = unit.unit if unit else None
    by_slug = {m.slug: m for m in ScamMethod.objects.all()}
    dispatch = [
        by_slug[s]
        for s in (
            "dau-tu-tai-chinh-tien-ao",
            "cong-tac-vien-lam-nhiem-vu",
            "gia-danh-cong-an-vien-kiem-sat-toa-an",
        )
        if s in by_slug
    ]
    specs = [
        (
            "Bài giảng: Nhận diện các hình thức lừa đảo trực tuyến (hội nghị cơ quan, đơn vị)",
            Material.Kind.SLIDES,
            Visibility.OFFICIALS,
            "Bộ trình chiếu dùng cho hội nghị tuyên truyền theo Công văn 1509/UBND-NC: mỗi thủ đoạn một trang, "
            "kèm dấu hiệu nhận biết.",
            lambda: ("bai-giang-lua-dao.pdf", _slides_pdf()),
            dispatch,
            ["civil_servants", "workers", "speakers"],
            speaker,
        ),
        (
            "Hướng dẫn báo cáo viên tổ chức hội nghị tuyên truyền",
            Material.Kind.WORD,
            Visibility.POLICE,
            "Quy trình chuẩn bị, nội dung trọng tâm, cách trình bày và việc cần làm sau hội nghị.",
            lambda: ("huong-dan-bao-cao-vien.docx", _guide_docx()),
            dispatch,
            ["speakers"],
            coordinator,
        ),
        (
            "Tờ rơi: Giả danh Công an, Viện kiểm sát, Tòa án",
            Material.Kind.DOCUMENT,
            Visibility.PUBLIC,
            "Tờ rơi A4 in phát tại khu dân cư, chợ, trường học.",
            lambda: (
                "to-roi-gia-danh-cong-an.pdf",
                leaflet_pdf(by_slug["gia-danh-cong-an-vien-kiem-sat-toa-an"]),
            ),
            [by_slug["gia-danh-cong-an-vien-kiem-sat-toa-an"]],
            ["public", "elderly"],
            coordinator,
        ),
        (
            "Infographic: 3 KHÔNG để an toàn trên mạng",
            Material.Kind.IMAGE,
            Visibility.PUBLIC,
            "Ảnh vector đăng trang thông tin điện tử, nhóm Zalo khu phố.",
            lambda: ("3-khong.svg", INFOGRAPHIC_SVG.encode()),
            [],
            ["public", "students"],
            coordinator,
        ),
        (
            "Áp phích: Công an không làm việc qua điện thoại",
            Material.Kind.IMAGE,
            Visibility.PUBLIC,
            "Ảnh dán bảng tin khu dân cư, trụ sở tiếp dân.",
            lambda: ("ap-phich-cong-an.png", _poster_png()),
            [by_slug["gia-danh-cong-an-vien-kiem-sat-toa-an"]],
            ["public", "elderly"],
            coordinator,
        ),
    ]
    created = 0
    existing = set(Material.objects.values_list("title", flat=True))
    for title, kind, visibility, description, make, methods, audiences, actor in specs:
        if title in existing:
            continue
        name, data = make()
        material = services.material_create(
            title=title,
            kind=kind,
            visibility=visibility,
            upload=SimpleUploadedFile(name, data),
            description=description,
            methods=methods,
            audiences=audiences,
            owner_unit=owner,
            note="Bản phát hành đầu tiên",
            actor=actor,
        )
        if kind == Material.Kind.SLIDES:
            name, data = "bai-giang-lua-dao-cap-nhat.pdf", data + b"\n% cap nhat so lieu quy 3\n"
            services.material_add_version(
                material=material,
                upload=SimpleUploadedFile(name, data),
                note="Cập nhật số liệu vụ việc quý III",
                actor=actor,
            )
        # Deterministic download figures, spread over the versions (older versions were downloaded first).
        material.refresh_from_db()
        total = 0
        for version in material.versions.order_by("number"):
            count = ctx.rng.randint(20, 300)
            version.__class__.objects.filter(pk=version.pk).update(download_count=count)
            total += count
        Material.objects.filter(pk=material.pk).update(download_count=total)
        created += 1
    return created
