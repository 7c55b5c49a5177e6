from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "canhgiac.core"
    label = "core"
    verbose_name = "Nền tảng dùng chung"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from . import nav
        from .roles import Role

        nav.register(
            nav.NavItem(
                key="audit",
                label=_("Nhật ký thao tác"),
                url_name="core:audit_log",
                audience=frozenset({Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER}),
                order=900,
                icon="journal-text",
            ),
        )
