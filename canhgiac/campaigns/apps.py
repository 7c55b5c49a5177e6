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
        from .tasks import send_reminders_task

        course_passed.connect(on_course_passed, dispatch_uid="campaigns.reach_on_course_passed")
        periodic.register(send_reminders_task, every=timedelta(hours=1))

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
