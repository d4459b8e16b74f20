from django.db import migrations

# (from, to, label, justification required, casusoverleg decision required)
DEFAULT_TRANSITIONS = [
    ("melding", "triage", "Geregistreerd en regie belegd: naar triage", False, False),
    ("triage", "onderzoek", "Klacht gegrond: onderzoek starten", False, False),
    ("triage", "vrijwillig", "Feiten duidelijk: direct naar vrijwillig kader", True, False),
    ("triage", "afsluiting", "Klacht ongegrond of door melder op te lossen", True, False),
    ("onderzoek", "vrijwillig", "Overlast bevestigd: vrijwillig kader", False, False),
    ("onderzoek", "triage", "Terug naar triage", True, False),
    ("onderzoek", "afsluiting", "Overlast niet bevestigd: afsluiten", True, False),
    ("vrijwillig", "drang", "Overlast houdt aan: integrale aanpak (drang)", True, False),
    ("vrijwillig", "onderzoek", "Terug naar onderzoek", True, False),
    ("vrijwillig", "afsluiting", "Overlast gestopt: afsluiten en nazorg", False, False),
    ("drang", "dwang", "Afspraken geschonden: verplicht kader (dwang)", True, True),
    ("drang", "vrijwillig", "Terug naar vrijwillig kader", True, False),
    ("drang", "afsluiting", "Overlast gestopt: afsluiten en nazorg", False, False),
    ("dwang", "drang", "Terug naar drang", True, False),
    ("dwang", "afsluiting", "Besluit uitgevoerd: afsluiten en nazorg", False, False),
    ("afsluiting", "vrijwillig", "Overlast keert terug: vrijwillig kader", True, False),
    ("afsluiting", "drang", "Overlast keert terug: integrale aanpak", True, False),
]


def seed(apps, schema_editor):
    Workflow = apps.get_model("cases", "Workflow")
    Stage = apps.get_model("cases", "Stage")
    Transition = apps.get_model("cases", "Transition")
    workflow = Workflow.objects.filter(name="Standaard woonoverlast", version=1).first()
    if workflow is None:
        return
    stages = {stage.code: stage for stage in Stage.objects.filter(workflow=workflow)}
    for order, (source, target, label, justification, decision) in enumerate(DEFAULT_TRANSITIONS):
        Transition.objects.get_or_create(
            workflow=workflow,
            from_stage=stages[source],
            to_stage=stages[target],
            defaults={
                "label": label,
                "requires_justification": justification,
                "requires_decision": decision,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_transitions_and_decisions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
