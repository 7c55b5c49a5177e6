"""Scope audit: the training actions on a Hồng Gai person, attempt or certificate that were not yet proved 404 for
another subtree (test_manage proves the pages): issuing personal codes, revoking them, revoking a certificate.
The certificate is revoked by coordinators only, so a coordinator posted at Bãi Cháy is the outsider there."""

from __future__ import annotations

import pytest
from django.test import Client

from canhgiac.training import services
from canhgiac.training.models import StaffAccess

from .helpers import answer_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def hong_gai_certificate(staff_client, staff_member, post_quiz):
    attempt = services.attempt_start(quiz=post_quiz, person=staff_member)
    answer_all(staff_client, attempt)
    attempt = services.attempt_submit(attempt=attempt)
    return attempt.certificate


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_issuing_and_revoking_codes_of_hong_gai_is_404_for_bai_chay(
    tree, staff_member, staff_client, other_ward_manager, make_official
):
    accesses = list(StaffAccess.objects.filter(person=staff_member).values_list("pk", "revoked_at"))
    assert accesses and all(revoked is None for _pk, revoked in accesses)
    for outsider in (other_ward_manager, make_official("dp.baichay@test.vn", "coordinator", tree.bai_chay)):
        other = _client(outsider)
        issue = other.post(f"/hoc-tap/quan-ly/ma-ca-nhan/{tree.hong_gai.pk}/", {"days": 30})
        assert issue.status_code == 404
        assert other.post(f"/hoc-tap/quan-ly/ma-ca-nhan/thu-hoi/{staff_member.pk}/").status_code == 404
        assert (
            list(StaffAccess.objects.filter(person=staff_member).values_list("pk", "revoked_at")) == accesses
        )


def test_revoking_a_hong_gai_certificate_is_404_outside_its_subtree(
    tree, hong_gai_certificate, other_ward_manager, make_official
):
    assert hong_gai_certificate is not None and hong_gai_certificate.is_valid
    url = f"/hoc-tap/quan-ly/chung-nhan/{hong_gai_certificate.pk}/thu-hoi/"
    for outsider in (other_ward_manager, make_official("dp.baichay@test.vn", "coordinator", tree.bai_chay)):
        other = _client(outsider)
        assert other.post(url, {"reason": "Thu hồi bởi người ngoài phạm vi"}).status_code == 404
        assert other.get(f"/hoc-tap/quan-ly/bai-lam/{hong_gai_certificate.attempt_id}/").status_code == 404
        hong_gai_certificate.refresh_from_db()
        assert hong_gai_certificate.revoked_at is None
