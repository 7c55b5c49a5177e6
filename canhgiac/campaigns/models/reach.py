"""Reach: a person of a roster reached by a campaign — stored when it happens, never recomputed by scanning."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_q


class ReachQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "person__unit", roles=roles))


class Reach(models.Model):
    """Person P was reached by campaign C at `reached_at`, via a conference check-in or a course pass.

    One row per (person, campaign): the earliest qualifying event wins. `unit` is where the person's roster
    history placed them at that moment (kept for the record); coverage counts the person where they are on the
    date asked (see selectors.coverage): reach follows the person.
    """

    class Via(models.TextChoices):
        CONFERENCE = "conference", _("Dự hội nghị")
        COURSE = "course", _("Đạt khóa học trực tuyến")

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="campaign_reaches")
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="reaches")
    reached_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    via = models.CharField(_("hình thức"), max_length=10, choices=Via.choices)
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    conference = models.ForeignKey(
        "campaigns.Conference", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    certificate = models.ForeignKey(
        "training.Certificate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReachQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt được tuyên truyền")
        verbose_name_plural = _("lượt được tuyên truyền")
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="reach_once_per_campaign")]
        indexes = [models.Index(fields=["campaign", "reached_at"]), models.Index(fields=["person"])]

    def __str__(self):
        return f"{self.person_id} ← {self.campaign_id} ({self.via})"
