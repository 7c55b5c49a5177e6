from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canhgiac.reports"
    label = "reports"
    verbose_name = "Báo cáo và tổng hợp"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav
        from canhgiac.core.roles import Role

        from .home_sections import pending_context

        officials = frozenset({Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER})
        nav.register(
            nav.NavItem(
                key="unit_reports",
                label=_("Báo cáo kết quả"),
                url_name="reports:index",
                audience=officials,
                order=70,
                icon="journal-check",
                group="reports",
            ),
        )
        home.register(
            home.HomeSection(
                key="reports_pending",
                template="reports/_home.html",
                audience=frozenset({Role.COORDINATOR, Role.UNIT_MANAGER}),
                order=14,
                context=pending_context,
            ),
        )
