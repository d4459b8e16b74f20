"""The demo's inzageverzoek: the privacy officer of De Linde has one open, received ten days
ago from a veroorzaker of one of its cases. Idempotent: nothing is added when the
organisation has a verzoek already."""

from __future__ import annotations

from datetime import timedelta

from cases import access, clock
from cases.calendars import local_date
from cases.documents.inzage.models import InzageVerzoek
from cases.documents.inzage.services import register_inzageverzoek
from cases.models.choices import PersonRole


def seed_inzage(users) -> InzageVerzoek | None:
    officer = users["privacy"]
    existing = InzageVerzoek.objects.filter(organisation_id=officer.organisation_id).first()
    if existing is not None:
        return existing
    person = (
        access.privacy_persons(officer)
        .filter(case_roles__role=PersonRole.VEROORZAKER)
        .order_by("pk")
        .first()
    )
    if person is None:
        return None
    return register_inzageverzoek(
        actor=officer,
        person=person,
        received_on=local_date(clock.now()) - timedelta(days=10),
        identity_checked_by="paspoort gezien aan de balie door F. Bouzid",
    )
