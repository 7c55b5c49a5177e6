from django.contrib import admin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import Exemption, Person, Unit


@admin.register(Unit)
class UnitAdmin(TreeAdmin):
    form = movenodeform_factory(Unit, exclude=["search_text"])
    list_display = ["name", "code", "kind", "closed_on"]
    search_fields = ["name", "code", "search_text"]
    list_filter = ["kind"]


class ExemptionInline(admin.TabularInline):
    model = Exemption
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "unit", "position", "staff_group", "status"]
    list_filter = ["staff_group", "status"]
    search_fields = ["search_text", "full_name", "staff_code", "email"]
    autocomplete_fields = ["unit"]
    inlines = [ExemptionInline]
