"""Scope audit: the typology is province content edited by coordinators only; every management address of a method
answers 404 to unit managers of any subtree, on GET and on POST, and a refused POST changes nothing
(test_manage proves the list, the edit page, the history and unpublishing)."""

from __future__ import annotations

import pytest

from canhgiac.knowledge.models import ScamMethod

from .test_manage import SLUG

pytestmark = pytest.mark.django_db


def test_unit_managers_get_404_on_every_method_management_address(
    client, seeded, ward_manager, other_ward_manager
):
    method = ScamMethod.objects.get(slug=SLUG)
    before = (method.is_published, method.name, method.summary, method.updated_at)
    base = f"/kien-thuc/quan-ly/{SLUG}/"
    for user in (ward_manager, other_ward_manager):
        client.force_login(user)
        assert client.get(f"{base}lich-su/1/").status_code == 404
        for url, data in [
            (base, {"name": "Đã bị sửa"}),
            (f"{base}cong-bo/", {}),
            (f"{base}ngung-cong-bo/", {}),
            (f"{base}thu-mau/", {"message": "Chuyển nhầm tiền vào tài khoản của bạn"}),
            (f"{base}lich-su/1/khoi-phuc/", {}),
            ("/kien-thuc/quan-ly/them/", {"name": "Phương thức giả", "slug": "phuong-thuc-gia"}),
        ]:
            assert client.post(url, data).status_code == 404, (user.email, url)
    method.refresh_from_db()
    assert (method.is_published, method.name, method.summary, method.updated_at) == before
    assert not ScamMethod.objects.filter(slug="phuong-thuc-gia").exists()
