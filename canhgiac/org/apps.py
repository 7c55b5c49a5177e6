from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "canhgiac.org"
    label = "org"
    verbose_name = "Tổ chức và danh sách cán bộ"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import nav
        from canhgiac.core.roles import MANAGE_ROLES, READ_ROLES

        nav.register(
            nav.NavItem(
                key="units",
                label=_("Đơn vị"),
                url_name="org:unit_list",
                audience=frozenset(READ_ROLES),
                order=20,
                icon="diagram-3",
                group="org",
            ),
            nav.NavItem(
                key="roster",
                label=_("Danh sách cán bộ"),
                url_name="org:person_list",
                audience=frozenset(READ_ROLES),
                order=21,
                icon="people",
                group="org",
            ),
            nav.NavItem(
                key="roster_import",
                label=_("Nhập danh sách"),
                url_name="org:import_list",
                audience=frozenset(MANAGE_ROLES),
                order=22,
                icon="upload",
                group="org",
            ),
        )
