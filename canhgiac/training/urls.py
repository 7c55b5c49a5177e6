from django.urls import path

from . import access
from .views import manage_content, manage_units, public, staff

app_name = "training"

urlpatterns = [
    # public
    path("", public.index, name="index"),
    path("khoa-hoc/<slug:slug>/", public.course_detail, name="course_detail"),
    path("khoa-hoc/<slug:course_slug>/<slug:slug>/", public.lesson_detail, name="lesson_detail"),
    path("xac-minh/", public.verify, name="verify_form"),
    path("xac-minh/<str:code>/", public.verify, name="verify"),
    # password-free staff access
    path("vao/<str:token>/", access.enter_link, name="enter_link"),
    path("nhap-ma/", access.enter_code, name="enter_code"),
    path("thoat/", access.staff_logout, name="staff_logout"),
    # staff members
    path("cua-toi/", staff.staff_home, name="staff_home"),
    path("bai-kiem-tra/<slug:slug>/bat-dau/", staff.quiz_start, name="quiz_start"),
    path("bai-lam/<int:pk>/", staff.attempt_take, name="attempt_take"),
    path("bai-lam/<int:pk>/tra-loi/", staff.attempt_answer, name="attempt_answer"),
    path("bai-lam/<int:pk>/nop-bai/", staff.attempt_submit, name="attempt_submit"),
    path("bai-lam/<int:pk>/ket-qua/", staff.attempt_result, name="attempt_result"),
    path("chung-nhan/<str:code>/tai-ve/", staff.certificate_download, name="certificate_download"),
    # officials
    path("quan-ly/", manage_units.manage_index, name="manage_index"),
    path("quan-ly/ma-ca-nhan/", manage_units.access_units, name="access_units"),
    path("quan-ly/ma-ca-nhan/<int:unit_pk>/", manage_units.access_unit, name="access_unit"),
    path("quan-ly/ma-ca-nhan/thu-hoi/<int:person_pk>/", manage_units.access_revoke, name="access_revoke"),
    path("quan-ly/ket-qua/", manage_units.results, name="results"),
    path("quan-ly/ket-qua/<int:unit_pk>/", manage_units.results, name="results_unit"),
    path("quan-ly/bai-lam/<int:pk>/", manage_units.attempt_detail, name="manage_attempt"),
    path("quan-ly/chung-nhan/<int:pk>/thu-hoi/", manage_units.certificate_revoke, name="certificate_revoke"),
    path("quan-ly/khoa-hoc/", manage_content.course_list, name="manage_courses"),
    path("quan-ly/khoa-hoc/moi/", manage_content.course_edit, name="manage_course_new"),
    path("quan-ly/khoa-hoc/<int:pk>/", manage_content.course_edit, name="manage_course"),
    path(
        "quan-ly/khoa-hoc/<int:course_pk>/bai-hoc/moi/", manage_content.lesson_edit, name="manage_lesson_new"
    ),
    path(
        "quan-ly/khoa-hoc/<int:course_pk>/bai-hoc/<int:pk>/", manage_content.lesson_edit, name="manage_lesson"
    ),
    path(
        "quan-ly/khoa-hoc/<int:course_pk>/bai-kiem-tra/moi/", manage_content.quiz_edit, name="manage_quiz_new"
    ),
    path(
        "quan-ly/khoa-hoc/<int:course_pk>/bai-kiem-tra/<int:pk>/",
        manage_content.quiz_edit,
        name="manage_quiz",
    ),
    path("quan-ly/cau-hoi/", manage_content.question_list, name="manage_questions"),
    path("quan-ly/cau-hoi/moi/", manage_content.question_edit, name="manage_question_new"),
    path("quan-ly/cau-hoi/<int:pk>/", manage_content.question_edit, name="manage_question"),
]
