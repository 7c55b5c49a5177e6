"""Public pages: no login, search without diacritics, method page, leaflet and poster PDFs, home and navigation."""

import re
import shutil
import subprocess

import pytest

from canhgiac.knowledge.models import ScamMethod
from canhgiac.knowledge.selectors import search_methods
from canhgiac.knowledge.services import method_unpublish

pytestmark = pytest.mark.django_db


def _slugs(html: str) -> list[str]:
    return re.findall(r'data-slug="([^"]+)"', html)


def test_index_shows_the_catalogue_grouped_to_anonymous_visitors(client, seeded):
    response = client.get("/kien-thuc/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giả mạo thương hiệu, cơ quan, tổ chức" in html and "Chiếm đoạt tài khoản" in html
    assert len(_slugs(html)) == ScamMethod.objects.published().count()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lua dao dau tu", "dau-tu-tai-chinh-tien-ao"),
        ("lừa đảo đầu tư", "dau-tu-tai-chinh-tien-ao"),
        ("LUA DAO DAU TU", "dau-tu-tai-chinh-tien-ao"),
        ("khoa sim", "khoa-sim-chuan-hoa-thong-tin"),
        ("viec nhe luong cao", "cong-tac-vien-lam-nhiem-vu"),
        ("hoc bong", "gia-danh-truong-dai-hoc-hoc-bong"),
        ("deepfake", "deepfake-goi-video"),
    ],
)
def test_search_is_diacritic_insensitive(client, seeded, query, expected):
    html = client.get("/kien-thuc/", {"q": query}).content.decode()
    assert _slugs(html)[0] == expected


def test_search_finds_nothing_politely(client, seeded):
    html = client.get("/kien-thuc/", {"q": "xyzzy qwerty"}).content.decode()
    assert "Không tìm thấy phương thức nào" in html
    assert search_methods("") == []


def test_search_also_lists_matching_public_materials(client, seeded, coordinator, upload):
    from canhgiac.knowledge.services import material_create

    from .conftest import pdf_bytes

    material_create(
        title="Tờ rơi lừa đảo đầu tư tiền ảo",
        kind="document",
        visibility="public",
        upload=upload("to-roi.pdf", pdf_bytes()),
        actor=coordinator,
    )
    html = client.get("/kien-thuc/", {"q": "lua dao dau tu"}).content.decode()
    assert "Tờ rơi lừa đảo đầu tư tiền ảo" in html


def test_method_page(client, seeded):
    response = client.get("/kien-thuc/gia-danh-cong-an-vien-kiem-sat-toa-an/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dấu hiệu nhận biết" in html and "Không bao giờ" in html and "Nên làm" in html
    assert "Công văn 1509/UBND-NC nêu đích danh" in html
    assert "Điều 174 Bộ luật Hình sự" in html
    assert "/kien-thuc/gia-danh-cong-an-vien-kiem-sat-toa-an/to-roi.pdf" in html
    assert "<script>" not in html


def test_unpublished_method_is_hidden_from_the_public_but_previewed_by_the_coordinator(
    client, seeded, coordinator, ward_manager
):
    method = ScamMethod.objects.get(slug="ban-so-lo-de")
    method_unpublish(method=method, actor=coordinator)
    assert client.get("/kien-thuc/ban-so-lo-de/").status_code == 404
    assert client.get("/kien-thuc/ban-so-lo-de/to-roi.pdf").status_code == 404
    assert "ban-so-lo-de" not in _slugs(client.get("/kien-thuc/").content.decode())
    client.force_login(ward_manager)
    assert client.get("/kien-thuc/ban-so-lo-de/").status_code == 404
    client.force_login(coordinator)
    response = client.get("/kien-thuc/ban-so-lo-de/")
    assert response.status_code == 200 and "chưa công bố" in response.content.decode()


def _poppler(tool: str, *args: str) -> str:
    executable = shutil.which(tool)
    assert executable, "poppler-utils (pdftotext, pdfinfo) is installed by `make test`"
    return subprocess.run([executable, *args], capture_output=True, check=True, text=True).stdout


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return _poppler("pdftotext", "-layout", str(path), "-")


def test_leaflet_is_an_a4_pdf_with_the_title(client, seeded, tmp_path):
    response = client.get("/kien-thuc/dau-tu-tai-chinh-tien-ao/to-roi.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content, tmp_path)
    assert "Kêu gọi đầu tư chứng khoán, tiền ảo, đa cấp" in text
    assert "Dấu hiệu nhận biết" in text and "113" in text
    info = _poppler("pdfinfo", str(tmp_path / "doc.pdf"))
    assert "(A4)" in info and re.search(r"Pages:\s+1\b", info)  # one printable A4 page


def test_poster_has_a_qr_code_to_the_public_site(client, seeded, tmp_path, settings):
    settings.SITE_URL = "https://canhgiac.quangninh.example"
    response = client.get("/kien-thuc/gia-danh-cong-an-vien-kiem-sat-toa-an/ap-phich.pdf?kho=a3")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content, tmp_path)
    assert "Giả danh Công an" in text
    assert (
        "https://canhgiac.quangninh.example/kien-thuc/gia-danh-cong-an-vien-kiem-sat-toa-an/"
        in text.replace("\n", "")
    )
    info = _poppler("pdfinfo", str(tmp_path / "doc.pdf"))
    assert "(A3)" in info


def test_pdfs_are_cached_per_revision(seeded, coordinator, django_assert_num_queries):
    from canhgiac.knowledge.pdf import leaflet_pdf

    method = ScamMethod.objects.get(slug="chuyen-nham-tien")
    first = leaflet_pdf(method)
    with django_assert_num_queries(0):
        assert leaflet_pdf(method) == first


def test_home_and_navigation_show_the_knowledge_base_to_anonymous_visitors(client, seeded):
    html = client.get("/").content.decode()
    assert 'data-testid="home-knowledge"' in html
    assert 'data-nav="knowledge"' in html and 'data-nav="materials"' in html
    assert 'data-nav="knowledge-manage"' not in html
    assert "/kien-thuc/gia-danh-cong-an-vien-kiem-sat-toa-an/" in html


def test_coordinator_sees_the_management_entry(client, seeded, coordinator):
    client.force_login(coordinator)
    assert 'data-nav="knowledge-manage"' in client.get("/").content.decode()


def test_index_query_count_does_not_grow_with_methods(client, seeded, django_assert_max_num_queries):
    client.get("/kien-thuc/")  # warm the search index and session
    with django_assert_max_num_queries(4):
        client.get("/kien-thuc/")
    with django_assert_max_num_queries(5):
        client.get("/kien-thuc/", {"q": "gia danh"})
