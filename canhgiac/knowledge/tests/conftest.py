"""Fixtures of the knowledge base's tests: the seeded catalogue, media in a temporary folder, sample files."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeded(db):
    from canhgiac.knowledge.seed import seed_knowledge

    return seed_knowledge()


@pytest.fixture
def method(seeded):
    from canhgiac.knowledge.models import ScamMethod

    return ScamMethod.objects.get(slug="dau-tu-tai-chinh-tien-ao")


def pdf_bytes(text: str = "Tai lieu") -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"% " + text.encode() + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def docx_bytes(*, macro: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        if macro:
            z.writestr("word/vbaProject.bin", b"\x00" * 16)
    return out.getvalue()


@pytest.fixture
def upload():
    """upload(name, data) -> an uploaded file as the browser would send it."""

    def make(name: str, data: bytes, content_type: str = "application/octet-stream"):
        return SimpleUploadedFile(name, data, content_type=content_type)

    return make
