"""Case file imports (investigators): upload → preview (mapping, every row's problems) → commit → result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canhgiac.core.audit import audit
from canhgiac.core.exports import xlsx_file
from canhgiac.org.tabular.forms import ColumnMappingForm
from canhgiac.org.tabular.jobs import OUTCOME_LABELS

from .. import permissions
from ..exports import write_template
from ..forms import ImportUploadForm
from ..importer.jobs import write_result
from ..importer.spec import FIELDS, VICTIM_FIELDS
from ..models import CaseImport, CaseStatus
from ..selectors import imports as selectors
from ..services import imports as services
from .cases import apply_errors


def _require(request) -> None:
    if not permissions.can_import(request.user):
        raise Http404


def _import(request, pk) -> CaseImport:
    _require(request)
    return selectors.import_for_viewer(viewer=request.user, pk=pk)


def _mapping_form(imp, data=None):
    return ColumnMappingForm(
        data,
        columns=imp.columns,
        mapping=imp.mapping,
        header_row=imp.detected.get("header_row", 0) + 1,
        fields=FIELDS,
        key_fields=("reported_on", "occurred_on"),
        key_message=_("Hãy chọn cột ngày (Ngày tiếp nhận hoặc Ngày xảy ra)."),
    )


@login_required
def import_list(request):
    _require(request)
    units = selectors.import_units(viewer=request.user)
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, units=units, initial={"unit": units.first()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            imp = services.case_import_start(
                unit=form.cleaned_data["unit"], upload=form.cleaned_data["file"], actor=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error("unit", str(exc))
        else:
            return redirect(imp)
    imports = Paginator(selectors.import_list(viewer=request.user), 20).get_page(request.GET.get("trang"))
    return render(request, "incidents/import_list.html", {"form": form, "page": imports})


def _context(request, imp: CaseImport) -> dict:
    problems = sorted(((int(k), v) for k, v in imp.problems.items()), key=lambda item: item[0])
    page = Paginator(problems, 100).get_page(request.GET.get("trang"))
    methods = selectors.method_names(s.get("method_id") for s in imp.sample)
    statuses = dict(CaseStatus.choices)
    sample = [
        {
            **s,
            "method": methods.get(s.get("method_id"), ""),
            "status_label": statuses.get(s.get("status"), ""),
            "label": OUTCOME_LABELS.get(s["outcome"], ""),
        }
        for s in imp.sample
    ]
    mapped = {int(k): v for k, v in imp.mapping.items()}
    form = _mapping_form(imp) if imp.status in services.EDITABLE and imp.columns else None
    return {
        "imp": imp,
        "problem_page": page,
        "notes_count": len(imp.notes),
        "sample": sample,
        "mapped": [
            (imp.columns[i] if i < len(imp.columns) else "", FIELDS.get(f, ""))
            for i, f in sorted(mapped.items())
        ],
        "unmapped": [label for i, label in enumerate(imp.columns) if i not in mapped and label],
        "mapping_form": form,
        "has_victims": bool(VICTIM_FIELDS & set(mapped.values())),
        "missing_date": not ({"reported_on", "occurred_on"} & set(mapped.values())),
    }


@login_required
def import_detail(request, pk):
    imp = _import(request, pk)
    return render(request, "incidents/import_detail.html", _context(request, imp))


@login_required
def import_status(request, pk):
    """The htmx-polled progress box; once the work is over it tells the browser to reload the page."""
    imp = _import(request, pk)
    response = render(
        request,
        "tabular/_import_progress.html",
        {"imp": imp, "status_url": reverse("incidents:import_status", args=[imp.pk])},
    )
    if not imp.is_busy:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def import_remap(request, pk):
    imp = _import(request, pk)
    form = _mapping_form(imp, request.POST)
    if form.is_valid():
        try:
            services.case_import_remap(
                imp=imp,
                mapping=form.mapping(),
                header_row=form.cleaned_data["header_row"] - 1,
                actor=request.user,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(imp)
    context = _context(request, imp)
    context["mapping_form"] = form
    return render(request, "incidents/import_detail.html", context, status=400)


@login_required
@require_POST
def import_commit(request, pk):
    imp = _import(request, pk)
    try:
        imp = services.case_import_commit(imp=imp, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if imp.status == CaseImport.Status.DONE:
            messages.success(
                request,
                _("Đã ghi vào sổ: %(c)s vụ mới, %(u)s cập nhật, %(n)s không đổi.")
                % {"c": imp.created_count, "u": imp.updated_count, "n": imp.unchanged_count},
            )
    return redirect(imp)


@login_required
@require_POST
def import_cancel(request, pk):
    imp = _import(request, pk)
    try:
        services.case_import_cancel(imp=imp, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(imp)
    messages.info(request, _("Đã hủy lần nhập; sổ vụ việc không thay đổi."))
    return redirect("incidents:import_list")


@login_required
def import_result(request, pk):
    imp = _import(request, pk)
    if imp.is_busy or not imp.outcomes:
        raise Http404
    if VICTIM_FIELDS & set(imp.mapping.values()):
        audit(
            actor=request.user,
            action="incident.victim_view",
            obj=imp,
            unit=None,  # province-wide readers only (see services.cases.audit_unit)
            summary=_("Tải tệp kết quả nhập “%(name)s” (có thông tin nạn nhân)")
            % {"name": imp.original_name},
            data={"via": "import_result", "import": imp.pk},
        )
    stem = imp.original_name.rsplit(".", 1)[0][:60] or "so-vu-viec"
    return xlsx_file(lambda handle: write_result(imp, handle), f"{stem}-ket-qua.xlsx")


@login_required
def template(request):
    _require(request)
    return xlsx_file(write_template, "mau-so-vu-viec.xlsx")
