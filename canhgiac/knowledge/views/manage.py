"""Coordinators edit the catalogue through the product's own pages: edit, history, publish, restore."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role

from .. import selectors, services
from ..forms import ExampleFormSet, MethodCreateForm, MethodForm, RedFlagFormSet
from ..models import MIN_DO, MIN_DONT, MIN_EXAMPLES, MIN_RED_FLAGS, MethodRevision, ScamMethod
from ..patterns import compile_patterns, pattern_errors, trial_in_advance, unsafe_patterns
from ..revisions import FIELDS

RESERVED_SLUGS = {"tai-lieu", "quan-ly"}


def coordinator_required(view):
    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not has_role(request.user, Role.COORDINATOR):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@coordinator_required
def method_list(request):
    methods = (
        ScamMethod.objects.annotate(
            flag_count=Count("red_flags", distinct=True), example_count=Count("examples", distinct=True)
        )
        .select_related("updated_by")
        .order_by("number", "name")
    )
    rows = []
    for m in methods:
        problems = m.completeness_problems(red_flags=m.flag_count, examples=m.example_count)
        rows.append({"method": m, "problems": problems})
    return render(request, "knowledge/manage/method_list.html", {"rows": rows})


@coordinator_required
def method_create(request):
    form = MethodCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["name"] and _slug_of(data["name"]) in RESERVED_SLUGS:
                raise ValidationError(_("Tên này trùng với một địa chỉ của hệ thống; hãy đặt tên khác."))
            method = services.method_create(data=data, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Đã tạo phương thức. Hãy bổ sung dấu hiệu, lời khuyên, tin nhắn minh họa rồi công bố."),
            )
            return redirect("knowledge:manage_method_edit", slug=method.slug)
    return render(request, "knowledge/manage/method_create.html", {"form": form})


def _slug_of(name: str) -> str:
    from django.utils.text import slugify

    from canhgiac.core.text import fold

    return slugify(fold(name))


def _flag_initial(method):
    return [
        {"code": f.code, "text": f.text, "patterns": f.patterns, "weight": f.weight, "existing": True}
        for f in method.red_flags.all()
    ]


def _example_initial(method):
    return [{"channel": e.channel, "sender": e.sender, "text": e.text} for e in method.examples.all()]


def _kept(formset) -> list[dict]:
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and (f.cleaned_data.get("text") or "").strip()
    ]


@coordinator_required
def method_edit(request, slug):
    method = get_object_or_404(
        ScamMethod.objects.prefetch_related("red_flags", "examples", "related"), slug=slug
    )
    if request.method == "POST":
        form = MethodForm(request.POST, instance=method)
        flags = RedFlagFormSet(request.POST, prefix="flags")
        examples = ExampleFormSet(request.POST, prefix="examples")
        if form.is_valid() and flags.is_valid() and examples.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in {"related", "note", "revision"}}
            # The form wrote the typed values onto `method`; the service re-reads the row and applies them.
            try:
                revision = services.method_update(
                    method=ScamMethod.objects.get(pk=method.pk),
                    data=data,
                    red_flags=_kept(flags),
                    examples=_kept(examples),
                    related=list(form.cleaned_data["related"]),
                    expected_revision=form.cleaned_data.get("revision"),
                    note=form.cleaned_data.get("note", ""),
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if revision is None:
                    messages.info(request, _("Không có thay đổi nào để lưu."))
                else:
                    messages.success(
                        request,
                        _("Đã lưu bản %(n)s (%(c)s thay đổi).")
                        % {"n": revision.number, "c": len(revision.changes)},
                    )
                return redirect("knowledge:manage_method_edit", slug=method.slug)
    else:
        form = MethodForm(instance=method, initial={"related": list(method.related.all())})
        flags = RedFlagFormSet(initial=_flag_initial(method), prefix="flags")
        examples = ExampleFormSet(initial=_example_initial(method), prefix="examples")
    current = ScamMethod.objects.get(pk=method.pk)
    return render(
        request,
        "knowledge/manage/method_edit.html",
        {
            "method": current,
            "form": form,
            "flags": flags,
            "examples": examples,
            "minimums": {"flags": MIN_RED_FLAGS, "do": MIN_DO, "dont": MIN_DONT, "examples": MIN_EXAMPLES},
            "problems": current.completeness_problems(
                red_flags=current.red_flags.count(), examples=current.examples.count()
            ),
        },
    )


@coordinator_required
@require_POST
def method_publish(request, slug):
    method = get_object_or_404(ScamMethod, slug=slug)
    try:
        services.method_publish(method=method, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã công bố “%(n)s”: người dân xem được ngay.") % {"n": method.name})
    return redirect("knowledge:manage_method_edit", slug=slug)


@coordinator_required
@require_POST
def method_unpublish(request, slug):
    method = get_object_or_404(ScamMethod, slug=slug)
    services.method_unpublish(method=method, actor=request.user, note=request.POST.get("note", "")[:300])
    messages.success(
        request,
        _("Đã ngừng công bố “%(n)s”; trang công khai và API không còn hiển thị.") % {"n": method.name},
    )
    return redirect("knowledge:manage_method_edit", slug=slug)


@coordinator_required
def method_history(request, slug):
    method = get_object_or_404(ScamMethod, slug=slug)
    revisions = method.revisions.select_related("actor").order_by("-number")
    return render(request, "knowledge/manage/method_history.html", {"method": method, "revisions": revisions})


@coordinator_required
def method_revision(request, slug, number):
    method = get_object_or_404(ScamMethod, slug=slug)
    revision = get_object_or_404(MethodRevision, method=method, number=number)
    snap = revision.snapshot
    labels = dict(FIELDS)
    return render(
        request,
        "knowledge/manage/method_revision.html",
        {
            "method": method,
            "revision": revision,
            "snap": snap,
            "labels": labels,
            "legal_items": [line for line in snap.get("legal_basis", "").splitlines() if line.strip()],
            "is_current": revision.number == method.revision,
        },
    )


@coordinator_required
@require_POST
def method_restore(request, slug, number):
    method = get_object_or_404(ScamMethod, slug=slug)
    revision = get_object_or_404(MethodRevision, method=method, number=number)
    try:
        result = services.method_restore(method=method, revision=revision, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("knowledge:manage_method_revision", slug=slug, number=number)
    if result is None:
        messages.info(request, _("Nội dung hiện tại đã giống bản %(n)s.") % {"n": number})
    else:
        messages.success(
            request, _("Đã khôi phục nội dung bản %(n)s thành bản %(m)s.") % {"n": number, "m": result.number}
        )
    return redirect("knowledge:manage_method_edit", slug=slug)


def _typed_flags(post) -> list[dict] | None:
    """The red flags as typed in the edit form (sent along by htmx), or None when the form was not sent."""
    try:
        total = min(int(post.get("flags-TOTAL_FORMS", "")), 30)
    except ValueError:
        return None
    flags = []
    for i in range(total):
        if post.get(f"flags-{i}-DELETE"):
            continue
        patterns = [line.strip() for line in post.get(f"flags-{i}-patterns", "").splitlines() if line.strip()]
        if not patterns:
            continue
        code = post.get(f"flags-{i}-code", "").strip()[:80] or _("dấu hiệu mới %(n)s") % {"n": i + 1}
        try:
            weight = min(1.0, max(0.05, float(post.get(f"flags-{i}-weight", "0.6"))))
        except ValueError:
            weight = 0.6
        text = post.get(f"flags-{i}-text", "").strip()[:300]
        flags.append({"code": code, "text": text, "patterns": patterns[:20], "weight": weight})
    return flags


@coordinator_required
@require_POST
def pattern_test(request, slug):
    """htmx: which red flags fire on a pasted message (this method's flags — as typed in the edit form when it is
    sent along, else as saved, even unpublished — and all published ones), with the matching parts marked on the
    folded text. Typed patterns are checked first (syntax, too broad, catastrophic backtracking)."""
    method = get_object_or_404(ScamMethod.objects.prefetch_related("red_flags"), slug=slug)
    message = request.POST.get("message", "")[:5000]
    typed = _typed_flags(request.POST)
    problems: list[str] = []
    if typed is None:
        own = [
            selectors.RedFlagRule(f.code, method.slug, f.text, f.weight, compile_patterns(f.patterns))
            for f in method.red_flags.all()
        ]
        problems = [
            _(
                "Mẫu “%(p)s” của dấu hiệu %(c)s đang bị bỏ qua vì có thể làm treo bộ phân tích: hãy sửa rồi lưu."
            )
            % {"p": pattern, "c": f.code}
            for f in method.red_flags.all()
            for pattern in unsafe_patterns(f.patterns)
        ]
    else:
        trial_in_advance([p for flag in typed for p in flag["patterns"]])
        own = []
        for flag in typed:
            usable = []
            for pattern in flag["patterns"]:
                errors = pattern_errors([pattern])
                problems += [f"{flag['code']}: {error}" for error in errors]
                if not errors:
                    usable.append(pattern)
            own.append(
                selectors.RedFlagRule(
                    flag["code"], method.slug, flag["text"], flag["weight"], compile_patterns(usable)
                )
            )
    folded, hits = selectors.flag_hits(message, extra=own, replace=method.slug if typed is not None else None)
    return render(
        request,
        "knowledge/manage/_pattern_test.html",
        {
            "method": method,
            "message": message,
            "hits": hits,
            "typed": typed is not None,
            "problems": problems,
            "own_hits": [h for h in hits if h.method_slug == method.slug],
            "other_hits": [h for h in hits if h.method_slug != method.slug],
            "parts": selectors.highlighted(folded, hits),
        },
    )
