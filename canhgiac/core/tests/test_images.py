import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from canhgiac.core.images import clean_image


def _jpeg_with_gps() -> bytes:
    picture = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x0110] = "Điện thoại của nạn nhân"  # camera model
    exif[0x8825] = {1: "N", 2: (21.0, 0.0, 0.0)}  # GPS position
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_metadata_is_gone_and_the_picture_stays():
    raw = _jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif()
    content, facts = clean_image(SimpleUploadedFile("anh.jpg", raw, content_type="image/jpeg"))
    cleaned = Image.open(io.BytesIO(content.read()))
    assert not cleaned.getexif() and cleaned.size == (40, 30)
    assert facts["content_type"] == "image/jpeg" and len(facts["sha256"]) == 64


def test_a_script_named_png_is_refused_in_vietnamese():
    with pytest.raises(ValidationError) as excinfo:
        clean_image(SimpleUploadedFile("anh.png", b"<?php system($_GET['c']); ?>", content_type="image/png"))
    assert "không phải ảnh hợp lệ" in excinfo.value.messages[0]


def test_the_size_limit_is_the_callers():
    raw = _jpeg_with_gps()
    with pytest.raises(ValidationError) as excinfo:
        clean_image(SimpleUploadedFile("anh.jpg", raw), max_bytes=100)
    assert "lớn hơn" in excinfo.value.messages[0]
