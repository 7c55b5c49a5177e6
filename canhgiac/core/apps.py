from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "canhgiac.core"
    label = "core"
    verbose_name = "Nền tảng dùng chung"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from . import nav
        from .roles import Role

        # The menu's groups; apps put their entries in them with NavItem(group=...).
        nav.register_group(
            nav.NavGroup(key="knowledge", label=_("Kiến thức"), order=10, icon="book"),
            nav.NavGroup(key="org", label=_("Tổ chức"), order=20, icon="diagram-3"),
            nav.NavGroup(key="learning", label=_("Học tập"), order=40, icon="mortarboard"),
            nav.NavGroup(key="campaign", label=_("Tuyên truyền"), order=50, icon="megaphone"),
            nav.NavGroup(key="police", label=_("Nghiệp vụ"), order=60, icon="shield-lock"),
            nav.NavGroup(key="reports", label=_("Báo cáo"), order=70, icon="bar-chart"),
            nav.NavGroup(key="system", label=_("Hệ thống"), order=90, icon="gear"),
        )
        nav.register(
            nav.NavItem(
                key="audit",
                label=_("Nhật ký"),
                url_name="core:audit_log",
                audience=frozenset({Role.COORDINATOR, Role.LEADER, Role.UNIT_MANAGER}),
                order=900,
                icon="journal-text",
                group="system",
            ),
        )
