"""What a staff member does once identified by a personal link or code: learn, take quizzes, get certificates."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..access import current_person, staff_required
from ..models import Attempt, Certificate, Quiz


def _verify_url(request, certificate: Certificate) -> str:
    return request.build_absolute_uri(certificate.get_verify_url())


@never_cache
@staff_required
def staff_home(request):
    person = request.staff_person
    # Overdue attempts of this person are submitted the moment they come back.
    attempts = selectors.person_attempts(person)
    overdue = [a for a in attempts if a.is_overdue()]
    for attempt in overdue:
        services.attempt_submit(attempt=attempt, auto=True)
    cards = selectors.staff_overview(person=person, attempts=None if overdue else attempts)
    return render(
        request, "training/staff_home.html", {"person": person, "cards": cards, "unit": person.unit}
    )


@require_POST
@staff_required
def quiz_start(request, slug):
    quiz = get_object_or_404(Quiz.objects.select_related("course"), slug=slug, is_published=True)
    try:
        attempt = services.attempt_start(quiz=quiz, person=request.staff_person)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("training:staff_home")
    return redirect("training:attempt_take", pk=attempt.pk)


@never_cache
@staff_required
def attempt_take(request, pk):
    attempt = selectors.attempt_for_person(person=request.staff_person, pk=pk)
    if attempt.is_overdue():
        attempt = services.attempt_submit(attempt=attempt, auto=True)
        messages.warning(request, "Đã hết giờ làm bài; hệ thống đã tự nộp bài với các câu bạn đã trả lời.")
    if attempt.submitted_at is not None:
        return redirect("training:attempt_result", pk=attempt.pk)
    shown = selectors.attempt_questions(attempt)
    return render(
        request,
        "training/attempt_take.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "shown": shown,
            "answered": sum(1 for s in shown if s.selected),
            "seconds_left": attempt.seconds_left(),
            "answer_url": reverse("training:attempt_answer", args=[attempt.pk]),
        },
    )


def _answer_fragment(text: str, *, status: int, kind: str, redirect_to: str | None = None) -> HttpResponse:
    from django.utils.html import escape

    icon = {"ok": "check-circle-fill", "error": "exclamation-triangle-fill"}[kind]
    body = f'<span class="answer-status answer-status-{kind}"><i class="bi bi-{icon}" aria-hidden="true"></i> {escape(text)}</span>'
    response = HttpResponse(body, status=status)
    if redirect_to:
        response["HX-Redirect"] = redirect_to
    return response


@require_POST
@staff_required
def attempt_answer(request, pk):
    """Save one answer (htmx): 200 with a tiny "saved" fragment, or 400/409 with what went wrong."""
    try:
        question_id = int(request.POST.get("question", ""))
        option_ids = [int(v) for v in request.POST.getlist("option")][:10]
    except ValueError:
        return _answer_fragment(
            "Dữ liệu gửi lên không hợp lệ. Hãy tải lại trang rồi chọn lại.", status=400, kind="error"
        )
    now = timezone.now()
    try:
        services.answer_save(
            attempt_id=pk,
            person_id=request.staff_person.pk,
            question_id=question_id,
            option_ids=option_ids,
            now=now,
        )
    except Attempt.DoesNotExist:
        raise Http404 from None
    except services.AnswerRejected as exc:
        code = exc.code
        status = 400 if code == "tampered" else 409
        target = reverse("training:attempt_result", args=[pk]) if code in {"closed", "time_up"} else None
        return _answer_fragment(exc.messages[0], status=status, kind="error", redirect_to=target)
    label = "Đã lưu" if option_ids else "Đã bỏ chọn"
    return _answer_fragment(f"{label} lúc {timezone.localtime(now):%H:%M:%S}", status=200, kind="ok")


@require_POST
@staff_required
def attempt_submit(request, pk):
    attempt = selectors.attempt_for_person(person=request.staff_person, pk=pk)
    already = attempt.submitted_at is not None
    with transaction.atomic():
        attempt = services.attempt_submit(attempt=attempt, auto=attempt.is_overdue())
    if already:
        messages.info(request, "Bài làm này đã được nộp trước đó; kết quả được tính một lần.")
    return redirect("training:attempt_result", pk=attempt.pk)


@never_cache
@staff_required
def attempt_result(request, pk):
    attempt = selectors.attempt_for_person(person=request.staff_person, pk=pk)
    if attempt.submitted_at is None:
        if not attempt.is_overdue():
            return redirect("training:attempt_take", pk=attempt.pk)
        attempt = services.attempt_submit(attempt=attempt, auto=True)
    return render(request, "training/attempt_result.html", _result_context(attempt, viewer_is_owner=True))


def _result_context(attempt: Attempt, *, viewer_is_owner: bool) -> dict:
    certificate = Certificate.objects.filter(attempt=attempt).first()
    if certificate is None and attempt.passed and attempt.quiz.grants_certificate:
        certificate = Certificate.objects.filter(
            person_id=attempt.person_id, course_id=attempt.quiz.course_id
        ).first()
    return {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "shown": selectors.attempt_questions(attempt),
        "method_scores": selectors.attempt_method_scores(attempt),
        "certificate": certificate,
        "owner": viewer_is_owner,
    }


def certificate_download(request, code):
    """The certificate PDF, for its holder (staff session) or an official whose scope covers the holder."""
    certificate = get_object_or_404(Certificate.objects.select_related("person"), code=code)
    person = current_person(request)
    allowed = person is not None and person.pk == certificate.person_id
    if not allowed and request.user.is_authenticated:
        allowed = Certificate.objects.visible_to(request.user).filter(pk=certificate.pk).exists()
    if not allowed:
        raise Http404
    pdf = services.certificate_pdf(certificate, verify_url=_verify_url(request, certificate))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="giay-chung-nhan-{certificate.code}.pdf"'
    return response
