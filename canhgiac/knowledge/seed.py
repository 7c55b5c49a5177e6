"""Load the team's content (knowledge.content) into the catalogue, idempotently.

A method gets the shipped content only while nobody has touched it: no revision in its history and no content
of its own. Once seeded or edited by a coordinator, the seed leaves it alone — running it again never overwrites
later edits, and never brings back a red flag the coordinator deleted. Fixes the team ships later to red flags
reach seeded databases through `upgrades.upgrade_red_flags` (run at the end): only the flags nobody edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from canhgiac.core.audit import audit

from .cache import bump_catalogue_version
from .catalogue import EXTRA_FORMS, NATIONAL_FORMS
from .content import METHODS
from .models import ExampleMessage, MethodRevision, RedFlag, ScamMethod
from .services.methods import normalise, record_revision
from .upgrades import UpgradeReport, upgrade_red_flags


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    upgrade: UpgradeReport | None = None

    def summary(self) -> str:
        text = (
            f"tạo mới {len(self.created)}, nạp nội dung {len(self.filled)}, giữ nguyên {len(self.kept)}, "
            f"công bố {len(self.published)}"
        )
        if self.upgrade is not None and (self.upgrade.updated or self.upgrade.kept):
            text += f"; {self.upgrade.summary()}"
        return text


def _catalogue() -> dict[str, tuple[int, str, str, str]]:
    rows = {
        slug: (number, group, name, ScamMethod.Source.NATIONAL_2023)
        for number, slug, group, name in NATIONAL_FORMS
    }
    for number, slug, group, name in EXTRA_FORMS:
        rows[slug] = (number, group, name, ScamMethod.Source.MINISTRY_2025)
    return rows


@transaction.atomic
def seed_knowledge(*, publish: bool = True) -> SeedReport:
    report = SeedReport()
    catalogue = _catalogue()
    existing = {m.slug: m for m in ScamMethod.objects.all()}
    touched = set(MethodRevision.objects.values_list("method__slug", flat=True).distinct()) | set(
        RedFlag.objects.values_list("method__slug", flat=True).distinct()
    )
    taken_codes = set(RedFlag.objects.values_list("code", flat=True))
    seeded: dict[str, tuple[ScamMethod, dict]] = {}
    for item in METHODS:
        slug = item["slug"]
        number, group, name, source = catalogue[slug]
        method = existing.get(slug)
        if method is None:
            method = ScamMethod.objects.create(
                slug=slug, number=number, group=group, name=name, source=source
            )
            report.created.append(slug)
        elif slug in touched or method.summary.strip():
            report.kept.append(slug)
            continue
        method.source = item.get("source", source)
        method.summary = item["summary"]
        method.steps = list(item["steps"])
        method.do_list = list(item["do"])
        method.dont_list = list(item["dont"])
        method.channels = normalise({"channels": item["channels"]})["channels"]
        method.targets = item["targets"]
        method.severity = item["severity"]
        method.legal_basis = "\n".join(item["legal"])
        method.keywords = item["keywords"]
        flags = [f for f in item["red_flags"] if f["code"] not in taken_codes]
        if publish and not method.completeness_problems(red_flags=len(flags), examples=len(item["examples"])):
            method.is_published, method.published_at = True, timezone.now()
            report.published.append(slug)
        method.save()
        RedFlag.objects.bulk_create(
            [
                RedFlag(
                    method=method,
                    code=f["code"],
                    text=f["text"],
                    patterns=list(f["patterns"]),
                    weight=f["weight"],
                    order=i,
                )
                for i, f in enumerate(flags)
            ]
        )
        ExampleMessage.objects.bulk_create(
            [
                ExampleMessage(
                    method=method, channel=e["channel"], sender=e["sender"], text=e["text"], order=i
                )
                for i, e in enumerate(item["examples"])
            ]
        )
        seeded[slug] = (method, item)
        if slug not in report.created:
            report.filled.append(slug)
    by_slug = {m.slug: m for m in ScamMethod.objects.all()}
    for method, item in seeded.values():
        method.related.add(*[by_slug[s] for s in item["related"] if s in by_slug and s != method.slug])
    for method, _item in seeded.values():
        record_revision(
            method=method,
            kind=MethodRevision.Kind.SEED,
            actor=None,
            note="Nạp nội dung ban đầu do nhóm biên soạn",
        )
    report.upgrade = upgrade_red_flags()
    methods = ScamMethod.objects.filter(slug__in=list(report.upgrade.updated))
    for method in methods:
        audit(
            actor=None,
            action="knowledge.method.upgrade",
            obj=method,
            summary=f"Cập nhật mẫu nhận diện theo bản {report.upgrade.release}",
            data={"red_flags": report.upgrade.updated[method.slug]},
        )
    bump_catalogue_version()
    return report
