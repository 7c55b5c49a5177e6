from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canhgiac.reports"
    label = "reports"
    verbose_name = "Báo cáo và tổng hợp"

    def ready(self):
        self._register_dashboards()

    def _register_dashboards(self):
        """Dashboards (views/dashboard.py): the menu entry and the leader's home-page headline."""
        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav
        from canhgiac.core.roles import Role

        from .home_sections import dashboard_headline

        nav.register(
            nav.NavItem(
                key="dashboard",
                label=_("Tổng quan"),
                url_name="reports:dashboard_home",
                audience=frozenset({Role.LEADER, Role.COORDINATOR, Role.UNIT_MANAGER}),
                order=70,
                icon="speedometer2",
                group="reports",
            )
        )
        home.register(
            home.HomeSection(
                key="reports_dashboard",
                template="reports/_home_dashboard.html",
                audience=frozenset({Role.LEADER}),
                order=5,
                context=dashboard_headline,
            )
        )
