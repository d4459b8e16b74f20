"""Documents remember their sources (ADR 0014): one row per case and level, not a list of ids.

Documents made before this migration recorded only case ids, not the levels they were cut
for. Their sources are recorded at `volledig`, the most a document can hold, so a download
re-checks them as strictly as possible (a reader below `volledig` on any of them is refused
and gets a newly made copy). A ready document that names a case that no longer exists
(destroyed by retention) is withdrawn and its file deleted.
"""

import django.db.models.deletion
from django.db import migrations, models, transaction


def record_sources(apps, schema_editor):
    MeetingDocument = apps.get_model("meetings", "MeetingDocument")
    MeetingDocumentSource = apps.get_model("meetings", "MeetingDocumentSource")
    Case = apps.get_model("cases", "Case")
    storage = MeetingDocument._meta.get_field("file").storage
    for document in MeetingDocument.objects.exclude(case_ids=[]):
        case_ids = {int(case_id) for case_id in document.case_ids}
        existing = set(Case.objects.filter(pk__in=case_ids).values_list("pk", flat=True))
        MeetingDocumentSource.objects.bulk_create(
            MeetingDocumentSource(document=document, case_id=case_id, level="volledig")
            for case_id in sorted(existing)
        )
        if existing != case_ids and document.status == "klaar":
            name = document.file.name
            document.status = "ingetrokken"
            document.file = ""
            document.save(update_fields=["status", "file"])
            if name:
                transaction.on_commit(lambda name=name: storage.delete(name))
    if schema_editor.connection.vendor == "postgresql":
        # The new rows' foreign keys are checked now, not at commit: PostgreSQL refuses to
        # alter a table (RemoveField below) while such checks are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0046_event_kinds_sharing"),
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="meetingdocument",
            name="status",
            field=models.CharField(
                choices=[
                    ("wachtend", "in de wachtrij"),
                    ("bezig", "wordt gemaakt"),
                    ("klaar", "klaar"),
                    ("mislukt", "mislukt"),
                    ("ingetrokken", "ingetrokken"),
                ],
                default="wachtend",
                max_length=12,
            ),
        ),
        migrations.CreateModel(
            name="MeetingDocumentSource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("bestaan", "weet van het bestaan"),
                            ("proces", "alleen proces"),
                            ("volledig", "volledig"),
                        ],
                        max_length=20,
                        verbose_name="niveau",
                    ),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cases.case",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sources",
                        to="meetings.meetingdocument",
                    ),
                ),
            ],
            options={
                "verbose_name": "bron van een overlegdocument",
                "verbose_name_plural": "bronnen van overlegdocumenten",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("document", "case"), name="documentsource_case_once"
                    )
                ],
            },
        ),
        migrations.RunPython(record_sources, migrations.RunPython.noop),
        migrations.RemoveField(model_name="meetingdocument", name="case_ids"),
    ]
