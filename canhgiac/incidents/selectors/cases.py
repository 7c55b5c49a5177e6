"""Reads of cases for the register's pages: the filtered list and one case with its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from canhgiac.core.text import search_terms
from canhgiac.org.models import Unit

from ..models import CASE_ROLES, LOCALITY_KINDS, Case, CaseEvent, CaseIdentifier


@dataclass
class CaseFilters:
    """What the list page filters on; every field optional."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    basis: str = "occurred"  # occurred | reported
    method: object = None
    channel: str = ""
    unit: Unit | None = None
    victim_group: str = ""
    status: str = ""
    amount_min: int | None = None
    amount_max: int | None = None
    confirmed: str = ""  # "" | "yes" | "no"
    abroad: str = ""
    query: str = ""


def case_list(*, viewer, filters: CaseFilters | None = None) -> QuerySet[Case]:
    """The viewer's cases (their subtrees), filtered; the list page's rows in three queries whatever the page."""
    f = filters or CaseFilters()
    qs = Case.objects.visible_to(viewer).select_related("unit", "method")
    field = "reported_on" if f.basis == "reported" else "occurred_on"
    if f.date_from:
        qs = qs.filter(**{f"{field}__gte": f.date_from})
    if f.date_to:
        qs = qs.filter(**{f"{field}__lte": f.date_to})
    if f.method is not None:
        qs = qs.filter(method=f.method)
    if f.channel:
        qs = qs.filter(channel="" if f.channel == "none" else f.channel)
    if f.unit is not None:
        qs = qs.filter(unit__path__startswith=f.unit.path)
    if f.victim_group:
        qs = qs.filter(victim_group=f.victim_group)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.amount_min is not None:
        qs = qs.filter(amount_lost__gte=f.amount_min)
    if f.amount_max is not None:
        qs = qs.filter(amount_lost__lte=f.amount_max)
    if f.confirmed:
        qs = qs.filter(confirmed_at__isnull=f.confirmed != "yes")
    if f.abroad:
        qs = qs.filter(offender_abroad=f.abroad)
    if f.query:
        qs = _search(qs, f.query)
    return qs.annotate(link_count=Count("links", distinct=True)).order_by(
        "-reported_on", "-year", "-sequence"
    )


def _search(qs: QuerySet[Case], query: str) -> QuerySet[Case]:
    """A case code, a file number, words of the summary (with or without diacritics), or an identifier used
    in the case (a phone number, an account, a link, a profile, as typed)."""
    from canhgiac.scamcheck.identifiers import classify

    text = query.strip()
    code = text.upper()
    if code.startswith("VV-"):
        return qs.filter(code__startswith=code)
    parsed = classify(text[:300]) if any(ch.isdigit() for ch in text) or "." in text or "@" in text else []
    if parsed:
        p = parsed[0]
        linked = CaseIdentifier.objects.filter(identifier__kind=p.kind, identifier__value=p.value)
        return qs.filter(Q(pk__in=linked.values("case_id")) | Q(external_ref__iexact=text))
    words = search_terms(text)
    if not words:
        return qs
    by_words = Q()
    for word in words:
        by_words &= Q(search_text__contains=word)
    return qs.filter(by_words | Q(external_ref__iexact=text))


def case_for_viewer(*, viewer, code: str) -> Case:
    """One case with what its page shows, or 404 (missing and out of scope answer the same)."""
    case = (
        Case.objects.visible_to(viewer)
        .select_related("unit", "handling_unit", "method", "confirmed_by", "created_by")
        .prefetch_related(
            Prefetch(
                "links",
                queryset=CaseIdentifier.objects.select_related("identifier__listing", "added_by"),
            ),
            Prefetch("events", queryset=CaseEvent.objects.select_related("actor")),
        )
        .filter(code=code.upper())
        .first()
    )
    if case is None:
        raise Http404
    return case


def localities_for(viewer, roles=CASE_ROLES) -> QuerySet[Unit]:
    """The wards, communes and special zones a viewer may record cases in, by name: those of their subtrees;
    every one for a province-wide viewer or one whose membership is in the police (a police unit handles
    cases wherever the victim lives)."""
    from canhgiac.core.scoping import scope_paths, scope_q

    localities = Unit.objects.filter(kind__in=LOCALITY_KINDS).order_by("name")
    paths = scope_paths(viewer, roles)
    if paths is None:
        return localities
    police = Unit.objects.filter(kind=Unit.Kind.POLICE).values_list("path", flat=True)
    if any(path.startswith(p) for path in paths for p in police):
        return localities
    return localities.filter(scope_q(viewer, "", roles=roles))
