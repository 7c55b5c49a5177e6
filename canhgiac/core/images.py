"""Pictures people upload (scam evidence, lesson illustrations), checked by content and re-encoded clean.

An uploaded file is opened with Pillow; only JPEG, PNG and WebP pictures are accepted, decompression bombs are
refused, the picture is turned upright from its EXIF orientation and saved again from pixels only, so that
EXIF (GPS position, phone model), XMP, ICC and text chunks never reach the disk.
"""

from __future__ import annotations

import hashlib
import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2560
FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}


def clean_image(upload, *, max_bytes: int = MAX_BYTES) -> tuple[ContentFile, dict]:
    """(file without metadata, facts) from an uploaded file; ValidationError in Vietnamese otherwise."""
    name = getattr(upload, "name", "ảnh")
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(
            _("Ảnh “%(name)s” lớn hơn %(mb)s MB. Hãy thu nhỏ, chụp lại hoặc gửi ảnh nhỏ hơn.")
            % {"name": name, "mb": max_bytes // (1024 * 1024)}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            kind = probe.format
            probe.verify()
            if kind not in FORMATS:
                raise ValidationError(
                    _("“%(name)s” không phải ảnh JPG, PNG hay WebP. Hãy gửi ảnh chụp màn hình hoặc ảnh chụp.")
                    % {"name": name}
                )
            picture = Image.open(io.BytesIO(data))
            if picture.width * picture.height > MAX_PIXELS:
                raise ValidationError(_("Ảnh “%(name)s” có kích thước quá lớn.") % {"name": name})
            picture.load()
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ):
        raise ValidationError(
            _(
                "“%(name)s” không phải ảnh hợp lệ (JPG, PNG hoặc WebP). Ảnh HEIC của iPhone: hãy chụp màn hình rồi gửi."
            )
            % {"name": name}
        ) from None
    picture = ImageOps.exif_transpose(picture)
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    elif picture.mode not in {"RGB", "RGBA", "L", "LA"}:
        picture = picture.convert("RGBA")
    picture.info = {}
    out = io.BytesIO()
    options = (
        {"quality": 88, "optimize": True} if kind == "JPEG" else {"quality": 90} if kind == "WEBP" else {}
    )
    picture.save(out, format=kind, **options)
    content = out.getvalue()
    content_type, extension = FORMATS[kind]
    facts = {
        "content_type": content_type,
        "width": picture.width,
        "height": picture.height,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    return ContentFile(content, name=f"anh{extension}"), facts
