"""Signal receivers: Reach is a denormalised projection of training's passes, so a signal is the right tool
(DESIGN.md: signals only for caches and denormalised records). Runs inside training's grading transaction and
only records, idempotently."""

from __future__ import annotations


def on_course_passed(sender, *, person, course, attempt, passed_at, **kwargs):
    from canhgiac.training.models import Certificate

    from .services.reach import record_course_pass

    certificate = Certificate.objects.filter(person=person, course=course).first()
    record_course_pass(person=person, course=course, passed_at=passed_at, certificate=certificate)
