"""Demo data for campaigns: dispatch 1509/UBND-NC of 2023 as history (closed, high coverage, obligations done,
late and missing), and a campaign of late 2026 in progress across Quảng Ninh: needs assessments, conferences in
every state with police speakers, attendance by QR code, by hand and imported, and Reach from attendance and
from the training demo's certificates — partial and varied coverage. Deterministic, bulk inserts, idempotent."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from canhgiac.knowledge.catalogue import DISPATCH_1509_METHODS
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Person, Unit

from . import demo_data as text
from .models import (
    DEFAULT_RESPONSIBLE_KINDS,
    Attendance,
    Campaign,
    CampaignUnit,
    Conference,
    ConferenceSpeaker,
    Format,
    NeedsAssessment,
    Obligation,
    Speaker,
    SpeakerBusy,
)
from .services import campaign_create, campaign_launch, obligation_refresh_conferences, reach_rebuild
from .services.speakers import TRAVEL_BUFFER

SEED = 1509_2026
TOKEN_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105 - demo QR tokens
# The demo's campaigns also hold the provincial police answerable (it trains its own officers too).
RESPONSIBLE_KINDS = [*DEFAULT_RESPONSIBLE_KINDS, Unit.Kind.POLICE]
SPEAKER_TITLES = [
    "Thiếu tá, báo cáo viên",
    "Đại úy, báo cáo viên",
]
DEMO_SPEAKERS = ["baocaovien1@congan.quangninh.gov.vn", "baocaovien2@congan.quangninh.gov.vn"]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _user(email):
    from canhgiac.accounts.models import User

    return User.objects.filter(email=email).first()


def _speakers(rng: random.Random) -> list[Speaker]:
    methods = list(ScamMethod.objects.filter(number__lte=24).order_by("number"))
    police = Unit.objects.filter(code="QN-CAT-PA05").first()
    out = []
    for index, email in enumerate(DEMO_SPEAKERS):
        user = _user(email)
        if user is None:
            continue
        speaker, created = Speaker.objects.get_or_create(
            user=user,
            defaults={
                "full_name": user.full_name,
                "title": SPEAKER_TITLES[index],
                "unit": police,
                "phone": "+84913558240" if index == 0 else "+84978114362",
                "email": user.email,
                "bio": text.SPEAKER_BIOS[index],
                "available_weekdays": [0, 1, 2, 3, 4] if index == 0 else [0, 1, 2, 3, 4, 5],
                "max_per_week": 4 if index == 0 else 3,
            },
        )
        if created:
            speaker.methods.set(
                methods[index::2][:8] + [m for m in methods if m.slug in DISPATCH_1509_METHODS.values()]
            )
        out.append(speaker)
    for index, (name, title, phone) in enumerate(text.EXTRA_SPEAKERS):
        speaker, created = Speaker.objects.get_or_create(
            full_name=name,
            user=None,
            defaults={
                "title": title,
                "unit": police if index < 2 or police is None else Unit.objects.get_parent(police),
                "phone": phone,
                "bio": text.SPEAKER_BIOS[(index + 2) % len(text.SPEAKER_BIOS)],
                "available_weekdays": [0, 1, 2, 3, 4],
                "max_per_week": 3,
            },
        )
        if created:
            speaker.methods.set(rng.sample(methods, 6))
        out.append(speaker)
    return out


class Booker:
    """Assigns speakers without double-booking them (the rules of services.speaker_check, in memory)."""

    def __init__(self, speakers: list[Speaker], rng: random.Random):
        self.speakers, self.rng = speakers, rng
        self.busy: dict[int, list[tuple]] = defaultdict(list)
        for row in ConferenceSpeaker.objects.exclude(conference__status="cancelled").values_list(
            "speaker_id", "conference__starts_at", "conference__ends_at", "conference__unit_id"
        ):
            self.busy[row[0]].append(row[1:])

    def free(self, speaker: Speaker, conference: Conference) -> bool:
        if not speaker.works_on(timezone.localtime(conference.starts_at).date()):
            return False
        for start, end, unit_id in self.busy[speaker.pk]:
            gap = timedelta(0) if unit_id == conference.unit_id else TRAVEL_BUFFER
            if start < conference.ends_at + gap and end > conference.starts_at - gap:
                return False
        return True

    def assign(self, conference: Conference, coordinator, prefer_demo: bool = True) -> Speaker | None:
        """Book a free speaker for the conference (recorded as assigned when it was confirmed)."""
        speaker = self.pick(conference, prefer_demo)
        if speaker is not None:
            ConferenceSpeaker.objects.create(
                conference=conference,
                speaker=speaker,
                assigned_by=coordinator,
                assigned_at=conference.confirmed_at or timezone.now(),
            )
        return speaker

    def pick(self, conference: Conference, prefer_demo: bool = True) -> Speaker | None:
        order = list(self.speakers)
        self.rng.shuffle(order)
        if prefer_demo and self.rng.random() < 0.6:  # the two demo accounts carry most of the load
            order.sort(key=lambda s: s.user_id is None)
        for speaker in order:
            if self.free(speaker, conference):
                self.busy[speaker.pk].append((conference.starts_at, conference.ends_at, conference.unit_id))
                return speaker
        return None


def _people_by_participant(
    participants: list[CampaignUnit], active_only=True
) -> dict[int, list[tuple[int, str]]]:
    """{participant id: [(person id, name)]} of the people in each responsible unit's subtree (those active
    today, or everyone: in 2023 the people now on leave or gone were still at work)."""
    paths = sorted(((p.unit.path, p.pk) for p in participants), key=lambda x: -len(x[0]))
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    people = Person.objects.filter(status=Person.Status.ACTIVE) if active_only else Person.objects.all()
    for pid, name, path in people.order_by("id").values_list("id", "full_name", "unit__path"):
        for prefix, participant_id in paths:
            if path.startswith(prefix):
                out[participant_id].append((pid, name))
                break
    return out


def _conference(
    campaign, participant, start, hours, status, coordinator, manager_ids, rng, methods=(), **extra
) -> Conference:
    unit = participant.unit
    online = rng.random() < 0.15 and extra.get("mode") != Conference.Mode.IN_PERSON
    conference = Conference(
        campaign=campaign,
        unit=unit,
        title=extra.pop("title", rng.choice(text.TITLES)),
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        mode=Conference.Mode.HYBRID if online else Conference.Mode.IN_PERSON,
        venue=rng.choice(text.VENUES).format(unit=unit.name),
        online_link="https://hop.quangninh.gov.vn/phong/" + unit.code.lower() if online else "",
        audience=rng.choice(text.AUDIENCES),
        expected_attendance=0,
        speaker_requested=rng.random() < 0.85,
        request_note=rng.choice(text.REQUEST_NOTES),
        status=status,
        created_by_id=manager_ids.get(unit.pk) or coordinator.pk,
        checkin_token="".join(rng.choice(TOKEN_ALPHABET) for _ in range(16)),
    )
    for key, value in extra.items():
        setattr(conference, key, value)
    created = start - timedelta(days=rng.randint(10, 25))
    if status not in {Conference.Status.PLANNED, Conference.Status.CANCELLED}:
        conference.confirmed_at = min(
            created + timedelta(days=rng.randint(1, 4)), start - timedelta(hours=20)
        )
        conference.confirmed_by = coordinator
    if status in {Conference.Status.HELD, Conference.Status.REPORTED}:
        conference.held_marked_at = conference.ends_at + timedelta(hours=1)
    conference.save()
    Conference.objects.filter(pk=conference.pk).update(created_at=created, updated_at=created)
    if methods and conference.speaker_requested:
        conference.requested_methods.set(rng.sample(methods, rng.randint(1, 3)))
    return conference


def _request_methods() -> list[ScamMethod]:
    """The methods units ask speakers for most: the three named in the dispatch and today's common ones."""
    common = {
        *DISPATCH_1509_METHODS.values(),
        "deepfake-goi-video",
        "gia-danh-ngan-hang-cho-vay",
        "chiem-tai-khoan-mang-xa-hoi",
        "ung-dung-gia-co-quan-nha-nuoc",
        "lam-quen-qua-mang",
        "trang-web-gia-mao",
    }
    return list(ScamMethod.objects.filter(slug__in=common).order_by("number"))


def _attend(conference, people, share, rng, taken: set[int], counts: dict) -> list[Attendance]:
    pool = [p for p in people if p[0] not in taken]
    chosen = rng.sample(pool, min(len(pool), round(len(people) * share)))
    rows = []
    via_choices = [Attendance.Via.QR] * 7 + [Attendance.Via.MANUAL] * 2 + [Attendance.Via.IMPORT]
    for pid, name in chosen:
        taken.add(pid)
        minutes = rng.randint(-25, 40)
        rows.append(
            Attendance(
                conference=conference,
                person_id=pid,
                full_name=name,
                via=rng.choice(via_choices),
                checked_in_at=conference.starts_at + timedelta(minutes=minutes),
            )
        )
    for i in range(rng.randint(0, 3)):
        rows.append(
            Attendance(
                conference=conference,
                full_name=rng.choice(text.WALK_IN_NAMES),
                unit_text=rng.choice(text.WALK_IN_UNITS),
                phone=f"+8491{rng.randint(1000000, 9999999)}{i}"[:12],
                via=Attendance.Via.WALK_IN,
                checked_in_at=conference.starts_at + timedelta(minutes=rng.randint(-20, 30)),
            )
        )
    counts["attendance"] += len(rows)
    Conference.objects.filter(pk=conference.pk).update(
        expected_attendance=max(len(chosen) + rng.randint(0, 6), 10)
    )
    return rows


def _report(conference, rng, reporter_id) -> None:
    conference.minutes = rng.choice(text.MINUTES).format(n=rng.randint(5, 9), q=rng.randint(2, 8))
    conference.status = Conference.Status.REPORTED
    conference.reported_at = conference.ends_at + timedelta(days=rng.randint(1, 4))
    conference.reported_by_id = reporter_id
    conference.save(update_fields=["minutes", "status", "reported_at", "reported_by", "updated_at"])


def _managers() -> dict[int, int]:
    from canhgiac.accounts.models import Membership
    from canhgiac.core.roles import Role

    return dict(Membership.objects.filter(role=Role.UNIT_MANAGER).values_list("unit_id", "user_id"))


def _campaign_2023(rng, coordinator, booker: Booker) -> Campaign:
    province = Unit.objects.get(depth=1)
    campaign = campaign_create(
        actor=coordinator,
        audience_units=[province],
        title="Tăng cường tuyên truyền, phòng ngừa lừa đảo chiếm đoạt tài sản trên không gian mạng (2023)",
        legal_number="1509/UBND-NC",
        legal_date=date(2023, 6, 15),
        legal_issuer="Ủy ban nhân dân tỉnh Quảng Ninh",
        legal_subject=text.SUBJECT_2023,
        description=text.DESCRIPTION_2023,
        starts_on=date(2023, 6, 15),
        deadline=date(2023, 11, 15),
        target_coverage=100,
        reach_rule=Campaign.ReachRule.ATTENDANCE,
        needs_due_on=date(2023, 7, 31),
        report_due_on=date(2023, 11, 20),
        min_conferences=1,
        responsible_kinds=RESPONSIBLE_KINDS,
    )
    campaign = campaign_launch(campaign=campaign, actor=coordinator)
    participants = list(campaign.participants.select_related("unit").order_by("unit__path"))
    people = _people_by_participant(participants, active_only=False)
    wanted = _request_methods()
    managers = _managers()
    counts = defaultdict(int)
    attendance: list[Attendance] = []
    taken: set[int] = set()
    for index, participant in enumerate(participants):
        profile = rng.random()
        # most held on time; some late (after 15/11); a few held only one small session
        if profile < 0.06:
            day = date(2023, 11, 16) + timedelta(days=rng.randint(1, 20))
        else:
            day = date(2023, 8, 1) + timedelta(days=rng.randint(0, 100))
        while day.weekday() > 4:
            day += timedelta(days=1)
        start = _at(day, rng.choice([8, 14]), rng.choice([0, 30]))
        conference = _conference(
            campaign,
            participant,
            start,
            2.5,
            Conference.Status.HELD,
            coordinator,
            managers,
            rng,
            methods=wanted,
        )
        counts["conferences"] += 1
        if conference.speaker_requested:
            booker.assign(conference, coordinator)
        share = 0.6 if profile > 0.95 else min(1.0, rng.uniform(0.92, 1.1))
        attendance += _attend(conference, people[participant.pk], share, rng, taken, counts)
        if rng.random() < 0.94:
            _report(conference, rng, managers.get(participant.unit_id) or coordinator.pk)
        if index % 9 == 4 and share < 1:  # a second session for those who missed the first
            day2 = day + timedelta(days=rng.randint(10, 25))
            while day2.weekday() > 4:
                day2 += timedelta(days=1)
            second = _conference(
                campaign, participant, _at(day2, 14), 2, Conference.Status.HELD, coordinator, managers, rng
            )
            attendance += _attend(second, people[participant.pk], 0.6, rng, taken, counts)
            _report(second, rng, managers.get(participant.unit_id) or coordinator.pk)
            counts["conferences"] += 1
    Attendance.objects.bulk_create(attendance, batch_size=2000)
    _obligations_2023(campaign, participants, rng)
    reach_rebuild(campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.CLOSED,
        launched_at=_at(date(2023, 6, 16), 9),
        closed_at=_at(date(2023, 12, 28), 16),
    )
    return campaign


def _obligations_2023(campaign, participants, rng) -> None:
    for participant in participants:
        obligation_refresh_conferences(participant=participant)
    rows = Obligation.objects.filter(participant__campaign=campaign).select_related("participant__unit")
    for number, obligation in enumerate(rows, start=1):
        if obligation.kind == Obligation.Kind.CONFERENCES:
            continue
        roll = rng.random()
        if obligation.kind == Obligation.Kind.NEEDS_ASSESSMENT:
            if roll < 0.05:
                continue
            day = (
                date(2023, 7, 3) + timedelta(days=rng.randint(0, 26))
                if roll < 0.85
                else date(2023, 8, 2) + timedelta(days=rng.randint(0, 20))
            )
            obligation.reference = f"Công văn số {100 + number}/{obligation.participant.unit.code}"
        else:
            if roll < 0.08:
                continue
            day = (
                date(2023, 11, 6) + timedelta(days=rng.randint(0, 13))
                if roll < 0.8
                else date(2023, 11, 24) + timedelta(days=rng.randint(0, 25))
            )
            obligation.reference = f"Báo cáo số {200 + number}/BC-{obligation.participant.unit.code}"
        obligation.done_at = _at(day, 10)
        obligation.how = Obligation.How.MANUAL
        obligation.save(update_fields=["done_at", "how", "reference"])


def _needs(campaign, participants, rng, coordinator) -> int:
    methods = list(ScamMethod.objects.filter(is_published=True).order_by("number"))
    focus = [m for m in methods if m.slug in DISPATCH_1509_METHODS.values()]
    managers = _managers()
    made = 0
    for participant in participants:
        name = participant.unit.name
        roll = rng.random()
        forced = name in {"Phường Hồng Gai", "Phường Bãi Cháy", "Sở Tài chính"}
        if not forced and (roll > 0.72 or name == "Xã Ba Chẽ"):
            continue
        draft = not forced and roll > 0.64
        submitted = _at(campaign.starts_on + timedelta(days=rng.randint(4, 34)), rng.randint(8, 16))
        assessment = NeedsAssessment.objects.create(
            participant=participant,
            formats=rng.sample(Format.values, rng.randint(1, 3)),
            other_topics=rng.choice(text.OTHER_TOPICS),
            sessions_wanted=rng.randint(1, 3),
            preferred_period=rng.choice(text.PERIODS),
            priority_groups=rng.sample(
                [g for g, _l in Person.StaffGroup.choices if g != "khac"], rng.randint(0, 2)
            ),
            speaker_needed=rng.random() < 0.8,
            notes=rng.choice(text.NOTES),
            status=NeedsAssessment.Status.DRAFT if draft else NeedsAssessment.Status.SUBMITTED,
            submitted_at=None if draft else submitted,
            submitted_by_id=None if draft else managers.get(participant.unit_id),
            updated_by_id=managers.get(participant.unit_id),
        )
        if Format.CONFERENCE not in assessment.formats and not draft:
            assessment.formats = [Format.CONFERENCE, *assessment.formats]
            assessment.save(update_fields=["formats"])
        assessment.topics.set(rng.sample(focus, rng.randint(1, 3)) + rng.sample(methods, rng.randint(1, 3)))
        made += 1
        if not draft:
            Obligation.objects.filter(participant=participant, kind=Obligation.Kind.NEEDS_ASSESSMENT).update(
                done_at=submitted, how=Obligation.How.AUTO
            )
    return made


def _weekday(day: date) -> date:
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _campaign_2026(rng, coordinator, booker: Booker, ctx) -> Campaign:
    from canhgiac.training.models import Course

    province = Unit.objects.get(depth=1)
    campaign = campaign_create(
        actor=coordinator,
        audience_units=[province],
        title=text.TITLE_2026,
        legal_number=text.CURRENT_NUMBER,
        legal_date=date(2026, 8, 25),
        legal_issuer="Ủy ban nhân dân tỉnh Quảng Ninh",
        legal_subject=text.SUBJECT_2026,
        description=text.DESCRIPTION_2026,
        starts_on=date(2026, 9, 7),
        deadline=date(2026, 12, 15),
        target_coverage=100,
        reach_rule=Campaign.ReachRule.EITHER,
        course=Course.objects.filter(is_published=True).order_by("title").first(),
        needs_due_on=date(2026, 9, 30),
        report_due_on=date(2026, 12, 20),
        min_conferences=1,
        responsible_kinds=RESPONSIBLE_KINDS,
    )
    campaign = campaign_launch(campaign=campaign, actor=coordinator)
    participants = list(campaign.participants.select_related("unit").order_by("unit__path"))
    _needs(campaign, participants, rng, coordinator)
    people = _people_by_participant(participants)
    wanted = _request_methods()
    managers = _managers()
    today = timezone.localdate()
    anchor = min(max(today, campaign.starts_on + timedelta(days=40)), campaign.deadline - timedelta(days=5))
    counts = defaultdict(int)
    attendance: list[Attendance] = []
    taken: set[int] = set()
    by_name = {p.unit.name: p for p in participants}
    # named units first, so the demo accounts' wards show a clear story
    story = [
        ("Phường Bãi Cháy", -41, Conference.Status.REPORTED, 1.0),
        ("Phường Hồng Gai", -33, Conference.Status.REPORTED, 0.45),
        ("Sở Tài chính", -9, Conference.Status.HELD, 0.7),
    ]
    plan = [
        (by_name[name], offset, status, share) for name, offset, status, share in story if name in by_name
    ]
    others = [
        p for p in participants if p.unit.name not in {s[0] for s in story} and p.unit.name != "Xã Ba Chẽ"
    ]
    rng.shuffle(others)
    for participant in others[:16]:
        plan.append(
            (participant, -rng.randint(18, 75), Conference.Status.REPORTED, min(1.0, rng.uniform(0.55, 1.1)))
        )
    for participant in others[16:25]:
        plan.append((participant, -rng.randint(2, 16), Conference.Status.HELD, rng.uniform(0.5, 0.9)))
    for participant in others[25:34]:
        plan.append((participant, rng.randint(1, 12), Conference.Status.CONFIRMED, 0))
    for participant in others[34:44]:
        plan.append((participant, rng.randint(3, 17), Conference.Status.PLANNED, 0))
    if len(others) > 44:
        plan.append((others[44], 6, Conference.Status.CANCELLED, 0))
    if "Xã Ba Chẽ" in by_name:
        plan.append((by_name["Xã Ba Chẽ"], 9, Conference.Status.PLANNED, 0))
    for participant, offset, status, share in plan:
        day = _weekday(anchor + timedelta(days=offset))
        if day < campaign.starts_on:
            day = _weekday(campaign.starts_on + timedelta(days=3))
        start = _at(day, rng.choice([8, 14]), rng.choice([0, 30]))
        extra = {}
        if status == Conference.Status.CANCELLED:
            extra = {"cancelled_at": start - timedelta(days=3), "cancel_reason": text.CANCEL_REASON}
        conference = _conference(
            campaign,
            participant,
            start,
            rng.choice([2, 2.5, 3]),
            status,
            coordinator,
            managers,
            rng,
            methods=wanted,
            **extra,
        )
        counts["conferences"] += 1
        if conference.speaker_requested and status != Conference.Status.PLANNED:
            booker.assign(conference, coordinator)
            if rng.random() < 0.25:
                booker.assign(conference, coordinator, prefer_demo=False)
        if status in {Conference.Status.HELD, Conference.Status.REPORTED}:
            attendance += _attend(conference, people[participant.pk], share, rng, taken, counts)
            if status == Conference.Status.REPORTED:
                conference.status = Conference.Status.HELD
                _report(conference, rng, managers.get(participant.unit_id) or coordinator.pk)
        else:
            Conference.objects.filter(pk=conference.pk).update(
                expected_attendance=max(10, len(people[participant.pk]))
            )
    live = _live_conference(
        campaign, by_name.get("Phường Hồng Gai"), coordinator, managers, rng, booker, wanted
    )
    if live is not None:
        url = f"{settings.SITE_URL}{live.get_checkin_url()}"
        ctx.store.setdefault("staff_logins", []).append(
            f"Hội nghị đang mở điểm danh (Phường Hồng Gai): {url}"
        )
    Attendance.objects.bulk_create(attendance, batch_size=2000)
    for participant in participants:
        obligation_refresh_conferences(participant=participant)
    reach_rebuild(campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(launched_at=_at(campaign.starts_on, 9))
    return campaign


def _live_conference(campaign, participant, coordinator, managers, rng, booker, wanted) -> Conference | None:
    """A Hồng Gai conference happening as the demo loads (its QR check-in open for the next hours)."""
    if participant is None:
        return None
    now = timezone.localtime()
    start = now.replace(minute=0 if now.minute < 30 else 30, second=0, microsecond=0) - timedelta(minutes=30)
    midnight = start.replace(hour=23, minute=59)
    hours = max(1.0, min(4.0, (midnight - start).total_seconds() / 3600))
    conference = _conference(
        campaign,
        participant,
        start,
        hours,
        Conference.Status.CONFIRMED,
        coordinator,
        managers,
        rng,
        methods=wanted,
        mode=Conference.Mode.IN_PERSON,
        title="Hội nghị tuyên truyền phòng ngừa lừa đảo trực tuyến (đợt 2)",
        speaker_requested=True,
        expected_attendance=30,
    )
    booker.assign(conference, coordinator)
    return conference


def _busy(speakers: list[Speaker], rng: random.Random) -> None:
    if SpeakerBusy.objects.exists() or len(speakers) < 2:
        return
    today = timezone.localdate()
    for speaker, offset, length in ((speakers[1], 14, 3), (speakers[0], 20, 1)):
        start = _weekday(today + timedelta(days=offset))
        SpeakerBusy.objects.create(
            speaker=speaker,
            starts_at=_at(start, 7),
            ends_at=_at(start + timedelta(days=length - 1), 18),
            reason=rng.choice(text.BUSY_REASONS),
        )


def _coverage_history(campaign: Campaign) -> None:
    """What the hourly task keeps up in production: today's counters and snapshot, and (data loaded in bulk)
    the weekly history since the start, so the dashboards' curve and pace read stored figures."""
    from .services.counters import coverage_backfill, coverage_refresh

    coverage_refresh()
    coverage_backfill(campaign=campaign, days=campaign.weekly_dates())


def load(ctx) -> None:
    coordinator = _user("dieuphoi@congan.quangninh.gov.vn")
    if coordinator is None or not Person.objects.exists():
        return
    rng = random.Random(SEED)
    speakers = _speakers(rng)
    current = Campaign.objects.filter(legal_number=text.CURRENT_NUMBER).first()
    if Campaign.objects.filter(legal_number="1509/UBND-NC").exists() and current is not None:
        result = reach_rebuild(campaign=current)  # certificates issued since the last load
        _coverage_history(current)
        ctx.say(f"  Chiến dịch: đã có; cập nhật lượt được tuyên truyền (+{result['created']})")
        return
    booker = Booker(speakers, rng)
    history = _campaign_2023(rng, coordinator, booker)
    current = _campaign_2026(rng, coordinator, booker, ctx)
    _coverage_history(current)
    _busy(speakers, rng)
    ctx.say(
        f"  Chiến dịch: {history.legal_number} (2023, đã kết thúc) và {current.legal_number} (đang triển khai); "
        f"{Conference.objects.count()} hội nghị, {Attendance.objects.count()} lượt tham dự, "
        f"{len(speakers)} báo cáo viên"
    )
