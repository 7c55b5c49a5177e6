from django.urls import path

from .views import dashboard

app_name = "reports"

urlpatterns = [
    # dashboards (views/dashboard.py)
    path("tong-quan/", dashboard.dashboard_home, name="dashboard_home"),
    path("tong-quan/<int:campaign_pk>/", dashboard.dashboard, name="dashboard"),
    path("tong-quan/<int:campaign_pk>/don-vi/<int:unit_pk>/", dashboard.dashboard, name="dashboard_unit"),
    path(
        "tong-quan/<int:campaign_pk>/don-vi/<int:unit_pk>/hoc-tap/",
        dashboard.learning,
        name="dashboard_learning",
    ),
    path(
        "tong-quan/<int:campaign_pk>/don-vi/<int:unit_pk>/hoi-nghi/",
        dashboard.conferences,
        name="dashboard_conferences",
    ),
    path(
        "tong-quan/<int:campaign_pk>/don-vi/<int:unit_pk>/<slug:panel>.csv",
        dashboard.dashboard_csv,
        name="dashboard_csv",
    ),
]
