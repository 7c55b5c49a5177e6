"""Public pages of the knowledge base: no login, mobile first."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from canhgiac.core.roles import Role
from canhgiac.core.scoping import has_role

from .. import selectors
from ..models import Channel, ScamMethod
from ..pdf import leaflet_pdf, poster_pdf


def _method_for(request, slug: str) -> ScamMethod:
    """A published method; coordinators also preview unpublished ones."""
    method = selectors.public_method(slug)
    if method is None and request.user.is_authenticated and has_role(request.user, Role.COORDINATOR):
        method = (
            ScamMethod.objects.prefetch_related("red_flags", "examples", "related").filter(slug=slug).first()
        )
    if method is None:
        raise Http404
    return method


@require_GET
def method_index(request):
    query = request.GET.get("q", "")[:100].strip()
    channel = request.GET.get("kenh", "")
    if query:
        methods = selectors.search_methods(query)
        materials = list(selectors.material_list(viewer=request.user, query=query)[:6])
    else:
        methods = list(selectors.published_methods())
        materials = []
    if channel in Channel.values:
        methods = [m for m in methods if channel in m.channels]
    context = {
        "q": query,
        "channel": channel,
        "channels": [
            (value, label) for value, label in Channel.choices if value not in {"other", "in_person"}
        ],
        "methods": methods,
        "groups": selectors.method_groups(methods) if not query else [],
        "materials": materials,
    }
    return render(request, "knowledge/method_index.html", context)


@require_GET
def method_detail(request, slug):
    method = _method_for(request, slug)
    context = {
        "method": method,
        "red_flags": list(method.red_flags.all()),
        "examples": list(method.examples.all()),
        "related": [m for m in method.related.all() if m.is_published],
        "materials": selectors.materials_for_method(viewer=request.user, method=method),
        "can_manage": request.user.is_authenticated and has_role(request.user, Role.COORDINATOR),
        "severity_class": {1: "secondary", 2: "warning", 3: "danger"}.get(method.severity, "secondary"),
    }
    return render(request, "knowledge/method_detail.html", context)


def _pdf_response(data: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@cache_control(public=True, max_age=300)
def method_leaflet(request, slug):
    method = _method_for(request, slug)
    return _pdf_response(
        leaflet_pdf(method), f"to-roi-{slugify(method.slug)}.pdf", download=request.GET.get("xem") != "1"
    )


@require_GET
@cache_control(public=True, max_age=300)
def method_poster(request, slug):
    method = _method_for(request, slug)
    size = request.GET.get("kho", "a4").lower()
    return _pdf_response(
        poster_pdf(method, size=size),
        f"ap-phich-{slugify(method.slug)}-{size if size in {'a3', 'a4'} else 'a4'}.pdf",
        download=request.GET.get("xem") != "1",
    )
