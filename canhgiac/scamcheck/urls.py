from django.urls import path

from .views import moderation, public

app_name = "scamcheck"

urlpatterns = [
    path("", public.check, name="check"),
    path("phan-anh/", public.report, name="report"),
    path("phan-anh/da-gui/<str:code>/", public.report_sent, name="report_sent"),
    path("theo-doi/", public.track, name="track"),
    path("khieu-nai/", public.dispute, name="dispute"),
    path("khieu-nai/da-gui/<str:code>/", public.dispute_sent, name="dispute_sent"),
    path("danh-sach-chinh-thuc/", public.official_list, name="official_list"),
    path("kiem-duyet/", moderation.queue, name="moderation"),
    path("kiem-duyet/phan-anh/<str:code>/", moderation.report_review, name="report_review"),
    path("kiem-duyet/khieu-nai/<str:code>/", moderation.dispute_review, name="dispute_review"),
    path("kiem-duyet/dinh-danh/<int:pk>/", moderation.identifier_detail, name="identifier_detail"),
    path("kiem-duyet/anh/<int:pk>/", moderation.evidence, name="evidence"),
    path("kiem-duyet/danh-sach-chinh-thuc/", moderation.allowlist_manage, name="allowlist_manage"),
    path("kiem-duyet/danh-sach-chinh-thuc/<int:pk>/", moderation.allowlist_edit, name="allowlist_edit"),
]
