"""The materials library: list, detail, upload, new version, edit, archive, download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from canhgiac.core.scoping import user_roles
from canhgiac.core.uploads import serve_stored

from .. import selectors, services
from ..filetypes import FORMATS, human_size
from ..forms import MaterialCreateForm, MaterialEditForm, MaterialVersionForm
from ..models import Audience, Material, ScamMethod, Visibility
from ..models.materials import UPLOAD_ROLES


def _can_upload(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(user_roles(user) & UPLOAD_ROLES))


def _material_or_404(request, pk: int) -> Material:
    material = selectors.material_for_viewer(viewer=request.user, pk=pk)
    if material is None:
        raise Http404
    return material


def _editable_or_404(request, pk: int) -> Material:
    material = _material_or_404(request, pk)
    if not material.can_edit(request.user):
        raise Http404
    return material


def _uploader_unit(user):
    membership = user.memberships.filter(is_active=True).select_related("unit").order_by("id").first()
    return membership.unit if membership else None


@require_GET
def material_list(request):
    query = request.GET.get("q", "")[:100].strip()
    kind = request.GET.get("loai", "")
    method = request.GET.get("phuong-thuc", "")
    audience = request.GET.get("doi-tuong", "")
    materials = selectors.material_list(
        viewer=request.user, query=query, kind=kind, method=method, audience=audience
    )
    page = Paginator(materials, 20).get_page(request.GET.get("trang"))
    query_string = request.GET.copy()
    query_string.pop("trang", None)
    return render(
        request,
        "knowledge/material_list.html",
        {
            "page": page,
            "query": query_string.urlencode(),
            "q": query,
            "kind": kind,
            "method": method,
            "audience": audience,
            "kinds": Material.Kind.choices,
            "audiences": Audience.choices,
            "methods": ScamMethod.objects.published().only("slug", "name", "number"),
            "can_upload": _can_upload(request.user),
        },
    )


@require_GET
def material_detail(request, pk):
    material = _material_or_404(request, pk)
    return render(
        request,
        "knowledge/material_detail.html",
        {
            "material": material,
            "versions": list(material.versions.all()),
            "can_edit": material.can_edit(request.user),
            "visibility_class": {
                Visibility.PUBLIC: "success",
                Visibility.OFFICIALS: "primary",
                Visibility.POLICE: "danger",
            }[material.visibility],
        },
    )


@login_required
def material_create(request):
    if not _can_upload(request.user):
        raise Http404
    form = MaterialCreateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            material = services.material_create(
                title=data["title"],
                kind=data["kind"],
                visibility=data["visibility"],
                upload=data["file"],
                description=data["description"],
                methods=data["methods"],
                audiences=data["audiences"],
                owner_unit=_uploader_unit(request.user),
                note=data["note"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            version = material.current_version
            messages.success(
                request,
                _("Đã tải lên “%(t)s” (%(f)s, %(s)s).")
                % {"t": material.title, "f": version.format_label, "s": human_size(version.size)},
            )
            return redirect(material)
    return render(request, "knowledge/material_form.html", {"form": form, "creating": True})


@login_required
def material_edit(request, pk):
    material = _editable_or_404(request, pk)
    initial = {
        "title": material.title,
        "description": material.description,
        "visibility": material.visibility,
        "methods": list(material.methods.all()),
        "audiences": material.audience_list,
    }
    form = MaterialEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.material_update(
            material=material,
            title=data["title"],
            description=data["description"],
            visibility=data["visibility"],
            methods=data["methods"],
            audiences=data["audiences"],
            owner_unit=material.owner_unit,
            actor=request.user,
        )
        messages.success(request, _("Đã lưu thông tin tài liệu."))
        return redirect(material)
    return render(request, "knowledge/material_form.html", {"form": form, "material": material})


@login_required
def material_new_version(request, pk):
    material = _editable_or_404(request, pk)
    form = MaterialVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.material_add_version(
                material=material,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(
                request,
                _("Đã thêm phiên bản %(n)s. Các phiên bản cũ vẫn được giữ trong lịch sử.")
                % {"n": version.number},
            )
            return redirect(material)
    return render(request, "knowledge/material_version_form.html", {"form": form, "material": material})


@login_required
@require_POST
def material_archive(request, pk):
    material = _editable_or_404(request, pk)
    archived = request.POST.get("luu-tru") == "1"
    services.material_set_archived(material=material, archived=archived, actor=request.user)
    messages.success(
        request, _("Đã chuyển tài liệu vào lưu trữ.") if archived else _("Đã đưa tài liệu trở lại thư viện.")
    )
    return redirect(material)


@require_GET
def material_download(request, pk, number=None):
    """Serve a stored file as an attachment: path from the database, never from the request."""
    material = _material_or_404(request, pk)
    if number is None:
        version = material.current_version
    else:
        version = next((v for v in material.versions.all() if v.number == number), None)
    if version is None:
        raise Http404
    spec = FORMATS.get(version.file_format)
    response = serve_stored(
        version.file,
        filename=version.download_name(),
        content_type=spec.content_type if spec else "application/octet-stream",
        csp="default-src 'none'; sandbox",
    )
    services.material_record_download(version=version)  # once the file is known to be there
    response["Cache-Control"] = (
        "public, max-age=300" if material.visibility == Visibility.PUBLIC else "private, no-store"
    )
    return response
