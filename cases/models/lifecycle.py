"""The end of a case: the list of results a case can be closed with.

The list is data (seeded by a migration, kept by the functional admin), like the soorten
overlast: an organisation may add "overgedragen aan Veilig Thuis" without a release.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseResult(models.Model):
    """Resultaat bij afsluiting (overlast gestopt, verhuisd, …)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("resultaat bij afsluiting")
        verbose_name_plural = _("resultaten bij afsluiting")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name
