"""Root URLs. Each domain app plugs in its `urls` (pages) and `api` (JSON under /api/v1/) when it has them."""

import importlib
from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from canhgiac.core import views as core_views

# Vietnamese, readable prefixes: people type and read these addresses.
APP_PREFIXES = {
    "accounts": "tai-khoan/",
    "org": "don-vi/",
    "knowledge": "kien-thuc/",
    "scamcheck": "tra-cuu/",
    "incidents": "vu-viec/",
    "training": "hoc-tap/",
    "campaigns": "chien-dich/",
    "reports": "bao-cao/",
}

admin.site.site_header = "Cảnh giác — quản trị hệ thống"
admin.site.site_title = "Cảnh giác"
admin.site.index_title = "Quản trị"
# Django admin is for superusers only; officials work through the product's own pages.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser

urlpatterns = [
    path("", include("canhgiac.core.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/openapi.json", core_views.openapi_schema, name="openapi"),
    path("api/v1/", core_views.api_docs, name="api_docs"),
]

for label, prefix in APP_PREFIXES.items():
    if find_spec(f"canhgiac.{label}.urls"):
        urlpatterns.append(path(prefix, include(f"canhgiac.{label}.urls")))
    if find_spec(f"canhgiac.{label}.api"):
        api = importlib.import_module(f"canhgiac.{label}.api")
        urlpatterns.append(path("api/v1/", include((api.urlpatterns, f"{label}_api"))))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "canhgiac.core.views.bad_request"
handler403 = "canhgiac.core.views.permission_denied"
handler404 = "canhgiac.core.views.page_not_found"
handler500 = "canhgiac.core.views.server_error"
