"""Load test of the quiz: N virtual staff members take the post-test at the same time, with real HTTP requests.

    .venv/bin/python bench/quiz_load.py --users 3000 [--speed 2] [--questions 20]

What it does, all on 127.0.0.1 and bounded in time:
1. (re)creates its own PostgreSQL database (cg_quizload), migrates it, loads the course and question bank, and
   seeds N people across 30 units, each with a personal link (issued the product's way, digests only);
2. starts the app with gunicorn (gthread workers, persistent database connections, Redis for sessions/cache);
3. runs N virtual quiz takers with asyncio + aiohttp. They all start on one signal (a synchronised start); each
   then thinks 30–90 s (divided by --speed) before every action: open the personal link, start the quiz, answer
   each question (one htmx POST per answer, as the page does), submit, read the result;
4. checks the database: every answer a client sent and the server acknowledged must be stored once, every
   attempt submitted; prints figures per request kind and, as its LAST line:

    users=… answers_sent=… answers_stored=… errors=… p95_ms=…

p95_ms is over every request of the run (entry, start, page, answers, submit, result).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PG = "postgres://postgres@127.0.0.1:5432"
QUIZ_SLUG = "kiem-tra-cuoi-khoa"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=3000)
    parser.add_argument(
        "--speed", type=float, default=1.0, help="think time 30–90 s is divided by this factor"
    )
    parser.add_argument(
        "--questions", type=int, default=20, help="questions in the quiz (the post-test has 20)"
    )
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--db", default="cg_quizload")
    parser.add_argument(
        "--redis", default="redis://127.0.0.1:6379/12", help="empty string: database sessions"
    )
    parser.add_argument("--max-minutes", type=float, default=60, help="hard stop of the whole run")
    parser.add_argument("--seed", type=int, default=1509)
    parser.add_argument(
        "--warmup",
        type=int,
        default=32,
        help="extra takers who run the whole flow at once before the measured start",
    )
    parser.add_argument("--_seed-into", dest="seed_into", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def server_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"{PG}/{args.db}?conn_max_age=600",
        SECRET_KEY="bench-quiz-load-secret-key-not-for-production-0123456789",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{args.port}",
        LOG_LEVEL="WARNING",
        TASKS_IMMEDIATE="true",
        DJANGO_SETTINGS_MODULE="canhgiac.settings",
        CANHGIAC_DATA_DIR=str(ROOT / "var" / "bench-quizload"),
    )
    env.pop("CANHGIAC_TESTING", None)
    if args.redis:
        env["REDIS_URL"] = args.redis
    else:
        env.pop("REDIS_URL", None)
    return env


# --- 1. the database ------------------------------------------------------------------------------------


def seed_into(path: str, args) -> None:
    """Runs in a child process with the server's environment: migrate, content, people, personal links."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    from canhgiac.org.models import Person, Unit
    from canhgiac.training.content import load_content
    from canhgiac.training.models import Quiz
    from canhgiac.training.services import staff_access_issue

    load_content()
    root = Unit.objects.add_root({"code": "QN", "name": "Tỉnh Quảng Ninh", "kind": Unit.Kind.PROVINCE})
    units = [
        Unit.objects.add_child(
            root, {"code": f"B{i:02d}", "name": f"Đơn vị thử tải {i}", "kind": Unit.Kind.WARD}
        )
        for i in range(30)
    ]
    people = []
    for i in range(args.users):
        person = Person(
            unit=units[i % len(units)], full_name=f"Người thử tải {i:05d}", staff_code=f"BENCH{i:05d}"
        )
        person.refresh_derived()
        people.append(person)
    Person.objects.bulk_create(people, batch_size=2000)
    people = list(Person.objects.order_by("id"))
    think_max = 90 / args.speed
    quiz = Quiz.objects.get(slug=QUIZ_SLUG)
    quiz.question_count = args.questions
    quiz.max_attempts = 1
    quiz.time_limit_minutes = min(240, int((args.questions + 2) * think_max / 60) + 10)
    quiz.save()
    issued = staff_access_issue(people=people, actor=None, days=2)
    Path(path).write_text(json.dumps([item.token for item in issued]))


def prepare_database(args) -> list[str]:
    for sql in (f"DROP DATABASE IF EXISTS {args.db} WITH (FORCE)", f"CREATE DATABASE {args.db}"):
        subprocess.run(
            ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", sql], check=True
        )
    if args.redis:
        subprocess.run(["redis-cli", "-u", args.redis, "FLUSHDB"], check=True, capture_output=True)
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as fh:
        path = fh.name
    cmd = [PYTHON, __file__, "--_seed-into", path, "--users", str(args.users), "--speed", str(args.speed)]
    cmd += [
        "--questions",
        str(args.questions),
        "--db",
        args.db,
        "--port",
        str(args.port),
        "--redis",
        args.redis,
    ]
    subprocess.run(cmd, check=True, env=server_env(args), cwd=ROOT)
    tokens = json.loads(Path(path).read_text())
    os.unlink(path)
    return tokens


# --- 2. the server --------------------------------------------------------------------------------------


def start_server(args) -> subprocess.Popen:
    cmd = [
        str(BIN / "gunicorn"),
        "canhgiac.wsgi:application",
        "--bind", f"127.0.0.1:{args.port}",
        "--worker-class", "gthread",
        "--workers", str(args.workers),
        "--threads", str(args.threads),
        "--worker-connections", "4000",
        "--backlog", "4096",
        "--keep-alive", "5",
        "--timeout", "60",
        "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(cmd, env=server_env(args), cwd=ROOT, start_new_session=True)
    import urllib.request

    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn không khởi động được")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --- 3. the virtual quiz takers -------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.answers_sent = 0
        self.answers_acknowledged = 0
        self.finished = 0
        self.error_samples: list[str] = []

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{kind}: {detail}")


QUESTION = re.compile(r'name="question" value="(\d+)"')
OPTION = re.compile(r'name="option" value="(\d+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Taker:
    def __init__(self, base: str, token: str, session, stats: Stats, rng: random.Random, speed: float):
        self.base, self.token, self.http, self.stats, self.rng, self.speed = (
            base,
            token,
            session,
            stats,
            rng,
            speed,
        )
        self.cookies: dict[str, str] = {}

    async def think(self):
        await asyncio.sleep(self.rng.uniform(30, 90) / self.speed)  # speed inf: no pause (warm-up)

    async def request(
        self, kind: str, method: str, path: str, *, expect: int, data=None, headers=None
    ) -> str | None:
        import aiohttp

        hdrs = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Referer": self.base + "/"}
        hdrs.update(headers or {})
        started = time.perf_counter()
        try:
            async with self.http.request(
                method, self.base + path, data=data, headers=hdrs, allow_redirects=False
            ) as resp:
                body = await resp.text()
                elapsed = (time.perf_counter() - started) * 1000
                for name, morsel in resp.cookies.items():
                    self.cookies[name] = morsel.value
        except (TimeoutError, aiohttp.ClientError) as exc:
            self.stats.error(kind, repr(exc))
            return None
        self.stats.latency[kind].append(elapsed)
        if resp.status != expect:
            self.stats.error(kind, f"HTTP {resp.status}: {body[:160]!r}")
            return None
        return body if resp.status == 200 else resp.headers.get("Location", "")

    async def run(self, start: asyncio.Event):
        await start.wait()
        await self.think()
        if await self.request("entry", "GET", f"/hoc-tap/vao/{self.token}/", expect=302) is None:
            return
        home = await self.request("home", "GET", "/hoc-tap/cua-toi/", expect=200)
        if home is None:
            return
        csrf = CSRF.search(home).group(1)
        await self.think()
        location = await self.request(
            "start",
            "POST",
            f"/hoc-tap/bai-kiem-tra/{QUIZ_SLUG}/bat-dau/",
            expect=302,
            data={"csrfmiddlewaretoken": csrf},
        )
        if not location:
            return
        page = await self.request("page", "GET", location, expect=200)
        if page is None:
            return
        questions = self.parse(page)
        header = {"X-CSRFToken": self.cookies.get("csrftoken", csrf), "HX-Request": "true"}
        for question, options in questions:
            await self.think()
            choice = [self.rng.choice(options)]
            self.stats.answers_sent += 1
            ok = await self.request(
                "answer",
                "POST",
                f"{location}tra-loi/",
                expect=200,
                data={"question": question, "option": choice},
                headers=header,
            )
            if ok is not None:
                self.stats.answers_acknowledged += 1
        await self.think()
        result = await self.request(
            "submit", "POST", f"{location}nop-bai/", expect=302, data={"csrfmiddlewaretoken": csrf}
        )
        if result and await self.request("result", "GET", result, expect=200) is not None:
            self.stats.finished += 1

    @staticmethod
    def parse(page: str) -> list[tuple[str, list[str]]]:
        """The questions and their options, in the order the page shows them (as a person would read them)."""
        out = []
        blocks = page.split('name="question" value="')[1:]
        for block in blocks:
            qid = block.split('"', 1)[0]
            out.append((qid, OPTION.findall(block.split("</form>", 1)[0])))
        return out


async def run_load(args, tokens: list[str], warm_tokens: list[str]) -> Stats:
    import aiohttp

    stats = Stats()
    base = f"http://127.0.0.1:{args.port}"
    connector = aiohttp.TCPConnector(limit=1000, keepalive_timeout=4)
    timeout = aiohttp.ClientTimeout(total=30)
    start = asyncio.Event()
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
    ) as http:
        takers = [
            Taker(base, token, http, stats, random.Random(args.seed + i), args.speed)
            for i, token in enumerate(tokens)
        ]
        tasks = [asyncio.create_task(t.run(start)) for t in takers]
        await asyncio.sleep(0.5)
        started = time.monotonic()
        start.set()  # the synchronised start
        progress = asyncio.create_task(report_progress(stats, started, len(tokens)))
        done, pending = await asyncio.wait(tasks, timeout=args.max_minutes * 60)
        progress.cancel()
        for task in pending:
            task.cancel()
        if pending:
            stats.error("timeout", f"{len(pending)} người chưa xong khi hết giờ chạy thử")
            stats.errors["timeout"] = len(pending)
        for task in done:
            if task.exception():
                stats.error("crash", repr(task.exception()))
    return stats


async def report_progress(stats: Stats, started: float, users: int):
    while True:
        await asyncio.sleep(30)
        total = sum(len(v) for v in stats.latency.values())
        print(
            f"  … {time.monotonic() - started:5.0f} s: {total} yêu cầu, {stats.answers_acknowledged} câu trả lời, "
            f"{stats.finished}/{users} người nộp xong, lỗi {sum(stats.errors.values())}",
            flush=True,
        )


# --- 4. the check ---------------------------------------------------------------------------------------


def count_in_database(args) -> tuple[int, int, int]:
    measured = (
        "attempt_id IN (SELECT a.id FROM training_attempt a JOIN org_person p ON p.id = a.person_id "
        "WHERE p.staff_code LIKE 'BENCH%%')"
    )
    sql = (
        f"SELECT (SELECT count(*) FROM training_answer WHERE {measured}), "
        "(SELECT count(*) FROM training_attempt a JOIN org_person p ON p.id = a.person_id "
        "WHERE a.submitted_at IS NOT NULL AND p.staff_code LIKE 'BENCH%%'), "
        "(SELECT count(*) FROM (SELECT attempt_id, question_id FROM training_answer "
        "GROUP BY 1, 2 HAVING count(*) > 1) d)"
    ).replace("%%", "%")
    out = subprocess.run(
        ["psql", "-tA", "-h", "127.0.0.1", "-U", "postgres", "-d", args.db, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    stored, submitted, duplicates = (int(x) for x in out.split("|"))
    return stored, submitted, duplicates


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.seed_into:
        seed_into(args.seed_into, args)
        return 0
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        raise SystemExit('Cần aiohttp: .venv/bin/pip install -e ".[bench]"') from None
    t0 = time.monotonic()
    print(f"Chuẩn bị cơ sở dữ liệu {args.db}: {args.users} người, bài {args.questions} câu…", flush=True)
    tokens = prepare_database(args)
    print(f"  xong sau {time.monotonic() - t0:.1f} s", flush=True)
    server = start_server(args)
    print(
        f"gunicorn gthread {args.workers}×{args.threads} trên 127.0.0.1:{args.port}; "
        f"suy nghĩ 30–90 s ÷ {args.speed:g}; bắt đầu đồng loạt…",
        flush=True,
    )
    t1 = time.monotonic()
    try:
        stats = asyncio.run(run_load(args, tokens[: args.users], tokens[args.users :]))
    finally:
        stop_server(server)
    duration = time.monotonic() - t1
    stored, submitted, duplicates = count_in_database(args)
    all_latencies = [x for values in stats.latency.values() for x in values]
    print(
        f"Thời gian chạy: {duration:.0f} s; {len(all_latencies)} yêu cầu ({len(all_latencies) / duration:.1f}/s)"
    )
    for kind in ("entry", "home", "start", "page", "answer", "submit", "result"):
        values = stats.latency.get(kind, [])
        if values:
            print(
                f"  {kind:7s} n={len(values):6d}  p50={percentile(values, 50):6.1f} ms  p95={percentile(values, 95):6.1f} ms"
                f"  p99={percentile(values, 99):6.1f} ms  max={max(values):7.1f} ms  lỗi={stats.errors.get(kind, 0)}"
            )
    print(
        f"Bài đã nộp trong CSDL: {submitted}/{args.users}; câu trả lời trùng (attempt, question): {duplicates}"
    )
    for sample in stats.error_samples:
        print(f"  lỗi mẫu: {sample}")
    errors = sum(stats.errors.values()) + duplicates + (stats.answers_acknowledged != stored)
    mean = statistics.fmean(all_latencies) if all_latencies else 0
    print(f"Trung bình {mean:.1f} ms; đã xác nhận {stats.answers_acknowledged} câu trả lời.")
    print(
        f"users={args.users} answers_sent={stats.answers_sent} answers_stored={stored} "
        f"errors={errors} p95_ms={percentile(all_latencies, 95):.0f}"
    )
    return 0 if errors == 0 and stats.answers_sent == stored else 1


if __name__ == "__main__":
    sys.exit(main())
