from django.db import migrations

# Row-level UPDATE/DELETE is refused. TRUNCATE stays possible for the database owner only
# (the test runner's flush uses it); the application never issues it.
TABLES = ["cases_event", "cases_accesslog"]

CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION woonoverlast_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'table ' || TG_TABLE_NAME || ' is append-only';
END;
$$ LANGUAGE plpgsql;
"""


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_FUNCTION)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION woonoverlast_refuse_change();"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_seed_categories_and_default_workflow")]

    operations = [migrations.RunPython(add_triggers, drop_triggers)]
