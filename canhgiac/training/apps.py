from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "canhgiac.training"
    label = "training"
    verbose_name = "Học tập và kiểm tra"

    def ready(self):
        from datetime import timedelta

        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav, periodic
        from canhgiac.core.roles import Role

        from . import caches
        from .tasks import close_overdue_attempts_task

        caches.connect()
        periodic.register(close_overdue_attempts_task, every=timedelta(minutes=1))

        nav.register(
            nav.NavItem(
                key="training",
                label=_("Học tập"),
                url_name="training:index",
                audience=frozenset({nav.PUBLIC}),
                order=30,
                icon="mortarboard",
            ),
            nav.NavItem(
                key="training_manage",
                label=_("Học tập, kiểm tra"),
                url_name="training:manage_index",
                audience=frozenset({Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER}),
                order=40,
                icon="mortarboard",
                group="learning",
            ),
        )
        home.register(
            home.HomeSection(
                key="training_staff",
                template="training/_home_staff.html",
                audience=frozenset({nav.PUBLIC}),
                order=20,
            ),
        )
