from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "canhgiac.training"
    label = "training"
    verbose_name = "Học tập và kiểm tra"
