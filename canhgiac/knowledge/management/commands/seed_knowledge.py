from django.core.management.base import BaseCommand

from canhgiac.knowledge.seed import seed_knowledge


class Command(BaseCommand):
    help = (
        "Nạp nội dung các phương thức lừa đảo do nhóm biên soạn (24 hình thức và các hình thức mới). "
        "Chạy lại nhiều lần được; không ghi đè nội dung cán bộ điều phối đã sửa."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--khong-cong-bo",
            dest="publish",
            action="store_false",
            help="Nạp nội dung nhưng để ở trạng thái chưa công bố (cán bộ điều phối duyệt rồi công bố).",
        )

    def handle(self, *args, publish=True, **options):
        report = seed_knowledge(publish=publish)
        self.stdout.write(f"Phương thức lừa đảo: {report.summary()}.")
