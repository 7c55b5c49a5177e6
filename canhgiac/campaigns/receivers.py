"""Signal receivers: Reach is a denormalised projection of training's passes, so a signal is the right tool
(DESIGN.md: signals only for caches and denormalised records). Runs inside training's grading transaction and
only records, idempotently."""

from __future__ import annotations


def on_course_passed(sender, *, person, course, attempt, passed_at, **kwargs):
    from canhgiac.training.models import Certificate

    from .services.reach import record_course_pass

    certificate = Certificate.objects.filter(person=person, course=course).first()
    record_course_pass(person=person, course=course, passed_at=passed_at, certificate=certificate)


# --- coverage counters (services/counters.py): denormalised counts kept right by the changes they count ------


def on_reach_saved(sender, instance, created, raw=False, **kwargs):
    from .services import counters

    if created and not raw:
        counters.reach_changed(instance, +1)


def on_reach_deleted(sender, instance, **kwargs):
    from .services import counters

    counters.reach_changed(instance, -1)


def on_placement_changed(sender, instance, raw=False, **kwargs):
    from .services import counters

    if not raw:
        counters.touch_units([instance.unit_id])


def on_exemption_changed(sender, instance, raw=False, **kwargs):
    from .services import counters

    if not raw:
        counters.touch_people([instance.person_id])


def on_person_saved(sender, instance, created, raw=False, **kwargs):
    """A person's staff group counts for campaigns aimed at some groups. A new person's first placement sends
    its own signal; a move or a status change is recorded by org (`record_moves` → roster_changed)."""
    from .services import counters

    if not created and not raw:
        counters.touch_units([instance.unit_id])


def on_roster_changed(sender, unit_ids, **kwargs):
    from .services import counters

    counters.touch_units(unit_ids)


def on_campaign_saved(sender, instance, raw=False, **kwargs):
    """A saved campaign may count differently (rule, audience groups, status): its counters wait for a rebuild
    (launch and `reach_rebuild` do it at once) and the exact recount answers meanwhile."""
    from .services import counters

    if not raw and instance.pk and instance.coverage_as_of is not None:
        counters.invalidate(instance.pk)
        instance.coverage_as_of = None


def on_audience_changed(sender, instance, action, **kwargs):
    from .services import counters

    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance.pk, int):
        counters.invalidate(instance.pk)
        instance.coverage_as_of = None
        instance.__dict__.pop("_audience_paths", None)
