"""manage.py create_api_client --organisation NAME --name CLIENT [--write]

Creates an API client for a partner system, as the organisation's Beheerder does in the app
(Beheer > Koppelingen), and prints its client id and secret on lines of their own. The
secret is shown this once; only its hash is stored.
"""

from django.core.management.base import BaseCommand, CommandError

from partners.models import ApiClient, Organisation
from partners.services_api_clients import api_client_create
from woonoverlast.refusals import Refusal


class Command(BaseCommand):
    help = "Maak een API-koppeling (OAuth2 client credentials) voor een organisatie."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="Naam van de organisatie")
        parser.add_argument("--name", required=True, help="Naam van de koppeling (het systeem)")
        parser.add_argument(
            "--write",
            action="store_true",
            help="Ook schrijven (scope write); zonder: alleen lezen (scope read)",
        )

    def handle(self, *args, organisation, name, write, **options):
        org = Organisation.objects.filter(name=organisation).first()
        if org is None:
            raise CommandError(f"Onbekende organisatie: {organisation}")
        scopes = ApiClient.Scopes.READ_WRITE if write else ApiClient.Scopes.READ
        try:
            client, secret = api_client_create(
                actor=None, organisation=org, name=name, scopes=scopes
            )
        except Refusal as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(f"client_id={client.client_id}")
        self.stdout.write(f"client_secret={secret}")
        self.stdout.write(f"scope={client.scopes}")
