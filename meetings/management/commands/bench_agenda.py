"""`manage.py bench_agenda [--items 30] [--organisations 6]`: time the agenda PDFs.

Builds a throw-away casusoverleg (cases written through the services, shared at mixed
levels), renders the agenda for every participating organisation and the chair's combined
copy, prints the time per PDF and in total, and rolls everything back.
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import services as case_services
from cases.access import CaseAccess
from cases.models import NuisanceCategory, Participation
from cases.models.choices import AccessLevel, LegalGround, PersonRole
from meetings import pdf, services
from meetings.models import MeetingDocument, Series
from partners.models import Organisation, OrganisationKind, User

KINDS = [
    OrganisationKind.CORPORATIE,
    OrganisationKind.GEMEENTE,
    OrganisationKind.POLITIE,
    OrganisationKind.GGD,
    OrganisationKind.ZORG,
    OrganisationKind.CORPORATIE,
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet hoe lang het maken van de agenda-PDF's per organisatie duurt."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=30)
        parser.add_argument("--organisations", type=int, default=6)

    def handle(self, *args, items, organisations, **options):
        try:
            with transaction.atomic():
                self._run(items, max(2, organisations))
                raise Rollback
        except Rollback:
            self.stdout.write("Alle benchmarkgegevens zijn teruggedraaid.")

    def _run(self, item_count: int, org_count: int):
        stamp = timezone.now().strftime("%H%M%S%f")
        orgs = [
            Organisation.objects.create(name=f"Bench {n} {stamp}", kind=KINDS[n % len(KINDS)])
            for n in range(org_count)
        ]
        lead, coordinating = orgs[0], orgs[1]
        worker = _user(f"bench-lead-{stamp}", lead, "Medewerker")
        coordinator = _user(f"bench-coord-{stamp}", coordinating, "Coordinator")
        categories = list(NuisanceCategory.objects.all()[:2])
        series = services.create_series(
            actor=coordinator,
            name=f"Benchoverleg {stamp}",
            rhythm=Series.Rhythm.MONTHLY,
            cutoff_working_days=1,
            default_location="Stadhuis",
            participants=orgs,
        )
        meeting = services.plan_meeting(
            actor=coordinator, series=series, starts_at=timezone.now() + timedelta(days=30)
        )
        started = time.perf_counter()
        for number in range(item_count):
            case = case_services.create_case(
                actor=worker,
                categories=categories,
                street=f"Benchstraat {number}",
                house_number=str(number + 1),
                postcode="1234 AB",
                city="Rivierstad",
                wijk="Centrum",
                summary="Herhaalde geluidsoverlast en spanningen met de buren. " * 3,
            )
            access = CaseAccess(case=case, user=worker, level=AccessLevel.VOLLEDIG)
            case_services.add_person(
                actor=worker,
                access=access,
                role=PersonRole.VEROORZAKER,
                first_name="Bench",
                last_name=f"Persoon {number}",
            )
            for index, org in enumerate(orgs[1:], start=1):
                if index > 1 and (number + index) % 3 == 0:
                    continue  # not every partner takes part in every case
                level = AccessLevel.VOLLEDIG if (number + index) % 2 else AccessLevel.PROCES
                if org == coordinating:
                    level = AccessLevel.VOLLEDIG
                Participation.objects.create(
                    case=case,
                    organisation=org,
                    level=level,
                    legal_ground=LegalGround.CONVENANT,
                    shared_by=worker,
                )
            request = services.request_discussion(
                actor=worker,
                access=access,
                series=series,
                question="Welke partner neemt de regie op de zorg en is drang nodig?",
                partners_needed=orgs[2:4],
            )
            services.accept_request(actor=coordinator, request=request)
        self.stdout.write(
            f"Opgebouwd: {item_count} agendapunten, {org_count} organisaties "
            f"in {time.perf_counter() - started:.1f} s"
        )
        total = 0.0
        for org in [None, *orgs]:
            document = MeetingDocument(
                meeting=meeting,
                kind=MeetingDocument.Kind.AGENDA,
                organisation=org,
                requested_by=coordinator,
            )
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                content, sources, pages = pdf.render_pdf(document)
                spent = time.perf_counter() - begin
            total += spent
            label = org.name if org else "voorzitter (alles)"
            self.stdout.write(
                f"  {label:<32} {len(sources):>3} punten {pages:>3} p. "
                f"{len(content) / 1024:>7.0f} kB {len(queries):>4} queries {spent:>6.2f} s"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Totaal {org_count + 1} PDF's in {total:.2f} s "
                f"(gemiddeld {total / (org_count + 1):.2f} s per PDF)"
            )
        )


def _user(username, organisation, role):
    user = User.objects.create(username=username, organisation=organisation)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)
