"""`manage.py bench_access`: how fast does a partner see their cases at 100,000 cases?

`--cases N` measures at another size. Runs in a database of its own (`<NAME>_bench`, or
`<NAME>_bench_<N>` for another size, next to the configured PostgreSQL database, created and
migrated when missing, filled once; `--fresh` rebuilds it), never in the
application's database. Logs a partner user in as production does (password, then the second
factor: `cases/bench/client.py`) and prints the median time and query count of the
first page of the case list and of a case page, and of the partner API's case list (with an
OAuth2 token of a client of the same organisation), next to the bare SQL selecting the same rows,
and compares filtering through participations with filtering through guardian's tables.
"""

from __future__ import annotations

import json
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases import access
from cases.access.grants import level_permissions
from cases.access.listing import COUNT_LIMIT
from cases.bench import database, dataset
from cases.bench.api import bearer_client
from cases.bench.client import LoginFailed, verified_client
from cases.models import Case, Participation
from cases.models.choices import AccessLevel
from partners.models import User
from woonoverlast import startup_heap

DEFAULT_CASES = 100_000


def _median_ms(function, runs: int) -> float:
    return _medians_ms(function, runs)[0]


def _medians_ms(function, runs: int) -> tuple[float, float]:
    """The median time of `function` and the median time its SQL took (from sending each
    statement until its rows were read): what is left is Python."""
    function()  # warm up: connection, caches, plans
    timings, sql_timings = [], []
    in_sql = [0.0]

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            in_sql[0] += time.perf_counter() - start

    for _run in range(runs):
        in_sql[0] = 0.0
        with connection.execute_wrapper(timed):
            start = time.perf_counter()
            function()
            timings.append((time.perf_counter() - start) * 1000)
        sql_timings.append(in_sql[0] * 1000)
    return statistics.median(timings), statistics.median(sql_timings)


class Command(BaseCommand):
    help = "Benchmark van de toegangsfilters op 100.000 zaken (eigen database)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=DEFAULT_CASES)
        parser.add_argument("--runs", type=int, default=15)
        parser.add_argument("--fresh", action="store_true", help="Bouw de benchmarkdata opnieuw.")
        parser.add_argument(
            "--json", dest="json_path", help="Schrijf de paginatijden ook als JSON naar dit pad."
        )

    def handle(self, *args, cases, runs, fresh, json_path=None, **options):
        self.json_path = json_path
        self._use_bench_database(fresh, cases)
        call_command("migrate", verbosity=0)
        if not dataset.loaded():
            start = time.perf_counter()
            dataset.load(cases=cases, progress=lambda text: self.stdout.write(f"  {text}"))
            self.stdout.write(f"Data geladen in {time.perf_counter() - start:.0f} s.")
        self._measure(runs)

    def _use_bench_database(self, fresh: bool, cases: int) -> None:
        # One database per size, so that 100,000 and 1,000,000 can be measured side by side.
        size = "" if cases == DEFAULT_CASES else f"_{cases}"
        name, created = database.use_bench_database(f"_bench{size}", fresh=fresh)
        self.stdout.write(f"Benchmarkdatabase: {name}{' (nieuw)' if created else ''}")

    def _measure(self, runs: int) -> None:
        user = User.objects.get(username=dataset.PARTNER_USERNAME)
        org_id = user.organisation_id
        shared = Participation.objects.filter(organisation_id=org_id, revoked_at__isnull=True)
        full_case = (
            Case.objects.filter(pk__in=shared.filter(level=AccessLevel.VOLLEDIG).values("case_id"))
            .order_by("pk")
            .first()
        )
        self.stdout.write(
            f"Partner: {user.organisation} ziet {access.visible_cases(user).count()} van "
            f"{Case.objects.count()} zaken; {Participation.objects.count()} deelnames."
        )
        try:
            client = verified_client(user)  # password and second factor, as in production
        except LoginFailed as error:
            raise CommandError(f"Inloggen van {user.username} mislukt: {error}") from error
        startup_heap.freeze()  # as gunicorn does before it forks a worker
        list_url = reverse("cases:list")
        case_url = reverse("cases:detail", args=[full_case.reference])
        # The figures page (cases/figures): every figure over the partner's cases, default period.
        dashboard_url = reverse("figures:page")

        def page(url):
            def get():
                response = client.get(url)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")

            return get

        def queries(function) -> int:
            with CaptureQueriesContext(connection) as captured:
                function()
            return len(captured)

        # The rows of the first list page (open cases, newest first) and their count as the
        # list counts them (up to COUNT_LIMIT + 1), in plain SQL, through the same guardian
        # table the application filters on.
        visible_open = (
            "FROM cases_case c WHERE c.closed_on IS NULL AND EXISTS ("
            "SELECT 1 FROM cases_casegroupobjectpermission g WHERE g.content_object_id = c.id "
            "AND g.group_id = %s AND g.permission_id = %s)"
        )
        # Constants only, no user input:
        first_rows = f"SELECT c.* {visible_open} ORDER BY c.opened_on DESC, c.reference DESC"  # noqa: S608  # nosec B608
        counted = f"SELECT count(*) FROM (SELECT 1 {visible_open} LIMIT {COUNT_LIMIT + 1}) AS n"  # noqa: S608  # nosec B608
        bare_list = f"{first_rows} LIMIT 50; {counted}"
        bestaan = level_permissions()["view_case_bestaan"].pk
        bare_case = "SELECT c.* FROM cases_case c WHERE c.reference = %s"
        bare_count = (
            "SELECT count(*) FROM cases_case c WHERE EXISTS ("
            "SELECT 1 FROM cases_casegroupobjectpermission g WHERE g.content_object_id = c.id "
            "AND g.group_id = %s AND g.permission_id = %s)"
        )
        # The API's first page: every visible case (no status filter), by reference.
        bare_api_list = (
            "SELECT c.* FROM cases_case c WHERE EXISTS ("
            "SELECT 1 FROM cases_casegroupobjectpermission g WHERE g.content_object_id = c.id "
            "AND g.group_id = %s AND g.permission_id = %s) "
            "ORDER BY c.reference LIMIT 50"
        )
        api_client = bearer_client(user.organisation)
        api_list_url = reverse("api:cases")

        def api_page():
            response = api_client.get(api_list_url)
            if response.status_code != 200:
                raise CommandError(f"{api_list_url} answered {response.status_code}")

        def sql(statements, params):
            def run():
                with connection.cursor() as cursor:
                    for statement in statements.split("; "):
                        cursor.execute(statement, params[: statement.count("%s")])
                        cursor.fetchall()

            return run

        grants = [user.organisation.group_id, bestaan]
        pages = [
            ("case_list", "Zaaklijst, eerste pagina", page(list_url), bare_list, grants),
            ("api_case_list", "API-zaaklijst, eerste pagina", api_page, bare_api_list, grants),
            (
                "case_page",
                "Zaakpagina (volledig gedeeld)",
                page(case_url),
                bare_case,
                [full_case.reference],
            ),
            ("dashboard", "Cijferpagina (dashboard)", page(dashboard_url), bare_count, grants),
        ]
        results = []
        for key, label, get, bare, params in pages:
            ms, sql_ms = _medians_ms(get, runs)
            bare_ms = _median_ms(sql(bare, params), runs)
            results.append((key, label, ms, queries(get), bare_ms, sql_ms))
        if self.json_path:
            measured = {
                key: {
                    "median_ms": round(ms, 1),
                    "queries": count,
                    "bare_sql_ms": round(bare, 2),
                    "sql_ms": round(sql_ms, 2),  # the page's own SQL, within median_ms
                }
                for key, _label, ms, count, bare, sql_ms in results
            }
            with open(self.json_path, "w") as handle:
                json.dump({"cases": Case.objects.count(), "pages": measured}, handle, indent=2)
        self.stdout.write("")
        self.stdout.write(
            f"{'pagina':34} {'mediaan':>9} {'queries':>8} {'kale SQL':>9} {'ratio':>6} "
            f"{'SQL pagina':>11} {'Python':>8}"
        )
        for _key, label, ms, count, bare_ms, sql_ms in results:
            self.stdout.write(
                f"{label:34} {ms:7.1f}ms {count:8d} {bare_ms:7.2f}ms {ms / bare_ms:6.0f}x "
                f"{sql_ms:9.1f}ms {ms - sql_ms:6.1f}ms"
            )
        self.stdout.write(
            "  (SQL pagina: de tijd in de eigen queries van de pagina; Python: de rest)"
        )

        def first_page(queryset):
            def run():
                open_cases = queryset.filter(closed_on__isnull=True)
                list(open_cases.order_by("-opened_on", "-reference")[:50])
                open_cases.count()

            return run

        def one_case(check):
            return lambda: check()

        with connection.cursor() as cursor:
            # The application turns JIT off (settings, ADR 0028); here both are measured.
            cursor.execute("SET jit = on")
        via_participations = _median_ms(first_page(access.cases_via_participations(user)), runs)
        via_guardian = _median_ms(first_page(access.visible_cases(user)), runs)
        with connection.cursor() as cursor:
            # PostgreSQL compiles a query whose estimated cost passes jit_above_cost; the OR
            # over lead and participations is estimated high enough to trigger it.
            cursor.execute("SET jit = off")
        participations_no_jit = _median_ms(first_page(access.cases_via_participations(user)), runs)
        guardian_no_jit = _median_ms(first_page(access.visible_cases(user)), runs)
        with connection.cursor() as cursor:
            cursor.execute("RESET jit")
        level_participations = _median_ms(
            one_case(lambda: access.access_level(user, full_case)), runs
        )

        def guardian_check():
            fresh = User.objects.get(pk=user.pk)  # guardian caches per user object
            fresh.has_perm("cases.view_case_volledig", full_case)

        user_lookup = _median_ms(lambda: User.objects.get(pk=user.pk), runs)
        level_guardian = _median_ms(guardian_check, runs) - user_lookup
        self.stdout.write("")
        self.stdout.write("Filter op zichtbare zaken (50 rijen + telling, open zaken):")
        self.stdout.write(f"{'':30} {'jit aan':>9} {'jit uit':>9}")
        self.stdout.write(
            f"  {'deelnames (lead OF EXISTS)':28} {via_participations:7.1f}ms "
            f"{participations_no_jit:7.1f}ms"
        )
        self.stdout.write(
            f"  {'guardian-tabel (EXISTS)':28} {via_guardian:7.1f}ms {guardian_no_jit:7.1f}ms"
        )
        self.stdout.write("  (de lijsten gebruiken de guardian-tabel: visible_cases, ADR 0007)")
        self.stdout.write("Niveau van één zaak:")
        self.stdout.write(f"  via deelnames               {level_participations:7.2f} ms")
        self.stdout.write(f"  via guardian has_perm       {level_guardian:7.2f} ms")
