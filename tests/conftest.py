import os
import uuid

import pytest
from django.conf import settings

from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Attachments land in a per-test folder, never in the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 takes a noticeable time per user on a small machine; tests need no strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _two_factor_off(settings):
    """The test settings: no second factor, so client.force_login reaches the pages.

    Tests of two-factor authentication turn it on with `settings.WOONOVERLAST_REQUIRE_2FA`.
    """
    settings.WOONOVERLAST_REQUIRE_2FA = False


MODEL_BACKEND = "partners.backends.UserBackend"


@pytest.fixture
def corporatie(db):
    return OrganisationFactory(name="Woonstichting De Linde", kind=OrganisationKind.CORPORATIE)


@pytest.fixture
def consulent(corporatie):
    """A Medewerker (consulent sociaal beheer) at a corporatie."""
    return UserFactory(
        username="consulent", first_name="Carla", last_name="Consulent", organisation=corporatie
    )


@pytest.fixture
def colleague(corporatie):
    return UserFactory(
        username="collega", first_name="Cor", last_name="Collega", organisation=corporatie
    )


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Woonbron Oost", kind=OrganisationKind.CORPORATIE)


@pytest.fixture
def other_org_user(other_org):
    """A Medewerker at another corporatie that has nothing to do with the consulent's cases."""
    return UserFactory(
        username="consulent-b", first_name="Bas", last_name="Buiten", organisation=other_org
    )


@pytest.fixture
def partner_org(db):
    return OrganisationFactory(name="Gemeente Voorbeeld", kind=OrganisationKind.GEMEENTE)


@pytest.fixture
def partner_user(partner_org):
    return UserFactory(
        username="gemeente", first_name="Gerda", last_name="Gemeente", organisation=partner_org
    )


@pytest.fixture
def client_for(client):
    """client_for(user): the test client, logged in as `user`."""

    def login(user):
        # With django-axes first in AUTHENTICATION_BACKENDS the backend is named explicitly.
        client.force_login(user, backend=MODEL_BACKEND)
        return client

    return login


@pytest.fixture(scope="session", autouse=True)
def _broker_of_its_own(tmp_path_factory):
    """The run's messages live under a key prefix (Redis) or folder (file broker) of its own,
    removed at the end: a worker of the demo or of another checkout on the same broker never
    sees a test's task, and nothing is left behind."""
    from woonoverlast.celery import app

    options = dict(app.conf.broker_transport_options or {})
    if settings.CELERY_BROKER_URL.startswith("redis"):
        prefix = f"woonoverlast-test-{uuid.uuid4().hex[:12]}:"
        options["global_keyprefix"] = prefix
        os.environ["CELERY_BROKER_KEY_PREFIX"] = prefix  # for worker processes the tests start
    else:
        folder = tmp_path_factory.mktemp("broker")
        for name in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
            (folder / name).mkdir()
            options[name] = str(folder / name)
    app.conf.broker_transport_options = options
    yield
    app.pool.force_close_all()
    if settings.CELERY_BROKER_URL.startswith("redis"):
        import redis

        client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        for key in client.scan_iter(match=f"{prefix}*", count=1000):
            client.delete(key)
        client.close()


@pytest.fixture(autouse=True)
def _celery_eager_outside_integration(request):
    """Unit tests run tasks in-process; tests marked integration use the real broker."""
    from woonoverlast.celery import app

    if request.node.get_closest_marker("integration"):
        yield
        return
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = False
