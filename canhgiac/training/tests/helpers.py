"""Helpers of the training tests."""

from __future__ import annotations


def correct_options(attempt, question_id):
    from canhgiac.training.models import Option

    return list(Option.objects.filter(question_id=question_id, is_correct=True).values_list("id", flat=True))


def answer_all(client, attempt, *, right=True, only=None):
    """Answer the attempt's questions through the real endpoint; returns the responses."""
    from canhgiac.training.models import Option

    responses = []
    for qid in attempt.question_ids[:only]:
        options = Option.objects.filter(question_id=qid)
        chosen = [o.pk for o in options if o.is_correct == right]
        if not right:
            chosen = chosen[:1]
        responses.append(
            client.post(
                f"/hoc-tap/bai-lam/{attempt.pk}/tra-loi/",
                {"question": qid, "option": chosen},
                HTTP_HX_REQUEST="true",
            )
        )
    return responses
