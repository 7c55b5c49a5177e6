"""Home-page sections of the reports app: the leader's headline figures of the running campaigns."""

from __future__ import annotations


def dashboard_headline(request):
    from canhgiac.campaigns.models import Campaign

    from .selectors.dashboard import dashboard_campaigns, headline

    running = [c for c in dashboard_campaigns(viewer=request.user) if c.status == Campaign.Status.ACTIVE][:2]
    if not running:
        return None
    return {"headlines": [headline(viewer=request.user, campaign=c) for c in running]}
