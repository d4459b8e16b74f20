"""Writes of the inzage: register a verzoek, extend its term, mark it afgehandeld, remind
before the deadline.

Only the privacy officer's role holds the permissions; a verzoek of another organisation is
not there for the user (NOT_FOUND: 404 and logged), nor is a person the organisation does not
know (`access.privacy_persons`).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from cases import access, clock
from cases.calendars import local_date
from cases.models import Notification
from cases.notifications.services import notify
from cases.services.common import save_with_history
from partners.selectors import users_with_perm
from woonoverlast.refusals import Refusal

from .deadline import extended_deadline, inzage_deadline
from .models import InzageVerzoek

# Days before the deadline on which the organisation's privacy officers are reminded.
REMINDER_DAYS = (7, 1)
IDENTITY_MAX: int = InzageVerzoek._meta.get_field("identity_checked_by").max_length or 200
REASON_MAX: int = InzageVerzoek._meta.get_field("extension_reason").max_length or 500


def _require(actor, codename: str) -> None:
    if not actor.has_perm(f"cases.{codename}") or actor.organisation_id is None:
        raise Refusal.forbidden(_("Alleen de privacy officer behandelt inzageverzoeken."))


@transaction.atomic
def register_inzageverzoek(
    *, actor, person, received_on: date | None, identity_checked_by: str
) -> InzageVerzoek:
    _require(actor, "add_inzageverzoek")
    problems: dict[str, str] = {}
    if person is None or not access.privacy_persons(actor).filter(pk=person.pk).exists():
        problems["person"] = _("Kies een betrokkene die uw organisatie kent.")
    today = local_date(clock.now())
    if received_on is None:
        problems["received_on"] = _("Vul de datum van ontvangst in.")
    elif received_on > today:
        problems["received_on"] = _("De datum van ontvangst ligt in de toekomst.")
    identity = (identity_checked_by or "").strip()
    if not identity:
        problems["identity_checked_by"] = _("Vul in wie de identiteit heeft gecontroleerd en hoe.")
    elif len(identity) > IDENTITY_MAX:
        problems["identity_checked_by"] = _("Gebruik hooguit %(max)s tekens.") % {
            "max": IDENTITY_MAX
        }
    if problems or received_on is None:
        raise Refusal.on_fields(problems)
    verzoek = InzageVerzoek(
        person=person,
        organisation_id=actor.organisation_id,
        received_on=received_on,
        identity_checked_by=identity,
        deadline=inzage_deadline(received_on),
        registered_by=actor,
    )
    return save_with_history(verzoek, actor)


@transaction.atomic
def close_inzageverzoek(*, actor, verzoek: InzageVerzoek) -> InzageVerzoek:
    """Mark the verzoek afgehandeld today, once."""
    _require(actor, "change_inzageverzoek")
    locked = InzageVerzoek.objects.select_for_update().filter(pk=verzoek.pk).first()
    if locked is None or locked.organisation_id != actor.organisation_id:
        raise Refusal.not_found(_("Inzageverzoek niet gevonden"))
    if not locked.is_open:
        raise Refusal(_("Dit inzageverzoek is al afgehandeld."))
    locked.status = InzageVerzoek.Status.AFGEHANDELD
    locked.closed_on = local_date(clock.now())
    locked.closed_by = actor
    return save_with_history(locked, actor)


@transaction.atomic
def extend_inzageverzoek(*, actor, verzoek: InzageVerzoek, reason: str) -> InzageVerzoek:
    """Extend the term by two months (art. 12(3) AVG), once, while the first month runs: the
    requester must be told of it, with the reason, within that month."""
    _require(actor, "change_inzageverzoek")
    locked = InzageVerzoek.objects.select_for_update().filter(pk=verzoek.pk).first()
    if locked is None or locked.organisation_id != actor.organisation_id:
        raise Refusal.not_found(_("Inzageverzoek niet gevonden"))
    if not locked.is_open:
        raise Refusal(_("Dit inzageverzoek is al afgehandeld."))
    if locked.is_extended:
        raise Refusal(_("De termijn van dit verzoek is al verlengd; dat kan maar één keer."))
    if not locked.in_first_month(local_date(clock.now())):
        raise Refusal(
            _(
                "De eerste maand is voorbij: verlengen kan alleen binnen een maand na "
                "ontvangst, met bericht aan de aanvrager."
            )
        )
    reason = (reason or "").strip()
    if not reason:
        raise Refusal(
            _("Schrijf op waarom het verzoek meer tijd vraagt; de aanvrager krijgt die reden."),
            field="reason",
        )
    if len(reason) > REASON_MAX:
        raise Refusal(_("Gebruik hooguit %(max)s tekens.") % {"max": REASON_MAX}, field="reason")
    locked.deadline = extended_deadline(locked.received_on)
    locked.extended_on = local_date(clock.now())
    locked.extension_reason = reason
    locked.extended_by = actor
    return save_with_history(locked, actor)


def remind_inzage_deadlines(today: date | None = None) -> int:
    """Remind the privacy officers of the organisation of each open verzoek 7 days and 1 day
    before its deadline, once each: the key names the verzoek and the threshold, so a rerun,
    a redelivered task or a sweep that missed a day (it then sends the threshold passed
    last) creates nothing twice. The text holds the verzoek's number only, no name."""
    today = today or local_date(clock.now())
    horizon = today + timedelta(days=max(REMINDER_DAYS))
    created = 0
    open_ones = InzageVerzoek.objects.filter(
        status=InzageVerzoek.Status.OPEN, deadline__gte=today, deadline__lte=horizon
    ).order_by("deadline", "pk")
    for verzoek in open_ones:
        days_left = (verzoek.deadline - today).days
        threshold = min(days for days in REMINDER_DAYS if days >= days_left)
        officers = users_with_perm("cases.change_inzageverzoek", [verzoek.organisation_id])
        text = _(
            "Inzageverzoek %(number)s: de termijn verloopt op %(deadline)s (nog %(days)s dag(en))."
        ) % {
            "number": verzoek.number,
            "deadline": verzoek.deadline.strftime("%d-%m-%Y"),
            "days": days_left,
        }
        with transaction.atomic():
            created += len(
                notify(
                    list(officers),
                    # An extended term is reminded of again, before its new deadline.
                    key=f"inzage:{verzoek.pk}:{threshold}"
                    + (":verlengd" if verzoek.is_extended else ""),
                    kind=Notification.Kind.INZAGE_DUE,
                    text=text,
                    link=reverse("inzage:detail", kwargs={"verzoek_id": verzoek.pk}),
                )
            )
    return created
