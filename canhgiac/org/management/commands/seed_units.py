from django.core.management.base import BaseCommand

from canhgiac.org.seed import seed_province


class Command(BaseCommand):
    help = "Tạo cây đơn vị thật của tỉnh (khối, sở ngành, xã phường đặc khu theo mã chính thức); chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province", type=int, default=None, help="Mã tỉnh (mặc định: CANHGIAC_PROVINCE_CODE)."
        )

    def handle(self, *args, **options):
        result = seed_province(options["province"])
        self.stdout.write(
            f"Đơn vị mới tạo: {result['created']}; tổng số: {result['total']}; gốc: {result['root'].name}"
        )
