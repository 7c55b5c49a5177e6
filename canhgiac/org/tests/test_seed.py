import pytest

from canhgiac.org.models import Unit
from canhgiac.org.seed import seed_province

pytestmark = pytest.mark.django_db


def test_seed_creates_the_real_quang_ninh_tree_once():
    first = seed_province(22)
    assert first["created"] == first["total"]
    communes = Unit.objects.filter(kind__in=[Unit.Kind.WARD, Unit.Kind.COMMUNE, Unit.Kind.SPECIAL_ZONE])
    assert communes.count() == 54
    assert Unit.objects.filter(kind=Unit.Kind.SPECIAL_ZONE).count() == 2  # Vân Đồn and Cô Tô
    ha_long = Unit.objects.get(name="Phường Hạ Long")
    assert len(ha_long.official_code) == 5 and ha_long.code == ha_long.official_code
    assert Unit.objects.get_parent(ha_long).code == "QN-XP"
    assert Unit.objects.get_parent(Unit.objects.get(code="QN-CAT-PA05")).code == "QN-CAT"
    second = seed_province(22)
    assert second["created"] == 0 and second["total"] == first["total"]
    assert Unit.objects.values("code").distinct().count() == first["total"]


def test_every_block_sits_under_the_province_root():
    seed_province(22)
    root = Unit.objects.get_root_nodes().get()
    assert root.kind == Unit.Kind.PROVINCE
    assert set(Unit.objects.get_children(root).values_list("kind", flat=True)) == {Unit.Kind.BLOCK}
    assert Unit.objects.get_children(root).count() == 4
