"""`manage.py bench_agenda [--items 30] [--organisations 6]`: time the agenda PDFs.

Runs in the benchmark's own PostgreSQL database `<NAME>_bench` (created and migrated when
missing, as `bench_access` does), never in the application's. Builds a throw-away
casusoverleg there (cases written through the services, shared at mixed levels), renders the
agenda for every participating organisation and the chair's combined copy, and rolls
everything back. Per PDF it prints the queries, the total time, the time WeasyPrint alone
takes on the same HTML and their ratio: what the ratio has above 1 is ours (selectors and
template), the rest is WeasyPrint's layout.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import services as case_services
from cases.access import CaseAccess
from cases.bench import database
from cases.documents.rendering import html_to_pdf
from cases.models import NuisanceCategory, Participation
from cases.models.choices import AccessLevel, LegalGround, PersonRole
from meetings import pdf, services
from meetings.models import MeetingDocument, Series
from partners.models import Organisation, OrganisationKind, User
from woonoverlast import startup_heap

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
        name, created = database.use_bench_database()
        self.stdout.write(f"Benchmarkdatabase: {name}{' (nieuw)' if created else ''}")
        call_command("migrate", verbosity=0)
        # One line per font and PDF about HarfBuzz-Subset would bury the table.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
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
        documents = [
            MeetingDocument(
                meeting=meeting,
                kind=MeetingDocument.Kind.AGENDA,
                organisation=org,
                requested_by=coordinator,
            )
            for org in [None, *orgs]
        ]
        # As a Celery pool process does when it starts (woonoverlast/startup_heap.py).
        startup_heap.freeze()
        html_to_pdf(pdf.render_html(documents[0])[0])  # warm up: fonts, WeasyPrint's caches
        self.stdout.write(
            f"  {'PDF voor':<32} {'punten':>6} {'pag.':>4} {'queries':>7} "
            f"{'totaal':>7} {'WeasyPrint':>10} {'verhouding':>10}"
        )
        total = weasy_total = 0.0
        for document in documents:
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                html, sources = pdf.render_html(document)
                rendered = time.perf_counter()
                _content, pages = html_to_pdf(html)
                done = time.perf_counter()
            spent, weasy = done - begin, done - rendered
            total += spent
            weasy_total += weasy
            org = document.organisation
            label = org.name if org else "voorzitter (alles)"
            self.stdout.write(
                f"  {label[:32]:<32} {len(sources):>6} {pages:>4} {len(queries):>7} "
                f"{spent:>6.2f}s {weasy:>9.2f}s {spent / weasy:>10.2f}"
            )
        count = len(documents)
        self.stdout.write(
            self.style.SUCCESS(
                f"Totaal {count} PDF's in {total:.2f} s (gemiddeld {total / count:.2f} s per "
                f"PDF); WeasyPrint alleen {weasy_total:.2f} s; verhouding "
                f"{total / weasy_total:.2f} (doel: hoogstens 1,2)"
            )
        )


def _user(username, organisation, role):
    user = User.objects.create(username=username, organisation=organisation)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)
