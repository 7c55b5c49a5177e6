from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "canhgiac.reports"
    label = "reports"
    verbose_name = "Báo cáo và tổng hợp"
