from django.urls import path, re_path

from .views import cases, exports, imports, stats

app_name = "incidents"

CODE = r"(?P<code>[Vv][Vv]-\d{4}-\d{4,6})"

urlpatterns = [
    path("", cases.case_list, name="case_list"),
    path("them/", cases.case_create, name="case_create"),
    path("xuat.xlsx", exports.case_export, name="case_export"),
    path("thong-ke/", stats.stats, name="stats"),
    path("thong-ke/<slug:key>.csv", stats.stats_csv, name="stats_csv"),
    path("tinh-hinh/", stats.public_page, name="public"),
    path("tinh-hinh/<slug:key>.csv", stats.public_csv, name="public_csv"),
    path("nhap/", imports.import_list, name="import_list"),
    path("nhap/mau.xlsx", imports.template, name="import_template"),
    path("nhap/<int:pk>/", imports.import_detail, name="import_detail"),
    path("nhap/<int:pk>/tien-do/", imports.import_status, name="import_status"),
    path("nhap/<int:pk>/ghep-cot/", imports.import_remap, name="import_remap"),
    path("nhap/<int:pk>/ghi/", imports.import_commit, name="import_commit"),
    path("nhap/<int:pk>/huy/", imports.import_cancel, name="import_cancel"),
    path("nhap/<int:pk>/ket-qua.xlsx", imports.import_result, name="import_result"),
    re_path(rf"^{CODE}/$", cases.case_detail, name="case_detail"),
    re_path(rf"^{CODE}/sua/$", cases.case_edit, name="case_edit"),
    re_path(rf"^{CODE}/nan-nhan/$", cases.victim_show, name="victim_show"),
    re_path(rf"^{CODE}/trang-thai/$", cases.case_status, name="case_status"),
    re_path(rf"^{CODE}/xac-minh/$", cases.case_confirm, name="case_confirm"),
    re_path(rf"^{CODE}/dinh-danh/$", cases.case_link, name="case_link"),
    re_path(rf"^{CODE}/dinh-danh/(?P<link_id>\d+)/go/$", cases.case_unlink, name="case_unlink"),
]
