"""The benchmark data set: 100,000 cases over 20 organisations, each shared with 1–4 partners.

Loaded with bulk_create into a database of its own (see bench_access). The rule "history is
never bypassed" protects real case data: every change a person makes must be traceable. These
rows are synthetic, nobody made them, they live in a throw-away database and the measured pages
never read the history tables, so writing 100,000 history rows (and 100,000 service calls,
hours on two cores) would measure nothing. Guardian rows are written next to the
participations exactly as `cases.access.grants` would, so the two list filters can be compared.
"""

from __future__ import annotations

import random
from datetime import timedelta

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

BATCH = 5000
LEAD_KINDS = [OrganisationKind.CORPORATIE] * 8
PARTNER_KINDS = (
    [OrganisationKind.GEMEENTE] * 3
    + [OrganisationKind.POLITIE] * 3
    + [OrganisationKind.GGD] * 2
    + [OrganisationKind.ZORG] * 3
    + [OrganisationKind.OVERIG]
)
PARTNER_USERNAME = "bench-partner"


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


@transaction.atomic
def load(cases: int = 100_000, seed: int = 7, progress=print) -> None:
    rng = random.Random(seed)  # noqa: S311  # nosec B311 - benchmark data, not secrets
    organisations = _organisations()
    users = _users(organisations)
    leads = organisations[: len(LEAD_KINDS)]
    workflow = Workflow.objects.filter(status=Workflow.Status.PUBLISHED).order_by("pk").first()
    stages = list(Stage.objects.filter(workflow=workflow).order_by("order"))
    categories = list(NuisanceCategory.objects.all())
    perms = level_permissions()
    today = timezone.localdate()
    now = timezone.now()

    progress(f"zaken: {cases}")
    rows = []
    for number in range(1, cases + 1):
        lead = rng.choice(leads)
        opened = today - timedelta(days=rng.randint(0, 3 * 365))
        rows.append(
            Case(
                reference=f"WO-B{number:07d}",
                street="Benchstraat",
                house_number=str(number),
                postcode="1234 AB",
                city="Benchstad",
                wijk=f"Wijk {number % 40}",
                summary="Benchmarkzaak.",
                lead_organisation=lead,
                regisseur=users[lead.pk],
                workflow=workflow,
                stage=rng.choice(stages),
                stage_entered_at=now,
                opened_on=opened,
                closed_on=opened + timedelta(days=200) if rng.random() < 0.3 else None,
            )
        )
    Case.objects.bulk_create(rows, batch_size=BATCH)
    case_rows = list(Case.objects.values_list("pk", "lead_organisation_id"))

    progress("soorten overlast en tijdlijn")
    through = Case.categories.through
    through.objects.bulk_create(
        (through(case_id=pk, nuisancecategory=rng.choice(categories)) for pk, _lead in case_rows),
        batch_size=BATCH,
    )
    Event.objects.bulk_create(
        (
            Event(case_id=pk, kind=Event.Kind.CASE_OPENED, actor=users[lead], organisation_id=lead)
            for pk, lead in case_rows
        ),
        batch_size=BATCH,
    )

    progress("delen (1–4 partners per zaak) en guardian-rechten")
    group_of = {o.pk: o.group_id for o in organisations}
    levels = [AccessLevel.BESTAAN, AccessLevel.PROCES, AccessLevel.VOLLEDIG]
    participations, grants = [], []
    for pk, lead in case_rows:
        grants += [
            CaseGroupObjectPermission(
                content_object_id=pk, group_id=group_of[lead], permission=perms[codename]
            )
            for codename in LEVEL_CODENAMES[AccessLevel.VOLLEDIG]
        ]
        others = [o for o in organisations if o.pk != lead]
        for partner in rng.sample(others, rng.randint(1, 4)):
            level = rng.choice(levels)
            participations.append(
                Participation(
                    case_id=pk,
                    organisation=partner,
                    level=level,
                    legal_ground=LegalGround.CONVENANT,
                    convenant_name="Benchconvenant",
                    shared_by=users[lead],
                    shared_at=now,
                )
            )
            grants += [
                CaseGroupObjectPermission(
                    content_object_id=pk, group_id=group_of[partner.pk], permission=perms[c]
                )
                for c in LEVEL_CODENAMES[level]
            ]
    Participation.objects.bulk_create(participations, batch_size=BATCH)
    progress(f"  {len(participations)} deelnames, {len(grants)} guardian-rijen")
    CaseGroupObjectPermission.objects.bulk_create(grants, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def loaded() -> bool:
    return Case.objects.filter(reference__startswith="WO-B").exists()
