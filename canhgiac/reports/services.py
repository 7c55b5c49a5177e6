"""Writes of the reports app: keyword-only, atomic, audited, Vietnamese ValidationError.

Workflow of a unit report: draft → submitted → returned (with a reason) → submitted … → accepted (locked).
A coordinator may reopen an accepted report with a reason while the campaign runs (a mistake found after
acceptance): it goes back to "returned" and the campaign's report obligation reopens.

Two people editing the same draft: every save names the version it was made from; the save is a conditional
UPDATE … WHERE version = that version, so the second of two saves made from the same version changes nothing and
raises EditConflict carrying the current report — the view shows what the second person typed next to it.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.campaigns.services import obligation_fulfil, obligation_reopen
from canhgiac.core.audit import audit
from canhgiac.core.roles import Role
from canhgiac.knowledge.filetypes import FORMATS, MB, detect_format, human_size

from . import selectors
from .models import ProvinceReport, UnitReport, UnitReportEvent, UnitReportFile

log = logging.getLogger(__name__)

TEXT_FIELDS = ("number", "signer_title", "signer_name", "results", "difficulties", "proposals")
FIGURE_FIELDS = (
    "figures_on",
    "headcount",
    "exempt",
    "people",
    "reached",
    "conferences_held",
    "attendance",
    "pre_takers",
    "pre_avg",
    "post_takers",
    "post_avg",
    "weakest_methods",
)
PROVINCE_FIELDS = (
    "number",
    "issued_on",
    "agency_parent",
    "agency_name",
    "recipients",
    "intro",
    "proposals",
    "signer_title",
    "signer_name",
)
MIN_RESULTS = 30
MIN_REASON = 10
# Attachments: plans, minutes, signed scans as documents; photos as raster images (no SVG: it can carry script).
FILE_FORMATS = {"pdf", "docx", "odt", "jpeg", "png", "webp"}
FILE_MAX_BYTES = 20 * MB
FILE_MAX_PER_REPORT = 20


class EditConflict(Exception):  # noqa: N818 - a domain outcome, not a programming error
    """Somebody saved the report after the version this save was made from. Nothing was written."""

    def __init__(self, current: UnitReport | ProvinceReport):
        self.current = current
        who = current.updated_by.get_full_name() if current.updated_by else _("một người khác")
        when = timezone.localtime(current.updated_at).strftime("%H:%M ngày %d/%m/%Y")
        self.message = _(
            "%(who)s đã lưu báo cáo này lúc %(when)s, trong khi bạn đang sửa. Bản của bạn CHƯA được lưu: "
            "nội dung bạn vừa nhập vẫn còn nguyên trong các ô bên dưới, bản đang lưu hiện bên cạnh. "
            "Hãy đối chiếu, giữ lại phần cần thiết rồi bấm lưu lần nữa."
        ) % {"who": who, "when": when}
        super().__init__(self.message)


def _label(actor) -> str:
    return (actor.get_full_name() or actor.email) if actor is not None else "Hệ thống"


def _event(report: UnitReport, action: str, actor, note: str = "") -> None:
    UnitReportEvent.objects.create(
        report=report, action=action, actor=actor, actor_label=_label(actor)[:200], note=note
    )


def _check_campaign_open(campaign) -> None:
    if campaign.status == "closed":
        raise ValidationError(_("Chiến dịch đã kết thúc; báo cáo không thay đổi được nữa."))
    if campaign.status == "draft":
        raise ValidationError(_("Chiến dịch chưa triển khai; chưa lập báo cáo được."))
    if not campaign.requires_report:
        raise ValidationError(_("Chiến dịch này không yêu cầu đơn vị báo cáo kết quả."))


def _require(actor, role: str) -> None:
    from canhgiac.core.scoping import has_role

    if actor is None or not (actor.is_superuser or has_role(actor, role)):
        raise PermissionDenied


def _locked(report: UnitReport) -> UnitReport:
    return UnitReport.objects.select_for_update().select_related("unit", "campaign").get(pk=report.pk)


def _not_editable_message(report: UnitReport) -> str:
    if report.status == UnitReport.Status.SUBMITTED:
        return _(
            "Báo cáo đã gửi và đang chờ Công an tỉnh duyệt; không sửa được. Nếu cần sửa, hãy đề nghị "
            "Công an tỉnh trả lại báo cáo."
        )
    return _("Báo cáo đã được duyệt và khóa; không sửa được nữa.")


@transaction.atomic
def unit_report_save(*, participant, actor, version: int, values: dict) -> UnitReport:
    """Save the narrative of a unit's report (creating the draft on the first save) and refresh its figures.

    `version` is the version the form was loaded with (0 for a report not yet created)."""
    campaign = participant.campaign
    _check_campaign_open(campaign)
    values = {k: (values.get(k) or "").strip() for k in TEXT_FIELDS}
    figures = selectors.unit_report_figures(viewer=actor, participant=participant)
    now = timezone.now()
    existing = UnitReport.objects.filter(participant=participant).first()
    if existing is None:
        if version != 0:
            raise ValidationError(_("Không tìm thấy bản báo cáo đang sửa; hãy tải lại trang."))
        try:
            with transaction.atomic():
                report = UnitReport.objects.create(
                    participant=participant,
                    campaign=campaign,
                    unit=participant.unit,
                    updated_by=actor,
                    **values,
                    **figures,
                )
        except IntegrityError:
            # somebody created it at the same moment: theirs stands, ours is shown back
            raise EditConflict(_current(participant)) from None
        _event(report, UnitReportEvent.Action.CREATED, actor)
        audit(
            actor=actor,
            action="unit_report.create",
            obj=report,
            unit=report.unit,
            summary=f"Lập báo cáo kết quả {campaign.legal_number} của {report.unit.name}",
        )
        return report
    if not existing.is_editable:
        raise ValidationError(_not_editable_message(existing))
    if version == 0 or existing.version != version:
        raise EditConflict(_current(participant))
    changed = UnitReport.objects.filter(
        pk=existing.pk, version=version, status__in=[UnitReport.Status.DRAFT, UnitReport.Status.RETURNED]
    ).update(**values, **figures, version=F("version") + 1, updated_by=actor, updated_at=now)
    if not changed:
        current = _current(participant)
        if not current.is_editable:
            raise ValidationError(_not_editable_message(current))
        raise EditConflict(current)
    report = _current(participant)
    audit(
        actor=actor,
        action="unit_report.save",
        obj=report,
        unit=report.unit,
        summary=f"Lưu báo cáo của {report.unit.name} (bản {report.version})",
    )
    return report


def _current(participant) -> UnitReport:
    return UnitReport.objects.select_related("updated_by", "unit", "campaign").get(participant=participant)


@transaction.atomic
def unit_report_submit(*, report: UnitReport, actor) -> UnitReport:
    """Send the report to the provincial police (a draft, or a returned report once fixed)."""
    report = _locked(report)
    _check_campaign_open(report.campaign)
    if not report.is_editable:
        raise ValidationError(_not_editable_message(report))
    errors = {}
    if len(report.results.strip()) < MIN_RESULTS:
        errors["results"] = _(
            "Phần “Kết quả thực hiện” cần ít nhất %(n)s ký tự: nêu các việc đã làm, số hội nghị, số người "
            "được tuyên truyền."
        ) % {"n": MIN_RESULTS}
    if not report.signer_name.strip():
        errors["signer_name"] = _("Hãy ghi họ tên người ký báo cáo.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    again = report.status == UnitReport.Status.RETURNED
    report.status = UnitReport.Status.SUBMITTED
    report.submitted_at, report.submitted_by = now, actor
    report.first_submitted_at = report.first_submitted_at or now
    report.version += 1
    report.updated_by = actor
    report.save()
    _event(report, UnitReportEvent.Action.SUBMITTED, actor, _("Gửi lại sau khi sửa") if again else "")
    due = report.campaign.due_on("report")
    late = timezone.localdate(report.first_submitted_at) > due
    audit(
        actor=actor,
        action="unit_report.submit",
        obj=report,
        unit=report.unit,
        summary=f"Gửi báo cáo của {report.unit.name}"
        + (" (gửi lại)" if again else "")
        + (" — trễ hạn" if late else ""),
        data={"resubmitted": again, "late": late},
    )
    return report


@transaction.atomic
def unit_report_return(*, report: UnitReport, actor, reason: str) -> UnitReport:
    """The coordinator sends a submitted report back with a reason; the unit's managers are e-mailed."""
    _require(actor, Role.COORDINATOR)
    report = _locked(report)
    reason = (reason or "").strip()
    if report.status != UnitReport.Status.SUBMITTED:
        raise ValidationError(
            _("Chỉ trả lại được báo cáo đang chờ duyệt (trạng thái hiện tại: %(s)s).")
            % {"s": report.get_status_display()}
        )
    if len(reason) < MIN_REASON:
        raise ValidationError(
            {
                "reason": _("Hãy ghi rõ lý do trả lại (ít nhất %(n)s ký tự) để đơn vị biết cần sửa gì.")
                % {"n": MIN_REASON}
            }
        )
    report.status = UnitReport.Status.RETURNED
    report.returned_at, report.return_reason = timezone.now(), reason
    report.version += 1
    report.save()
    _event(report, UnitReportEvent.Action.RETURNED, actor, reason)
    audit(
        actor=actor,
        action="unit_report.return",
        obj=report,
        unit=report.unit,
        summary=f"Trả lại báo cáo của {report.unit.name}",
        data={"reason": reason},
    )
    _mail_managers(
        report,
        f"[Cảnh giác] Báo cáo của {report.unit.name} bị trả lại",
        [
            f"Báo cáo kết quả thực hiện {report.campaign.legal_number} của {report.unit.name} đã được "
            f"{_label(actor)} trả lại để sửa, bổ sung.",
            "",
            "Lý do:",
            reason,
        ],
    )
    return report


@transaction.atomic
def unit_report_accept(*, report: UnitReport, actor) -> UnitReport:
    """The coordinator accepts a submitted report: it is locked, enters the province report, and fulfils the
    unit's report obligation (dated by its first submission: the unit delivered then)."""
    _require(actor, Role.COORDINATOR)
    report = _locked(report)
    if report.status != UnitReport.Status.SUBMITTED:
        raise ValidationError(
            _("Chỉ duyệt được báo cáo đang chờ duyệt (trạng thái hiện tại: %(s)s).")
            % {"s": report.get_status_display()}
        )
    now = timezone.now()
    report.status = UnitReport.Status.ACCEPTED
    report.accepted_at, report.accepted_by = now, actor
    report.version += 1
    report.save()
    _event(report, UnitReportEvent.Action.ACCEPTED, actor)
    reference = f"Báo cáo số {report.number}" if report.number else "Báo cáo trên hệ thống Cảnh giác"
    obligation_fulfil(
        campaign=report.campaign,
        unit=report.unit,
        kind="report",
        actor=actor,
        how="report",
        at=report.first_submitted_at,
        reference=reference,
        reference_url=report.get_absolute_url(),
    )
    audit(
        actor=actor,
        action="unit_report.accept",
        obj=report,
        unit=report.unit,
        summary=f"Duyệt báo cáo của {report.unit.name}",
    )
    _mail_managers(
        report,
        f"[Cảnh giác] Báo cáo của {report.unit.name} đã được duyệt",
        [
            f"Báo cáo kết quả thực hiện {report.campaign.legal_number} của {report.unit.name} đã được "
            f"{_label(actor)} duyệt ngày {timezone.localtime(now):%d/%m/%Y}. Báo cáo đã khóa và được tổng hợp "
            "vào báo cáo của tỉnh.",
        ],
    )
    return report


@transaction.atomic
def unit_report_reopen(*, report: UnitReport, actor, reason: str) -> UnitReport:
    """The coordinator unlocks an accepted report (a mistake found afterwards): back to "returned" with the
    reason, out of the province report, and the campaign's report obligation reopens."""
    _require(actor, Role.COORDINATOR)
    report = _locked(report)
    reason = (reason or "").strip()
    if report.status != UnitReport.Status.ACCEPTED:
        raise ValidationError(_("Chỉ mở lại được báo cáo đã duyệt."))
    _check_campaign_open(report.campaign)
    if len(reason) < MIN_REASON:
        raise ValidationError(
            {"reason": _("Hãy ghi rõ lý do mở lại (ít nhất %(n)s ký tự).") % {"n": MIN_REASON}}
        )
    report.status = UnitReport.Status.RETURNED
    report.returned_at, report.return_reason = timezone.now(), reason
    report.accepted_at, report.accepted_by = None, None
    report.version += 1
    report.save()
    _event(report, UnitReportEvent.Action.REOPENED, actor, reason)
    obligation_reopen(
        campaign=report.campaign,
        unit=report.unit,
        kind="report",
        actor=actor,
        note=f"Mở lại báo cáo: {reason}",
    )
    audit(
        actor=actor,
        action="unit_report.reopen",
        obj=report,
        unit=report.unit,
        summary=f"Mở lại báo cáo đã duyệt của {report.unit.name}",
        data={"reason": reason},
    )
    _mail_managers(
        report,
        f"[Cảnh giác] Báo cáo của {report.unit.name} được mở lại để sửa",
        [
            f"Báo cáo kết quả thực hiện {report.campaign.legal_number} của {report.unit.name} đã được "
            f"{_label(actor)} mở lại để sửa, bổ sung.",
            "",
            "Lý do:",
            reason,
        ],
    )
    return report


def _mail_managers(report: UnitReport, subject: str, lines: list[str]) -> None:
    """E-mail the active unit managers of the report's unit once the transaction commits."""
    from canhgiac.accounts.models import Membership

    managers = [
        m.user
        for m in Membership.objects.filter(
            unit=report.unit, role=Role.UNIT_MANAGER, is_active=True, user__is_active=True
        ).select_related("user")
        if m.user.email
    ]
    if not managers:
        return
    url = settings.SITE_URL + reverse("reports:unit_report", args=[report.campaign_id, report.unit_id])
    messages = [
        (
            subject,
            "\n".join(
                [
                    f"Kính gửi đồng chí {manager.full_name},",
                    "",
                    *lines,
                    "",
                    f"Xem báo cáo tại: {url}",
                    "",
                    "Thư này được gửi tự động từ hệ thống Cảnh giác; đồng chí không cần trả lời thư.",
                ]
            ),
            manager.email,
        )
        for manager in managers
    ]

    def send():
        for subj, body, to in messages:
            try:
                send_mail(subj, body, None, [to])
            except OSError:  # the mail server is down: the report's page still shows the state
                log.exception("report mail to %s failed", to)

    transaction.on_commit(send)


# --- attachments -------------------------------------------------------------------------------------------


@transaction.atomic
def report_file_add(*, report: UnitReport, upload, actor) -> UnitReportFile:
    name = (getattr(upload, "name", "") or "tệp").rsplit("/", 1)[-1][:120]
    report = _locked(report)
    if not report.is_editable:
        raise ValidationError(_not_editable_message(report))
    if report.files.count() >= FILE_MAX_PER_REPORT:
        raise ValidationError(
            _("Mỗi báo cáo đính kèm tối đa %(n)s tệp; hãy xóa bớt tệp không cần.")
            % {"n": FILE_MAX_PER_REPORT}
        )
    if upload.size > FILE_MAX_BYTES:
        raise ValidationError(
            _("Tệp “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s. Hãy nén hoặc chia nhỏ rồi tải lên lại.")
            % {"name": name, "size": human_size(upload.size), "limit": human_size(FILE_MAX_BYTES)}
        )
    fmt = detect_format(upload, name)
    if fmt not in FILE_FORMATS:
        labels = ", ".join(FORMATS[f].label for f in sorted(FILE_FORMATS))
        raise ValidationError(
            _("Tệp “%(name)s” là %(format)s; báo cáo chỉ nhận: %(allowed)s.")
            % {"name": name, "format": FORMATS[fmt].label, "allowed": labels}
        )
    item = UnitReportFile(
        report=report, file_format=fmt, original_name=name, size=upload.size, uploaded_by=actor
    )
    item.file.save(name, upload, save=False)
    item.save()
    audit(
        actor=actor,
        action="unit_report.file_add",
        obj=report,
        unit=report.unit,
        summary=f"Đính kèm tệp vào báo cáo: {name}",
    )
    return item


@transaction.atomic
def report_file_remove(*, item: UnitReportFile, actor) -> None:
    report = _locked(item.report)
    if not report.is_editable:
        raise ValidationError(_not_editable_message(report))
    audit(
        actor=actor,
        action="unit_report.file_remove",
        obj=report,
        unit=report.unit,
        summary=f"Xóa tệp đính kèm: {item.original_name}",
    )
    item.file.delete(save=False)
    item.delete()


# --- the province report ------------------------------------------------------------------------------------


@transaction.atomic
def province_report_save(*, campaign, actor, version: int, values: dict) -> ProvinceReport:
    """The coordinator edits the province report's number, date, heading, recipients and signatory (the
    figures always come from the accepted unit reports). Optimistic locking like the unit report."""
    _require(actor, Role.COORDINATOR)
    values = {k: values[k] for k in PROVINCE_FIELDS if k in values}
    for key, value in list(values.items()):
        if isinstance(value, str):
            values[key] = value.strip()
    existing = ProvinceReport.objects.filter(campaign=campaign).first()
    if existing is None:
        if version != 0:
            raise ValidationError(_("Không tìm thấy bản đang sửa; hãy tải lại trang."))
        try:
            with transaction.atomic():
                report = ProvinceReport.objects.create(campaign=campaign, updated_by=actor, **values)
        except IntegrityError:
            raise EditConflict(
                ProvinceReport.objects.select_related("updated_by").get(campaign=campaign)
            ) from None
    else:
        changed = ProvinceReport.objects.filter(pk=existing.pk, version=version).update(
            **values, version=F("version") + 1, updated_by=actor, updated_at=timezone.now()
        )
        if not changed:
            raise EditConflict(ProvinceReport.objects.select_related("updated_by").get(pk=existing.pk))
        report = ProvinceReport.objects.get(pk=existing.pk)
    audit(
        actor=actor,
        action="province_report.save",
        obj=report,
        summary=f"Sửa thông tin báo cáo tổng hợp {campaign.legal_number}"
        + (f" (số {report.number})" if report.number else ""),
    )
    return report
