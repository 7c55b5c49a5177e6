from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "canhgiac.knowledge"
    label = "knowledge"
    verbose_name = "Phương thức lừa đảo và tài liệu"
