"""The benchmark's own PostgreSQL database, next to the configured one.

`bench_access` never measures in the application's database: it creates `<NAME>_bench` on the
same server when it is missing, keeps it between runs (loading 100,000 cases takes minutes),
and drops and recreates it only when asked (`--fresh`). These helpers talk to the server's
maintenance database `postgres`, so the configured database itself need not exist.
"""

from __future__ import annotations

from typing import Any

import psycopg
from django.core.management.base import CommandError
from django.db import connection, connections
from psycopg import sql
from psycopg.conninfo import make_conninfo


def _admin_connection(settings_dict: dict[str, Any]) -> psycopg.Connection:
    conninfo = make_conninfo(
        "",
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        dbname="postgres",
    )
    return psycopg.connect(conninfo, autocommit=True)


def _exists(admin: psycopg.Connection, name: str) -> bool:
    row = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def database_exists(settings_dict: dict[str, Any], name: str) -> bool:
    with _admin_connection(settings_dict) as admin:
        return _exists(admin, name)


def ensure_database(settings_dict: dict[str, Any], name: str, *, fresh: bool = False) -> bool:
    """Make sure database `name` exists on the server of `settings_dict`; True if created now.

    An existing database is kept as it is, unless `fresh`: then it is dropped and created empty.
    """
    with _admin_connection(settings_dict) as admin:
        exists = _exists(admin, name)
        if exists and not fresh:
            return False
        if exists:
            admin.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def drop_database(settings_dict: dict[str, Any], name: str) -> None:
    with _admin_connection(settings_dict) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def use_bench_database(suffix: str = "_bench", *, fresh: bool = False) -> tuple[str, bool]:
    """Point this process's default connection at `<NAME><suffix>`, creating it when missing.

    Returns (its name, whether it was created now). From then on the process talks only to
    that database, never to the application's. Needs PostgreSQL and the CREATEDB right.
    """
    settings_dict = connection.settings_dict
    if connection.vendor != "postgresql":
        raise CommandError("De benchmark draait op PostgreSQL (zet DATABASE_URL).")
    name = f"{settings_dict['NAME']}{suffix}"
    try:
        created = ensure_database(settings_dict, name, fresh=fresh)
    except psycopg.Error as error:  # server down, no such role, no CREATEDB right
        raise CommandError(f"Benchmarkdatabase {name} niet klaargezet: {error}") from error
    connections.close_all()
    settings_dict["NAME"] = name
    return name, created
