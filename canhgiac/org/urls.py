from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("them/", views.unit_create, name="unit_create"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("<int:pk>/chuyen/", views.unit_move, name="unit_move"),
    path("<int:pk>/dong/", views.unit_close, name="unit_close"),
    path("<int:pk>/mo-lai/", views.unit_reopen, name="unit_reopen"),
    path("can-bo/", views.person_list, name="person_list"),
    path("can-bo/them/", views.person_create, name="person_create"),
    path("can-bo/xuat.xlsx", views.person_export, name="person_export"),
    path("can-bo/mau.xlsx", views.roster_template, name="roster_template"),
    path("can-bo/<int:pk>/", views.person_detail, name="person_detail"),
    path("can-bo/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("can-bo/<int:pk>/mien-tru/", views.exemption_add, name="exemption_add"),
    path("can-bo/<int:pk>/mien-tru/<int:exemption_pk>/ket-thuc/", views.exemption_end, name="exemption_end"),
    path("nhap/", views.import_list, name="import_list"),
    path("nhap/<int:pk>/", views.import_detail, name="import_detail"),
    path("nhap/<int:pk>/tien-do/", views.import_status, name="import_status"),
    path("nhap/<int:pk>/ghep-cot/", views.import_remap, name="import_remap"),
    path("nhap/<int:pk>/ghi/", views.import_commit, name="import_commit"),
    path("nhap/<int:pk>/huy/", views.import_cancel, name="import_cancel"),
    path("nhap/<int:pk>/ket-qua.xlsx", views.import_result, name="import_result"),
]
