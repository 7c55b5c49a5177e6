"""Roster import pages: upload → preview (mapping, every row's problems) → commit → result; progress by htmx."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canhgiac.core.exports import xlsx_file

from .. import permissions, selectors, services
from ..forms import ImportUploadForm, MappingForm
from ..importer.headers import FIELDS
from ..importer.jobs import OUTCOME_LABELS, write_result
from ..models import RosterImport, Unit
from .units import apply_errors


@login_required
def import_list(request):
    if not permissions.can_manage_any_roster(request.user):
        raise Http404
    units = selectors.units_for_choice(viewer=request.user)
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, units=units, initial={"unit": units.first()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            imp = services.roster_import_start(
                unit=form.cleaned_data["unit"],
                upload=form.cleaned_data["file"],
                effective_on=form.cleaned_data["effective_on"],
                actor=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect(imp)
    imports = Paginator(selectors.import_list(viewer=request.user), 20).get_page(request.GET.get("trang"))
    return render(request, "org/import_list.html", {"form": form, "page": imports})


def _context(request, imp: RosterImport) -> dict:
    problems = sorted(((int(k), v) for k, v in imp.problems.items()), key=lambda item: item[0])
    page = Paginator(problems, 100).get_page(request.GET.get("trang"))
    units = dict(Unit.objects.filter(pk__in={s.get("unit_id") for s in imp.sample}).values_list("pk", "name"))
    sample = [
        {**s, "unit": units.get(s.get("unit_id"), ""), "label": OUTCOME_LABELS.get(s["outcome"], "")}
        for s in imp.sample
    ]
    mapped = {int(k): v for k, v in imp.mapping.items()}
    form = None
    if (
        imp.status in {RosterImport.Status.READY, RosterImport.Status.FAILED, RosterImport.Status.REJECTED}
        and imp.columns
    ):
        form = MappingForm(
            columns=imp.columns, mapping=imp.mapping, header_row=imp.detected.get("header_row", 0) + 1
        )
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
        "missing_name": not ({"full_name", "given_name"} & set(mapped.values())),
    }


@login_required
def import_detail(request, pk):
    imp = selectors.import_for_viewer(viewer=request.user, pk=pk)
    return render(request, "org/import_detail.html", _context(request, imp))


@login_required
def import_status(request, pk):
    """The htmx-polled progress box; once the work is over it tells the browser to reload the page."""
    imp = selectors.import_for_viewer(viewer=request.user, pk=pk)
    response = render(request, "org/_import_progress.html", {"imp": imp})
    if not imp.is_busy:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def import_remap(request, pk):
    imp = selectors.import_for_viewer(viewer=request.user, pk=pk)
    form = MappingForm(request.POST, columns=imp.columns, mapping=imp.mapping)
    if form.is_valid():
        try:
            services.roster_import_remap(
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
    return render(request, "org/import_detail.html", context, status=400)


@login_required
@require_POST
def import_commit(request, pk):
    imp = selectors.import_for_viewer(viewer=request.user, pk=pk)
    try:
        imp = services.roster_import_commit(imp=imp, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if imp.status == RosterImport.Status.DONE:
            messages.success(
                request,
                _("Đã ghi danh sách: %(c)s tạo mới, %(u)s cập nhật, %(n)s không đổi.")
                % {"c": imp.created_count, "u": imp.updated_count, "n": imp.unchanged_count},
            )
    return redirect(imp)


@login_required
@require_POST
def import_cancel(request, pk):
    imp = selectors.import_for_viewer(viewer=request.user, pk=pk)
    try:
        services.roster_import_cancel(imp=imp, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(imp)
    messages.info(request, _("Đã hủy lần nhập; danh sách không thay đổi."))
    return redirect("org:import_list")


@login_required
def import_result(request, pk):
    imp = selectors.import_for_viewer(viewer=request.user, pk=pk)
    if imp.is_busy or not imp.outcomes:
        raise Http404
    stem = imp.original_name.rsplit(".", 1)[0][:60] or "danh-sach"
    return xlsx_file(lambda handle: write_result(imp, handle), f"{stem}-ket-qua.xlsx")
