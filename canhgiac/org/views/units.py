"""Pages of the unit tree: list, detail with headcount history, create, rename, move, close, reopen."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canhgiac.core.roles import Role
from canhgiac.core.scoping import scope_paths

from .. import permissions, selectors, services
from ..forms import UnitCloseForm, UnitForm, UnitMoveForm
from ..models import Unit


def apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, field by field when it names fields."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@login_required
def unit_list(request):
    if scope_paths(request.user) == []:
        raise Http404
    query = request.GET.get("q", "")[:100]
    include_closed = request.GET.get("da_dong") == "1"
    rows = selectors.unit_tree(viewer=request.user, query=query, include_closed=include_closed)
    return render(
        request,
        "org/unit_list.html",
        {
            "rows": rows,
            "q": query,
            "include_closed": include_closed,
            "can_create": permissions.can_edit_structure_anywhere(request.user),
        },
    )


@login_required
def unit_detail(request, pk):
    unit = selectors.unit_for_viewer(viewer=request.user, pk=pk)
    history = selectors.headcount_history(unit=unit, dates=selectors.month_ends(12))
    peak = max((n for _d, n in history), default=0) or 1
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            **selectors.unit_detail(viewer=request.user, unit=unit),
            "history": [(d, n, round(n * 100 / peak)) for d, n in history],
            "can_edit": permissions.can_edit_unit(request.user, unit),
            "can_add_child": unit.is_open() and permissions.can_add_child(request.user, unit),
            "can_move": permissions.can_move_unit(request.user, unit),
            "can_manage_roster": permissions.can_manage_roster(request.user, unit),
        },
    )


def _parents(user):
    return Unit.objects.visible_to(user, {Role.COORDINATOR, Role.UNIT_MANAGER}).open()


@login_required
def unit_create(request):
    parents = _parents(request.user)
    if not permissions.can_edit_structure_anywhere(request.user):
        raise Http404
    initial = {}
    parent_pk = request.GET.get("cap_tren")
    if parent_pk and parent_pk.isdigit():
        initial["parent"] = parents.filter(pk=parent_pk).first()
    form = UnitForm(request.POST or None, parents=parents, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not permissions.can_add_child(request.user, data["parent"]):
            raise Http404
        try:
            unit = services.unit_create(
                parent=data["parent"],
                code=data["code"],
                name=data["name"],
                kind=data["kind"],
                short_name=data["short_name"],
                official_code=data["official_code"],
                opened_on=data["opened_on"],
                actor=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo đơn vị %(name)s.") % {"name": unit.name})
            return redirect(unit)
    return render(request, "org/unit_form.html", {"form": form, "title": _("Thêm đơn vị")})


@login_required
def unit_edit(request, pk):
    unit = selectors.unit_for_viewer(viewer=request.user, pk=pk)
    if not permissions.can_edit_unit(request.user, unit):
        raise Http404
    initial = {
        "name": unit.name,
        "short_name": unit.short_name,
        "code": unit.code,
        "kind": unit.kind,
        "official_code": unit.official_code,
        "opened_on": unit.opened_on,
    }
    form = UnitForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.unit_update(unit=unit, actor=request.user, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin đơn vị."))
            return redirect(unit)
    return render(request, "org/unit_form.html", {"form": form, "unit": unit, "title": _("Sửa đơn vị")})


@login_required
def unit_move(request, pk):
    unit = selectors.unit_for_viewer(viewer=request.user, pk=pk)
    if not permissions.can_move_unit(request.user, unit):
        raise Http404
    targets = (
        Unit.objects.visible_to(request.user, {Role.COORDINATOR}).open().exclude(path__startswith=unit.path)
    )
    form = UnitMoveForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_move(unit=unit, new_parent=form.cleaned_data["new_parent"], actor=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã chuyển đơn vị."))
            return redirect(unit)
    return render(request, "org/unit_move.html", {"form": form, "unit": unit})


@login_required
def unit_close(request, pk):
    unit = selectors.unit_for_viewer(viewer=request.user, pk=pk)
    if not permissions.can_edit_unit(request.user, unit) or unit.depth == 1:
        raise Http404
    form = UnitCloseForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_close(
                unit=unit,
                closed_on=form.cleaned_data["closed_on"],
                reason=form.cleaned_data["closed_reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã đóng đơn vị; người và dữ liệu cũ vẫn được giữ."))
            return redirect(unit)
    return render(request, "org/unit_close.html", {"form": form, "unit": unit})


@login_required
@require_POST
def unit_reopen(request, pk):
    unit = selectors.unit_for_viewer(viewer=request.user, pk=pk)
    if not permissions.can_edit_unit(request.user, unit):
        raise Http404
    services.unit_reopen(unit=unit, actor=request.user)
    messages.success(request, _("Đã mở lại đơn vị."))
    return redirect(unit)
