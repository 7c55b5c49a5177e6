"""Measure the analyzer: repeated stratified k-fold cross-validation over the whole corpus, and the held-out part."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

ROWS = (
    ("model", "Mô hình riêng (p ≥ ngưỡng)"),
    ("flagged", "Bộ phân tích: “đáng ngờ” hoặc “lừa đảo”"),
    ("flagged_without_diacritics", "  — cùng tin, bỏ hết dấu"),
    ("scam_verdict", "Bộ phân tích: “lừa đảo”"),
)


class Command(BaseCommand):
    help = (
        "Đánh giá bộ phân tích tin nhắn: kiểm định chéo k phần phân tầng, lặp lại với hạt giống cố định, trên "
        "toàn bộ kho tin nhắn (mô hình huấn luyện lại cho từng phần), và trên phần giữ riêng. In độ chính xác, "
        "độ phủ, tỷ lệ báo nhầm (trung bình ± độ lệch chuẩn). Không ghi gì vào cơ sở dữ liệu hay tệp mô hình."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folds", type=int, default=5, help="Số phần của kiểm định chéo (mặc định 5).")
        parser.add_argument(
            "--repeats", type=int, default=3, help="Số lần lặp, mỗi lần chia khác (mặc định 3)."
        )
        parser.add_argument(
            "--seed", type=int, default=1509, help="Hạt giống của lần chia đầu (mặc định 1509)."
        )
        parser.add_argument(
            "--shipped-rules",
            action="store_true",
            help="Dùng dấu hiệu nhận biết do nhóm phát hành thay cho dấu hiệu trong cơ sở dữ liệu.",
        )
        parser.add_argument(
            "--model-only", action="store_true", help="Chỉ đánh giá mô hình, không chạy toàn bộ bộ phân tích."
        )
        parser.add_argument(
            "--no-held-out", action="store_true", help="Bỏ phần đánh giá trên phần giữ riêng."
        )
        parser.add_argument(
            "--c",
            type=float,
            default=None,
            help="Cố định hệ số điều chuẩn C thay vì chọn bằng kiểm định chéo trong từng phần (chạy nhanh hơn).",
        )
        parser.add_argument(
            "--json", metavar="TỆP", help="Ghi toàn bộ kết quả dạng JSON vào tệp này (- : in ra)."
        )

    def handle(self, *args, **options):
        from canhgiac.scamcheck.analyzer.evaluation import cross_validate, held_out, shipped_rules
        from canhgiac.scamcheck.analyzer.redflags import current_rules

        if options["folds"] < 2 or options["repeats"] < 1:
            raise CommandError("Cần ít nhất 2 phần và 1 lần lặp.")
        rules = shipped_rules() if options["shipped_rules"] else current_rules()
        source = "do nhóm phát hành" if options["shipped_rules"] else "trong cơ sở dữ liệu"
        if not rules and not options["model_only"]:
            raise CommandError(
                "Cơ sở dữ liệu chưa có dấu hiệu nhận biết nào được công bố: chạy canhgiac seed_knowledge "
                "hoặc dùng --shipped-rules."
            )
        with_analyzer = not options["model_only"]
        train_options = {"c": options["c"]} if options["c"] else None
        quiet = options["json"] == "-"
        progress = None if quiet else (lambda line: self.stderr.write(line))
        report = {
            "rules": {
                "source": "shipped" if options["shipped_rules"] else "database",
                "red_flags": len(rules),
            },
            "cross_validation": cross_validate(
                folds=options["folds"],
                repeats=options["repeats"],
                seed=options["seed"],
                rules=rules,
                with_analyzer=with_analyzer,
                train_options=train_options,
                progress=progress,
            ),
        }
        if not options["no_held_out"]:
            report.update(held_out(rules=rules, with_analyzer=with_analyzer, train_options=train_options))
        if options["json"]:
            text = json.dumps(report, ensure_ascii=False, indent=2)
            if options["json"] == "-":
                self.stdout.write(text)
                return
            with open(options["json"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        self._print(report, source)

    def _print(self, report: dict, source: str) -> None:
        cv = report["cross_validation"]
        write = self.stdout.write
        write(
            f"Kho: {cv['messages']} tin ({cv['scam']} lừa đảo, {cv['legit']} bình thường); "
            f"{report['rules']['red_flags']} dấu hiệu {source}."
        )
        write(f"\nKiểm định chéo {cv['folds']} phần × {cv['repeats']} lần (hạt giống {cv['seed']}):")
        write(f"{'':48} {'chính xác':>17} {'độ phủ':>17} {'báo nhầm':>17}")
        for key, label in ROWS:
            if key not in cv:
                continue
            row = cv[key]
            cells = [
                f"{row[m]['mean']:.3f} ± {row[m]['std']:.3f}"
                for m in ("precision", "recall", "false_positive_rate")
            ]
            write(f"{label:48} {cells[0]:>17} {cells[1]:>17} {cells[2]:>17}")
        if "method_top1" in cv:
            write(
                f"Phương thức đúng xếp đầu: {cv['method_top1']:.0%}, trong ba phương thức nêu ra: "
                f"{cv['method_top3']:.0%}."
            )
        for name, title in (
            ("held_out", "Phần giữ riêng"),
            ("held_out_v1", "Phần giữ riêng của bản kho đầu"),
        ):
            part = report.get(name)
            if not part:
                continue
            write(f"\n{title}: {part['messages']} tin ({part['scam']} lừa đảo, {part['legit']} bình thường)")
            for key, label in ROWS:
                if key not in part:
                    continue
                row = part[key]
                write(
                    f"{label:48} {row['precision']:>17.3f} {row['recall']:>17.3f} "
                    f"{row['false_positive_rate']:>11.3f} ({row['fp']}/{row['fp'] + row['tn']})"
                )
