"""Needs assessment reads: one unit's summary (pre-test by method + its survey) and the province's summary
for the police (what units ask for, what they are weak on, which methods are rising in incidents: incidents'
`rising_methods`, the last 3 months against the 3 before, province-wide)."""

from __future__ import annotations

from collections import Counter

from canhgiac.incidents.selectors import rising_methods
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Person

from ..models import Campaign, CampaignUnit, Format, NeedsAssessment


def pretest_course(campaign: Campaign):
    """The course whose pre-test measures needs: the campaign's, else the first published one."""
    from canhgiac.training.models import Course

    if campaign.course_id:
        return campaign.course
    return Course.objects.filter(is_published=True).order_by("title").first()


def _pretest(viewer, campaign: Campaign, root) -> dict:
    from canhgiac.training.dashboards import method_summaries, unit_summaries, weakest

    course = pretest_course(campaign)
    if course is None:
        return {"course": None, "methods": [], "weakest": [], "summary": None}
    methods = [m for m in method_summaries(viewer=viewer, course=course, root=root) if m.pre_total]
    summary = unit_summaries(viewer=viewer, course=course, root=root, depth=0)
    ranked = sorted(methods, key=lambda m: (m.pre_rate, m.method.number or 0))
    return {
        "course": course,
        "methods": ranked,
        "weakest": weakest(methods, limit=5),
        "summary": summary[0] if summary else None,
    }


def unit_needs(*, viewer, participant: CampaignUnit) -> dict:
    """The unit's needs: pre-test results by method (weakest first) and its survey."""
    campaign = participant.campaign
    assessment = (
        NeedsAssessment.objects.filter(participant=participant)
        .select_related("submitted_by", "updated_by")
        .prefetch_related("topics")
        .first()
    )
    rising = rising_methods(months=3)
    return {
        "participant": participant,
        "campaign": campaign,
        "unit": participant.unit,
        "assessment": assessment,
        "pretest": _pretest(viewer, campaign, participant.unit),
        "rising": rising,
        "rising_slugs": {m["slug"] for m in rising},
    }


def province_needs(*, viewer, campaign: Campaign) -> dict:
    """All submitted assessments of the viewer's scope summed up (a constant number of queries)."""
    participants = list(
        CampaignUnit.objects.visible_to(viewer)
        .filter(campaign=campaign)
        .select_related("unit")
        .order_by("unit__path")
    )
    assessments = {
        a.participant_id: a
        for a in NeedsAssessment.objects.filter(
            participant__in=[p.pk for p in participants]
        ).prefetch_related("topics")
    }
    submitted = [a for a in assessments.values() if a.is_submitted]
    formats = Counter(f for a in submitted for f in a.formats)
    groups = Counter(g for a in submitted for g in a.priority_groups)
    topic_votes = Counter(m.pk for a in submitted for m in a.topics.all())
    methods = {m.pk: m for m in ScamMethod.objects.filter(pk__in=list(topic_votes))}
    pretest = _pretest(viewer, campaign, None)
    pre_rates = {row.method.pk: row.pre_rate for row in pretest["methods"]}
    rising = rising_methods(months=3)
    rising_slugs = {m["slug"] for m in rising}
    topics = [
        {
            "method": methods[pk],
            "votes": n,
            "pre_rate": pre_rates.get(pk),
            "rising": methods[pk].slug in rising_slugs,
        }
        for pk, n in topic_votes.most_common()
        if pk in methods
    ]
    format_labels = dict(Format.choices)
    group_labels = dict(Person.StaffGroup.choices)
    units = [{"participant": p, "assessment": assessments.get(p.pk)} for p in participants]
    return {
        "campaign": campaign,
        "units": units,
        "expected": len(participants),
        "submitted": len(submitted),
        "formats": [(format_labels[f], n) for f, n in formats.most_common() if f in format_labels],
        "groups": [(group_labels[g], n) for g, n in groups.most_common() if g in group_labels],
        "topics": topics,
        "sessions": sum(a.sessions_wanted for a in submitted),
        "speaker_needed": sum(1 for a in submitted if a.speaker_needed),
        "other_topics": [(a.participant, a.other_topics) for a in submitted if a.other_topics.strip()],
        "pretest": pretest,
        "rising": rising,
        "units_by_id": {p.pk: p for p in participants},
    }
