"""Try the scaled-out shape on this machine: PostgreSQL, two stateless gunicorn app servers, Redis, a task worker.

    .venv/bin/python bench/scale_out.py [--requests 2000] [--concurrency 32]

It creates a fresh PostgreSQL database, migrates it, loads the demo, starts two app servers on 127.0.0.1:8601 and
:8602 sharing SECRET_KEY and REDIS_URL, and checks what must hold when requests land on any server:
a session opened on one server works on the other, rate limits count across servers, and the task worker runs.
Then it spreads GET requests of the home page and a scoped page over both servers and reports throughput.
Last line: `app_servers=2 shared_session=… shared_ratelimit=… worker=… rps=… p95_ms=…`.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import secrets
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORTS = (8601, 8602)
DB = f"cg_scaleout_{os.getpid()}"


def sh(*args, env):
    subprocess.run(args, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


class Session:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def get(self, url):
        try:
            with self.opener.open(url, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    def post(self, url, data, referer):
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": referer})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_up(port):
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"app server on {port} did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    options = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canhgiac.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}?conn_max_age=60",
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CANHGIAC_DATA_DIR": str(ROOT / "var" / "scaleout"),
        "DEBUG": "false",
    }
    subprocess.run(
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {DB}"], check=True
    )
    procs = []
    try:
        sh(str(BIN / "canhgiac"), "migrate", "--noinput", "-v", "0", env=env)
        sh(str(BIN / "canhgiac"), "load_demo", env=env)
        sh(str(BIN / "canhgiac"), "collectstatic", "--noinput", "-v", "0", env=env)
        subprocess.run([str(BIN / "python"), "-c", "import redis; redis.Redis(db=5).flushdb()"], check=True)
        for port in PORTS:
            procs.append(
                subprocess.Popen(
                    [
                        str(BIN / "gunicorn"),
                        "canhgiac.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "2",
                        "--threads",
                        "4",
                        "--worker-class",
                        "gthread",
                        "--log-level",
                        "warning",
                    ],
                    env=env,
                    cwd=ROOT,
                )
            )
        procs.append(
            subprocess.Popen(
                [str(BIN / "canhgiac"), "worker"],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        for port in PORTS:
            wait_up(port)
        a, b = (f"http://127.0.0.1:{port}" for port in PORTS)

        # A session opened on server A is valid on server B (sessions and cache in Redis/PostgreSQL).
        s = Session()
        s.get(a + "/tai-khoan/dang-nhap/")
        status = s.post(
            a + "/tai-khoan/dang-nhap/",
            {"username": "dieuphoi@congan.quangninh.gov.vn", "password": "canhgiac-demo-2026"},
            referer=a + "/tai-khoan/dang-nhap/",
        )
        code_b, html_b = s.get(b + "/don-vi/")
        shared_session = status == 302 and code_b == 200 and "Phường Hồng Gai" in html_b

        # Rate limits count across servers: 30 login POSTs per minute per address, whichever server gets them
        # (the sign-in above was the first of them).
        r = Session()
        r.get(a + "/tai-khoan/dang-nhap/")
        codes = [
            r.post(
                (a if i % 2 else b) + "/tai-khoan/dang-nhap/",
                {"username": f"x{i}@x.vn", "password": "x"},
                referer=a + "/tai-khoan/dang-nhap/",
            )
            for i in range(32)
        ]
        shared_ratelimit = 429 not in codes[:29] and codes[29:] == [429, 429, 429]

        # The worker runs tasks queued by the app servers (database queue).
        check = subprocess.run(
            [
                str(BIN / "python"),
                "-c",
                (
                    "import django, time; django.setup();"
                    "from canhgiac.core.tasks import ping;"
                    "r = ping.enqueue();"
                    "[time.sleep(0.2) for _ in range(100) if r.refresh() or r.status != 'SUCCESSFUL'];"
                    "print(r.status)"
                ),
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        worker = check.stdout.strip().endswith("SUCCESSFUL")

        # Throughput over both servers, signed in (a scoped page) and anonymous (home).
        urls = [(a if i % 2 else b) + ("/don-vi/" if i % 3 == 0 else "/") for i in range(options.requests)]
        cookie = "; ".join(f"{c.name}={c.value}" for c in s.jar)

        def fetch(url):
            started = time.perf_counter()
            request = urllib.request.Request(url, headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
                ok = response.status == 200
            return ok, (time.perf_counter() - started) * 1000

        started = time.perf_counter()
        with ThreadPoolExecutor(options.concurrency) as pool:
            results = list(pool.map(fetch, urls))
        elapsed = time.perf_counter() - started
        errors = sum(1 for ok, _ in results if not ok)
        latencies = sorted(ms for _, ms in results)
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(f"requests={len(urls)} errors={errors} median_ms={statistics.median(latencies):.1f}")
        print(
            f"app_servers=2 shared_session={'yes' if shared_session else 'no'} "
            f"shared_ratelimit={'yes' if shared_ratelimit else 'no'} worker={'yes' if worker else 'no'} "
            f"rps={len(urls) / elapsed:.0f} p95_ms={p95:.1f}"
        )
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
        subprocess.run(
            ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE IF EXISTS {DB}"]
        )


if __name__ == "__main__":
    main()
