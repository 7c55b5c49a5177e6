"""Fixes the team ships to red flags reach databases seeded earlier, without overwriting coordinators' edits."""

import pytest
from django.core.management import call_command

from canhgiac.knowledge import selectors
from canhgiac.knowledge.models import MethodRevision, RedFlag, ScamMethod
from canhgiac.knowledge.services import method_update
from canhgiac.knowledge.upgrades import content_release, releases, upgrade_red_flags

pytestmark = pytest.mark.django_db


def _as_first_release():
    """Put every red flag back to what release v1 shipped, as in a database seeded before v2."""
    v1 = dict(releases())["v1"]
    for flag in RedFlag.objects.all():
        old = v1[flag.code]
        RedFlag.objects.filter(pk=flag.pk).update(patterns=old["patterns"], weight=old["weight"])
    changed = [code for code, flag in content_release().items() if v1[code] != flag]
    assert len(changed) >= 8
    return v1, changed


def test_the_latest_release_is_the_content_in_the_code():
    call_command("knowledge_release", "--kiem-tra")  # raises CommandError when someone forgot to record it
    assert releases()[-1][1] == content_release()


def test_upgrade_updates_untouched_flags_and_keeps_edited_ones(seeded, coordinator):
    v1, changed = _as_first_release()
    # A coordinator edits one of the flags the release changes (its weight only) and another one fully.
    edited_weight, edited_all = "sim-doi-ma-otp", "lo-de-so-chac-trung"
    for code, patterns, weight in (
        (edited_weight, v1[edited_weight]["patterns"], 0.75),
        (edited_all, [r"\bso de chac an\b"], 0.5),
    ):
        method = RedFlag.objects.get(code=code).method
        flags = [
            {"code": f.code, "text": f.text, "patterns": f.patterns, "weight": f.weight}
            for f in method.red_flags.all()
        ]
        for flag in flags:
            if flag["code"] == code:
                flag["patterns"], flag["weight"] = patterns, weight
        method_update(
            method=method,
            data={},
            red_flags=flags,
            examples=[
                {"channel": e.channel, "sender": e.sender, "text": e.text} for e in method.examples.all()
            ],
            expected_revision=method.revision,
            actor=coordinator,
        )
    before = {m.slug: m.revision for m in ScamMethod.objects.all()}

    report = upgrade_red_flags()

    shipped = content_release()
    for code in changed:
        flag = RedFlag.objects.get(code=code)
        if code == edited_all:
            assert flag.patterns == [r"\bso de chac an\b"] and flag.weight == 0.5
        elif code == edited_weight:
            assert (
                flag.patterns == shipped[code]["patterns"] and flag.weight == 0.75
            )  # patterns were untouched
        else:
            assert flag.patterns == shipped[code]["patterns"], code
    assert edited_all in report.kept and edited_weight in report.kept
    assert report.flags_updated == len(changed) - 1
    revision = MethodRevision.objects.filter(kind="upgrade").select_related("method").first()
    assert revision.note.endswith("(bản v2)") and revision.actor is None
    assert revision.number == before[revision.method.slug] + 1
    assert any(row["field"].startswith("Sửa dấu hiệu") for row in revision.changes)
    # The analyzer's rules follow at once.
    rule = next(r for r in selectors.red_flag_rules() if r.code == "cccd-doi-no-khong-vay")
    assert [p.pattern for p in rule.patterns] == shipped["cccd-doi-no-khong-vay"]["patterns"]

    again = upgrade_red_flags()
    assert again.updated == {} and MethodRevision.objects.filter(kind="upgrade").count() == len(
        report.updated
    )


def test_seed_applies_the_upgrade_and_audits_it(seeded):
    from canhgiac.core.models import AuditEvent
    from canhgiac.knowledge.seed import seed_knowledge

    _as_first_release()
    report = seed_knowledge()
    assert report.upgrade.flags_updated >= 8 and "cập nhật" in report.summary()
    assert AuditEvent.objects.filter(action="knowledge.method.upgrade").count() == len(report.upgrade.updated)
    assert all(f.patterns == content_release()[f.code]["patterns"] for f in RedFlag.objects.all())


def test_the_migration_upgrades_with_historical_models(seeded):
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    _as_first_release()
    state = MigrationLoader(connection).project_state(("knowledge", "0004_upgrade_red_flags"))
    migration = import_module("canhgiac.knowledge.migrations.0004_upgrade_red_flags")
    migration.upgrade(state.apps, None)
    assert all(f.patterns == content_release()[f.code]["patterns"] for f in RedFlag.objects.all())
    assert MethodRevision.objects.filter(kind="upgrade").exists()


def test_deleted_flags_stay_deleted(seeded):
    _as_first_release()
    RedFlag.objects.filter(code="cccd-doi-no-khong-vay").delete()
    upgrade_red_flags()
    assert not RedFlag.objects.filter(code="cccd-doi-no-khong-vay").exists()
