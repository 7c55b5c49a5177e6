from django.core.management.base import BaseCommand

from canhgiac.core.demo import DEMO_PASSWORD, load_all


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa tỉnh Quảng Ninh (chạy lại nhiều lần không tạo trùng) và in các tài khoản đăng nhập."

    def handle(self, *args, **options):
        self.stdout.write("Nạp dữ liệu minh họa...")
        ctx = load_all(stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Tài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD})"))
        width = max((len(label) for label, _e, _u in ctx.logins), default=10)
        for label, email, where in ctx.logins:
            self.stdout.write(f"  {label.ljust(width)}  {email}  ({where})")
        extra = ctx.store.get("staff_logins") or []
        if extra:
            self.stdout.write(self.style.SUCCESS("Cán bộ học tập (không cần mật khẩu)"))
            for line in extra:
                self.stdout.write(f"  {line}")
