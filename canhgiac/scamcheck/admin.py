from django.contrib import admin

from .models import AllowlistEntry, Dispute, Identifier, Listing, Report, Verification


@admin.register(Identifier)
class IdentifierAdmin(admin.ModelAdmin):
    list_display = ["display", "kind", "qualifier", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value", "display"]
    readonly_fields = ["digest"]


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["identifier", "report_count", "verified_at", "review_due_at", "dispute_open"]
    list_filter = ["dispute_open"]
    raw_id_fields = ["identifier"]


@admin.register(Verification)
class VerificationAdmin(admin.ModelAdmin):
    list_display = ["identifier", "source", "created_at", "is_active"]
    raw_id_fields = ["identifier"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["code", "status", "channel", "created_at"]
    list_filter = ["status", "channel"]
    search_fields = ["code"]
    raw_id_fields = ["identifiers", "duplicate_of"]


@admin.register(Dispute)
class DisputeAdmin(admin.ModelAdmin):
    list_display = ["code", "identifier", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["identifier"]


@admin.register(AllowlistEntry)
class AllowlistEntryAdmin(admin.ModelAdmin):
    list_display = ["display", "kind", "organisation", "category", "is_active"]
    list_filter = ["kind", "category", "is_active"]
    search_fields = ["display", "value", "organisation"]
