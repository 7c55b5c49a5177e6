"""Home-page sections: the reports waiting for the viewer (to review, or to write, fix and send); the leader's
headline figures of the running campaigns (dashboards)."""

from __future__ import annotations


def pending_context(request):
    from .selectors import pending_for

    return pending_for(viewer=request.user)


def dashboard_headline(request):
    from canhgiac.campaigns.models import Campaign

    from .selectors.dashboard import dashboard_campaigns, headline

    running = [c for c in dashboard_campaigns(viewer=request.user) if c.status == Campaign.Status.ACTIVE][:2]
    if not running:
        return None
    return {"headlines": [headline(viewer=request.user, campaign=c) for c in running]}
