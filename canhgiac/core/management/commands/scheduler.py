import time

from django.core.management.base import BaseCommand

from canhgiac.core import periodic


class Command(BaseCommand):
    help = (
        "Đưa các tác vụ định kỳ (đóng bài làm quá giờ, nhắc hạn, ...) vào hàng đợi đúng chu kỳ; "
        "chạy kèm `canhgiac worker`. Có thể chạy nhiều bản cùng lúc mà không đưa trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Chạy một lượt rồi thoát (dùng với cron).")
        parser.add_argument(
            "--interval", type=int, default=30, help="Số giây giữa hai lượt kiểm tra (mặc định 30)."
        )

    def handle(self, *args, once=False, interval=30, **options):
        names = ", ".join(p.name for p in periodic.registered()) or "không có"
        self.stdout.write(f"Tác vụ định kỳ đã đăng ký: {names}")
        while True:
            for name in periodic.run_due():
                self.stdout.write(f"Đã đưa vào hàng đợi: {name}")
            if once:
                return
            time.sleep(max(interval, 1))
