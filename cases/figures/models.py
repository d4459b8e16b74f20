"""The permissions of the figures unit, on a model without a table.

`Figures` holds no rows: it exists so that the two permissions have a content type of their
own in the app `cases` (docs/adr/0017) without changing the options of `Case`, which other
work migrates concurrently. `view_figures`: the figures over the cases the user's
organisation sees; `view_regional_figures`: the aggregates over every case of the region,
with small numbers suppressed (docs/adr/0021).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Figures(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("stuurinformatie")
        verbose_name_plural = _("stuurinformatie")
        permissions = [
            ("view_figures", _("Stuurinformatie over de eigen zaken inzien")),
            ("view_regional_figures", _("Stuurinformatie over de regio inzien (alleen totalen)")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)
