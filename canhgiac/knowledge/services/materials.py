"""Writes to the materials library: upload (type checked by content), new versions, edits, archive, downloads."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from ..filetypes import validate_upload
from ..models import Material, MaterialVersion


def _digest(upload) -> str:
    upload.seek(0)
    sha = hashlib.sha256()
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        sha.update(chunk)
    upload.seek(0)
    return sha.hexdigest()


def _store_version(*, material: Material, upload, note: str, actor) -> MaterialVersion:
    spec = validate_upload(upload, kind=material.kind, kind_label=material.get_kind_display())
    digest = _digest(upload)
    current = material.current_version
    if current is not None and current.sha256 == digest:
        raise ValidationError(
            _("Tệp này giống hệt phiên bản hiện hành (phiên bản %(n)s).") % {"n": current.number}
        )
    number = (material.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    original = (getattr(upload, "name", "") or "").rsplit("/", 1)[-1][:200]
    version = MaterialVersion(
        material=material,
        number=number,
        original_name=original,
        file_format=spec.code,
        size=upload.size,
        sha256=digest,
        note=note[:300],
        uploaded_by=actor,
    )
    # The stored name is chosen by the server (models.material_upload_to); only the real extension is kept.
    version.file.save(f"upload.{spec.ext}", File(upload), save=False)
    version.save()
    material.current_version = version
    material.save(update_fields=["current_version", "updated_at", "search_text"])
    return version


@transaction.atomic
def material_create(
    *,
    title: str,
    kind: str,
    visibility: str,
    upload,
    description: str = "",
    methods=(),
    audiences=(),
    owner_unit=None,
    note: str = "",
    actor,
) -> Material:
    material = Material.objects.create(
        title=title.strip(),
        description=description.strip(),
        kind=kind,
        visibility=visibility,
        audiences=" ".join(audiences),
        owner_unit=owner_unit,
        created_by=actor,
    )
    material.methods.set(methods)
    _store_version(material=material, upload=upload, note=note or _("Bản đầu tiên"), actor=actor)
    audit(
        actor=actor,
        action="knowledge.material.create",
        obj=material,
        unit=owner_unit,
        summary=material.title,
        data={"kind": kind, "visibility": visibility},
    )
    return material


@transaction.atomic
def material_add_version(*, material: Material, upload, note: str = "", actor) -> MaterialVersion:
    """A new file for the same material: older versions stay downloadable in the history."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    version = _store_version(material=material, upload=upload, note=note, actor=actor)
    audit(
        actor=actor,
        action="knowledge.material.version",
        obj=material,
        unit=material.owner_unit,
        summary=_("Phiên bản %(n)s của “%(t)s”") % {"n": version.number, "t": material.title},
    )
    return version


@transaction.atomic
def material_update(
    *,
    material: Material,
    title: str,
    description: str,
    visibility: str,
    methods,
    audiences,
    owner_unit,
    actor,
) -> Material:
    material.title, material.description = title.strip(), description.strip()
    material.visibility, material.audiences, material.owner_unit = visibility, " ".join(audiences), owner_unit
    material.methods.set(methods)
    material.save()
    audit(
        actor=actor,
        action="knowledge.material.update",
        obj=material,
        unit=owner_unit,
        summary=material.title,
        data={"visibility": visibility},
    )
    return material


@transaction.atomic
def material_set_archived(*, material: Material, archived: bool, actor) -> Material:
    material.is_archived = archived
    material.save(update_fields=["is_archived", "updated_at"])
    audit(
        actor=actor,
        action="knowledge.material.archive" if archived else "knowledge.material.unarchive",
        obj=material,
        unit=material.owner_unit,
        summary=material.title,
    )
    return material


def material_record_download(*, version: MaterialVersion) -> None:
    """Count a download on the version and on the material (atomic increments, no lost updates)."""
    MaterialVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)
    Material.objects.filter(pk=version.material_id).update(download_count=F("download_count") + 1)
