"""Unit reports (view, write, send, return, accept, reopen, attachments) and the campaign's report list."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from canhgiac.campaigns.models import Campaign

from .. import selectors, services
from ..forms import FileForm, ReasonForm, UnitReportForm
from ..models import UnitReportFile
from ..selectors import State
from .common import campaign_for, coordinators, flash_errors, form_errors, officials, reads_province

FILTERS = {
    "cho-duyet": ("Chờ duyệt", lambda row: row.state == State.SUBMITTED),
    "tra-lai": ("Bị trả lại", lambda row: row.state == State.RETURNED),
    "da-duyet": ("Đã duyệt", lambda row: row.accepted),
    "chua-gui": ("Chưa gửi", lambda row: row.missing),
    "tre-han": ("Gửi trễ hạn", lambda row: row.late),
}


@officials
def index(request):
    """The campaigns that ask for reports, with their completeness in the viewer's scope."""
    campaigns = list(
        Campaign.objects.visible_to(request.user)
        .exclude(status=Campaign.Status.DRAFT)
        .filter(requires_report=True)
        .order_by("-starts_on", "-id")[:20]
    )
    cards = [
        {"campaign": c, "completeness": selectors.reporting_completeness(viewer=request.user, campaign=c)}
        for c in campaigns
    ]
    return render(request, "reports/index.html", {"cards": cards})


@officials
def campaign_reports(request, pk):
    campaign = campaign_for(request, pk)
    completeness = selectors.reporting_completeness(viewer=request.user, campaign=campaign)
    chosen = request.GET.get("loc", "")
    rows = completeness.rows
    if chosen in FILTERS:
        rows = [row for row in rows if FILTERS[chosen][1](row)]
    return render(
        request,
        "reports/campaign_reports.html",
        {
            "campaign": campaign,
            "c": completeness,
            "rows": rows,
            "filters": [(key, label) for key, (label, _f) in FILTERS.items()],
            "chosen": chosen,
            "reads_province": reads_province(request.user),
        },
    )


def _context(request, campaign, participant, report, **extra) -> dict:
    user = request.user
    due_on = campaign.due_on("report")
    can_edit = selectors.can_edit(user, participant.unit) and campaign.status == Campaign.Status.ACTIVE
    context = {
        "campaign": campaign,
        "participant": participant,
        "unit": participant.unit,
        "report": report,
        "due_on": due_on,
        "on_time": report.on_time(due_on) if report else None,
        "can_edit": can_edit and (report is None or report.is_editable),
        "can_review": selectors.is_coordinator(user) and campaign.status == Campaign.Status.ACTIVE,
        "history": selectors.report_history(report=report) if report else [],
        "files": list(report.files.all()) if report else [],
        "figures": report
        if report is not None and (report.is_locked or not report.is_editable)
        else _live_figures(request, participant, report),
        "reason_form": ReasonForm(),
        "file_form": FileForm(),
    }
    context.update(extra)
    return context


def _live_figures(request, participant, report):
    """A report still being written shows today's figures (they are stored again at every save)."""
    from types import SimpleNamespace

    figures = selectors.unit_report_figures(viewer=request.user, participant=participant)
    people = figures["people"]
    return SimpleNamespace(**figures, coverage=figures["reached"] / people if people else None, live=True)


@officials
def unit_report(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant, report = selectors.report_for_viewer(viewer=request.user, campaign=campaign, unit_pk=unit_pk)
    return render(request, "reports/unit_report.html", _context(request, campaign, participant, report))


def _editable(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant, report = selectors.report_for_viewer(viewer=request.user, campaign=campaign, unit_pk=unit_pk)
    if not selectors.can_edit(request.user, participant.unit):
        raise Http404
    return campaign, participant, report


@officials
def unit_report_edit(request, pk, unit_pk):
    """Write the report; "Lưu nháp" saves, "Lưu và gửi" saves then sends. A save made from an older version
    than the one stored is refused and shown next to the stored text (nothing typed is lost)."""
    campaign, participant, report = _editable(request, pk, unit_pk)
    if report is not None and not report.is_editable:
        messages.info(request, services._not_editable_message(report))
        return redirect("reports:unit_report", campaign.pk, participant.unit_id)
    conflict = None
    if request.method == "POST":
        form = UnitReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = services.unit_report_save(
                    participant=participant, actor=request.user, version=data["version"], values=data
                )
            except services.EditConflict as exc:
                conflict = exc.current
                # what this person typed stays in the form; the next save is made from the stored version
                form = UnitReportForm({**request.POST.dict(), "version": conflict.version})
                form.is_valid()
                form.add_error(None, exc.message)
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                if request.POST.get("action") != "submit":
                    messages.success(request, "Đã lưu bản nháp.")
                    return redirect("reports:unit_report", campaign.pk, participant.unit_id)
                try:
                    services.unit_report_submit(report=report, actor=request.user)
                except ValidationError as exc:
                    form = UnitReportForm({**request.POST.dict(), "version": report.version})
                    form.is_valid()
                    form.add_error(None, "Đã lưu bản nháp nhưng chưa gửi được:")
                    form_errors(form, exc)
                else:
                    messages.success(request, "Đã gửi báo cáo tới Công an tỉnh.")
                    return redirect("reports:unit_report", campaign.pk, participant.unit_id)
    else:
        initial = {"version": report.version if report else 0}
        if report is not None:
            initial |= {k: getattr(report, k) for k in services.TEXT_FIELDS}
        form = UnitReportForm(initial=initial)
    return render(
        request,
        "reports/unit_report_form.html",
        _context(request, campaign, participant, report, form=form, conflict=conflict),
    )


@require_POST
@officials
def unit_report_submit(request, pk, unit_pk):
    campaign, participant, report = _editable(request, pk, unit_pk)
    if report is None:
        messages.error(request, "Chưa có báo cáo để gửi; hãy viết báo cáo trước.")
        return redirect("reports:unit_report_edit", campaign.pk, participant.unit_id)
    try:
        services.unit_report_submit(report=report, actor=request.user)
        messages.success(request, "Đã gửi báo cáo tới Công an tỉnh.")
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect("reports:unit_report_edit", campaign.pk, participant.unit_id)
    return redirect("reports:unit_report", campaign.pk, participant.unit_id)


def _reviewed(request, pk, unit_pk):
    campaign = campaign_for(request, pk)
    participant, report = selectors.report_for_viewer(viewer=request.user, campaign=campaign, unit_pk=unit_pk)
    if report is None:
        raise Http404
    return campaign, participant, report


def _with_reason(request, pk, unit_pk, service, done: str):
    campaign, participant, report = _reviewed(request, pk, unit_pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            service(report=report, actor=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, done)
            return redirect("reports:unit_report", campaign.pk, participant.unit_id)
        except ValidationError as exc:
            form_errors(form, exc)
    return render(
        request,
        "reports/unit_report.html",
        _context(request, campaign, participant, report, reason_form=form),
        status=400,
    )


@require_POST
@coordinators
def unit_report_return(request, pk, unit_pk):
    return _with_reason(request, pk, unit_pk, services.unit_report_return, "Đã trả lại báo cáo cho đơn vị.")


@require_POST
@coordinators
def unit_report_reopen(request, pk, unit_pk):
    return _with_reason(request, pk, unit_pk, services.unit_report_reopen, "Đã mở lại báo cáo để đơn vị sửa.")


@require_POST
@coordinators
def unit_report_accept(request, pk, unit_pk):
    campaign, participant, report = _reviewed(request, pk, unit_pk)
    try:
        services.unit_report_accept(report=report, actor=request.user)
        messages.success(request, "Đã duyệt báo cáo; báo cáo được khóa và tổng hợp vào báo cáo của tỉnh.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("reports:unit_report", campaign.pk, participant.unit_id)


# --- attachments -------------------------------------------------------------------------------------------


@require_POST
@officials
def report_file_upload(request, pk, unit_pk):
    campaign, participant, report = _editable(request, pk, unit_pk)
    if report is None:
        messages.error(request, "Hãy lưu bản nháp báo cáo trước khi đính kèm tệp.")
        return redirect("reports:unit_report_edit", campaign.pk, participant.unit_id)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_file_add(report=report, upload=form.cleaned_data["file"], actor=request.user)
            messages.success(request, "Đã đính kèm tệp.")
        except ValidationError as exc:
            flash_errors(request, exc)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("reports:unit_report", campaign.pk, participant.unit_id)


@officials
def report_file(request, pk, unit_pk, file_pk):
    from canhgiac.knowledge.filetypes import serve_checked

    campaign = campaign_for(request, pk)
    participant, report = selectors.report_for_viewer(viewer=request.user, campaign=campaign, unit_pk=unit_pk)
    item = get_object_or_404(UnitReportFile, report=report, pk=file_pk) if report else None
    if item is None:
        raise Http404
    return serve_checked(
        item.file,
        item.file_format,
        stem=f"bao-cao-{campaign.pk}-{participant.unit_id}-{item.pk}",
        inline=item.is_image and request.GET.get("xem") == "1",
    )


@require_POST
@officials
def report_file_delete(request, pk, unit_pk, file_pk):
    campaign, participant, report = _editable(request, pk, unit_pk)
    item = get_object_or_404(UnitReportFile, report=report, pk=file_pk) if report else None
    if item is None:
        raise Http404
    try:
        services.report_file_remove(item=item, actor=request.user)
        messages.success(request, "Đã xóa tệp.")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("reports:unit_report", campaign.pk, participant.unit_id)
