from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Nạp danh sách chính thức ban đầu (số khẩn cấp, tổng đài, tên miền cơ quan và ngân hàng, tên thương hiệu, "
        "tài khoản ủng hộ). Chỉ thêm mục còn thiếu, không ghi đè chỉnh sửa của điều phối viên."
    )

    def handle(self, *args, **options):
        from canhgiac.scamcheck.services import allowlist_seed

        created = allowlist_seed(actor=None)
        self.stdout.write(self.style.SUCCESS(f"Đã thêm {created} mục vào danh sách chính thức."))
