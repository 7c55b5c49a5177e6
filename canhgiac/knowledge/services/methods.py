"""Writes to the catalogue: create, edit (with revision history), publish, unpublish, restore.

Every write is atomic, audited, records a MethodRevision with the whole content, and moves the catalogue
version so the analyzer's rules and the search index follow at once.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.core.text import fold

from ..cache import bump_catalogue_version
from ..models import ExampleMessage, MethodRevision, RedFlag, ScamMethod
from ..patterns import pattern_errors, trial_in_advance
from ..revisions import diff, snapshot

EDITABLE_FIELDS = (
    "name",
    "group",
    "summary",
    "steps",
    "do_list",
    "dont_list",
    "channels",
    "targets",
    "severity",
    "legal_basis",
    "keywords",
)


def normalise(data: dict) -> dict:
    """Browsers send textareas with CRLF and checkboxes in their own order: store one canonical form, so that
    saving an unchanged form records no change."""
    from ..models import Channel

    out = {}
    for key, value in data.items():
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        elif key == "channels":
            order = {code: i for i, code in enumerate(Channel.values)}
            value = sorted(dict.fromkeys(value), key=lambda code: order.get(code, len(order)))
        elif isinstance(value, list):
            value = [v.strip() if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


def _actor_label(actor) -> str:
    if actor is None:
        return _("Hệ thống")
    return actor.get_full_name() or actor.email


def record_revision(*, method: ScamMethod, kind: str, actor, note: str = "", before: dict | None = None):
    """Store the method's current content as its next revision; returns it."""
    after = snapshot(method)
    number = method.revision + 1
    revision = MethodRevision.objects.create(
        method=method,
        number=number,
        kind=kind,
        actor=actor,
        actor_label=_actor_label(actor),
        note=note[:300],
        changes=diff(before, after),
        snapshot=after,
    )
    ScamMethod.objects.filter(pk=method.pk).update(revision=number, updated_by=actor)
    method.revision, method.updated_by = number, actor
    bump_catalogue_version()
    return revision


def _check_publishable(method: ScamMethod, *, red_flags: int, examples: int) -> None:
    problems = method.completeness_problems(red_flags=red_flags, examples=examples)
    if problems:
        raise ValidationError(
            _("Phương thức “%(name)s” chưa đủ nội dung để công bố: %(problems)s.")
            % {"name": method.name, "problems": "; ".join(str(p) for p in problems)}
        )


def _clean_flags(method: ScamMethod | None, red_flags: list[dict]) -> list[dict]:
    errors = []
    seen = set()
    cleaned = []
    # One trial process for every pattern of the method, rather than one per flag.
    trial_in_advance(
        [p.strip() for flag in red_flags for p in flag.get("patterns", []) if isinstance(p, str)]
    )
    for i, flag in enumerate(red_flags, start=1):
        code = slugify(fold(flag.get("code", "")))[:80]
        text = (flag.get("text") or "").strip()
        if not text:
            errors.append(_("Dấu hiệu thứ %(i)s chưa có nội dung.") % {"i": i})
            continue
        if not code:
            errors.append(_("Dấu hiệu “%(t)s” chưa có mã.") % {"t": text[:60]})
            continue
        if code in seen:
            errors.append(_("Mã dấu hiệu “%(c)s” bị trùng.") % {"c": code})
            continue
        seen.add(code)
        try:
            weight = float(flag.get("weight", 1.0))
        except (TypeError, ValueError):
            weight = -1
        if not 0 < weight <= 1:
            errors.append(_("Trọng số của dấu hiệu “%(c)s” phải lớn hơn 0 và không quá 1.") % {"c": code})
        patterns = [p.strip() for p in flag.get("patterns", []) if p and p.strip()]
        errors += [f"{code}: {e}" for e in pattern_errors(patterns)]
        cleaned.append({"code": code, "text": text[:300], "patterns": patterns, "weight": weight})
    taken = RedFlag.objects.filter(code__in=seen)
    if method is not None:
        taken = taken.exclude(method=method)
    for code in taken.values_list("code", flat=True):
        errors.append(_("Mã dấu hiệu “%(c)s” đã dùng cho một phương thức khác.") % {"c": code})
    if errors:
        raise ValidationError(errors)
    return cleaned


def _apply_content(method: ScamMethod, *, red_flags: list[dict], examples: list[dict], related) -> None:
    existing = {f.code: f for f in method.red_flags.all()}
    keep = set()
    for order, flag in enumerate(red_flags):
        keep.add(flag["code"])
        obj = existing.get(flag["code"]) or RedFlag(method=method, code=flag["code"])
        obj.text, obj.patterns, obj.weight, obj.order = flag["text"], flag["patterns"], flag["weight"], order
        obj.save()
    method.red_flags.exclude(code__in=keep).delete()
    method.examples.all().delete()
    ExampleMessage.objects.bulk_create(
        [
            ExampleMessage(
                method=method,
                channel=e.get("channel") or "sms",
                sender=(e.get("sender") or "")[:100],
                text=e["text"].strip(),
                order=i,
            )
            for i, e in enumerate(examples)
            if (e.get("text") or "").strip()
        ]
    )
    if related is not None:
        method.related.set([m for m in related if m.pk != method.pk])


@transaction.atomic
def method_create(*, data: dict, actor) -> ScamMethod:
    """A new method, unpublished until the coordinator publishes it."""
    slug = slugify(fold(data.get("slug") or data.get("name", "")))[:80]
    if not slug:
        raise ValidationError(_("Hãy nhập tên phương thức."))
    if ScamMethod.objects.filter(slug=slug).exists():
        raise ValidationError(
            _("Mã định danh “%(s)s” đã có; hãy đặt tên khác hoặc sửa phương thức đó.") % {"s": slug}
        )
    last = ScamMethod.objects.order_by("-number").values_list("number", flat=True).first() or 0
    method = ScamMethod(slug=slug, number=last + 1, source=ScamMethod.Source.LOCAL)
    data = normalise(data)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(method, field, data[field])
    method.save()
    record_revision(method=method, kind=MethodRevision.Kind.CREATE, actor=actor, note=data.get("note", ""))
    audit(actor=actor, action="knowledge.method.create", obj=method, summary=method.name)
    return method


@transaction.atomic
def method_update(
    *,
    method: ScamMethod,
    data: dict,
    red_flags: list[dict],
    examples: list[dict],
    related=None,
    expected_revision: int | None,
    note: str = "",
    actor,
) -> MethodRevision | None:
    """Save an edit; None when nothing changed. Refuses an edit based on an outdated revision."""
    method = ScamMethod.objects.select_for_update().get(pk=method.pk)
    if expected_revision is not None and expected_revision != method.revision:
        last = method.revisions.order_by("-number").first()
        raise ValidationError(
            _(
                "Phương thức này vừa được %(who)s sửa (bản %(n)s) sau khi bạn mở trang. Nội dung bạn nhập vẫn còn "
                "bên dưới: hãy mở bản mới nhất trong tab khác, đối chiếu rồi lưu lại."
            )
            % {"who": last.actor_label if last else _("người khác"), "n": method.revision}
        )
    flags = _clean_flags(method, red_flags)
    before = snapshot(method)
    data = normalise(data)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(method, field, data[field])
    kept_examples = [e for e in examples if (e.get("text") or "").strip()]
    if method.is_published:
        _check_publishable(method, red_flags=len(flags), examples=len(kept_examples))
    method.save()
    _apply_content(method, red_flags=flags, examples=kept_examples, related=related)
    if snapshot(method) == before:
        return None
    revision = record_revision(
        method=method, kind=MethodRevision.Kind.EDIT, actor=actor, note=note, before=before
    )
    audit(
        actor=actor,
        action="knowledge.method.update",
        obj=method,
        summary=_("Sửa “%(name)s” (bản %(n)s)") % {"name": method.name, "n": revision.number},
        data={"revision": revision.number, "fields": [row["field"] for row in revision.changes]},
    )
    return revision


@transaction.atomic
def method_publish(*, method: ScamMethod, actor) -> ScamMethod:
    method = ScamMethod.objects.select_for_update().get(pk=method.pk)
    if method.is_published:
        return method
    _check_publishable(method, red_flags=method.red_flags.count(), examples=method.examples.count())
    before = snapshot(method)
    method.is_published, method.published_at = True, timezone.now()
    method.save()
    record_revision(method=method, kind=MethodRevision.Kind.PUBLISH, actor=actor, before=before)
    audit(actor=actor, action="knowledge.method.publish", obj=method, summary=method.name)
    return method


@transaction.atomic
def method_unpublish(*, method: ScamMethod, actor, note: str = "") -> ScamMethod:
    method = ScamMethod.objects.select_for_update().get(pk=method.pk)
    if not method.is_published:
        return method
    before = snapshot(method)
    method.is_published = False
    method.save()
    record_revision(method=method, kind=MethodRevision.Kind.UNPUBLISH, actor=actor, note=note, before=before)
    audit(
        actor=actor, action="knowledge.method.unpublish", obj=method, summary=method.name, data={"note": note}
    )
    return method


@transaction.atomic
def method_restore(*, method: ScamMethod, revision: MethodRevision, actor) -> MethodRevision | None:
    """Bring back the content of an old revision (the publication state stays as it is now)."""
    if revision.method_id != method.pk:
        raise ValidationError(_("Phiên bản này không thuộc phương thức đang sửa."))
    old = revision.snapshot
    data = {field: old[field] for field in EDITABLE_FIELDS if field in old}
    related = list(ScamMethod.objects.filter(slug__in=old.get("related", [])))
    result = method_update(
        method=method,
        data=data,
        red_flags=old.get("red_flags", []),
        examples=old.get("examples", []),
        related=related,
        expected_revision=None,
        note=_("Khôi phục nội dung bản %(n)s") % {"n": revision.number},
        actor=actor,
    )
    if result is not None:
        MethodRevision.objects.filter(pk=result.pk).update(kind=MethodRevision.Kind.RESTORE)
        result.kind = MethodRevision.Kind.RESTORE
    return result
