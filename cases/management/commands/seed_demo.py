"""`manage.py seed_demo [--password PW]`: fictional demo data for Rivierstad.

Idempotent: organisations and users are looked up by name, and the cases are only created
when the demo corporaties lead no cases yet, so a second run adds nothing. Everything runs in
one transaction. Case data is written through cases.services like any other write; only what
has no service yet (stage changes, closing) is written here directly, with history.
The data is deterministic (random.Random(2026)); dates are relative to today.
"""

from __future__ import annotations

import os
import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cases.clock import PinnedClock as EventClock
from cases.demo import data
from cases.demo.inzage import seed_inzage
from cases.demo.seeder import DemoSeeder
from cases.documents.letters.seed import seed_letter_templates
from cases.models import Case
from partners.models import Organisation

SEED = 2026


class Command(BaseCommand):
    help = "Laadt fictieve demogegevens (organisaties, gebruikers en zaken in Rivierstad)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Wachtwoord voor alle demo-gebruikers (anders DEMO_PASSWORD, anders gegenereerd).",
        )

    def handle(self, *args, password=None, **options):
        password = password or os.environ.get("DEMO_PASSWORD") or None
        if password is not None:
            _validate(password)
        with transaction.atomic():
            organisations = _organisations()
            users, new_usernames, generated = _users(organisations, password)
            lead_keys = ("linde", "stadswonen")
            has_cases = Case.objects.filter(
                lead_organisation__in=[organisations[key] for key in lead_keys]
            ).exists()
            if has_cases:
                self.stdout.write("De demozaken bestaan al; er zijn geen zaken toegevoegd.")
            else:
                with EventClock() as clock:
                    DemoSeeder(organisations, users, clock).run()
            seed_inzage(users)  # one open inzageverzoek for the privacy officer
            # Other apps add their part through a `seed_demo` hook on their AppConfig, so the
            # case register need not import them.
            # Every organisation's example letters (cases/documents/letters), also for
            # organisations that existed before the demo; never overwriting a changed one.
            letters = seed_letter_templates(organisations.values())
            extras = [
                config.seed_demo(organisations, users)
                for config in apps.get_app_configs()
                if callable(getattr(config, "seed_demo", None))
            ]

        # Printed only after the commit, so a printed password always works.
        existing = [name for name in data.USERS if name not in new_usernames]
        if generated:
            label = "alle demo-gebruikers" if not existing else "de nieuwe demo-gebruikers"
            self.stdout.write(f"Wachtwoord voor {label}: {generated}")
        if existing and password is None:
            self.stdout.write(
                "Bestaande demo-gebruikers houden hun wachtwoord "
                "(geef --password of DEMO_PASSWORD om het te wijzigen)."
            )
        elif existing:
            self.stdout.write("Het wachtwoord van de bestaande demo-gebruikers is bijgewerkt.")
        self._summary(organisations)
        self.stdout.write(f"Briefsjablonen: {letters} nieuw.")
        for line in extras:
            self.stdout.write(line)

    def _summary(self, organisations):
        cases = Case.objects.filter(lead_organisation__in=organisations.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens: {len(organisations)} organisaties, {len(data.USERS)} gebruikers, "
                f"{cases.count()} zaken ({cases.filter(closed_on__isnull=False).count()} gesloten)."
            )
        )
        for username, (first, last, _email, org_key, role) in data.USERS.items():
            self.stdout.write(
                f"  {username:<12} {first} {last}, {role}, {organisations[org_key].name}"
            )


def _validate(password: str) -> None:
    User = get_user_model()
    for username, (first, last, email, *_rest) in data.USERS.items():
        person = User(username=username, first_name=first, last_name=last, email=email)
        try:
            validate_password(password, user=person)
        except ValidationError as error:
            raise CommandError(
                f"Het wachtwoord is niet geschikt voor {username}: {' '.join(error.messages)}"
            ) from error


def _organisations() -> dict[str, Organisation]:
    organisations = {}
    for key, (name, kind, area) in data.ORGANISATIONS.items():
        organisation, _created = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "area": area}
        )
        if organisation.kind != kind:
            raise CommandError(f"Organisatie {name!r} bestaat al met een andere soort.")
        organisations[key] = organisation
    return organisations


def _users(organisations, password):
    """Create missing users; returns (users by name, names created, generated password)."""
    User = get_user_model()
    roles = {group.name: group for group in Group.objects.filter(name__in=_role_names())}
    missing_roles = set(_role_names()) - set(roles)
    if missing_roles:
        raise CommandError(
            f"Rollen ontbreken ({', '.join(sorted(missing_roles))}); voer eerst migrate uit."
        )
    existing = {user.username: user for user in User.objects.filter(username__in=data.USERS)}
    generated = None
    if password is None and len(existing) < len(data.USERS):
        generated = secrets.token_urlsafe(12)  # 16 characters; checked like any password
        _validate(generated)
    # One hash for all demo users: hashing is deliberately slow and they share the password.
    hashed = make_password(password or generated) if (password or generated) else None

    users, created = {}, []
    for username, (first, last, email, org_key, role) in data.USERS.items():
        organisation = organisations[org_key]
        user = existing.get(username)
        if user is None:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=email,
                organisation=organisation,
                password=hashed,
            )
            user.save()
            created.append(username)
        else:
            if user.organisation_id != organisation.pk:
                raise CommandError(f"Gebruiker {username!r} bestaat al bij een andere organisatie.")
            if password is not None:  # given explicitly: existing users get it too
                user.password = hashed
                user.save(update_fields=["password"])
        user.groups.add(roles[role])
        users[username] = user
    return users, created, generated


def _role_names():
    return sorted({role for *_rest, role in data.USERS.values()})
