"""Printable documents of a method: an A4 leaflet and a poster with a QR code to the public site (WeasyPrint).

Rendering takes a fraction of a second, so the bytes are cached per method revision and catalogue version: any
edit (through the product or elsewhere) makes a new document.
"""

from __future__ import annotations

import hashlib
import logging

import segno
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

from .cache import catalogue_version
from .models import ScamMethod

PDF_CACHE_SECONDS = 60 * 60 * 24
POSTER_SIZES = {"a4": ("A4", "297mm"), "a3": ("A3", "420mm")}

# WeasyPrint logs every rendering step at INFO; keep the server log for what matters.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def public_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#0b2a4a")


def _render(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def _cached(key_parts: tuple, build) -> bytes:
    key = "knowledge:pdf:" + hashlib.sha256(repr(key_parts).encode()).hexdigest()
    data = cache.get(key)
    if data is None:
        data = build()
        cache.set(key, data, PDF_CACHE_SECONDS)
    return data


def _context(method: ScamMethod) -> dict:
    url = public_url(method.get_absolute_url())
    return {
        "method": method,
        "red_flags": list(method.red_flags.all()),
        "example": method.examples.first(),
        "url": url,
        "site_url": settings.SITE_URL,
        "qr": qr_data_uri(url),
        "province_name": settings.PROVINCE_NAME,
        "police_agency_name": settings.POLICE_AGENCY_NAME,
        "printed_on": timezone.localdate(),
    }


def leaflet_pdf(method: ScamMethod) -> bytes:
    """One A4 page: signs, what to do, what never to do, an example message, the QR code to the method page."""
    return _cached(
        (
            "leaflet",
            method.pk,
            method.revision,
            catalogue_version(),
            settings.SITE_URL,
            settings.POLICE_AGENCY_NAME,
        ),
        lambda: _render("knowledge/pdf/leaflet.html", _context(method)),
    )


def poster_pdf(method: ScamMethod, *, size: str = "a4") -> bytes:
    """A poster for notice boards: the method, three signs, a big QR code to the public site."""
    page, height = POSTER_SIZES.get(size, POSTER_SIZES["a4"])
    return _cached(
        (
            "poster",
            method.pk,
            method.revision,
            catalogue_version(),
            page,
            settings.SITE_URL,
            settings.POLICE_AGENCY_NAME,
        ),
        lambda: _render(
            "knowledge/pdf/poster.html", {**_context(method), "page_size": page, "page_height": height}
        ),
    )
