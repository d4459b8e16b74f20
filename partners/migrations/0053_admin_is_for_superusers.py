"""The Django admin is for superusers only (docs/adr/0013-administration-per-organisation.md).

Until now a Beheerder or functional admin could be `is_staff` and so open the admin, where the
user list spans every organisation. The admin now asks for `is_superuser`; `is_staff` means
nothing any more and is cleared for everyone who is not a superuser, so no old flag suggests
otherwise. Reversing leaves the flags cleared (who had them is not remembered).
"""

from django.db import migrations


def clear_staff_flags(apps, schema_editor):
    User = apps.get_model("partners", "User")
    # User has no simple-history; a plain update bypasses nothing.
    User.objects.filter(is_staff=True, is_superuser=False).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0052_merge_instruments"),
    ]

    operations = [
        migrations.RunPython(clear_staff_flags, migrations.RunPython.noop),
    ]
