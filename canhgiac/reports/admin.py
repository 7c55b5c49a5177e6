from django.contrib import admin

from .models import ProvinceReport, UnitReport, UnitReportEvent, UnitReportFile


class EventInline(admin.TabularInline):
    model = UnitReportEvent
    extra = 0
    readonly_fields = ("action", "at", "actor", "actor_label", "note")
    can_delete = False


@admin.register(UnitReport)
class UnitReportAdmin(admin.ModelAdmin):
    list_display = ("unit", "campaign", "status", "first_submitted_at", "accepted_at", "version")
    list_filter = ("status", "campaign")
    search_fields = ("unit__name", "number")
    raw_id_fields = ("participant", "unit", "campaign", "submitted_by", "accepted_by", "updated_by")
    inlines = [EventInline]


@admin.register(UnitReportFile)
class UnitReportFileAdmin(admin.ModelAdmin):
    list_display = ("original_name", "report", "file_format", "size", "uploaded_at")
    raw_id_fields = ("report", "uploaded_by")


@admin.register(ProvinceReport)
class ProvinceReportAdmin(admin.ModelAdmin):
    list_display = ("campaign", "number", "issued_on", "signer_name")
    raw_id_fields = ("campaign", "updated_by")
