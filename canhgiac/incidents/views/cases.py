"""The register's pages: the list with filters, recording and editing a case, the case page and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import permissions, selectors, services
from ..forms import (
    CaseFilterForm,
    CaseForm,
    ConfirmForm,
    LinkForm,
    StatusForm,
    UnlinkForm,
    case_initial,
    victim_initial,
)
from ..models import CaseIdentifier, Victim
from ..selectors.cases import CaseFilters
from ..services.cases import police_units

PAGE_SIZE = 50


def apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, field by field when it names fields."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def require_cases(request) -> None:
    if not permissions.can_open_cases(request.user):
        raise Http404


def filters_from(form: CaseFilterForm) -> CaseFilters:
    if not form.is_valid():
        return CaseFilters()
    d = form.cleaned_data
    return CaseFilters(
        date_from=d.get("date_from"),
        date_to=d.get("date_to"),
        basis=d.get("basis") or "occurred",
        method=d.get("method"),
        channel=d.get("channel") or "",
        unit=d.get("unit"),
        victim_group=d.get("victim_group") or "",
        status=d.get("status") or "",
        amount_min=d.get("amount_min"),
        amount_max=d.get("amount_max"),
        confirmed=d.get("confirmed") or "",
        abroad=d.get("abroad") or "",
        query=d.get("q") or "",
    )


@login_required
def case_list(request):
    require_cases(request)
    localities = selectors.localities_for(request.user)
    form = CaseFilterForm(request.GET or None, localities=localities)
    filters = filters_from(form)
    cases = selectors.case_list(viewer=request.user, filters=filters)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("trang"))
    summary = cases.order_by().aggregate(
        lost=Coalesce(Sum("amount_lost"), 0), recovered=Coalesce(Sum("amount_recovered"), 0)
    )
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "incidents/case_list.html",
        {
            "form": form,
            "page": page,
            "summary": summary,
            "query": query.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k != "trang"),
            "can_import": permissions.can_import(request.user),
            "can_victims": permissions.can_see_victims(request.user),
        },
    )


def _case_form(request, *, creating: bool, data=None, initial=None, case=None) -> CaseForm:
    with_victim = (
        permissions.victim_visible(request.user, case) if case else permissions.can_see_victims(request.user)
    )
    return CaseForm(
        data,
        initial=initial,
        localities=selectors.localities_for(request.user),
        police_units=police_units().order_by("path"),
        creating=creating,
        with_victim=with_victim,
    )


@login_required
@never_cache
def case_create(request):
    require_cases(request)
    form = _case_form(
        request, creating=True, data=request.POST or None, initial={"reported_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_create(
                actor=request.user,
                status=data["status"],
                closure_reason=data.get("closure_reason") or "",
                confirm=data.get("confirm", False),
                identifiers=data.get("identifiers") or [],
                victim=form.victim_data() if form.with_victim else None,
                **form.case_values(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi vụ việc %(code)s.") % {"code": case.code})
            for message in case.publication_refused:
                messages.warning(request, message)
            return redirect(case)
    return render(request, "incidents/case_form.html", {"form": form, "creating": True})


@login_required
@never_cache
def case_edit(request, code):
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    if request.method == "POST":
        form = _case_form(request, creating=False, data=request.POST, case=case)
        if form.is_valid():
            try:
                services.case_update(
                    case=case,
                    actor=request.user,
                    victim=form.victim_data() if form.with_victim else None,
                    **form.case_values(),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu vụ việc %(code)s.") % {"code": case.code})
                return redirect(case)
    else:
        initial = case_initial(case)
        if permissions.victim_visible(request.user, case):
            initial.update(victim_initial(services.victim_view(case=case, actor=request.user, via="edit")))
        form = _case_form(request, creating=False, initial=initial, case=case)
    return render(request, "incidents/case_form.html", {"form": form, "creating": False, "case": case})


def _detail_context(request, case, **extra) -> dict:
    context = {
        "case": case,
        "links": list(case.links.all()),
        "events": list(case.events.all()),
        "victim_allowed": permissions.victim_visible(request.user, case),
        "victim_recorded": Victim.objects.filter(case=case).exists(),
        "status_form": StatusForm(case=case) if case.next_statuses() else None,
        "link_form": LinkForm(),
        "confirm_form": ConfirmForm(),
        "victim": None,
    }
    context.update(extra)
    return context


@login_required
@never_cache
def case_detail(request, code):
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    return render(request, "incidents/case_detail.html", _detail_context(request, case))


@login_required
@never_cache
@require_POST
def victim_show(request, code):
    """Show the victim's personal data (recorded in the audit log); htmx swaps it in, without htmx the page
    reloads with it shown."""
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    try:
        victim = services.victim_view(case=case, actor=request.user, via="page")
    except PermissionDenied:
        raise Http404 from None
    if request.headers.get("HX-Request"):
        return render(request, "incidents/_victim.html", {"case": case, "victim": victim, "shown": True})
    return render(
        request,
        "incidents/case_detail.html",
        _detail_context(request, case, victim=victim, shown=True),
    )


@login_required
@require_POST
def case_status(request, code):
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    form = StatusForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.case_set_status(
                case=case,
                status=form.cleaned_data["status"],
                closure_reason=form.cleaned_data.get("closure_reason") or "",
                note=form.cleaned_data.get("note") or "",
                actor=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã chuyển tình trạng vụ việc."))
            return redirect(case)
    return render(
        request, "incidents/case_detail.html", _detail_context(request, case, status_form=form), status=400
    )


@login_required
@require_POST
def case_confirm(request, code):
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        case = services.case_confirm(case=case, actor=request.user, note=form.cleaned_data.get("note", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Đã xác minh vụ việc là lừa đảo: các định danh được công bố trên trang tra cứu.")
        )
        for message in case.publication_refused:
            messages.warning(request, message)
    return redirect(case)


@login_required
@require_POST
def case_link(request, code):
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            link = services.case_link_identifier(
                case=case,
                parsed=form.cleaned_data["identifier"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm %(v)s vào vụ việc.") % {"v": link.identifier.display})
            if link.publication_refused:
                messages.warning(request, link.publication_refused)
            return redirect(case)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    return render(
        request, "incidents/case_detail.html", _detail_context(request, case, link_form=form), status=400
    )


@login_required
@require_POST
def case_unlink(request, code, link_id):
    require_cases(request)
    case = selectors.case_for_viewer(viewer=request.user, code=code)
    link = get_object_or_404(CaseIdentifier.objects.select_related("identifier"), pk=link_id, case=case)
    form = UnlinkForm(request.POST)
    if form.is_valid():
        try:
            services.case_unlink_identifier(
                case=case, link=link, reason=form.cleaned_data["reason"], actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã gỡ %(v)s khỏi vụ việc.") % {"v": link.identifier.display})
    else:
        messages.error(request, _("Ghi lý do gỡ định danh (ít nhất 10 ký tự)."))
    return redirect(case)
