from django.apps import AppConfig


class ScamcheckConfig(AppConfig):
    name = "canhgiac.scamcheck"
    label = "scamcheck"
    verbose_name = "Tra cứu và phản ánh lừa đảo"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.utils.translation import gettext_lazy as _

        from canhgiac.core import home, nav
        from canhgiac.core.roles import Role

        from .views.moderation import home_moderation_context
        from .views.public import home_context

        everyone = frozenset({nav.PUBLIC, nav.OFFICIAL})
        nav.register(
            nav.NavItem(
                key="scamcheck",
                label=_("Tra cứu"),
                url_name="scamcheck:check",
                audience=everyone,
                order=5,
                icon="search",
            ),
            nav.NavItem(
                key="scamcheck_report",
                label=_("Phản ánh"),
                url_name="scamcheck:report",
                audience=frozenset({nav.PUBLIC}),
                order=6,
                icon="megaphone",
            ),
            nav.NavItem(
                key="scamcheck_moderation",
                label=_("Kiểm duyệt phản ánh"),
                url_name="scamcheck:moderation",
                audience=frozenset({Role.COORDINATOR}),
                order=40,
                icon="shield-check",
                group="police",
            ),
        )
        home.register(
            home.HomeSection(
                key="scamcheck",
                template="scamcheck/_home_section.html",
                audience=everyone,
                order=5,
                context=home_context,
            ),
            home.HomeSection(
                key="scamcheck_moderation",
                template="scamcheck/_home_moderation.html",
                audience=frozenset({Role.COORDINATOR}),
                order=4,  # the police's work queue comes before everything else on their home page
                context=home_moderation_context,
            ),
        )

        # Caches only (DESIGN.md: signals for caches and counters, never for business rules). The red flags are
        # cached by the knowledge app itself (knowledge.selectors.red_flag_rules).
        def allowlist_changed(**kwargs):
            from .selectors import allowlist_changed as bump

            bump()

        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                allowlist_changed,
                sender="scamcheck.AllowlistEntry",
                weak=False,
                dispatch_uid=f"scamcheck-allow-{name}",
            )
