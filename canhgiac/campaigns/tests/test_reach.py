"""Reach is recorded when it happens: a course pass (training's signal) or a check-in, per the campaign's rule;
idempotent, the earliest event kept; a rebuild re-projects after a rule change."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from canhgiac.campaigns import services
from canhgiac.campaigns.models import Reach
from canhgiac.training.models import Course
from canhgiac.training.signals import course_passed


def _course():
    return Course.objects.create(
        slug="nhan-dien-lua-dao", title="Nhận diện lừa đảo trực tuyến", is_published=True
    )


def test_a_course_pass_reaches_the_person_once(campaign, staff_member):
    course = _course()
    passed_at = timezone.now()
    course_passed.send(sender=Course, person=staff_member, course=course, attempt=None, passed_at=passed_at)
    course_passed.send(sender=Course, person=staff_member, course=course, attempt=None, passed_at=passed_at)
    reach = Reach.objects.get(person=staff_member, campaign=campaign)
    assert reach.via == Reach.Via.COURSE and reach.unit.name == "Phường Hồng Gai"
    assert Reach.objects.count() == 1


def test_an_attendance_only_campaign_ignores_course_passes(campaign, staff_member):
    campaign.reach_rule = "attendance"
    campaign.save()
    course_passed.send(
        sender=Course, person=staff_member, course=_course(), attempt=None, passed_at=timezone.now()
    )
    assert not Reach.objects.exists()


def test_a_campaign_naming_a_course_ignores_other_courses(campaign, staff_member):
    named, other = _course(), Course.objects.create(slug="khac", title="Khóa khác", is_published=True)
    campaign.course = named
    campaign.save()
    course_passed.send(
        sender=Course, person=staff_member, course=other, attempt=None, passed_at=timezone.now()
    )
    assert not Reach.objects.exists()
    course_passed.send(
        sender=Course, person=staff_member, course=named, attempt=None, passed_at=timezone.now()
    )
    assert Reach.objects.filter(campaign=campaign).count() == 1


def test_the_earliest_event_wins(campaign, staff_member):
    later = timezone.now()
    services.reach_record(person=staff_member, campaign=campaign, via=Reach.Via.CONFERENCE, at=later)
    earlier = later - timedelta(days=3)
    services.reach_record(person=staff_member, campaign=campaign, via=Reach.Via.COURSE, at=earlier)
    reach = Reach.objects.get()
    assert reach.reached_at == earlier and reach.via == Reach.Via.COURSE
    services.reach_record(person=staff_member, campaign=campaign, via=Reach.Via.CONFERENCE, at=later)
    assert Reach.objects.get().reached_at == earlier


def test_rebuild_projects_certificates_and_attendance_by_rule(campaign, conference, people, coordinator):
    from canhgiac.campaigns.models import Attendance
    from canhgiac.training.models import Attempt, Certificate, Quiz

    course = _course()
    quiz = Quiz.objects.create(course=course, kind="post", slug="cuoi-khoa", title="Cuối khóa")
    passer, attendee = people["bai_chay"][0], people["hong_gai"][1]
    attempt = Attempt.objects.create(
        quiz=quiz, person=passer, unit=passer.unit, deadline=timezone.now(), submitted_at=timezone.now()
    )
    Certificate.objects.create(
        code="CN-TEST-0001",
        person=passer,
        course=course,
        attempt=attempt,
        person_name=passer.full_name,
        unit_name=passer.unit.name,
        course_title=course.title,
        score=90,
        issued_at=timezone.now() - timedelta(days=2),
    )
    Attendance.objects.create(
        conference=conference, person=attendee, full_name=attendee.full_name, via="manual"
    )
    result = services.reach_rebuild(campaign=campaign, actor=coordinator)
    assert result == {"created": 2, "updated": 0, "removed": 0}
    assert set(Reach.objects.values_list("person_id", "via")) == {
        (passer.pk, "course"),
        (attendee.pk, "conference"),
    }
    # the rule becomes "attendance only": the course pass no longer counts
    services.campaign_update(campaign=campaign, actor=coordinator, reach_rule="attendance")
    assert set(Reach.objects.values_list("person_id", flat=True)) == {attendee.pk}
    # a certificate issued before the campaign started never counts
    Certificate.objects.update(issued_at=timezone.now() - timedelta(days=90))
    services.campaign_update(campaign=campaign, actor=coordinator, reach_rule="either")
    assert set(Reach.objects.values_list("person_id", flat=True)) == {attendee.pk}


def test_a_real_quiz_pass_records_reach(campaign, staff_member, coordinator):
    """The whole path: training grades a passing post-test inside its transaction and campaigns records Reach."""
    from canhgiac.training.content import load_content
    from canhgiac.training.models import Option, Quiz
    from canhgiac.training.services import answer_save, attempt_start, attempt_submit

    load_content()
    quiz = Quiz.objects.get(source_key="kiem-tra-cuoi-khoa")
    quiz.question_count = 3
    quiz.save()
    attempt = attempt_start(quiz=quiz, person=staff_member)
    for qid in attempt.question_ids:
        correct = list(Option.objects.filter(question_id=qid, is_correct=True).values_list("id", flat=True))
        answer_save(
            attempt_id=attempt.pk,
            person_id=staff_member.pk,
            question_id=qid,
            option_ids=correct,
            now=timezone.now(),
        )
    attempt_submit(attempt=attempt)
    reach = Reach.objects.get(person=staff_member, campaign=campaign)
    assert reach.via == Reach.Via.COURSE and reach.certificate is not None
