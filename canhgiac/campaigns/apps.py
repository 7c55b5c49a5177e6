from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "canhgiac.campaigns"
    label = "campaigns"
    verbose_name = "Chiến dịch tuyên truyền"
