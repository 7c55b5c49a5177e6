"""Needs assessment: the unit's survey and summary (screen and .docx), the province's summary for the police."""

from __future__ import annotations

import io

from docx import Document

from canhgiac.campaigns.models import NeedsAssessment, Obligation


def _docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _survey(methods, **extra):
    data = {
        "formats": ["conference", "online_course"],
        "topics": [methods[0].pk, methods[2].pk],
        "other_topics": "Lừa đảo qua ứng dụng giả mạo Cổng dịch vụ công",
        "sessions_wanted": "2",
        "preferred_period": "Chiều thứ Năm, tháng 11",
        "priority_groups": ["nguoi_lao_dong"],
        "speaker_needed": "on",
        "notes": "Đề nghị có tài liệu bỏ túi phát cho cán bộ.",
        "action": "submit",
    }
    data.update(extra)
    return data


def test_a_unit_manager_submits_the_survey_and_the_obligation_is_done(
    campaign, tree, ward_manager, client, methods
):
    client.force_login(ward_manager)
    url = f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/"
    page = client.get(url + "?sua=1")
    assert page.status_code == 200 and "Khảo sát nhu cầu của đơn vị" in page.content.decode()
    empty = client.post(url, _survey(methods, formats=[], topics=[], other_topics=""))
    text = empty.content.decode()
    assert "Chọn ít nhất một hình thức" in text and "Chọn ít nhất một chuyên đề" in text
    draft = client.post(url, _survey(methods, action="save"))
    assert draft.status_code == 302
    assert NeedsAssessment.objects.get().status == "draft"
    assert Obligation.objects.get(participant__unit=tree.hong_gai, kind="needs").done_at is None
    client.post(url, _survey(methods))
    assessment = NeedsAssessment.objects.get()
    assert assessment.is_submitted and assessment.topics.count() == 2
    obligation = Obligation.objects.get(participant__unit=tree.hong_gai, kind="needs")
    assert obligation.done_at == assessment.submitted_at and obligation.how == "auto"
    summary = client.get(url).content.decode()
    assert "Hội nghị tập trung có báo cáo viên Công an" in summary and "Chiều thứ Năm" in summary


def test_the_unit_summary_as_word(campaign, tree, ward_manager, client, methods):
    client.force_login(ward_manager)
    url = f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/"
    client.post(url, _survey(methods))
    response = client.get(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau.docx")
    assert response.status_code == 200 and "wordprocessingml" in response["Content-Type"]
    text = _docx_text(response.content)
    assert "BÁO CÁO ĐÁNH GIÁ NHU CẦU" in text and "PHƯỜNG HỒNG GAI" in text
    assert "Kêu gọi đầu tư chứng khoán" in text and "Số buổi đề nghị: 2." in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_the_province_summary_for_the_police(
    campaign, tree, ward_manager, other_ward_manager, coordinator, client, methods
):
    client.force_login(ward_manager)
    client.post(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/", _survey(methods))
    client.force_login(other_ward_manager)
    client.post(
        f"/chien-dich/{campaign.pk}/don-vi/{tree.bai_chay.pk}/nhu-cau/",
        _survey(methods, topics=[methods[0].pk], sessions_wanted="3", formats=["small_group"]),
    )
    assert client.get(f"/chien-dich/{campaign.pk}/nhu-cau/").status_code == 404  # managers see their own only
    client.force_login(coordinator)
    page = client.get(f"/chien-dich/{campaign.pk}/nhu-cau/")
    assert page.status_code == 200
    assert page.context["submitted"] == 2 and page.context["expected"] == 4 and page.context["sessions"] == 5
    top = page.context["topics"][0]
    assert top["method"] == methods[0] and top["votes"] == 2
    doc = client.get(f"/chien-dich/{campaign.pk}/nhu-cau.docx")
    text = _docx_text(doc.content)
    assert "TỔNG HỢP NHU CẦU TUYÊN TRUYỀN" in text and "2/4 đơn vị đã gửi" in text
    assert "Sở Tài chính; Xã Ba Chẽ." in text  # who has not sent yet


def test_the_pretest_results_by_method_come_from_training(campaign, tree, ward_manager, client, staff_member):
    from django.utils import timezone

    from canhgiac.training.content import load_content
    from canhgiac.training.models import Option, Quiz
    from canhgiac.training.services import answer_save, attempt_start, attempt_submit

    load_content()
    quiz = Quiz.objects.get(source_key="kiem-tra-dau-vao")
    quiz.question_count = 4
    quiz.save()
    attempt = attempt_start(quiz=quiz, person=staff_member)
    for index, qid in enumerate(attempt.question_ids):
        options = Option.objects.filter(question_id=qid)
        chosen = options.filter(is_correct=index % 2 == 0).values_list("id", flat=True)[:1]
        answer_save(
            attempt_id=attempt.pk,
            person_id=staff_member.pk,
            question_id=qid,
            option_ids=list(chosen),
            now=timezone.now(),
        )
    attempt_submit(attempt=attempt)
    client.force_login(ward_manager)
    page = client.get(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/")
    pretest = page.context["pretest"]
    assert pretest["summary"].pre_takers == 1 and pretest["methods"]
    assert 'data-testid="pretest-methods"' in page.content.decode()


def test_methods_rising_in_incidents_are_flagged(campaign, tree, ward_manager, coordinator, client, methods):
    from datetime import timedelta

    from django.utils import timezone

    from canhgiac.incidents.models import Case

    today = timezone.localdate()
    Case.objects.bulk_create(
        [
            Case(
                code=f"VV-2026-{i:05d}",
                year=2026,
                sequence=i,
                reported_on=today - timedelta(days=3 + i),
                occurred_on=today - timedelta(days=5 + i),
                unit=tree.hong_gai,
                method=methods[1],
                amount_lost=50_000_000,
            )
            for i in range(1, 9)
        ]
    )
    client.force_login(ward_manager)
    client.post(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/", _survey(methods))
    page = client.get(f"/chien-dich/{campaign.pk}/don-vi/{tree.hong_gai.pk}/nhu-cau/")
    assert methods[1].slug in page.context["rising_slugs"]
    assert "8 vụ trong 3 tháng gần đây" in page.content.decode()
    client.force_login(coordinator)
    summary = client.get(f"/chien-dich/{campaign.pk}/nhu-cau/")
    assert [m["slug"] for m in summary.context["rising"]] == [methods[1].slug]
    text = _docx_text(client.get(f"/chien-dich/{campaign.pk}/nhu-cau.docx").content)
    assert "PHƯƠNG THỨC ĐANG GIA TĂNG TRONG CÁC VỤ VIỆC" in text and methods[1].name in text
