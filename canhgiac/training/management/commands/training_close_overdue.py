from django.core.management.base import BaseCommand

from canhgiac.training.services import close_overdue_attempts


class Command(BaseCommand):
    help = "Nộp tự động mọi bài làm đã hết giờ mà chưa nộp (chạy định kỳ, ví dụ mỗi phút)."

    def handle(self, *args, **options):
        count = close_overdue_attempts()
        self.stdout.write(f"Đã tự nộp {count} bài làm quá giờ.")
