"""Admin for configuration only. Case data is deliberately not in the Django admin: the admin
would bypass the access module, the access log and need-to-know."""

from django.contrib import admin

from .models import NuisanceCategory, Stage, Workflow


@admin.register(NuisanceCategory)
class NuisanceCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "active"]
    list_editable = ["order", "active"]


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Workflow)
class WorkflowAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "organisation", "status", "published_at"]
    list_filter = ["status", "organisation"]
    inlines = [StageInline]

    # A published version never changes; drafts are edited under /beheer/ through the services.
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_draft)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)
