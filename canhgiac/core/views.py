from __future__ import annotations

from datetime import datetime, time

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from . import selectors
from .api import json_ok, openapi_document
from .forms import AuditFilterForm
from .home import sections_for
from .roles import Role
from .scoping import has_role


def home(request):
    context = {"sections": sections_for(request)}
    if request.user.is_authenticated:
        context["scopes"] = selectors.user_scope_summary(user=request.user)
    return render(request, "core/home.html", context)


@login_required
def audit_log(request):
    if not has_role(request.user, Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    events = selectors.audit_event_list(viewer=request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action__startswith=data["action"])
        if data["actor"]:
            events = events.filter(actor_label__icontains=data["actor"])
        if data["date_from"]:
            events = events.filter(
                created_at__gte=timezone.make_aware(datetime.combine(data["date_from"], time.min))
            )
        if data["date_to"]:
            events = events.filter(
                created_at__lte=timezone.make_aware(datetime.combine(data["date_to"], time.max))
            )
    page = Paginator(events, 50).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(request, "core/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})


@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def openapi_schema(request):
    return json_ok(openapi_document())


def api_docs(request):
    return render(request, "core/api_docs.html", {"doc": openapi_document()})


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # No context processors: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
