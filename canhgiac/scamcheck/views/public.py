"""Public pages: the search box, the report form, tracking, disputes, the official list."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from canhgiac.core.middleware import client_ip
from canhgiac.core.ratelimit import hit

from .. import selectors, services
from ..advice import advice_for
from ..analyzer import MAX_CHARS
from ..forms import CheckForm, DisputeForm, ReportForm, TrackForm
from ..identifiers import as_typed, classify
from ..models import Dispute, PublicStatus, Report

# (attempts, seconds) per client address
LIMITS = {
    "check": (30, 60),
    "report": (5, 600),
    "dispute": (3, 3600),
    "track": (20, 600),
}


def _over_limit(request, scope: str):
    """None while the client is within the limit of `scope`, else the 429 page (with Retry-After)."""
    limit, window = LIMITS[scope]
    if hit(f"scamcheck-{scope}", client_ip(request), limit=limit, window=window):
        return None
    response = render(request, "429.html", {"retry_after": window}, status=429)
    response["Retry-After"] = str(window)
    return response


def home_context(request) -> dict:
    return {"form": CheckForm(), "stats": selectors.listing_stats()}


def _advice(result) -> list[str]:
    agency = settings.POLICE_AGENCY_NAME
    if result.analysis is not None:
        return advice_for(status=result.status, verdict=result.analysis.verdict, agency=agency)
    return advice_for(status=result.status, kind=result.kind, agency=agency)


@never_cache
def check(request):
    query = request.POST.get("q") if request.method == "POST" else request.GET.get("q")
    context: dict = {"form": CheckForm(), "max_chars": MAX_CHARS}
    if query is not None:
        if limited := _over_limit(request, "check"):
            return limited
        form = CheckForm({"q": query[:MAX_CHARS]})
        context["form"] = form
        if form.is_valid():
            result = selectors.check(query)
            context.update(
                result=result,
                advice=_advice(result),
                truncated=len(query) > MAX_CHARS,
                prefill=_prefill(result, query),
            )
    return render(request, "scamcheck/check.html", context)


def _prefill(result, query: str) -> dict:
    """What the "report this" button carries to the report form."""
    if result.analysis is not None:
        lines = [
            as_typed(item.parsed)
            for item in result.analysis.identifiers
            if item.status != PublicStatus.OFFICIAL
        ]
        return {"identifiers": "\n".join(dict.fromkeys(lines)), "message_text": result.analysis.text[:10_000]}
    primary = result.primary
    if primary is None or primary.status == PublicStatus.OFFICIAL:
        return {}
    return {"identifiers": as_typed(primary.parsed), "message_text": ""}


@never_cache
def report(request):
    if request.method == "POST" and request.POST.get("prefill") == "1":
        form = ReportForm(
            initial={
                "identifiers": request.POST.get("identifiers", "")[:3000],
                "message_text": request.POST.get("message_text", "")[:10_000],
            }
        )
        return render(request, "scamcheck/report_form.html", {"form": form})
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        if form.is_valid():
            if limited := _over_limit(request, "report"):
                return limited
            data = form.cleaned_data
            named = data["contact"] == ReportForm.Contact.NAMED
            try:
                created = services.report_submit(
                    identifiers=data["identifiers"],
                    method=data.get("method"),
                    channel=data["channel"],
                    occurred_on=data.get("occurred_on"),
                    amount_lost=data.get("amount_lost"),
                    description=data.get("description", ""),
                    message_text=data.get("message_text", ""),
                    is_anonymous=not named,
                    reporter_name=data.get("reporter_name", "") if named else "",
                    reporter_phone=data.get("reporter_phone", "") if named else "",
                    reporter_email=data.get("reporter_email", "") if named else "",
                    contact_consent=bool(data.get("contact_consent")) if named else False,
                    unit=data.get("unit"),
                    images=data.get("images") or [],
                    client_ip=client_ip(request),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("scamcheck:report_sent", code=created.code)
    else:
        initial = {}
        if request.GET.get("q"):
            found = classify(request.GET["q"][:300])
            if found:
                initial["identifiers"] = as_typed(found[0])
        form = ReportForm(initial=initial)
    return render(request, "scamcheck/report_form.html", {"form": form})


@never_cache
def report_sent(request, code):
    return render(request, "scamcheck/sent.html", {"code": code.upper()[:20], "kind": "report"})


@never_cache
def track(request):
    context: dict = {"form": TrackForm()}
    if "ma" in request.GET:
        if limited := _over_limit(request, "track"):
            return limited
        form = TrackForm(request.GET)
        context["form"] = form
        if form.is_valid():
            code = form.cleaned_data["ma"]
            if code.startswith("PA-"):
                context["report"] = (
                    Report.objects.filter(code=code)
                    .select_related("method", "duplicate_of")
                    .prefetch_related("identifiers")
                    .first()
                )
            else:
                context["dispute"] = Dispute.objects.filter(code=code).select_related("identifier").first()
            context["searched"] = True
    return render(request, "scamcheck/track.html", context)


@never_cache
def dispute(request):
    if request.method == "POST":
        form = DisputeForm(request.POST, request.FILES)
        if form.is_valid():
            if limited := _over_limit(request, "dispute"):
                return limited
            data = form.cleaned_data
            try:
                created = services.dispute_submit(
                    parsed=data["identifier"],
                    relation=data["relation"],
                    claimant_name=data["claimant_name"],
                    claimant_phone=data.get("claimant_phone", ""),
                    claimant_email=data.get("claimant_email", ""),
                    statement=data["statement"],
                    consent=bool(data.get("consent")),
                    images=data.get("images") or [],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("scamcheck:dispute_sent", code=created.code)
    else:
        form = DisputeForm(initial={"identifier": request.GET.get("q", "")[:300]})
    return render(request, "scamcheck/dispute_form.html", {"form": form})


@never_cache
def dispute_sent(request, code):
    return render(request, "scamcheck/sent.html", {"code": code.upper()[:20], "kind": "dispute"})


def official_list(request):
    entries = list(selectors.public_allowlist())
    groups: dict[str, list] = {}
    for entry in entries:
        groups.setdefault(entry.get_category_display(), []).append(entry)
    return render(request, "scamcheck/official_list.html", {"groups": groups, "count": len(entries)})


def check_url(query: str) -> str:
    from urllib.parse import urlencode

    return f"{reverse('scamcheck:check')}?{urlencode({'q': query})}"
