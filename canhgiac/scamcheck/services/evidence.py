"""Evidence images of public reports and disputes: cleaned by core.images (content check, no metadata)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from canhgiac.core.images import clean_image

from ..models import Evidence

MAX_IMAGES = 5


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
