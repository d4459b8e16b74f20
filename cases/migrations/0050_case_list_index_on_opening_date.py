"""The case list reads its first page, newest first, along (opened_on, reference): ADR 0022."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0049_destruction_record_keeps_the_lead"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["opened_on", "reference"], name="cases_case_opened__3e7a29_idx"
            ),
        ),
    ]
