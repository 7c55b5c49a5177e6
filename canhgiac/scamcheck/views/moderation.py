"""Moderation by the police (coordinators): the queue, verifying, rejecting, merging, disputes, the allowlist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from canhgiac.knowledge.models import ScamMethod

from .. import selectors, services
from ..forms import (
    AllowlistEditForm,
    AllowlistForm,
    DisputeDecisionForm,
    ListingActionForm,
    MergeForm,
    RejectForm,
    VerifyForm,
)
from ..models import (
    AllowlistEntry,
    Dispute,
    Evidence,
    Identifier,
    Listing,
    Report,
    is_moderator,
    is_province_moderator,
)

TABS = {
    "moi": ("new", gettext_lazy("Phản ánh mới")),
    "da-xu-ly": ("decided", gettext_lazy("Đã xử lý")),
    "xem-xet-lai": ("review", gettext_lazy("Cần xem xét lại")),
    "khieu-nai": ("disputes", gettext_lazy("Khiếu nại")),
}


def _require_moderator(request, *, province: bool = False) -> None:
    allowed = is_province_moderator(request.user) if province else is_moderator(request.user)
    if not allowed:
        raise Http404


def home_moderation_context(request) -> dict | None:
    if not is_moderator(request.user):
        return None
    return {"counts": selectors.queue_counts(viewer=request.user)}


@login_required
@never_cache
def queue(request):
    _require_moderator(request)
    tab = request.GET.get("muc", "moi")
    if tab not in TABS:
        tab = "moi"
    key = TABS[tab][0]
    province = is_province_moderator(request.user)
    query = request.GET.get("q", "")[:100]
    method_id = request.GET.get("phuong-thuc")
    method_id = int(method_id) if method_id and method_id.isdigit() else None
    context = {
        "tab": tab,
        "tabs": [(slug, label) for slug, (k, label) in TABS.items() if province or k in {"new", "decided"}],
        "counts": selectors.queue_counts(viewer=request.user),
        "q": query,
        "methods": ScamMethod.objects.order_by("number", "name"),
        "method_id": method_id,
    }
    if key in {"new", "decided"}:
        reports = selectors.report_queue(
            viewer=request.user,
            status=Report.Status.NEW if key == "new" else None,
            query=query,
            method_id=method_id,
        )
        if key == "decided":
            reports = reports.exclude(status=Report.Status.NEW)
        context["page"] = Paginator(reports, 30).get_page(request.GET.get("trang"))
    elif key == "review":
        if not province:
            raise Http404
        context["page"] = Paginator(selectors.review_due(viewer=request.user), 30).get_page(
            request.GET.get("trang")
        )
    else:
        if not province:
            raise Http404
        disputes = Dispute.objects.visible_to(request.user).select_related(
            "identifier", "identifier__listing"
        )
        disputes = disputes.order_by("status", "-created_at")
        context["page"] = Paginator(disputes, 30).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    context["query"] = params.urlencode()
    return render(request, "scamcheck/moderation/queue.html", context)


@login_required
@never_cache
def report_review(request, code):
    _require_moderator(request)
    report = get_object_or_404(
        Report.objects.visible_to(request.user).select_related(
            "method", "unit", "duplicate_of", "decided_by"
        ),
        code=code,
    )
    verify_form = VerifyForm(report=report)
    reject_form = RejectForm()
    merge_form = MergeForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "verify":
                verify_form = VerifyForm(request.POST, report=report)
                if verify_form.is_valid():
                    data = verify_form.cleaned_data
                    services.report_verify(
                        report=report,
                        identifiers=list(data["identifiers"]),
                        reason=data["reason"],
                        method=data.get("method"),
                        public_note=data.get("public_note", ""),
                        actor=request.user,
                    )
                    messages.success(request, _("Đã xác minh phản ánh %(code)s.") % {"code": report.code})
                    return redirect(report.get_absolute_url())
            elif action == "reject":
                reject_form = RejectForm(request.POST)
                if reject_form.is_valid():
                    services.report_reject(
                        report=report,
                        reason=reject_form.cleaned_data["reason"],
                        public_note=reject_form.cleaned_data.get("public_note", ""),
                        actor=request.user,
                    )
                    messages.success(
                        request, _("Đã không chấp nhận phản ánh %(code)s.") % {"code": report.code}
                    )
                    return redirect(report.get_absolute_url())
            elif action == "merge":
                merge_form = MergeForm(request.POST)
                if merge_form.is_valid():
                    into = (
                        Report.objects.visible_to(request.user)
                        .filter(code=merge_form.cleaned_data["into"])
                        .first()
                    )
                    if into is None:
                        merge_form.add_error(
                            "into", _("Không tìm thấy phản ánh có mã này trong phạm vi của bạn.")
                        )
                    else:
                        services.report_merge(
                            report=report,
                            into=into,
                            actor=request.user,
                            reason=merge_form.cleaned_data.get("reason", ""),
                        )
                        messages.success(request, _("Đã gộp vào %(code)s.") % {"code": into.code})
                        return redirect(into.get_absolute_url())
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(report.get_absolute_url())
    identifiers = list(report.identifiers.select_related("listing").order_by("kind", "value"))
    return render(
        request,
        "scamcheck/moderation/report_review.html",
        {
            "report": report,
            "identifiers": identifiers,
            "evidence": list(report.evidence.all()),
            "duplicates": list(selectors.possible_duplicates(report, viewer=request.user)),
            "merged": list(report.duplicates.all()),
            "verify_form": verify_form,
            "reject_form": reject_form,
            "merge_form": merge_form,
        },
    )


@login_required
@never_cache
def dispute_review(request, code):
    _require_moderator(request, province=True)
    dispute = get_object_or_404(
        Dispute.objects.visible_to(request.user).select_related(
            "identifier", "identifier__listing", "decided_by"
        ),
        code=code,
    )
    form = DisputeDecisionForm()
    if request.method == "POST":
        form = DisputeDecisionForm(request.POST)
        if form.is_valid():
            try:
                services.dispute_decide(
                    dispute=dispute,
                    uphold=form.cleaned_data["decision"] == "uphold",
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Đã ghi quyết định cho khiếu nại %(code)s.") % {"code": dispute.code}
                )
                return redirect(dispute.get_absolute_url())
    history = selectors.identifier_history(dispute.identifier, viewer=request.user)
    return render(
        request,
        "scamcheck/moderation/dispute_review.html",
        {"dispute": dispute, "form": form, "evidence": list(dispute.evidence.all()), **history},
    )


@login_required
@never_cache
def identifier_detail(request, pk):
    _require_moderator(request, province=True)
    identifier = get_object_or_404(Identifier, pk=pk)
    listing = Listing.objects.filter(identifier=identifier).select_related("method").first()
    form = ListingActionForm(initial={"method": listing.method_id if listing else None})
    if request.method == "POST":
        form = ListingActionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["action"] == "verify":
                    services.listing_verify(
                        identifier=identifier,
                        reason=data["reason"],
                        source="manual",
                        actor=request.user,
                        method=data.get("method"),
                    )
                elif data["action"] == "confirm":
                    services.listing_confirm_review(
                        identifier=identifier, reason=data["reason"], actor=request.user
                    )
                else:
                    services.listing_clear(identifier=identifier, reason=data["reason"], actor=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Đã cập nhật tình trạng của %(value)s.") % {"value": identifier.display}
                )
                return redirect(identifier.get_absolute_url())
    history = selectors.identifier_history(identifier, viewer=request.user)
    related = selectors.related_identifiers([identifier])
    return render(
        request,
        "scamcheck/moderation/identifier_detail.html",
        {"identifier": identifier, "listing": listing, "form": form, "related": related, **history},
    )


@login_required
def evidence(request, pk):
    _require_moderator(request)
    item = get_object_or_404(Evidence.objects.select_related("report", "dispute"), pk=pk)
    if item.report_id is not None:
        if not Report.objects.visible_to(request.user).filter(pk=item.report_id).exists():
            raise Http404
    elif not is_province_moderator(request.user):
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=item.content_type)
    response["Content-Disposition"] = (
        f'inline; filename="bang-chung-{item.pk}{item.file.name[item.file.name.rfind(".") :]}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@never_cache
def allowlist_manage(request):
    _require_moderator(request, province=True)
    form = AllowlistForm()
    if request.method == "POST":
        form = AllowlistForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = services.allowlist_add(
                    kind=data["kind"],
                    raw=data["raw"],
                    organisation=data["organisation"],
                    category=data["category"],
                    note=data.get("note", ""),
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error("raw", exc)
            else:
                messages.success(
                    request, _("Đã thêm %(value)s vào danh sách chính thức.") % {"value": entry.display}
                )
                return redirect("scamcheck:allowlist_manage")
    entries = AllowlistEntry.objects.order_by("-is_active", "category", "organisation", "display")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        from canhgiac.core.text import fold

        entries = [e for e in entries if fold(query) in fold(f"{e.display} {e.organisation} {e.value}")]
    return render(
        request, "scamcheck/moderation/allowlist.html", {"form": form, "entries": entries, "q": query}
    )


@login_required
@never_cache
def allowlist_edit(request, pk):
    _require_moderator(request, province=True)
    entry = get_object_or_404(AllowlistEntry, pk=pk)
    form = AllowlistEditForm(
        initial={"organisation": entry.organisation, "category": entry.category, "note": entry.note}
    )
    if request.method == "POST":
        if request.POST.get("action") in {"activate", "deactivate"}:
            services.allowlist_set_active(
                entry=entry, active=request.POST["action"] == "activate", actor=request.user
            )
            messages.success(request, _("Đã cập nhật %(value)s.") % {"value": entry.display})
            return redirect("scamcheck:allowlist_manage")
        form = AllowlistEditForm(request.POST)
        if form.is_valid():
            try:
                services.allowlist_update(entry=entry, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã lưu %(value)s.") % {"value": entry.display})
                return redirect("scamcheck:allowlist_manage")
    return render(request, "scamcheck/moderation/allowlist_edit.html", {"form": form, "entry": entry})
