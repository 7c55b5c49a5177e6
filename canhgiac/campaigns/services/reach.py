"""Reach: recorded when it happens (a check-in, a course pass), one row per (person, campaign), the earliest
qualifying event kept. Never recomputed to answer coverage; `reach_rebuild` exists only to re-project after a
campaign's rule changes, an attendance is withdrawn, or for data loaded in bulk (the demo)."""

from __future__ import annotations

from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from canhgiac.core.audit import audit
from canhgiac.org.models import Person
from canhgiac.org.selectors import people_units_on, person_unit_on

from ..models import Attendance, Campaign, Conference, Reach


def day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audience_paths(campaign: Campaign) -> list[str]:
    """The audience subtrees' paths ([] = the whole province); cached on the campaign object."""
    cached = getattr(campaign, "_audience_paths", None)
    if cached is None:
        cached = sorted(u.path for u in campaign.audience_units.all())
        campaign._audience_paths = cached
    return cached


def in_audience(campaign: Campaign, person: Person) -> bool:
    paths = audience_paths(campaign)
    if paths and not any(person.unit.path.startswith(p) for p in paths):
        return False
    return not campaign.audience_groups or person.staff_group in campaign.audience_groups


@transaction.atomic  # its own when called alone (the callers' check-in or quiz transaction otherwise)
def reach_record(
    *,
    person: Person,
    campaign: Campaign,
    via: str,
    at: datetime | None = None,
    conference: Conference | None = None,
    certificate=None,
) -> Reach:
    """Record that `person` was reached by `campaign` (idempotent: the earliest event is kept)."""
    at = at or timezone.now()
    existing = Reach.objects.select_for_update().filter(person=person, campaign=campaign).first()
    if existing is not None:
        if at < existing.reached_at:
            existing.reached_at, existing.via = at, via
            existing.conference, existing.certificate = conference, certificate
            existing.unit = person_unit_on(person, timezone.localdate(at)) or person.unit
            existing.save(update_fields=["reached_at", "via", "conference", "certificate", "unit"])
        return existing
    unit = person_unit_on(person, timezone.localdate(at)) or person.unit
    try:
        with transaction.atomic():
            return Reach.objects.create(
                person=person,
                campaign=campaign,
                reached_at=at,
                via=via,
                unit=unit,
                conference=conference,
                certificate=certificate,
            )
    except IntegrityError:  # recorded at the same moment by another request: theirs stands
        return Reach.objects.get(person=person, campaign=campaign)


def record_course_pass(*, person: Person, course, passed_at: datetime, certificate=None) -> list[Reach]:
    """A course pass reaches the person in every running campaign that counts this course and covers them."""
    day = timezone.localdate(passed_at)
    campaigns = (
        Campaign.objects.filter(status=Campaign.Status.ACTIVE, starts_on__lte=day)
        .filter(reach_rule__in=[Campaign.ReachRule.COURSE, Campaign.ReachRule.EITHER])
        .filter(Q(course__isnull=True) | Q(course=course))
        .prefetch_related("audience_units")
    )
    out = []
    for campaign in campaigns:
        if in_audience(campaign, person):
            out.append(
                reach_record(
                    person=person,
                    campaign=campaign,
                    via=Reach.Via.COURSE,
                    at=passed_at,
                    certificate=certificate,
                )
            )
    return out


def _events(campaign: Campaign, person_ids=None) -> dict[int, tuple[datetime, str, int | None, int | None]]:
    """{person id: (earliest time, via, conference id, certificate id)} from the source records."""
    from canhgiac.training.models import Certificate

    best: dict[int, tuple[datetime, str, int | None, int | None]] = {}

    def offer(pid, at, via, conference_id=None, certificate_id=None):
        if pid not in best or at < best[pid][0]:
            best[pid] = (at, via, conference_id, certificate_id)

    if campaign.counts_attendance:
        rows = Attendance.objects.filter(conference__campaign=campaign, person__isnull=False).exclude(
            conference__status=Conference.Status.CANCELLED
        )
        if person_ids is not None:
            rows = rows.filter(person_id__in=person_ids)
        for pid, conference_id, at in rows.values_list("person_id", "conference_id", "checked_in_at"):
            offer(pid, at, Reach.Via.CONFERENCE, conference_id=conference_id)
    if campaign.counts_course:
        certificates = Certificate.objects.filter(
            revoked_at__isnull=True, issued_at__gte=day_start(campaign.starts_on)
        )
        if campaign.course_id:
            certificates = certificates.filter(course_id=campaign.course_id)
        if person_ids is not None:
            certificates = certificates.filter(person_id__in=person_ids)
        for pid, cid, at in certificates.values_list("person_id", "id", "issued_at"):
            offer(pid, at, Reach.Via.COURSE, certificate_id=cid)
    return best


def reach_rebuild(*, campaign: Campaign, actor=None, person_ids=None) -> dict[str, int]:
    """Re-project Reach from the source records (attendance of the campaign's conferences, certificates since
    its start, as its rule says) for everyone or for some people. Returns counts of rows created/updated/removed.
    Runs in bulk: a few queries per 5,000 people. The coverage counters follow: the touched people's units are
    recounted once at the end, or the whole campaign when everyone was re-projected."""
    from .counters import coverage_rebuild, deferred, touch_people

    with transaction.atomic(), deferred():
        events = _events(campaign, person_ids)
        people = Person.objects.filter(pk__in=list(events)).select_related("unit")
        keep = {p.pk for p in people if in_audience(campaign, p)}
        events = {pid: e for pid, e in events.items() if pid in keep}
        current = Reach.objects.filter(campaign=campaign)
        if person_ids is not None:
            current = current.filter(person_id__in=person_ids)
        existing = {r.person_id: r for r in current}
        removed = [pid for pid in existing if pid not in events]
        if removed:
            Reach.objects.filter(campaign=campaign, person_id__in=removed).delete()
        by_day: dict = {}
        for pid, (at, *_rest) in events.items():
            by_day.setdefault(timezone.localdate(at), []).append(pid)
        units: dict[int, int] = {}
        for day, pids in by_day.items():
            units.update(people_units_on(pids, day))
        to_create, to_update = [], []
        for pid, (at, via, conference_id, certificate_id) in events.items():
            row = existing.get(pid)
            values = {
                "reached_at": at,
                "via": via,
                "conference_id": conference_id,
                "certificate_id": certificate_id,
                "unit_id": units.get(pid),
            }
            if row is None:
                to_create.append(Reach(person_id=pid, campaign=campaign, **values))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(row, key, value)
                to_update.append(row)
        Reach.objects.bulk_create(to_create, batch_size=2000)
        Reach.objects.bulk_update(
            to_update, ["reached_at", "via", "conference_id", "certificate_id", "unit_id"], batch_size=2000
        )
        result = {"created": len(to_create), "updated": len(to_update), "removed": len(removed)}
        if person_ids is None and campaign.status == Campaign.Status.ACTIVE:
            coverage_rebuild(campaign=campaign)
        elif person_ids is not None:
            touch_people(person_ids, campaign_id=campaign.pk)
        if person_ids is None and actor is not None:
            audit(
                actor=actor,
                action="campaign.reach_rebuild",
                obj=campaign,
                summary=f"Tính lại danh sách người đã được tuyên truyền: thêm {result['created']}, "
                f"sửa {result['updated']}, bỏ {result['removed']}",
                data=result,
            )
        return result
