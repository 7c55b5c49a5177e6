"""The demo loader: `canhgiac demo` calls `load(ctx)` in each app's `demo` module, in app order.

Each loader is idempotent (get_or_create by natural keys, deterministic values) and may add logins to
`ctx.logins` so that `make demo` prints them.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction

DEMO_PASSWORD = "canhgiac-demo-2026"  # noqa: S105 - printed on purpose: demo accounts only


@dataclass
class DemoContext:
    stdout: object = None
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role label, e-mail, where)
    rng: random.Random = field(default_factory=lambda: random.Random(1509))
    store: dict = field(default_factory=dict)

    def say(self, text: str) -> None:
        if self.stdout is not None:
            self.stdout.write(text)


def load_all(stdout=None) -> DemoContext:
    ctx = DemoContext(stdout=stdout)
    for config in apps.get_app_configs():
        if not config.name.startswith("canhgiac.") or config.name == "canhgiac.core":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name == f"{config.name}.demo":
                continue
            raise
        with transaction.atomic():
            module.load(ctx)
    return ctx
