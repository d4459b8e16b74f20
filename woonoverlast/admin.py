"""The Django admin site of the project: for superusers only.

Django lets every active `is_staff` user into the admin, which lists the users, groups and
settings of every organisation at once. Administration belongs to an organisation: a
Beheerder manages the users of their own organisation in the app (/beheer/gebruikers/), a
functional admin their own workflows and settings (/beheer/, /instellingen/). The admin
stays for the few superusers who run the installation (docs/adr/0013).
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class SuperuserAdminSite(AdminSite):
    site_header = _("Woonoverlast – technisch beheer")
    site_title = _("Woonoverlast – technisch beheer")

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_superuser


class SuperuserAdminConfig(AdminConfig):
    """Replaces "django.contrib.admin" in INSTALLED_APPS: the same app, our default site."""

    default_site = "woonoverlast.admin.SuperuserAdminSite"
