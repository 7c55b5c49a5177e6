"""Coverage counters: the per-unit figures of a running campaign, kept up to date, so dashboards read a few
thousand small rows instead of counting the roster history (millions of rows at a country's scale).

`CoverageCounter` holds today's figures of each unit's OWN roster (not rolled up: the tree is summed in memory
by whoever reads them). `Campaign.coverage_as_of` says which day they are right for; a campaign whose counters
are not for today is answered by the exact recount until `counters.coverage_rebuild` runs (the hourly task).
`CoverageRollup` holds the same figures ROLLED UP (each unit's whole subtree), moved by the same changes, so a
dashboard reads a unit and its children, or ranks the responsible units of a country, without summing 20,000
counter rows per request.
`CoverageDaily` is the history: one row per (campaign, unit, day) with the unit's figures ROLLED UP (its whole
subtree), written by the same task — a unit's curve is then a handful of rows. See docs/dashboards.md.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CoverageCounter(models.Model):
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    # the unit's tree path, copied (rewritten when the unit moves: org's roster_changed): a dashboard sums a
    # subtree's rows by path prefix in one grouped query without joining the units
    path = models.CharField(max_length=255, default="")
    people = models.PositiveIntegerField(_("người trong phạm vi"), default=0)  # active, not exempt, audience
    exempt = models.PositiveIntegerField(_("miễn trừ"), default=0)  # active audience people exempt today
    reached = models.PositiveIntegerField(_("đã được tuyên truyền"), default=0)  # among `people`
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bộ đếm bao phủ")
        verbose_name_plural = _("bộ đếm bao phủ")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="coverage_counter_unique")]
        indexes = [models.Index(fields=["campaign", "path"])]

    def __str__(self):
        return f"{self.campaign_id}/{self.unit_id}: {self.reached}/{self.people}"


class CoverageRollup(models.Model):
    """Today's figures of a unit's whole subtree (the sum of the CoverageCounter rows under its path), kept
    with the counters (services/counters.py: every change moves the unit's row and its ancestors' rows)."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255, default="")  # the unit's tree path, copied like the counters'
    people = models.PositiveIntegerField(default=0)  # the subtree's people in scope today
    reached = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bao phủ cộng dồn")
        verbose_name_plural = _("bao phủ cộng dồn")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="coverage_rollup_unique")]
        indexes = [models.Index(fields=["campaign", "path"])]

    def __str__(self):
        return f"{self.campaign_id}/{self.unit_id} (cộng dồn): {self.reached}/{self.people}"


class CoverageDaily(models.Model):
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    people = models.PositiveIntegerField(default=0)  # the unit and all its descendants
    reached = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bao phủ theo ngày")
        verbose_name_plural = _("bao phủ theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit", "day"], name="coverage_daily_unique")
        ]
        indexes = [models.Index(fields=["campaign", "day"])]

    def __str__(self):
        return f"{self.campaign_id}/{self.unit_id} {self.day}: {self.reached}/{self.people}"
