from django.urls import path

from .views import attendance, campaigns, conferences, needs, speakers

app_name = "campaigns"

urlpatterns = [
    # campaigns
    path("", campaigns.campaign_list, name="campaign_list"),
    path("moi/", campaigns.campaign_create, name="campaign_create"),
    path("<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("<int:pk>/sua/", campaigns.campaign_edit, name="campaign_edit"),
    path("<int:pk>/trien-khai/", campaigns.campaign_launch, name="campaign_launch"),
    path("<int:pk>/ket-thuc/", campaigns.campaign_close, name="campaign_close"),
    path("<int:pk>/nghia-vu/", campaigns.board, name="board"),
    path("<int:pk>/don-vi/", campaigns.participants, name="participants"),
    path("<int:pk>/don-vi/<int:unit_pk>/", campaigns.unit_detail, name="unit_detail"),
    path("<int:pk>/don-vi/<int:unit_pk>/nguoi/", campaigns.people, name="people"),
    path(
        "<int:pk>/don-vi/<int:unit_pk>/nghia-vu/<str:kind>/",
        campaigns.obligation_action,
        name="obligation_action",
    ),
    path("<int:pk>/don-vi/<int:unit_pk>/nhu-cau/", needs.needs, name="needs"),
    path("<int:pk>/don-vi/<int:unit_pk>/nhu-cau.docx", needs.needs_docx, name="needs_docx"),
    path("<int:pk>/nhu-cau/", needs.province_needs, name="province_needs"),
    path("<int:pk>/nhu-cau.docx", needs.province_needs_docx_view, name="province_needs_docx"),
    # conferences
    path("hoi-nghi/", conferences.conference_list, name="conference_list"),
    path("hoi-nghi/lich/", conferences.conference_calendar, name="conference_calendar"),
    path("hoi-nghi/moi/", conferences.conference_create, name="conference_create"),
    path("hoi-nghi/<int:pk>/", conferences.conference_detail, name="conference_detail"),
    path("hoi-nghi/<int:pk>/sua/", conferences.conference_edit, name="conference_edit"),
    path("hoi-nghi/<int:pk>/xac-nhan/", conferences.conference_confirm, name="conference_confirm"),
    path("hoi-nghi/<int:pk>/da-to-chuc/", conferences.conference_held, name="conference_held"),
    path("hoi-nghi/<int:pk>/bao-cao/", conferences.conference_report, name="conference_report"),
    path("hoi-nghi/<int:pk>/huy/", conferences.conference_cancel, name="conference_cancel"),
    path("hoi-nghi/<int:pk>/bao-cao-vien/", conferences.conference_assign, name="conference_assign"),
    path(
        "hoi-nghi/<int:pk>/bao-cao-vien/<int:assignment_pk>/thoi/",
        conferences.conference_unassign,
        name="conference_unassign",
    ),
    path("hoi-nghi/<int:pk>/tep/", conferences.conference_file_upload, name="conference_file_upload"),
    path("hoi-nghi/<int:pk>/tep/<int:file_pk>/", conferences.conference_file, name="conference_file"),
    path(
        "hoi-nghi/<int:pk>/tep/<int:file_pk>/xoa/",
        conferences.conference_file_delete,
        name="conference_file_delete",
    ),
    path("hoi-nghi/<int:pk>/ma-qr/", conferences.conference_qr, name="conference_qr"),
    path("hoi-nghi/<int:pk>/ma-qr.svg", conferences.conference_qr_svg, name="conference_qr_svg"),
    # attendance
    path("hoi-nghi/<int:pk>/diem-danh/", attendance.attendance, name="attendance"),
    path(
        "hoi-nghi/<int:pk>/diem-danh/<int:person_pk>/", attendance.attendance_toggle, name="attendance_toggle"
    ),
    path(
        "hoi-nghi/<int:pk>/diem-danh/khach/<int:attendance_pk>/xoa/",
        attendance.walk_in_remove,
        name="walk_in_remove",
    ),
    path("hoi-nghi/<int:pk>/diem-danh/nhap/", attendance.attendance_import, name="attendance_import"),
    path(
        "hoi-nghi/<int:pk>/diem-danh/nhap/<int:import_pk>/",
        attendance.attendance_import_detail,
        name="attendance_import_detail",
    ),
    path("diem-danh/<str:token>/", attendance.checkin, name="checkin"),
    path("diem-danh/<str:token>/khach/", attendance.checkin_guest, name="checkin_guest"),
    # speakers
    path("bao-cao-vien/", speakers.speaker_list, name="speaker_list"),
    path("bao-cao-vien/moi/", speakers.speaker_edit, name="speaker_create"),
    path("bao-cao-vien/<int:pk>/", speakers.speaker_detail, name="speaker_detail"),
    path("bao-cao-vien/<int:pk>/sua/", speakers.speaker_edit, name="speaker_edit"),
    path("bao-cao-vien/<int:pk>/lich-ban/", speakers.speaker_busy, name="speaker_busy"),
    path(
        "bao-cao-vien/<int:pk>/lich-ban/<int:busy_pk>/xoa/", speakers.speaker_busy, name="speaker_busy_remove"
    ),
    path("lich-cua-toi/", speakers.my_schedule, name="my_schedule"),
]
