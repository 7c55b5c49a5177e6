"""Reads for the case-file imports (investigators): the imports a viewer may see and the units they may import
for. Scoped like the register: province-wide readers of victims' data."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from canhgiac.core.scoping import scope_q
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Unit

from ..models import VICTIM_ROLES, CaseImport


def import_list(*, viewer):
    return CaseImport.objects.visible_to(viewer).select_related("unit", "uploaded_by")


def import_for_viewer(*, viewer, pk) -> CaseImport:
    """The viewer's import, or 404 (another unit's import is as unknown as a missing one)."""
    return get_object_or_404(import_list(viewer=viewer), pk=pk)


def import_units(*, viewer):
    """The units the viewer may import a case file for, top first (the superuser: the province)."""
    if viewer.is_superuser:
        return Unit.objects.filter(depth=1)
    return Unit.objects.filter(scope_q(viewer, "", roles=VICTIM_ROLES)).order_by("depth", "name")


def method_names(pks) -> dict[int, str]:
    """{method id: name} for the methods named in an import's sample rows."""
    return dict(ScamMethod.objects.filter(pk__in=set(pks)).values_list("pk", "name"))
