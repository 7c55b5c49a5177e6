"""A staff member on a phone: personal link → half the quiz → reload (answers kept) → submit → certificate →
the public verify page says it is valid. Screenshots land in var/screenshots/ to be looked at."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"training-{name}.png"), full_page=True)


def test_a_staff_member_takes_the_quiz_on_a_phone(
    browser, live_server, phone_context_args, staff_member, coordinator
):
    from canhgiac.training.content import load_content
    from canhgiac.training.models import Answer, Attempt, Certificate, Option, Question, Quiz
    from canhgiac.training.services import staff_access_issue

    load_content()
    # Keep a small, varied bank so that the quiz shows every kind of question, scenarios included.
    keep = ["q14-4", "q10-3", "q11-3", "q12-3", "q03-1", "q20-4"]
    Question.objects.exclude(source_key__in=keep).update(is_active=False)
    quiz = Quiz.objects.get(source_key="kiem-tra-cuoi-khoa")
    quiz.question_count = 6
    quiz.save()
    issued = staff_access_issue(people=[staff_member], actor=coordinator, unit=staff_member.unit)[0]

    context = browser.new_context(**phone_context_args)
    page = context.new_page()
    page.goto(f"{live_server.url}/hoc-tap/vao/{issued.token}/")
    page.wait_for_selector("[data-testid=staff-name]")
    assert "/vao/" not in page.url  # the secret leaves the address bar
    _shot(page, "phone-home")
    page.click(f"[data-testid=quiz-{quiz.slug}] [data-testid=start]")
    page.wait_for_selector("[data-testid=question]")
    attempt = Attempt.objects.get(person=staff_member, quiz=quiz)

    def choose_right(qid):
        for oid in Option.objects.filter(question_id=qid, is_correct=True).values_list("id", flat=True):
            page.locator(f"input[name=option][value='{oid}']").check()
            card = page.locator(".question-card", has=page.locator(f"input[name=question][value='{qid}']"))
            card.locator(".answer-status-ok").wait_for()

    half = attempt.question_ids[:3]
    for qid in half:
        choose_right(qid)
    assert Answer.objects.filter(attempt=attempt).count() == 3
    scenario = page.locator(".phone").first
    scenario.scroll_into_view_if_needed()
    _shot(page, "phone-quiz")

    page.reload()
    page.wait_for_selector("[data-testid=question]")
    for qid in half:
        for oid in Option.objects.filter(question_id=qid, is_correct=True).values_list("id", flat=True):
            assert page.locator(f"input[name=option][value='{oid}']").is_checked()
    assert page.inner_text("[data-answered-count]") == "3"
    for qid in attempt.question_ids[3:]:
        choose_right(qid)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-testid=submit]")
    page.wait_for_selector("[data-testid=score]")
    assert page.inner_text("[data-testid=score]") == "100%"
    _shot(page, "phone-result")

    with page.expect_download() as download_info:
        page.click("[data-testid=certificate-download]")
    download = download_info.value
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    certificate = Certificate.objects.get(person=staff_member)
    assert certificate.code in download.suggested_filename

    page.goto(f"{live_server.url}/hoc-tap/xac-minh/")
    page.fill("input[name=code]", certificate.code.lower())
    page.click("button[type=submit]")
    page.wait_for_selector("[data-testid=verify-status]")
    assert "hợp lệ" in page.inner_text("[data-testid=verify-status]")
    assert staff_member.full_name in page.inner_text("[data-testid=verify-result]")
    _shot(page, "phone-verify")
    context.close()


def test_a_manager_prints_the_codes_sheet(
    page, live_server, login_in_browser, ward_manager, staff_member, tree
):
    from canhgiac.org.models import Person

    Person.objects.create(unit=tree.hong_gai, full_name="Đặng Văn Long", position="Chuyên viên")
    login_in_browser(page, ward_manager)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/hoc-tap/quan-ly/ma-ca-nhan/{tree.hong_gai.pk}/")
    page.check("input[name=confirm]")
    page.click("[data-testid=issue]")
    page.wait_for_selector("[data-testid=access-sheet]")
    assert page.locator("[data-testid=access-slip]").count() == 2
    code = page.locator("[data-testid=access-code]").first.inner_text()
    _shot(page, "desktop-sheet")
    # the printed code works on a fresh device
    other = page.context.browser.new_context()
    staff = other.new_page()
    staff.goto(f"{live_server.url}/hoc-tap/nhap-ma/")
    staff.fill("input[name=code]", code)
    staff.click("[data-testid=code-submit]")
    staff.wait_for_selector("[data-testid=staff-name]")
    other.close()
