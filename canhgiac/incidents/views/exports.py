"""The register as .xlsx: the current list's filters; investigators may add victims' data (each case's view of
it is recorded in the audit log, as on the case page)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from canhgiac.core.audit import audit
from canhgiac.core.exports import xlsx_file
from canhgiac.org.models import Unit

from .. import permissions, selectors
from ..exports import write_cases
from ..forms import CaseFilterForm
from ..models import VICTIM_ROLES, case_scope_q
from .cases import filters_from, require_cases


@login_required
@require_http_methods(["GET", "POST"])
def case_export(request):
    require_cases(request)
    params = request.POST if request.method == "POST" else request.GET
    form = CaseFilterForm(params, localities=selectors.localities_for(request.user))
    cases = selectors.case_list(viewer=request.user, filters=filters_from(form))
    with_victims = request.method == "POST" and params.get("nan_nhan") == "1"
    if with_victims:
        if not permissions.can_see_victims(request.user):
            raise Http404
        # only the cases whose victims this investigator may see
        cases = cases.filter(case_scope_q(request.user, VICTIM_ROLES))
        for case in cases.select_related(None).only("pk", "code", "handling_unit").iterator(chunk_size=2000):
            audit(
                actor=request.user,
                action="incident.victim_view",
                obj=case,
                unit=Unit(pk=case.handling_unit_id) if case.handling_unit_id else None,
                summary=_("Xuất thông tin nạn nhân vụ việc %(code)s") % {"code": case.code},
                data={"via": "export"},
            )
    title = _("SỔ VỤ VIỆC LỪA ĐẢO CHIẾM ĐOẠT TÀI SẢN TRÊN KHÔNG GIAN MẠNG")
    name = f"so-vu-viec-{timezone.localdate():%Y%m%d}{'-nan-nhan' if with_victims else ''}.xlsx"
    return xlsx_file(lambda handle: write_cases(handle, cases, title=title, with_victims=with_victims), name)
