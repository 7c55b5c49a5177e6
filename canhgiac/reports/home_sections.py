"""Home-page section: the reports waiting for the viewer (to review, or to write, fix and send)."""

from __future__ import annotations


def pending_context(request):
    from .selectors import pending_for

    return pending_for(viewer=request.user)
