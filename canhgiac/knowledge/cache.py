"""The catalogue version: one token in the shared cache, replaced on every change to methods or red flags.

Readers (red-flag rules for the analyzer, the search index, leaflet PDFs) keep what they built in process
memory together with the token they built it for, and rebuild when the token changes. App processes share the
token through the cache (Redis when scaled out), so an edit reaches all of them on their next read; an emptied
cache also means "rebuild". One cache read per call: microseconds on local memory, ~0.1 ms on Redis.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache

VERSION_KEY = "knowledge:catalogue-version"


def catalogue_version() -> str:
    token = cache.get(VERSION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, token, timeout=None):
            token = cache.get(VERSION_KEY) or token
    return token


def bump_catalogue_version() -> None:
    """Called after any change to methods, red flags or examples (services and signals)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
