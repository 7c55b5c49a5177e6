from django.urls import path

from .views import manage, materials, public

app_name = "knowledge"

urlpatterns = [
    path("", public.method_index, name="method_index"),
    path("tai-lieu/", materials.material_list, name="material_list"),
    path("tai-lieu/them/", materials.material_create, name="material_create"),
    path("tai-lieu/<int:pk>/", materials.material_detail, name="material_detail"),
    path("tai-lieu/<int:pk>/sua/", materials.material_edit, name="material_edit"),
    path("tai-lieu/<int:pk>/phien-ban-moi/", materials.material_new_version, name="material_new_version"),
    path("tai-lieu/<int:pk>/luu-tru/", materials.material_archive, name="material_archive"),
    path("tai-lieu/<int:pk>/tai-ve/", materials.material_download, name="material_download"),
    path(
        "tai-lieu/<int:pk>/tai-ve/<int:number>/",
        materials.material_download,
        name="material_download_version",
    ),
    path("quan-ly/", manage.method_list, name="manage_methods"),
    path("quan-ly/them/", manage.method_create, name="manage_method_create"),
    path("quan-ly/<slug:slug>/", manage.method_edit, name="manage_method_edit"),
    path("quan-ly/<slug:slug>/cong-bo/", manage.method_publish, name="manage_method_publish"),
    path("quan-ly/<slug:slug>/ngung-cong-bo/", manage.method_unpublish, name="manage_method_unpublish"),
    path("quan-ly/<slug:slug>/thu-mau/", manage.pattern_test, name="manage_pattern_test"),
    path("quan-ly/<slug:slug>/lich-su/", manage.method_history, name="manage_method_history"),
    path("quan-ly/<slug:slug>/lich-su/<int:number>/", manage.method_revision, name="manage_method_revision"),
    path(
        "quan-ly/<slug:slug>/lich-su/<int:number>/khoi-phuc/",
        manage.method_restore,
        name="manage_method_restore",
    ),
    path("<slug:slug>/", public.method_detail, name="method_detail"),
    path("<slug:slug>/to-roi.pdf", public.method_leaflet, name="method_leaflet"),
    path("<slug:slug>/ap-phich.pdf", public.method_poster, name="method_poster"),
]
