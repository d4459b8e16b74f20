"""The world of the access matrix is built once for the package, in a transaction that is
rolled back at the end; each test runs in a savepoint inside it (pytest-django's `db`), so
whatever a test writes is gone before the next one, and the world is never committed."""

import pytest
from django.db import transaction
from django.test.utils import override_settings

from .world import build_world


@pytest.fixture(scope="package")
def world_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def _media_root(settings, world_media):
    """The world's attachment and PDFs live in the package's media folder (this replaces the
    per-test folder of tests/conftest.py, which would not hold them)."""
    settings.MEDIA_ROOT = world_media
    return world_media


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, world_media):
    from woonoverlast.celery import app

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True  # the PDFs remade after a revocation, in-process
        try:
            with override_settings(
                MEDIA_ROOT=world_media,
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                WOONOVERLAST_REQUIRE_2FA=False,
            ):
                built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
        finally:
            app.conf.task_always_eager = eager
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
