from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "canhgiac.incidents"
    label = "incidents"
    verbose_name = "Sổ vụ việc"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav
        from canhgiac.core.roles import Role

        from .views.stats import home_context

        nav.register(
            nav.NavItem(
                key="incidents_public",
                label=_("Tình hình lừa đảo"),
                url_name="incidents:public",
                audience=frozenset({nav.PUBLIC}),
                order=12,
                icon="graph-up-arrow",
                group="knowledge",
            ),
            nav.NavItem(
                key="incidents_cases",
                label=_("Sổ vụ việc"),
                url_name="incidents:case_list",
                audience=frozenset({Role.INVESTIGATOR, Role.COORDINATOR}),
                order=10,
                icon="folder2",
                group="police",
            ),
            nav.NavItem(
                key="incidents_stats",
                label=_("Thống kê vụ việc"),
                url_name="incidents:stats",
                audience=frozenset({Role.INVESTIGATOR, Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER}),
                order=20,
                icon="bar-chart-line",
                group="police",
            ),
            nav.NavItem(
                key="incidents_public_official",
                label=_("Tình hình lừa đảo (công khai)"),
                url_name="incidents:public",
                audience=frozenset({Role.INVESTIGATOR, Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER}),
                order=30,
                icon="globe2",
                group="police",
            ),
        )
        home.register(
            home.HomeSection(
                key="incidents_public",
                template="incidents/_home_section.html",
                audience=frozenset({nav.PUBLIC, nav.OFFICIAL}),
                order=25,
                context=home_context,
            )
        )
