"""The `canhgiac` command: short names for the common management commands.

canhgiac demo            migrate the database, load the Quảng Ninh demo data, print the logins
canhgiac serve           serve http://127.0.0.1:8000 (Django's server with DEBUG=true, gunicorn otherwise)
canhgiac worker          run the background task worker (database queue)
canhgiac seed-units      create the province's real unit tree
canhgiac <command> ...   any other Django management command (migrate, createsuperuser, ...)
"""

from __future__ import annotations

import os
import sys

ALIASES = {
    "worker": ["db_worker"],
    "seed-units": ["seed_units"],
    "load-demo": ["load_demo"],
    "createadmin": ["createsuperuser"],
}


def _manage(argv: list[str]) -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["canhgiac", *argv])


def _serve(args: list[str]) -> None:
    import argparse

    from django.conf import settings

    parser = argparse.ArgumentParser(prog="canhgiac serve", description="Chạy máy chủ web.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    options = parser.parse_args(args)
    if settings.DEBUG:
        _manage(["runserver", f"{options.host}:{options.port}", "--noreload"])
        return
    _manage(["collectstatic", "--noinput", "-v", "0"])
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "canhgiac.wsgi:application",
        "--bind",
        f"{options.host}:{options.port}",
        "--workers",
        str(options.workers),
        "--access-logfile",
        "-",
    ]
    run()


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return
    command, rest = argv[0], argv[1:]
    import django

    django.setup()
    if command == "demo":
        _manage(["migrate", "--noinput", "-v", "0"])
        _manage(["load_demo", *rest])
        return
    if command == "serve":
        _serve(rest)
        return
    _manage([*ALIASES.get(command, [command]), *rest])


if __name__ == "__main__":
    main()
