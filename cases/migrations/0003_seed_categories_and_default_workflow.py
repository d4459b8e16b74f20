from django.db import migrations

CATEGORIES = [
    ("geluid", "Geluid"),
    ("vervuiling", "Vervuiling"),
    ("intimidatie", "Intimidatie/agressie"),
    ("drugs", "Drugs"),
    ("zorgwekkend", "Zorgwekkend gedrag"),
    ("overig", "Overig"),
]

# The default workflow of DOMAIN.md: (code, name, kader, target in working days, final?)
DEFAULT_STAGES = [
    ("melding", "Melding en registratie", "", 2, False),
    ("triage", "Triage", "", 5, False),
    ("onderzoek", "Onderzoek en dossieropbouw", "vrijwillig", 20, False),
    ("vrijwillig", "Vrijwillig kader", "vrijwillig", 40, False),
    ("drang", "Integrale aanpak (drang)", "drang", 60, False),
    ("dwang", "Verplicht kader (dwang)", "dwang", 80, False),
    ("afsluiting", "Afsluiting en nazorg", "", 60, True),
]


def seed(apps, schema_editor):
    NuisanceCategory = apps.get_model("cases", "NuisanceCategory")
    Workflow = apps.get_model("cases", "Workflow")
    Stage = apps.get_model("cases", "Stage")
    for order, (code, name) in enumerate(CATEGORIES):
        NuisanceCategory.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    from django.utils import timezone

    workflow, created = Workflow.objects.get_or_create(
        name="Standaard woonoverlast",
        version=1,
        defaults={"status": "gepubliceerd", "published_at": timezone.now()},
    )
    if created:
        for order, (code, name, kader, target, final) in enumerate(DEFAULT_STAGES):
            Stage.objects.create(
                workflow=workflow,
                code=code,
                name=name,
                kader=kader,
                order=order,
                target_working_days=target,
                is_final=final,
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_relations")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
