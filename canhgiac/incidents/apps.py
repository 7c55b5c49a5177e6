from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "canhgiac.incidents"
    label = "incidents"
    verbose_name = "Sổ vụ việc"
