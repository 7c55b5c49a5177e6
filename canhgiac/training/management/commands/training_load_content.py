from django.core.management.base import BaseCommand

from canhgiac.training.content import load_content


class Command(BaseCommand):
    help = (
        "Nạp khóa học mặc định “Nhận diện và phòng tránh lừa đảo trực tuyến”, bài kiểm tra và ngân hàng câu hỏi "
        "đi kèm sản phẩm. Chạy lại nhiều lần không tạo trùng và không ghi đè nội dung đã sửa."
    )

    def handle(self, *args, **options):
        report = load_content()
        self.stdout.write(self.style.SUCCESS(f"Đã nạp nội dung học tập: {report}"))
