"""Evidence images: checked by content (not by name or declared type), re-encoded without metadata.

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

from ..models import Evidence

MAX_IMAGES = 5
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2560
FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}


def clean_image(upload) -> tuple[ContentFile, dict]:
    """(file without metadata, facts) from an uploaded file; ValidationError in Vietnamese otherwise."""
    name = getattr(upload, "name", "ảnh")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("Ảnh “%(name)s” lớn hơn 8 MB. Hãy chụp lại hoặc gửi ảnh nhỏ hơn.") % {"name": name}
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


def check_images(uploads) -> list[tuple[ContentFile, dict]]:
    uploads = [u for u in uploads or [] if u]
    if len(uploads) > MAX_IMAGES:
        raise ValidationError(_("Gửi tối đa %(n)d ảnh.") % {"n": MAX_IMAGES})
    return [clean_image(upload) for upload in uploads]


def attach_images(cleaned: list[tuple[ContentFile, dict]], *, report=None, dispute=None) -> list[Evidence]:
    saved = []
    for content, facts in cleaned:
        evidence = Evidence(report=report, dispute=dispute, **facts)
        evidence.file.save(content.name, content, save=False)
        evidence.save()
        saved.append(evidence)
    return saved
