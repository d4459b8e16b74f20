"""django-guardian object permissions on cases, with direct foreign keys.

Guardian's generic tables key objects by content type and a text primary key, which cannot be
joined or indexed well against `cases_case`. These two tables point at the case directly;
guardian finds them through the reverse relations (see ADR 0006).
"""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase


class CaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey("cases.Case", on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "objectrecht gebruiker op zaak"
        verbose_name_plural = "objectrechten gebruikers op zaken"


class CaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey("cases.Case", on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = "objectrecht groep op zaak"
        verbose_name_plural = "objectrechten groepen op zaken"
        indexes = [models.Index(fields=["group", "permission", "content_object"])]
