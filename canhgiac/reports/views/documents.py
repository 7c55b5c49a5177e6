"""The province report page (figures built from accepted unit reports, the document's details) and the
official documents: a unit's report and the province report as .docx and .pdf, the appendix as .xlsx."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from canhgiac.core.exports import xlsx_response

from .. import documents, selectors, services
from ..forms import ProvinceReportForm
from .common import campaign_for, form_errors, officials, province_readers

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _slug(campaign) -> str:
    return slugify(campaign.legal_number.replace("/", "-")) or str(campaign.pk)


@officials
def unit_report_docx(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant, report = selectors.report_for_viewer(viewer=request.user, campaign=campaign, unit_pk=unit_pk)
    if report is None:
        raise Http404
    name = f"bao-cao-{_slug(campaign)}-{slugify(participant.unit.code) or participant.unit_id}.docx"
    return _download(documents.unit_report_docx(report), DOCX, name)


@officials
def unit_report_pdf(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant, report = selectors.report_for_viewer(viewer=request.user, campaign=campaign, unit_pk=unit_pk)
    if report is None:
        raise Http404
    name = f"bao-cao-{_slug(campaign)}-{slugify(participant.unit.code) or participant.unit_id}.pdf"
    return _download(documents.unit_report_pdf(report), "application/pdf", name)


@province_readers
def province_report(request, pk):
    campaign = campaign_for(request, pk)
    province = selectors.province_report_for(campaign=campaign)
    can_edit = selectors.is_coordinator(request.user)
    form = None
    conflict = None
    if can_edit:
        if request.method == "POST":
            form = ProvinceReportForm(request.POST)
            if form.is_valid():
                try:
                    services.province_report_save(
                        campaign=campaign,
                        actor=request.user,
                        version=form.cleaned_data["version"],
                        values=form.cleaned_data,
                    )
                    messages.success(request, "Đã lưu thông tin báo cáo tổng hợp.")
                    return redirect("reports:province_report", campaign.pk)
                except services.EditConflict as exc:
                    conflict = exc.current
                    form = ProvinceReportForm({**request.POST.dict(), "version": conflict.version})
                    form.is_valid()
                    form.add_error(None, exc.message)
                except ValidationError as exc:
                    form_errors(form, exc)
        else:
            initial = {k: getattr(province, k) for k in services.PROVINCE_FIELDS}
            initial["version"] = province.version if province.pk else 0
            initial["issued_on"] = province.issued_on or timezone.localdate()
            form = ProvinceReportForm(initial=initial)
    elif request.method == "POST":
        raise Http404
    data = selectors.consolidation(viewer=request.user, campaign=campaign)
    return render(
        request,
        "reports/province_report.html",
        {
            "campaign": campaign,
            "province": province,
            "data": data,
            "c": data.completeness,
            "form": form,
            "conflict": conflict,
            "can_edit": can_edit,
        },
        status=400 if form is not None and form.errors else 200,
    )


def _province(request, pk):
    campaign = campaign_for(request, pk)
    return (
        campaign,
        selectors.province_report_for(campaign=campaign),
        selectors.consolidation(viewer=request.user, campaign=campaign),
    )


@province_readers
def province_report_docx(request, pk):
    campaign, province, data = _province(request, pk)
    return _download(
        documents.province_report_docx(province, data), DOCX, f"bao-cao-tong-hop-{_slug(campaign)}.docx"
    )


@province_readers
def province_report_pdf(request, pk):
    campaign, province, data = _province(request, pk)
    return _download(
        documents.province_report_pdf(province, data),
        "application/pdf",
        f"bao-cao-tong-hop-{_slug(campaign)}.pdf",
    )


@province_readers
def province_appendix_xlsx(request, pk):
    campaign, province, data = _province(request, pk)
    response = xlsx_response(f"phu-luc-{_slug(campaign)}.xlsx")
    response.write(documents.province_appendix_xlsx(province, data))
    response["X-Content-Type-Options"] = "nosniff"
    return response
