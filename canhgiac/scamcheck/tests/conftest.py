"""Fixtures of the scam checker: published methods with red flags, a small allowlist, images, reports."""

from __future__ import annotations

import io

import pytest


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The allowlist is cached per process: every test starts from the database (the red flags follow the
    knowledge app's catalogue version, kept in the cache that the root conftest clears)."""
    from canhgiac.scamcheck import selectors

    selectors._allow.stale = True
    yield
    selectors._allow.stale = True


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Evidence images go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fast_forms(settings):
    """Public forms refuse submissions faster than a person could type; tests fill them instantly."""
    settings.SCAMCHECK_MIN_FILL_SECONDS = 0


@pytest.fixture
def methods(db):
    """Two published methods with red flags written the way the knowledge base writes them."""
    from canhgiac.knowledge.models import RedFlag, ScamMethod

    police = ScamMethod.objects.create(
        slug="gia-danh-cong-an-vien-kiem-sat-toa-an",
        number=14,
        group=ScamMethod.Group.IMPERSONATION,
        name="Giả danh Công an, Viện kiểm sát, Tòa án",
        is_published=True,
    )
    fake_site = ScamMethod.objects.create(
        slug="trang-web-gia-mao",
        number=9,
        group=ScamMethod.Group.IMPERSONATION,
        name="Trang web giả mạo cơ quan nhà nước, doanh nghiệp",
        is_published=True,
    )
    hidden = ScamMethod.objects.create(
        slug="ban-so-lo-de",
        number=24,
        group=ScamMethod.Group.COMBINED,
        name="Bán số lô đề",
        is_published=False,
    )
    RedFlag.objects.create(
        method=police,
        code="cong-an-yeu-cau-chuyen-tien",
        text="Tự xưng Công an và yêu cầu chuyển tiền",
        patterns=[r"chuyen (toan bo )?tien .{0,40}tai khoan (tam giu|an toan)", r"\btai khoan tam giu\b"],
        weight=1.0,
    )
    RedFlag.objects.create(
        method=police,
        code="giu-bi-mat",
        text="Yêu cầu giữ bí mật, không kể với ai",
        patterns=[r"khong (duoc )?(noi|ke) voi ai", r"giu bi mat"],
        weight=0.6,
    )
    RedFlag.objects.create(
        method=fake_site,
        code="tai-khoan-bi-khoa",
        text="Báo tài khoản bị khóa, đòi xác thực qua đường link",
        patterns=[r"tai khoan .{0,30}(tam )?khoa", r"xac (thuc|minh) ngay"],
        weight=0.8,
    )
    RedFlag.objects.create(
        method=fake_site,
        code="mau-hong",
        text="Mẫu viết sai",
        patterns=["(chua dong ngoac", "   "],
        weight=1.0,
    )
    RedFlag.objects.create(
        method=hidden, code="so-chac-an", text="Bán số chắc trúng", patterns=[r"chac an"], weight=1.0
    )
    return {"police": police, "fake_site": fake_site, "hidden": hidden}


@pytest.fixture
def allowlist(db):
    from canhgiac.scamcheck.services import allowlist_seed

    allowlist_seed(actor=None)


def image_bytes(fmt: str = "JPEG", *, size=(64, 48), exif: bool = False) -> bytes:
    from PIL import Image

    picture = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Hãng điện thoại"  # Make
        data[0x0110] = "Model bí mật"  # Model
        data[0x8825] = {1: "N", 2: (21.0, 0.0, 0.0)}  # GPSInfo
        options["exif"] = data.tobytes()
    picture.save(buffer, format=fmt, **options)
    return buffer.getvalue()


@pytest.fixture
def upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name="anh.jpg", fmt="JPEG", content=None, **kwargs):
        data = content if content is not None else image_bytes(fmt, **kwargs)
        return SimpleUploadedFile(name, data, content_type="image/jpeg")

    return make


@pytest.fixture
def make_report(db):
    """make_report(*raws, **fields) -> Report submitted through the service."""
    from canhgiac.scamcheck.identifiers import classify
    from canhgiac.scamcheck.services import report_submit

    def make(*raws, **fields):
        fields.setdefault("channel", "sms")
        fields.setdefault("description", "Kẻ gian gọi điện yêu cầu chuyển tiền.")
        return report_submit(identifiers=[classify(raw)[0] for raw in raws], **fields)

    return make


@pytest.fixture
def ward_coordinator(tree, make_official):
    """A police coordinator whose scope is one ward only."""
    return make_official("congan.honggai@test.vn", "coordinator", tree.hong_gai, "Công an phường Hồng Gai")


@pytest.fixture
def reports(make_report, tree):
    return {
        "hong_gai": make_report("0868 531 274", unit=tree.hong_gai, images=[]),
        "bai_chay": make_report("0977 364 210", unit=tree.bai_chay),
        "nowhere": make_report("vietcombank-hotro.com"),
    }
