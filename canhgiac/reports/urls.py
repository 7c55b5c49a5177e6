"""Pages of the reports app under /bao-cao/. The dashboards live under tong-quan/."""

from django.urls import path

from .views import documents, reports

app_name = "reports"

unit = "<int:pk>/don-vi/<int:unit_pk>/"

urlpatterns = [
    path("", reports.index, name="index"),
    path("<int:pk>/", reports.campaign_reports, name="campaign_reports"),
    # the province report (consolidation of accepted unit reports)
    path("<int:pk>/tinh/", documents.province_report, name="province_report"),
    path("<int:pk>/tinh.docx", documents.province_report_docx, name="province_report_docx"),
    path("<int:pk>/tinh.pdf", documents.province_report_pdf, name="province_report_pdf"),
    path("<int:pk>/phu-luc.xlsx", documents.province_appendix_xlsx, name="province_appendix_xlsx"),
    # a unit's report
    path(unit, reports.unit_report, name="unit_report"),
    path(f"{unit}viet/", reports.unit_report_edit, name="unit_report_edit"),
    path(f"{unit}gui/", reports.unit_report_submit, name="unit_report_submit"),
    path(f"{unit}tra-lai/", reports.unit_report_return, name="unit_report_return"),
    path(f"{unit}duyet/", reports.unit_report_accept, name="unit_report_accept"),
    path(f"{unit}mo-lai/", reports.unit_report_reopen, name="unit_report_reopen"),
    path(f"{unit}tep/", reports.report_file_upload, name="report_file_upload"),
    path(f"{unit}tep/<int:file_pk>/", reports.report_file, name="report_file"),
    path(f"{unit}tep/<int:file_pk>/xoa/", reports.report_file_delete, name="report_file_delete"),
    path(f"{unit}bao-cao.docx", documents.unit_report_docx, name="unit_report_docx"),
    path(f"{unit}bao-cao.pdf", documents.unit_report_pdf, name="unit_report_pdf"),
]
