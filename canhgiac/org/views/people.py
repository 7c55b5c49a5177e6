"""Roster pages: the scoped list with search and filters, the person page, forms, exemptions, export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canhgiac.core.exports import xlsx_file
from canhgiac.core.roles import MANAGE_ROLES
from canhgiac.core.scoping import scope_paths

from .. import exports, permissions, selectors, services
from ..forms import ExemptionEndForm, ExemptionForm, PersonForm, RosterFilterForm
from ..models import Exemption, Person, Unit
from .units import apply_errors


def _filtered(request):
    units = Unit.objects.visible_to(request.user).only("id", "name", "depth", "path")
    form = RosterFilterForm(request.GET or None, units=units)
    data = form.cleaned_data if form.is_valid() else {}
    people = selectors.person_list(
        viewer=request.user,
        query=data.get("q", ""),
        unit=data.get("unit"),
        staff_group=data.get("staff_group", ""),
        status=data.get("status", ""),
        exempt=data.get("exempt", ""),
    )
    return form, data, people


@login_required
def person_list(request):
    if scope_paths(request.user) == []:
        raise Http404
    form, data, people = _filtered(request)
    page = Paginator(people, 50).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "org/person_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "summary": selectors.roster_summary(viewer=request.user, unit=data.get("unit")),
            "can_manage": permissions.can_manage_any_roster(request.user),
        },
    )


@login_required
def person_export(request):
    if scope_paths(request.user) == []:
        raise Http404
    _form, data, people = _filtered(request)
    scope = data.get("unit") or Unit.objects.visible_to(request.user).first()
    title = _("DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG — %(unit)s") % {
        "unit": (scope.name if scope else "").upper()
    }
    name = f"danh-sach-{(scope.code if scope else 'can-bo').lower()}-{timezone.localdate():%Y%m%d}.xlsx"
    return xlsx_file(
        lambda handle: exports.write_roster(handle, people.select_related("unit"), title=title), name
    )


@login_required
def roster_template(request):
    if not permissions.can_manage_any_roster(request.user):
        raise Http404
    units = selectors.units_for_choice(viewer=request.user)
    unit = units.filter(pk=request.GET.get("don_vi") or 0).first() or units.first()
    return xlsx_file(
        lambda handle: exports.write_template(handle, unit=unit), f"mau-danh-sach-{unit.code.lower()}.xlsx"
    )


@login_required
def person_detail(request, pk):
    person = selectors.person_for_viewer(viewer=request.user, pk=pk)
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            **selectors.person_detail(person=person),
            "can_manage": permissions.can_manage_roster(request.user, person.unit),
            "exemption_form": ExemptionForm(initial={"starts_on": timezone.localdate()}),
        },
    )


def _person_values(data) -> dict:
    return {
        k: data[k]
        for k in ("full_name", "position", "staff_group", "email", "phone", "staff_code", "date_of_birth")
    }


@login_required
def person_create(request):
    units = selectors.units_for_choice(viewer=request.user)
    if not permissions.can_manage_any_roster(request.user):
        raise Http404
    initial = {"staff_group": Person.StaffGroup.CIVIL_SERVANT, "status": Person.Status.ACTIVE}
    unit_pk = request.GET.get("don_vi")
    if unit_pk and unit_pk.isdigit():
        initial["unit"] = units.filter(pk=unit_pk).first()
    form = PersonForm(request.POST or None, units=units, creating=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.person_create(
                unit=data["unit"],
                status=data["status"],
                since=data["effective_on"],
                actor=request.user,
                **_person_values(data),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s vào danh sách.") % {"name": person.full_name})
            return redirect(person)
    return render(request, "org/person_form.html", {"form": form, "title": _("Thêm người vào danh sách")})


@login_required
def person_edit(request, pk):
    person = selectors.person_for_viewer(viewer=request.user, pk=pk, roles=MANAGE_ROLES)
    units = selectors.units_for_choice(viewer=request.user)
    initial = {
        k: getattr(person, k)
        for k in ("full_name", "position", "staff_group", "email", "staff_code", "date_of_birth", "status")
    }
    initial.update(unit=person.unit, phone=person.phone_display)
    form = PersonForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.person_update(
                person=person,
                unit=data["unit"],
                status=data["status"],
                effective_on=data["effective_on"],
                actor=request.user,
                **_person_values(data),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin %(name)s.") % {"name": person.full_name})
            return redirect(person)
    return render(
        request, "org/person_form.html", {"form": form, "person": person, "title": _("Sửa thông tin")}
    )


@login_required
@require_POST
def exemption_add(request, pk):
    person = selectors.person_for_viewer(viewer=request.user, pk=pk, roles=MANAGE_ROLES)
    form = ExemptionForm(request.POST)
    if form.is_valid():
        try:
            services.exemption_add(person=person, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi miễn trừ cho %(name)s.") % {"name": person.full_name})
            return redirect(person)
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            **selectors.person_detail(person=person),
            "can_manage": True,
            "exemption_form": form,
        },
        status=400,
    )


@login_required
@require_POST
def exemption_end(request, pk, exemption_pk):
    person = selectors.person_for_viewer(viewer=request.user, pk=pk, roles=MANAGE_ROLES)
    exemption = get_object_or_404(Exemption, pk=exemption_pk, person=person)
    form = ExemptionEndForm(request.POST)
    if form.is_valid():
        try:
            services.exemption_end(
                exemption=exemption, ends_on=form.cleaned_data["ends_on"], actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã kết thúc miễn trừ."))
    else:
        messages.error(request, _("Hãy chọn ngày kết thúc miễn trừ."))
    return redirect(person)
