"""View guards: a signed-in user who fails the check gets 404, exactly like something out of scope."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.http import Http404


def guard(check):
    """A decorator: sign-in required, then `check(user)` or 404."""

    def decorator(view):
        @functools.wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
