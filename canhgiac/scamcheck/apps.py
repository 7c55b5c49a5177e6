from django.apps import AppConfig


class ScamcheckConfig(AppConfig):
    name = "canhgiac.scamcheck"
    label = "scamcheck"
    verbose_name = "Tra cứu và phản ánh lừa đảo"
