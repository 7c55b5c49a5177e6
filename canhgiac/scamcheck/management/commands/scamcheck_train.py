"""Retrain the analyzer's model on the team's corpus and print its held-out figures."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Huấn luyện lại mô hình phân loại tin nhắn từ kho tin nhắn của nhóm (scamcheck/data/corpus), ghi "
        "scamcheck/data/model.json.gz và in độ chính xác, độ phủ, tỷ lệ báo nhầm trên phần giữ riêng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ huấn luyện và đánh giá, không ghi tệp mô hình."
        )
        parser.add_argument(
            "--with-rules",
            action="store_true",
            help="Đánh giá thêm toàn bộ bộ phân tích (mô hình + dấu hiệu trong cơ sở dữ liệu + kiểm tra đường link).",
        )

    def handle(self, *args, **options):
        from canhgiac.scamcheck.analyzer.training import build, evaluate_analyzer

        report, model = build(write=not options["dry_run"])
        if options["with_rules"]:
            report["analyzer_held_out"] = evaluate_analyzer(model)
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        if not options["dry_run"]:
            self.stdout.write(self.style.SUCCESS("Đã ghi mô hình mới."))
