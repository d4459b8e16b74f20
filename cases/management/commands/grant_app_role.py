"""`manage.py grant_app_role [--role NAME]`, run as the database owner after every migrate.

Re-creates the owner's log purge functions (with the ACCESS_LOG_RETENTION_MONTHS of now) and
grants the application role (DATABASE_APP_ROLE, or --role) what web, worker and beat need:
reading and writing the application's tables, but only reading and appending to the logs,
and executing the two purge functions. Idempotent; one transaction. See ADR 0016.

A command, not a post_migrate receiver: post_migrate also fires on every `flush` (each
transactional test) and once per app, and it would hide grants inside `migrate`; here the
deployment says when it happens (docker-compose's one-shot `migrate` service runs it).
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from cases.database_roles import grant_app_role, install_log_functions


class Command(BaseCommand):
    help = (
        "Maakt de opschoonfuncties voor de logboeken opnieuw aan en geeft de applicatierol "
        "(DATABASE_APP_ROLE) haar rechten. Draai als eigenaar van de database, na migrate."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--role", default=None, help="de applicatierol (standaard: DATABASE_APP_ROLE)"
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, role=None, database=DEFAULT_DB_ALIAS, **options):
        connection = connections[database]
        role = role if role is not None else settings.DATABASE_APP_ROLE
        if connection.vendor != "postgresql":
            self.stdout.write("Geen PostgreSQL: één databaserol, niets te doen.")
            return
        with transaction.atomic(using=database), connection.cursor() as cursor:
            install_log_functions(cursor, months=settings.ACCESS_LOG_RETENTION_MONTHS)
            if not role:
                self.stdout.write(
                    "Opschoonfuncties bijgewerkt. DATABASE_APP_ROLE is leeg: één databaserol, "
                    "geen rechten uitgedeeld."
                )
                return
            try:
                grant_app_role(cursor, role)
            except ValueError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(f"Opschoonfuncties bijgewerkt; rechten gegeven aan {role}.")
