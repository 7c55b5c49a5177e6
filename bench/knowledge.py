"""Knowledge base figures: red-flag matching throughput, rules cache, search, API, index page and PDFs.

Run: .venv/bin/python bench/knowledge.py   (SQLite in a temporary folder; DATABASE_URL picks PostgreSQL)
Last line: methods=… flags=… patterns=… match_msgs_per_s=… rules_warm_us=… search_ms=… api_ms=… index_ms=…
leaflet_cold_ms=… leaflet_cached_ms=…
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
os.environ.setdefault("CANHGIAC_DATA_DIR", tempfile.mkdtemp(prefix="cg-bench-knowledge-"))
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("TASKS_IMMEDIATE", "true")
os.environ.setdefault("CANHGIAC_TESTING", "true")  # plain static storage: no collectstatic manifest needed

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def timed(fn, repeat: int) -> float:
    """Median milliseconds of `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    call_command("migrate", verbosity=0)
    from canhgiac.core.text import fold
    from canhgiac.knowledge import selectors
    from canhgiac.knowledge.content import METHODS
    from canhgiac.knowledge.models import ScamMethod
    from canhgiac.knowledge.pdf import leaflet_pdf
    from canhgiac.knowledge.seed import seed_knowledge

    seed_knowledge()
    rules = selectors.red_flag_rules()
    patterns = sum(len(r.patterns) for r in rules)

    # Messages: every example the team wrote plus ordinary messages, about 60/40, folded as the analyzer does.
    scams = [e["text"] for m in METHODS for e in m["examples"]]
    ordinary = [
        "Chào anh, chiều nay 3 giờ họp giao ban ở phòng họp tầng 2, anh nhớ mang báo cáo quý nhé.",
        "VCB: Ma OTP cua Quy khach la 482913. Tuyet doi KHONG chia se ma OTP cho bat ky ai.",
        "TK 0123xxx789 +5,000,000VND luc 10:20. SD: 12,340,000VND. ND: chuyen tien hoc phi",
        "Mẹ ơi con về đến nhà rồi, tối nay con ăn cơm ở nhà nhé.",
        "Cửa hàng xin thông báo: đơn hàng của quý khách sẽ được giao trong ngày mai.",
    ] * 8
    messages = (scams + ordinary) * 40
    start = time.perf_counter()
    hits = 0
    for message in messages:
        text = fold(message)
        for rule in rules:
            for pattern in rule.patterns:
                if pattern.search(text):
                    hits += 1
                    break
    match_per_s = len(messages) / (time.perf_counter() - start)

    warm_us = timed(selectors.red_flag_rules, 2000) * 1000
    search_ms = timed(lambda: selectors.search_methods("lua dao dau tu"), 200)

    client = Client()
    client.get("/api/v1/methods")
    api_ms = timed(lambda: client.get("/api/v1/methods"), 50)
    client.get("/kien-thuc/")
    index_ms = timed(lambda: client.get("/kien-thuc/"), 50)

    method = ScamMethod.objects.get(slug="dau-tu-tai-chinh-tien-ao")
    from django.core.cache import cache

    cold = []
    for _ in range(5):
        cache.clear()
        start = time.perf_counter()
        leaflet_pdf(method)
        cold.append((time.perf_counter() - start) * 1000)
    leaflet_cold = statistics.median(cold)
    leaflet_cached = timed(lambda: leaflet_pdf(method), 200)

    print(
        f"red-flag rules: {len(rules)} flags, {patterns} patterns; {hits} flag hits over {len(messages)} messages"
    )
    print(
        f"methods={ScamMethod.objects.published().count()} flags={len(rules)} patterns={patterns} "
        f"match_msgs_per_s={match_per_s:.0f} rules_warm_us={warm_us:.1f} search_ms={search_ms:.2f} "
        f"api_ms={api_ms:.1f} index_ms={index_ms:.1f} leaflet_cold_ms={leaflet_cold:.0f} "
        f"leaflet_cached_ms={leaflet_cached:.2f}"
    )


if __name__ == "__main__":
    main()
