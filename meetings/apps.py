from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Casusoverleg")

    def ready(self):
        from cases.figures import registry

        from . import receivers  # noqa: F401  (connects the signal receivers)
        from .figures import minutes_figures

        registry.register("meetings", minutes_figures)

    def seed_demo(self, organisations, users) -> str:
        """Hook for `seed_demo`: the casusoverleg part of the demo data."""
        from .demo import seed

        return seed(organisations, users)
