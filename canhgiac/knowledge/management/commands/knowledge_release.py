"""Record the red flags of the content in the code as a new release (data/releases/vN.json)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Ghi lại các dấu hiệu nhận biết (mẫu nhận diện, trọng số) của nội dung trong mã nguồn thành một bản phát "
        "hành mới (knowledge/data/releases/vN.json), để cơ sở dữ liệu đã nạp bản cũ được cập nhật những dấu hiệu "
        "chưa ai sửa. Chạy sau khi sửa mẫu nhận diện trong knowledge/content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ghi-chu", dest="note", default="", help="Ghi chú của bản phát hành (tiếng Việt)."
        )
        parser.add_argument(
            "--kiem-tra",
            dest="check",
            action="store_true",
            help="Chỉ kiểm tra: báo lỗi nếu nội dung trong mã nguồn khác bản phát hành mới nhất.",
        )

    def handle(self, *args, note="", check=False, **options):
        from canhgiac.knowledge.upgrades import RELEASES_DIR, content_release, releases

        chain = releases()
        current = content_release()
        latest_name, latest = chain[-1] if chain else ("", {})
        changed = sorted(code for code, flag in current.items() if latest.get(code) != flag)
        if check:
            if changed:
                raise CommandError(
                    f"{len(changed)} dấu hiệu khác bản {latest_name}: {', '.join(changed[:10])}. "
                    'Chạy canhgiac knowledge_release --ghi-chu "…".'
                )
            self.stdout.write(f"Nội dung trùng với bản {latest_name}.")
            return
        if not changed:
            self.stdout.write(f"Không có gì mới so với bản {latest_name}.")
            return
        if not note.strip():
            raise CommandError('Hãy ghi chú bản phát hành bằng --ghi-chu "…" (đã sửa gì, vì sao).')
        name = f"v{len(chain) + 1}"
        data = {"release": name, "note": note.strip(), "red_flags": dict(sorted(current.items()))}
        path = RELEASES_DIR / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        releases.cache_clear()
        self.stdout.write(f"Đã ghi {path.name}: {len(changed)} dấu hiệu đổi so với bản {latest_name}.")
