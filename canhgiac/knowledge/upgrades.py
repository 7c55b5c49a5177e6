"""Bring the team's fixes to red flags into databases seeded with an older release, without touching edits.

`seed_knowledge()` fills a method once and never again, so a fix to a shipped pattern would never reach a
database seeded before it. Each release of the content is recorded in `data/releases/<name>.json`: for every
red flag, its patterns and weight as shipped. The upgrade walks the flags in the database and, field by field
(patterns, weight):

- equal to the latest release: nothing to do;
- equal to what an older release shipped: nobody changed it since, so it becomes the latest release's value;
- anything else: a coordinator edited it — it is kept as it is, and reported.

Flags a coordinator deleted stay deleted, flags a coordinator added are never touched. Each method that changes
gets a revision ("Cập nhật nội dung phát hành") with the changes listed, like any edit, so it shows in the
history and can be restored. Running it again changes nothing.

It runs from migration 0005 (so `migrate` upgrades an existing database) and from `seed_knowledge()` (so
`canhgiac seed_knowledge` and `canhgiac demo` apply releases added later). The migration passes the historical
models; the function only uses fields that exist since the first release.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RELEASES_DIR = Path(__file__).resolve().parent / "data" / "releases"
FIELDS = ("patterns", "weight")


@dataclass
class UpgradeReport:
    release: str = ""
    updated: dict[str, list[str]] = field(default_factory=dict)  # method slug -> flag codes changed
    kept: list[str] = field(default_factory=list)  # flag codes a coordinator edited: left alone

    @property
    def flags_updated(self) -> int:
        return sum(len(codes) for codes in self.updated.values())

    def summary(self) -> str:
        return (
            f"cập nhật {self.flags_updated} dấu hiệu của {len(self.updated)} phương thức theo bản {self.release}, "
            f"giữ nguyên {len(self.kept)} dấu hiệu đã được sửa"
        )


@cache
def releases() -> tuple[tuple[str, dict], ...]:
    """(name, {code: {"patterns", "weight"}}) of every release, oldest first (files v1.json, v2.json, …)."""
    out = []
    for path in sorted(RELEASES_DIR.glob("v*.json"), key=lambda p: int(p.stem[1:])):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((data["release"], data["red_flags"]))
    return tuple(out)


def content_release() -> dict[str, dict]:
    """The red flags of the content shipped in the code, in the form of a release file."""
    from .content import METHODS

    return {
        flag["code"]: {"patterns": list(flag["patterns"]), "weight": flag["weight"]}
        for method in METHODS
        for flag in method["red_flags"]
    }


def _same(a, b) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def upgrade_red_flags(*, models=None, until: str | None = None, actor=None) -> UpgradeReport:
    """Apply the releases (up to `until`, by name) to the red flags in the database; see the module doc.

    `models`: (ScamMethod, RedFlag, MethodRevision) — historical models from a migration; default the real ones.
    """
    from .cache import bump_catalogue_version
    from .revisions import diff, snapshot

    if models is None:
        from .models import MethodRevision, RedFlag, ScamMethod
    else:
        ScamMethod, RedFlag, MethodRevision = models  # noqa: N806 - model classes
    chain = list(releases())
    if until is not None:
        names = [name for name, _flags in chain]
        chain = chain[: names.index(until) + 1]
    report = UpgradeReport(release=chain[-1][0] if chain else "")
    if len(chain) < 2:
        return report
    latest = chain[-1][1]
    older = [flags for _name, flags in chain[:-1]]
    changes: dict[int, dict[str, dict]] = {}  # method id -> {code: {field: new value}}
    for flag in RedFlag.objects.filter(code__in=list(latest)).order_by("id"):
        target = latest[flag.code]
        new_values = {}
        edited = False
        for name in FIELDS:
            current = getattr(flag, name)
            if _same(current, target[name]):
                continue
            if any(flag.code in shipped and _same(current, shipped[flag.code][name]) for shipped in older):
                new_values[name] = target[name]
            else:
                edited = True
        if edited:
            report.kept.append(flag.code)
        if new_values:
            changes.setdefault(flag.method_id, {})[flag.code] = new_values
    for method in ScamMethod.objects.filter(pk__in=list(changes)).order_by("number", "pk"):
        before = snapshot(method)
        for flag in RedFlag.objects.filter(method=method, code__in=list(changes[method.pk])):
            for name, value in changes[method.pk][flag.code].items():
                setattr(flag, name, value)
            flag.save(update_fields=list(changes[method.pk][flag.code]))
        after = snapshot(method)
        number = method.revision + 1
        MethodRevision.objects.create(
            method=method,
            number=number,
            kind="upgrade",
            actor=actor,
            actor_label="Hệ thống",
            note=f"Cập nhật mẫu nhận diện do nhóm phát hành (bản {report.release})"[:300],
            changes=diff(before, after),
            snapshot=after,
        )
        ScamMethod.objects.filter(pk=method.pk).update(revision=number)
        report.updated[method.slug] = sorted(changes[method.pk])
    if report.updated:
        bump_catalogue_version()
    return report
