"""Seeds the results a case can be closed with, and gives every case its address key.

The address key is computed as `cases.models.case.address_key` does (copied here, as a
migration must not depend on code that may change).
"""

import re

from django.db import migrations

RESULTS = [
    ("overlast-gestopt", "Overlast gestopt"),
    ("verhuisd", "Verhuisd"),
    ("huur-ontbonden", "Huur ontbonden / ontruimd"),
    ("doorverwezen-zorg", "Doorverwezen naar zorg"),
    ("niet-vastgesteld", "Niet vastgesteld"),
    ("overig", "Overig"),
]


def _key(postcode, house_number):
    postcode = re.sub(r"\s+", "", postcode or "").upper()
    match = re.match(r"^\s*([0-9]+)\s*[-/ ]*\s*(.*?)\s*$", house_number or "")
    if not postcode or not match:
        return ""
    addition = re.sub(r"[\s\-/.]+", "", match[2]).lower()
    return f"{postcode}|{int(match[1])}|{addition}"


def seed(apps, schema_editor):
    CaseResult = apps.get_model("cases", "CaseResult")
    for order, (code, name) in enumerate(RESULTS):
        CaseResult.objects.get_or_create(code=code, defaults={"name": name, "order": order})


def backfill(apps, schema_editor):
    # A derived column, not a change of the case: its history is left as it was.
    Case = apps.get_model("cases", "Case")
    for case in Case.objects.only("postcode", "house_number").iterator(chunk_size=1000):
        key = _key(case.postcode, case.house_number)
        if key:
            Case.objects.filter(pk=case.pk).update(address_key=key)


def existing_results(apps, schema_editor):
    """Cases closed before this migration (demo data) get the result "overig"."""
    Case = apps.get_model("cases", "Case")
    CaseResult = apps.get_model("cases", "CaseResult")
    other = CaseResult.objects.get(code="overig")
    Case.objects.filter(closed_on__isnull=False, closing_result__isnull=True).update(
        closing_result=other
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0051_case_lifecycle")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(existing_results, migrations.RunPython.noop),
    ]
