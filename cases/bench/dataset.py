"""The benchmark data set: N cases (default 100,000) over 20 organisations, each shared with
1–4 partners at a random level, with one category and one event per case.

Loaded into a database of its own (see bench_access) by INSERT … SELECT over
generate_series: the rows are made by PostgreSQL itself, so a million cases load in minutes
instead of the hour that building them as Python objects takes on two cores. The rule
"history is never bypassed" protects real case data: every change a person makes must be
traceable. These rows are synthetic, nobody made them, they live in a throw-away database and
the measured pages never read the history tables. Guardian rows are written next to the
participations exactly as `cases.access.grants` would.

Every column a statement does not set explicitly gets the model field's own default, read
from the model (`_constant_columns`), so a new field with a default needs no change here; a
new required field without one makes the load fail with its name.

"Random" is a hash of the case number and a salt (md5, deterministic): the same N always
gives the same data, and the statements need no per-row round trip.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from cases.access.grants import LEVEL_CODENAMES, level_permissions
from cases.models import (
    Case,
    CaseGroupObjectPermission,
    Event,
    NuisanceCategory,
    Participation,
    Stage,
    Workflow,
)
from cases.models.choices import AccessLevel, LegalGround
from partners.models import Organisation, OrganisationKind, User

LEAD_KINDS = [OrganisationKind.CORPORATIE] * 8
PARTNER_KINDS = (
    [OrganisationKind.GEMEENTE] * 3
    + [OrganisationKind.POLITIE] * 3
    + [OrganisationKind.GGD] * 2
    + [OrganisationKind.ZORG] * 3
    + [OrganisationKind.OVERIG]
)
PARTNER_USERNAME = "bench-partner"
REFERENCE_PREFIX = "WO-B"
LEVELS = [AccessLevel.BESTAAN, AccessLevel.PROCES, AccessLevel.VOLLEDIG]
# One case in twenty is at the address of the case before it: a recidive, so that the case
# page's lookup of earlier cases at the address is measured as it runs in real life.
RECIDIVE_EVERY = 20


def _hash(expression: str, salt: str) -> str:
    """SQL for a deterministic non-negative integer from `expression` and a salt."""
    return f"(('x' || substr(md5(({expression})::text || '{salt}'), 1, 7))::bit(28)::int)"


def _constant_columns(model, explicit: set[str]) -> tuple[list[str], list]:
    """(columns, values) of every concrete field not in `explicit`, from the model's defaults."""
    template = model()
    columns, values = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.column in explicit:
            continue
        value = field.pre_save(template, add=True)
        if value is None and not field.null:
            raise ValueError(f"{model.__name__}.{field.name}: verplicht veld zonder standaard")
        columns.append(field.column)
        values.append(field.get_db_prep_save(value, connection))
    return columns, values


def _insert_select(
    cursor, model, expressions: dict[str, str], source: str, params=(), source_params=()
) -> int:
    """INSERT INTO model's table SELECT the expressions (SQL per column, with `params`) and
    the defaults of the other columns FROM `source` (with `source_params`); the rows inserted."""
    constant_columns, constants = _constant_columns(model, set(expressions))
    columns = [*expressions, *constant_columns]
    selected = [*expressions.values(), *(["%s"] * len(constants))]
    cursor.execute(
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "  # noqa: S608  # nosec B608 - columns from the model, values as parameters
        f"SELECT {', '.join(selected)} FROM {source}",
        [*params, *constants, *source_params],
    )
    return cursor.rowcount


def _organisations() -> list[Organisation]:
    organisations = []
    for number, kind in enumerate(LEAD_KINDS + PARTNER_KINDS):
        organisation = Organisation(name=f"Bench {number:02d} {kind}", kind=kind)
        organisation.save()  # creates its group
        organisations.append(organisation)
    return organisations


def _users(organisations) -> dict[int, User]:
    medewerker = Group.objects.get(name="Medewerker")
    users = {}
    partner = next(o for o in organisations if o.kind == OrganisationKind.GEMEENTE)
    for organisation in organisations:
        username = PARTNER_USERNAME if organisation == partner else f"bench-{organisation.pk}"
        user = User.objects.create_user(username=username, organisation=organisation)
        user.groups.add(medewerker)
        users[organisation.pk] = user
    return users


def _array(values) -> str:
    return "ARRAY[" + ", ".join(str(int(value)) for value in values) + "]::bigint[]"


@transaction.atomic
def _load(cases: int, progress) -> None:
    organisations = _organisations()
    users = _users(organisations)
    leads = organisations[: len(LEAD_KINDS)]
    workflow = Workflow.objects.filter(status=Workflow.Status.PUBLISHED).order_by("pk").first()
    stages = list(Stage.objects.filter(workflow=workflow).order_by("order"))
    categories = list(NuisanceCategory.objects.order_by("pk"))
    perms = level_permissions()
    now = timezone.now()
    today = timezone.localdate()

    lead_ids = _array(o.pk for o in leads)
    regisseur_ids = _array(users[o.pk].pk for o in leads)
    stage_ids = _array(s.pk for s in stages)
    number = f"(n - CASE WHEN n %% {RECIDIVE_EVERY} = 0 THEN 1 ELSE 0 END)"  # house number
    lead = f"1 + {_hash('n', 'lead')} %% {len(leads)}"
    opened = f"%s::date - ({_hash('n', 'opened')} %% 1095)"
    with connection.cursor() as cursor:
        progress(f"zaken: {cases}")
        _insert_select(
            cursor,
            Case,
            {
                "reference": f"'{REFERENCE_PREFIX}' || lpad(n::text, 7, '0')",
                "street": "'Benchstraat'",
                "house_number": f"{number}::text",
                "postcode": "'1234 AB'",
                "city": "'Benchstad'",
                "wijk": "'Wijk ' || (n %% 40)",
                "summary": "'Benchmarkzaak.'",
                "address_key": f"'1234AB|' || {number} || '|'",
                "lead_organisation_id": f"({lead_ids})[{lead}]",
                "regisseur_id": f"({regisseur_ids})[{lead}]",
                "workflow_id": str(int(workflow.pk)),
                "stage_id": f"({stage_ids})[1 + {_hash('n', 'stage')} %% {len(stages)}]",
                "stage_entered_at": "%s",
                "opened_on": opened,
                "closed_on": (
                    f"CASE WHEN {_hash('n', 'closed')} %% 10 < 3 THEN {opened} + 200 END"
                ),
            },
            "generate_series(1, %s) AS n",
            [now, today, today],  # stage_entered_at, opened_on, closed_on
            [cases],
        )
        of_bench = f"cases_case c WHERE c.reference LIKE '{REFERENCE_PREFIX}%%'"

        progress("soorten overlast en tijdlijn")
        category_ids = _array(c.pk for c in categories)
        through = Case.categories.through
        cursor.execute(
            f"INSERT INTO {through._meta.db_table} (case_id, nuisancecategory_id) "  # noqa: S608  # nosec B608 - no user input
            f"SELECT c.id, ({category_ids})[1 + {_hash('c.id', 'cat')} %% {len(categories)}] "
            f"FROM {of_bench}",
            [],  # with parameters, so that %% is the modulo as in every other statement
        )
        _insert_select(
            cursor,
            Event,
            {
                "case_id": "c.id",
                "kind": "%s",
                "actor_id": "c.regisseur_id",
                "organisation_id": "c.lead_organisation_id",
            },
            of_bench,
            [Event.Kind.CASE_OPENED],
        )

        progress("delen (1–4 partners per zaak)")
        # 1–4 distinct partners per case: steps through the 19 other organisations (19 is
        # prime, so any step of 1–18 visits each at most once) from a hashed start.
        all_ids = _array(o.pk for o in organisations)
        others = len(organisations) - 1
        slot = (
            f"(({_hash('c.id', 'start')} + i * (1 + {_hash('c.id', 'step')} %% {others - 1}))"
            f" %% {others})"
        )
        lead_slot = f"(array_position({all_ids}, c.lead_organisation_id) - 1)"
        level_names = "ARRAY[" + ", ".join(f"'{level}'" for level in LEVELS) + "]"
        shares = _insert_select(
            cursor,
            Participation,
            {
                "case_id": "c.id",
                "organisation_id": (
                    f"({all_ids})[1 + {slot} + CASE WHEN {slot} >= {lead_slot} THEN 1 ELSE 0 END]"
                ),
                "level": f"({level_names})[1 + {_hash('c.id * 7 + i', 'level')} %% 3]",
                "legal_ground": "%s",
                "convenant_name": "'Benchconvenant'",
                "shared_by_id": "c.regisseur_id",
                "shared_at": "%s",
            },
            f"cases_case c CROSS JOIN LATERAL generate_series(0, {_hash('c.id', 'k')} %% 4) AS i "
            f"WHERE c.reference LIKE '{REFERENCE_PREFIX}%%'",
            [LegalGround.CONVENANT, now],
        )

        progress(f"  {shares} deelnames; guardian-rechten")
        # The rows cases.access.grants keeps: the lead at volledig, each partner at its level.
        grant_rows = ", ".join(
            f"('{level}', {int(perms[codename].pk)})"
            for level, codenames in LEVEL_CODENAMES.items()
            for codename in codenames
        )
        table = CaseGroupObjectPermission._meta.db_table
        cursor.execute(
            f"INSERT INTO {table} (content_object_id, group_id, permission_id) "  # noqa: S608  # nosec B608 - no user input
            "SELECT c.id, o.group_id, g.permission_id FROM cases_case c "
            "JOIN partners_organisation o ON o.id = c.lead_organisation_id "
            f"JOIN (VALUES {grant_rows}) AS g(level, permission_id) ON g.level = %s "
            "WHERE c.reference LIKE %s",
            [AccessLevel.VOLLEDIG, f"{REFERENCE_PREFIX}%"],
        )
        lead_grants = cursor.rowcount
        cursor.execute(
            f"INSERT INTO {table} (content_object_id, group_id, permission_id) "  # noqa: S608  # nosec B608 - no user input
            "SELECT p.case_id, o.group_id, g.permission_id FROM cases_participation p "
            "JOIN partners_organisation o ON o.id = p.organisation_id "
            f"JOIN (VALUES {grant_rows}) AS g(level, permission_id) ON g.level = p.level "
            "WHERE p.revoked_at IS NULL",
            [],
        )
        progress(f"  {lead_grants + cursor.rowcount} guardian-rijen")


def load(cases: int = 100_000, progress=print) -> None:
    _load(cases, progress)
    progress("VACUUM ANALYZE")
    # Outside the transaction: fresh statistics for the planner and a visibility map for
    # index-only scans, as a database under autovacuum would have.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def loaded() -> bool:
    return Case.objects.filter(reference__startswith=REFERENCE_PREFIX).exists()
