from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "canhgiac.campaigns"
    label = "campaigns"
    verbose_name = "Chiến dịch tuyên truyền"

    def ready(self):
        from datetime import timedelta

        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav, periodic
        from canhgiac.core.roles import Role
        from canhgiac.training.signals import course_passed

        from . import home_sections
        from .receivers import on_course_passed
        from .tasks import coverage_refresh_task, send_reminders_task

        course_passed.connect(on_course_passed, dispatch_uid="campaigns.reach_on_course_passed")
        periodic.register(send_reminders_task, every=timedelta(hours=1))
        periodic.register(coverage_refresh_task, every=timedelta(minutes=15))
        self._connect_counters()

        officials = frozenset({Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER})
        nav.register(
            nav.NavItem(
                key="campaigns",
                label=_("Chiến dịch"),
                url_name="campaigns:campaign_list",
                audience=officials,
                order=50,
                icon="flag",
                group="campaign",
            ),
            nav.NavItem(
                key="conferences",
                label=_("Hội nghị tuyên truyền"),
                url_name="campaigns:conference_list",
                audience=officials,
                order=51,
                icon="people",
                group="campaign",
            ),
            nav.NavItem(
                key="conference_calendar",
                label=_("Lịch hội nghị"),
                url_name="campaigns:conference_calendar",
                audience=officials,
                order=52,
                icon="calendar3",
                group="campaign",
            ),
            nav.NavItem(
                key="speakers",
                label=_("Báo cáo viên"),
                url_name="campaigns:speaker_list",
                audience=frozenset({Role.COORDINATOR, Role.LEADER}),
                order=53,
                icon="person-badge",
                group="campaign",
            ),
            nav.NavItem(
                key="my_schedule",
                label=_("Lịch báo cáo của tôi"),
                url_name="campaigns:my_schedule",
                audience=frozenset({Role.SPEAKER}),
                order=54,
                icon="calendar-check",
                group="campaign",
            ),
        )
        home.register(
            home.HomeSection(
                key="campaigns_units",
                template="campaigns/_home_units.html",
                audience=officials,
                order=15,
                context=home_sections.units_context,
            ),
            home.HomeSection(
                key="campaigns_speaker",
                template="campaigns/_home_speaker.html",
                audience=frozenset({Role.SPEAKER}),
                order=16,
                context=home_sections.speaker_context,
            ),
        )

    def _connect_counters(self):
        """Coverage counters follow every change they count (services/counters.py)."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from canhgiac.org.models import Exemption, Person, Placement
        from canhgiac.org.signals import roster_changed

        from . import receivers as r
        from .models import Campaign, Reach

        post_save.connect(r.on_reach_saved, sender=Reach, dispatch_uid="counters.reach_saved")
        post_delete.connect(r.on_reach_deleted, sender=Reach, dispatch_uid="counters.reach_deleted")
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                r.on_placement_changed, sender=Placement, dispatch_uid=f"counters.placement_{name}"
            )
            signal.connect(
                r.on_exemption_changed, sender=Exemption, dispatch_uid=f"counters.exemption_{name}"
            )
        post_save.connect(r.on_person_saved, sender=Person, dispatch_uid="counters.person_saved")
        roster_changed.connect(r.on_roster_changed, dispatch_uid="counters.roster_changed")
        post_save.connect(r.on_campaign_saved, sender=Campaign, dispatch_uid="counters.campaign_saved")
        m2m_changed.connect(
            r.on_audience_changed, sender=Campaign.audience_units.through, dispatch_uid="counters.audience"
        )
