"""Rate limits kept in the cache: Redis when deployed, local memory in the embedded default.

A fixed window per key: `hit("code-login", ip, limit=10, window=60)` counts one attempt and says whether
it is still within the limit. Works with any Django cache backend, so the single-process demo limits too.
"""

from __future__ import annotations

import functools
import hashlib
import time

from django.core.cache import cache
from django.shortcuts import render

from .middleware import client_ip


def _key(scope: str, ident: str, window: int) -> str:
    bucket = int(time.time() // window)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
    return f"rl:{scope}:{digest}:{bucket}"


def hit(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while the attempts in this window are at most `limit`."""
    key = _key(scope, ident, window)
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    return count <= limit


def is_limited(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Whether the limit is already exceeded, without counting."""
    return (cache.get(_key(scope, ident, window)) or 0) > limit


def ratelimit(scope: str, *, limit: int, window: int = 60, methods=("POST",), key=None):
    """View decorator: more than `limit` requests per `window` seconds from one client get HTTP 429."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                ident = key(request) if key else client_ip(request)
                if not hit(scope, ident, limit=limit, window=window):
                    response = render(request, "429.html", {"retry_after": window}, status=429)
                    response["Retry-After"] = str(window)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
