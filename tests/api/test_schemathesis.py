"""schemathesis against the schema the app serves, with a real client token: for every
operation, generated requests (valid and invalid) get no 5xx, only documented status codes,
and bodies and content types as the schema says. Part of `make test` (bounded: a few
examples per operation, well under a minute).

Requests go through the app's real WSGI handler (schemathesis.openapi.from_wsgi), in the
test's transaction. Half the examples use a real case of the client's organisation (and its
measure and actiepunt) instead of a generated reference, so the operations are also run on
data that exists, not only answered with 404.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cases import services
from cases.models.choices import AccessLevel
from partners.models import Instrument, OrganisationKind
from tests.factories import OrganisationFactory, access_for, make_case, share

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]
EXAMPLES_PER_OPERATION = 20


@contextmanager
def _connection_kept():
    """The WSGI handler closes "old" connections around each request, which would close the
    test's connection mid-transaction; Django's test client unhooks the same signal."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def real_data(consulent, corporatie):
    gemeente = OrganisationFactory(name="Gemeente Schemathesis", kind=OrganisationKind.GEMEENTE)
    case = make_case(consulent)
    share(case, gemeente, AccessLevel.VOLLEDIG, consulent)
    measure = services.add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=Instrument.objects.filter(active=True).first(),
        owner_organisation=gemeente,
        start_date=date(2026, 1, 5),
    )
    item = services.add_action_item(
        actor=consulent,
        access=access_for(consulent, case),
        title="Huisbezoek",
        owner_organisation=gemeente,
        due_on=date(2027, 1, 5),
    )
    return gemeente, {"reference": case.reference, "measure_id": measure.pk, "item_id": item.pk}


def test_every_operation_conforms_to_the_schema(real_data, api_for, settings):
    settings.API_THROTTLE_RATE = "100000/minute"
    organisation, known = real_data
    api = api_for(organisation, write=True)
    headers = {"Authorization": f"Bearer {api.token}"}
    failures = []
    with _connection_kept():
        schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 15

        for operation in operations:

            @hypothesis_settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(), use_known=st.booleans())
            def run(case, use_known):
                if use_known and case.path_parameters:
                    for name in case.path_parameters:
                        if name in known:
                            case.path_parameters[name] = known[name]
                response = case.call(headers=headers)
                case.validate_response(response, checks=CHECKS, headers=headers)

            try:
                run()
            except Exception as failure:  # one report for all operations
                failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert not failures, "\n\n".join(failures)
