"""Give existing cases the guardian object permissions their lead and participations imply."""

from django.db import migrations

LEVEL_CODENAMES = {
    "bestaan": ["view_case_bestaan"],
    "proces": ["view_case_bestaan", "view_case_proces"],
    "volledig": ["view_case_bestaan", "view_case_proces", "view_case_volledig"],
}
NAMES = {
    "view_case_bestaan": "Zaak: weet van het bestaan",
    "view_case_proces": "Zaak: proces inzien",
    "view_case_volledig": "Zaak: volledig inzien",
    "share_case": "Zaak delen met ketenpartners",
}


def backfill(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Case = apps.get_model("cases", "Case")
    Participation = apps.get_model("cases", "Participation")
    Organisation = apps.get_model("partners", "Organisation")
    GroupPerm = apps.get_model("cases", "CaseGroupObjectPermission")

    # post_migrate creates permissions only after all migrations; these are needed now.
    content_type, _ = ContentType.objects.using(db).get_or_create(app_label="cases", model="case")
    perms = {
        codename: Permission.objects.using(db).get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in NAMES.items()
    }
    groups = dict(Organisation.objects.using(db).values_list("pk", "group_id"))
    rows = []
    for case_id, lead_id in Case.objects.using(db).values_list("pk", "lead_organisation_id"):
        rows += [
            GroupPerm(content_object_id=case_id, group_id=groups[lead_id], permission=perms[c])
            for c in LEVEL_CODENAMES["volledig"]
        ]
    active = Participation.objects.using(db).filter(revoked_at__isnull=True)
    for case_id, org_id, level in active.values_list("case_id", "organisation_id", "level"):
        rows += [
            GroupPerm(content_object_id=case_id, group_id=groups[org_id], permission=perms[c])
            for c in LEVEL_CODENAMES[level]
        ]
    GroupPerm.objects.using(db).bulk_create(rows, batch_size=2000, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0020_sharing_permissions_and_log_fields"),
        ("partners", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
