"""canhgiac analyze --jsonl FILE: analyse messages in bulk, one JSON object per line in, one per line out."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from canhgiac.scamcheck.analyzer import analyze


class Command(BaseCommand):
    help = (
        'Phân tích tin nhắn hàng loạt: đọc tệp JSONL, mỗi dòng {"id", "text"}; ghi ra đầu ra chuẩn mỗi dòng '
        '{"id", "verdict", "score", "methods", "red_flags"}. Dòng lỗi được báo ở stderr, không dừng cả lô.'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jsonl", required=True, help="Tệp JSONL cần phân tích (- để đọc từ đầu vào chuẩn)."
        )
        parser.add_argument(
            "--no-lookup",
            action="store_true",
            help="Không tra cứu định danh trong cơ sở dữ liệu (nhanh hơn).",
        )

    def handle(self, *args, **options):
        path = options["jsonl"]
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Không mở được tệp {path}: {exc.strerror}.") from None
        errors = 0
        out = self.stdout
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                        raise ValueError('cần một đối tượng có trường "text" là chuỗi')
                except (json.JSONDecodeError, ValueError) as exc:
                    errors += 1
                    self.stderr.write(f"Dòng {number}: bỏ qua — {exc}")
                    continue
                result = analyze(record["text"], lookup=not options["no_lookup"])
                out.write(
                    json.dumps(
                        {
                            "id": record.get("id"),
                            "verdict": result.verdict,
                            "score": result.score,
                            "methods": [m["slug"] for m in result.methods],
                            "red_flags": [
                                {
                                    "code": h.code,
                                    "text": h.text,
                                    "method": h.method_slug,
                                    "spans": [list(s) for s in h.spans],
                                }
                                for h in result.red_flags
                            ],
                        },
                        ensure_ascii=False,
                    )
                )
        if errors:
            self.stderr.write(f"{errors} dòng không đọc được.")
