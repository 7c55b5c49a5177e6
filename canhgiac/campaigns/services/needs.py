"""A unit's needs assessment: saved as a draft, then submitted (which fulfils its obligation)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit
from canhgiac.org.models import Person

from ..models import Campaign, CampaignUnit, Format, NeedsAssessment, Obligation
from .campaigns import obligation_fulfil

NEEDS_FIELDS = (
    "formats",
    "other_topics",
    "sessions_wanted",
    "preferred_period",
    "priority_groups",
    "speaker_needed",
    "notes",
)


@transaction.atomic
def needs_save(
    *, participant: CampaignUnit, actor, topics=None, submit: bool = False, **values
) -> NeedsAssessment:
    """Save the unit's survey; `submit` sends it to the province (it can still be corrected afterwards,
    the first submission date is what the obligation records)."""
    campaign = participant.campaign
    if campaign.status != Campaign.Status.ACTIVE:
        raise ValidationError(_("Chiến dịch không ở trạng thái triển khai; không sửa đánh giá nhu cầu được."))
    assessment, _created = NeedsAssessment.objects.select_for_update().get_or_create(participant=participant)
    for key, value in values.items():
        if key in NEEDS_FIELDS:
            setattr(assessment, key, value)
    errors = {}
    if any(f not in Format.values for f in assessment.formats):
        errors["formats"] = _("Hình thức không hợp lệ.")
    if any(g not in Person.StaffGroup.values for g in assessment.priority_groups):
        errors["priority_groups"] = _("Nhóm cán bộ không hợp lệ.")
    if submit:
        if not assessment.formats:
            errors["formats"] = _("Chọn ít nhất một hình thức tuyên truyền phù hợp với đơn vị.")
        chosen = list(topics) if topics is not None else list(assessment.topics.all())
        if not chosen and not assessment.other_topics.strip():
            errors["topics"] = _("Chọn ít nhất một chuyên đề cần tuyên truyền (hoặc ghi nội dung khác).")
        if not 1 <= assessment.sessions_wanted <= 50:
            errors["sessions_wanted"] = _("Số buổi đề nghị từ 1 đến 50.")
    if errors:
        raise ValidationError(errors)
    assessment.updated_by = actor
    first_submission = submit and assessment.status != NeedsAssessment.Status.SUBMITTED
    if first_submission:
        assessment.status = NeedsAssessment.Status.SUBMITTED
        assessment.submitted_at, assessment.submitted_by = timezone.now(), actor
    assessment.save()
    if topics is not None:
        assessment.topics.set(topics)
    unit = participant.unit
    audit(
        actor=actor,
        action="needs.submit" if first_submission else "needs.save",
        obj=assessment,
        unit=unit,
        summary=f"{'Gửi' if first_submission else 'Lưu'} đánh giá nhu cầu của {unit.name}",
    )
    if (
        first_submission
        and Obligation.objects.filter(participant=participant, kind=Obligation.Kind.NEEDS_ASSESSMENT).exists()
    ):
        obligation_fulfil(
            campaign=campaign,
            unit=unit,
            kind=Obligation.Kind.NEEDS_ASSESSMENT,
            actor=actor,
            at=assessment.submitted_at,
            how=Obligation.How.AUTO,
        )
    return assessment
