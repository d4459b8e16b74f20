"""Admin for configuration only. Case data is deliberately not in the Django admin: the admin
would bypass the access module, the access log and need-to-know.

The admin is for superusers (woonoverlast.admin). Even there a workflow's status is not a field:
publishing goes through `workflow_config.publish_workflow`, which refuses a version without
stages, without a final stage or with a stage a case cannot leave. An empty published default
would stop every organisation without a workflow of its own from opening cases.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from woonoverlast.refusals import Refusal

from .models import NuisanceCategory, Stage, Workflow
from .services import workflow_config


@admin.register(NuisanceCategory)
class NuisanceCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "active"]
    list_editable = ["order", "active"]


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_draft)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (obj is None or obj.is_draft)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)


@admin.register(Workflow)
class WorkflowAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "organisation", "status", "published_at"]
    list_filter = ["status", "organisation"]
    # Status and version follow from the services: a new workflow starts as a draft.
    readonly_fields = ["version", "status", "published_at"]
    inlines = [StageInline]
    actions = ["publish"]

    # A published version never changes; drafts are edited under /beheer/ through the services.
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_draft)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    @admin.action(description=_("Geselecteerde concepten publiceren (met controle)"))
    def publish(self, request, queryset):
        for workflow in queryset.order_by("pk"):
            try:
                workflow_config.publish_workflow(actor=request.user, workflow=workflow)
            except Refusal as refusal:
                self.message_user(
                    request,
                    _("%(workflow)s is niet gepubliceerd: %(problems)s")
                    % {"workflow": workflow, "problems": refusal.message},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request, _("%(workflow)s is gepubliceerd.") % {"workflow": workflow}
                )
