"""Demo data for reports: the 1509/UBND-NC (2023) history with accepted reports for the units whose report
obligation was done (on time and late, as the campaigns demo dated them) and the police's consolidated province
report; the running 2026 campaign with a mix — accepted, waiting for review, one returned with its reason (Phường
Hồng Gai, so its demo manager sees it), drafts, and units that have not started (Xã Ba Chẽ among them).

Figures are filled in by the same selector the product uses (`unit_report_figures`); rows are written in bulk.
Idempotent: nothing is written when the 2023 campaign already has reports."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from canhgiac.campaigns.models import Campaign, Obligation

from . import demo_data as text
from .models import ProvinceReport, UnitReport, UnitReportEvent
from .selectors import figures_by_participant

SEED = 1509_7


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 15)))


def _managers() -> dict[int, object]:
    from canhgiac.accounts.models import Membership
    from canhgiac.core.roles import Role

    return {
        m.unit_id: m.user
        for m in Membership.objects.filter(role=Role.UNIT_MANAGER, is_active=True).select_related("user")
    }


def _results(participant, figures, rng) -> str:
    return rng.choice(text.RESULTS).format(
        unit=participant.unit.name,
        held=f"{figures['conferences_held']:02d}",
        attended=f"{figures['attendance']:,}".replace(",", "."),
        reached=f"{figures['reached']:,}".replace(",", "."),
    )


def _report(
    participant, figures, rng, managers, *, status, submitted_at=None, accepted_at=None, coordinator=None
):
    title, name = rng.choice(text.SIGNERS)
    manager = managers.get(participant.unit_id)
    results = _results(participant, figures, rng)
    report = UnitReport(
        participant=participant,
        campaign=participant.campaign,
        unit=participant.unit,
        status=status,
        number=f"{rng.randint(40, 480)}/BC-{participant.unit.code.split('-')[-1][:6]}",
        signer_title=title,
        signer_name=name,
        results=results,
        difficulties=rng.choice(text.DIFFICULTIES),
        proposals=rng.choice(text.PROPOSALS),
        first_submitted_at=submitted_at,
        submitted_at=submitted_at,
        submitted_by=manager if submitted_at else None,
        accepted_at=accepted_at,
        accepted_by=coordinator if accepted_at else None,
        updated_by=manager,
        **figures,
    )
    events = [
        (UnitReportEvent.Action.CREATED, (submitted_at or timezone.now()) - timedelta(days=2), manager, "")
    ]
    if submitted_at:
        events.append((UnitReportEvent.Action.SUBMITTED, submitted_at, manager, ""))
    if accepted_at:
        events.append((UnitReportEvent.Action.ACCEPTED, accepted_at, coordinator, ""))
    return report, events


def _save(pairs) -> list[UnitReport]:
    reports = UnitReport.objects.bulk_create([report for report, _events in pairs])
    rows = []
    for report, (_r, events) in zip(reports, pairs, strict=True):
        for action, at, actor, note in events:
            label = (actor.get_full_name() or actor.email) if actor else "Hệ thống"
            rows.append(
                UnitReportEvent(
                    report=report, action=action, at=at, actor=actor, actor_label=label, note=note
                )
            )
    UnitReportEvent.objects.bulk_create(rows)
    return reports


def _history(campaign, coordinator, rng, managers) -> int:
    obligations = {
        o.participant_id: o
        for o in Obligation.objects.filter(participant__campaign=campaign, kind=Obligation.Kind.REPORT)
    }
    pairs = []
    participants = list(campaign.participants.select_related("unit", "campaign").order_by("unit__path"))
    figures = figures_by_participant(viewer=coordinator, campaign=campaign, participants=participants)
    for participant in participants:
        obligation = obligations.get(participant.pk)
        if obligation is None or obligation.done_at is None:
            continue  # the units that never reported stay missing
        submitted = obligation.done_at
        accepted = submitted + timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 5))
        pairs.append(
            _report(
                participant,
                figures[participant.pk],
                rng,
                managers,
                status=UnitReport.Status.ACCEPTED,
                submitted_at=submitted,
                accepted_at=accepted,
                coordinator=coordinator,
            )
        )
    reports = _save(pairs)
    for report in reports:
        obligation = obligations[report.participant_id]
        obligation.how = Obligation.How.REPORT
        obligation.reference = f"Báo cáo số {report.number}"
        obligation.reference_url = report.get_absolute_url()
    Obligation.objects.bulk_update(list(obligations.values()), ["how", "reference", "reference_url"])
    ProvinceReport.objects.create(
        campaign=campaign,
        issued_on=date(2023, 12, 22),
        agency_parent="UBND tỉnh Quảng Ninh",
        agency_name="Công an tỉnh Quảng Ninh",
        updated_by=coordinator,
        **text.PROVINCE_2023,
    )
    return len(reports)


def _current(campaign, coordinator, rng, managers) -> dict:
    """Accepted, waiting, one returned (Hồng Gai), drafts; Xã Ba Chẽ and many others not started."""
    today = timezone.localdate()
    participants = list(campaign.participants.select_related("unit", "campaign").order_by("unit__path"))
    by_name = {p.unit.name: p for p in participants}
    plan = {}
    if "Phường Bãi Cháy" in by_name:
        plan[by_name["Phường Bãi Cháy"].pk] = "accepted"
    if "Sở Tài chính" in by_name:
        plan[by_name["Sở Tài chính"].pk] = "submitted"
    if "Phường Hồng Gai" in by_name:
        plan[by_name["Phường Hồng Gai"].pk] = "returned"
    others = [p for p in participants if p.pk not in plan and p.unit.name != "Xã Ba Chẽ"]
    rng.shuffle(others)
    for participant in others[:11]:
        plan[participant.pk] = "accepted"
    for participant in others[11:18]:
        plan[participant.pk] = "submitted"
    for participant in others[18:24]:
        plan[participant.pk] = "draft"
    pairs = []
    counts = {"accepted": 0, "submitted": 0, "returned": 0, "draft": 0}
    chosen = [p for p in participants if p.pk in plan]
    figures = figures_by_participant(viewer=coordinator, campaign=campaign, participants=chosen)
    for participant in participants:
        state = plan.get(participant.pk)
        if state is None:
            continue
        counts[state] += 1
        submitted = (
            None if state == "draft" else _at(today - timedelta(days=rng.randint(2, 12)), rng.randint(8, 16))
        )
        accepted = submitted + timedelta(days=rng.randint(1, 2)) if state == "accepted" else None
        report, events = _report(
            participant,
            figures[participant.pk],
            rng,
            managers,
            status=UnitReport.Status.SUBMITTED if state == "returned" else state,
            submitted_at=submitted,
            accepted_at=accepted,
            coordinator=coordinator,
        )
        if state == "returned":
            # the narrative claims more attendees than were checked in: what the coordinator's reason points at
            claimed = {**figures[participant.pk], "attendance": text.RETURN_CLAIMED_ATTENDANCE}
            report.results = _results(participant, claimed, rng)
            report.status = UnitReport.Status.RETURNED
            report.returned_at = submitted + timedelta(days=1, hours=2)
            report.return_reason = text.RETURN_REASON
            report.version = 3
            events.append(
                (UnitReportEvent.Action.RETURNED, report.returned_at, coordinator, text.RETURN_REASON)
            )
        pairs.append((report, events))
    reports = _save(pairs)
    accepted = [r for r in reports if r.status == UnitReport.Status.ACCEPTED]
    done = {
        o.participant_id: o
        for o in Obligation.objects.filter(
            participant_id__in=[r.participant_id for r in accepted], kind=Obligation.Kind.REPORT
        )
    }
    for report in accepted:
        obligation = done[report.participant_id]
        obligation.done_at, obligation.how = report.first_submitted_at, Obligation.How.REPORT
        obligation.reference = f"Báo cáo số {report.number}"
        obligation.reference_url = report.get_absolute_url()
        obligation.updated_by = coordinator
    Obligation.objects.bulk_update(
        list(done.values()), ["done_at", "how", "reference", "reference_url", "updated_by"]
    )
    counts["missing"] = len(participants) - len(reports)
    return counts


def load(ctx) -> None:
    from canhgiac.accounts.models import User

    coordinator = User.objects.filter(email="dieuphoi@congan.quangninh.gov.vn").first()
    history = Campaign.objects.filter(legal_number="1509/UBND-NC").first()
    if coordinator is None or history is None:
        return
    if UnitReport.objects.filter(campaign=history).exists():
        ctx.say("  Báo cáo: đã có")
        return
    rng = random.Random(SEED)
    managers = _managers()
    made = _history(history, coordinator, rng, managers)
    current = (
        Campaign.objects.filter(status=Campaign.Status.ACTIVE, requires_report=True)
        .order_by("-starts_on")
        .first()
    )
    counts = _current(current, coordinator, rng, managers) if current else {}
    ctx.say(
        f"  Báo cáo: {made} báo cáo đã duyệt của {history.legal_number} và báo cáo tổng hợp của tỉnh; "
        + (
            f"{current.legal_number}: {counts['accepted']} đã duyệt, {counts['submitted']} chờ duyệt, "
            f"{counts['returned']} bị trả lại, {counts['draft']} đang soạn, {counts['missing']} chưa lập"
            if current
            else "không có chiến dịch đang chạy"
        )
    )
