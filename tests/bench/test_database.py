"""The benchmark's own database: created when missing, kept between runs, rebuilt on --fresh.

Runs against the real PostgreSQL server of DATABASE_URL with a throw-away database name of its
own, which it drops again whatever happens.
"""

import uuid

import psycopg
import pytest
from django.db import connection

from cases.bench.database import database_exists, drop_database, ensure_database

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL only"
)


@pytest.fixture
def server():
    return connection.settings_dict


@pytest.fixture
def name(server):
    name = f"benchcheck_{uuid.uuid4().hex[:12]}"
    yield name
    drop_database(server, name)


def _connect(server, name):
    params = {"host": server["HOST"], "port": server["PORT"], "user": server["USER"]}
    if server.get("PASSWORD"):
        params["password"] = server["PASSWORD"]
    return psycopg.connect(dbname=name, autocommit=True, **{k: v for k, v in params.items() if v})


def _has_marker(server, name):
    with _connect(server, name) as db:
        return db.execute("SELECT to_regclass('public.marker') IS NOT NULL").fetchone()[0]


def test_missing_database_is_created_then_kept_then_rebuilt_on_fresh(server, name):
    assert not database_exists(server, name)

    assert ensure_database(server, name) is True
    assert database_exists(server, name)
    with _connect(server, name) as db:
        db.execute("CREATE TABLE marker (id int)")

    assert ensure_database(server, name) is False  # a second run keeps the loaded data
    assert _has_marker(server, name)

    assert ensure_database(server, name, fresh=True) is True
    assert not _has_marker(server, name)


def test_fresh_on_a_missing_database_creates_it(server, name):
    assert ensure_database(server, name, fresh=True) is True
    assert database_exists(server, name)
    drop_database(server, name)
    assert not database_exists(server, name)
