"""`manage.py migrate_workflow_cases --from ID --to ID --user NAME [--map OUD=NIEUW ...]`

Moves the running cases of one workflow version to another (published) version, each
case's stage mapped by stage code. Stages whose code exists in both versions map to
themselves unless `--map` says otherwise. All cases move, or none (one transaction); each
gets a timeline event. `--dry-run` only prints what would happen.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cases.models import Workflow
from cases.services import workflow_config
from woonoverlast.refusals import Refusal


class Command(BaseCommand):
    help = "Zet lopende zaken over naar een andere versie van een werkwijze, met een fasemapping."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="source", type=int, required=True, help="id van de oude versie"
        )
        parser.add_argument(
            "--to", dest="target", type=int, required=True, help="id van de nieuwe versie"
        )
        parser.add_argument("--user", required=True, help="gebruikersnaam van wie de zaken overzet")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="OUDE_CODE=NIEUWE_CODE",
            help="fase-code in de oude versie = fase-code in de nieuwe versie (herhaalbaar)",
        )
        parser.add_argument("--dry-run", action="store_true", help="alleen tonen, niets wijzigen")

    def handle(self, *args, source, target, user, map, dry_run, **options):
        try:
            source_wf = Workflow.objects.get(pk=source)
            target_wf = Workflow.objects.get(pk=target)
        except Workflow.DoesNotExist as missing:
            raise CommandError("Werkwijze niet gevonden.") from missing
        actor = get_user_model().objects.filter(username=user, is_active=True).first()
        if actor is None:
            raise CommandError(f"Gebruiker {user} niet gevonden.")
        mapping = mapping_by_code(source_wf, target_wf, map)
        in_use = workflow_config.stages_in_use(source_wf)
        names = {s.pk: s for s in source_wf.stages.all()}
        targets = {s.pk: s for s in target_wf.stages.all()}
        for stage_id, count in sorted(in_use.items(), key=lambda item: names[item[0]].order):
            new = targets.get(mapping.get(stage_id))
            self.stdout.write(
                f"{names[stage_id].code} ({count}) -> {new.code if new else '(niet gekozen)'}"
            )
        if dry_run:
            self.stdout.write("Proefdraai: niets gewijzigd.")
            return
        try:
            moved = workflow_config.migrate_cases(
                actor=actor, source=source_wf, target=target_wf, mapping=mapping
            )
        except Refusal as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(self.style.SUCCESS(f"{moved} zaken overgezet naar {target_wf}."))


def mapping_by_code(source: Workflow, target: Workflow, pairs: list[str]) -> dict[int, int]:
    """Stage ids old → new: equal codes by default, overridden by OLD=NEW pairs."""
    old = {s.code: s.pk for s in source.stages.all()}
    new = {s.code: s.pk for s in target.stages.all()}
    mapping = {pk: new[code] for code, pk in old.items() if code in new}
    for pair in pairs:
        old_code, sep, new_code = pair.partition("=")
        if not sep or old_code not in old or new_code not in new:
            raise CommandError(
                f"Ongeldige mapping {pair!r}: gebruik OUDE_CODE=NIEUWE_CODE met bestaande codes."
            )
        mapping[old[old_code]] = new[new_code]
    return mapping
