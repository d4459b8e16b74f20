from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Ketenpartners")

    def ready(self):
        from . import roles, signals  # noqa: F401  (signals: connects the receivers)

        # After every app's migrations: role permissions may live in apps migrated later.
        post_migrate.connect(roles.sync_role_groups, dispatch_uid="partners.sync_role_groups")
