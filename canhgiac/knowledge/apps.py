from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "canhgiac.knowledge"
    label = "knowledge"
    verbose_name = "Phương thức lừa đảo và tài liệu"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav
        from canhgiac.core.roles import Role

        from . import signals  # noqa: F401 - cache invalidation
        from .views.home import home_section_context

        nav.register(
            nav.NavItem(
                key="knowledge",
                label=_("Nhận diện lừa đảo"),
                url_name="knowledge:method_index",
                audience=frozenset({nav.PUBLIC, nav.OFFICIAL}),
                order=10,
                icon="shield-exclamation",
                group="knowledge",
            ),
            nav.NavItem(
                key="materials",
                label=_("Tài liệu tuyên truyền"),
                url_name="knowledge:material_list",
                audience=frozenset({nav.PUBLIC, nav.OFFICIAL}),
                order=15,
                icon="folder2-open",
                group="knowledge",
            ),
            nav.NavItem(
                key="knowledge-manage",
                label=_("Quản lý nội dung"),
                url_name="knowledge:manage_methods",
                audience=frozenset({Role.COORDINATOR}),
                order=60,
                icon="pencil-square",
                group="campaign",
            ),
        )
        home.register(
            home.HomeSection(
                key="knowledge",
                template="knowledge/_home_section.html",
                audience=frozenset({nav.PUBLIC, nav.OFFICIAL}),
                order=20,
                context=home_section_context,
            )
        )
