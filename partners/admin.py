from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from . import sessions
from .models import Organisation, User, UserSession


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area"]
    list_filter = ["kind"]
    search_fields = ["name", "area"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisation", "is_active"]
    list_filter = ["organisation", "groups", "is_active", "is_staff"]
    list_select_related = ["organisation"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Organisatie"), {"fields": ["organisation"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Organisatie"), {"fields": ["organisation", "first_name", "last_name", "email"]}),
    ]


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    """Read-only view of who is logged in where; deleting a row ends that session."""

    list_display = ["user", "created_at", "last_seen", "user_agent"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__last_name"]
    readonly_fields = ["user", "created_at", "last_seen", "user_agent"]
    exclude = ["session_key"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        sessions.end_session(obj)

    def delete_queryset(self, request, queryset):
        for user_session in queryset:
            sessions.end_session(user_session)
