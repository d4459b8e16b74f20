"""The example letters every organisation starts with (seed_demo), in realistic Dutch.

Idempotent: a template is looked up by organisation and name, so a second run adds nothing
and never overwrites what a functional admin changed. Written as the system, not through
the services: there is no acting functional admin when the demo is seeded.
"""

from __future__ import annotations

from partners.models import Instrument

from .models import Letterhead, LetterTemplate, TermKind
from .placeholders import unknown_placeholders


def _paragraphs(text: str) -> str:
    """Source lines joined into paragraphs (a blank line separates them), as a template has."""
    return "\n\n".join(" ".join(part.split("\n")) for part in text.split("\n\n"))


UITNODIGING = _paragraphs(
    """Geachte {{ betrokkene.naam }},

Wij hebben meldingen ontvangen over overlast rond de woning aan {{ zaak.adres }}. Wij willen
graag met u in gesprek om te horen hoe u de situatie zelf ervaart en om samen te zoeken naar een
oplossing.

Wij nodigen u daarom uit voor een gesprek. U kunt binnen een week na de datum van deze brief
telefonisch of per e-mail een afspraak met mij maken. Desgewenst komen wij bij u thuis langs.

Neem bij uw reactie ons kenmerk {{ zaak.kenmerk }} over. Heeft u vragen, neem dan contact met
mij op via {{ afzender.email }}.

Met vriendelijke groet,"""
)

WAARSCHUWING = _paragraphs(
    """Geachte {{ betrokkene.naam }},

Wij ontvangen al enige tijd klachten over overlast vanuit uw woning aan {{ zaak.adres }}. Het
gaat onder meer om geluidsoverlast in de avond en nacht. Wij hebben hierover eerder met u
gesproken.

Als huurder bent u verplicht zich als goed huurder te gedragen en ervoor te zorgen dat
omwonenden geen overlast ondervinden van u, uw huisgenoten of uw bezoek (artikel 7:213 en 7:219
van het Burgerlijk Wetboek en de algemene huurvoorwaarden).

Met deze brief waarschuwen wij u dat de overlast per direct moet stoppen. Blijft de overlast
aanhouden, dan nemen wij verdere maatregelen. Dat kan uiteindelijk leiden tot een procedure bij
de kantonrechter om de huurovereenkomst te laten ontbinden.

Wij gaan ervan uit dat het zover niet hoeft te komen. Wilt u hierover praten, neem dan contact
met mij op. Vermeld bij contact ons kenmerk {{ zaak.kenmerk }}.

Met vriendelijke groet,"""
)

SOMMATIE = _paragraphs(
    """Geachte {{ betrokkene.naam }},

Ondanks onze eerdere gesprekken en onze waarschuwingsbrief ontvangen wij nog steeds meldingen
van ernstige overlast vanuit uw woning aan {{ zaak.adres }}.

Op grond van artikel 7:213 van het Burgerlijk Wetboek bent u verplicht zich als goed huurder te
gedragen. Door de aanhoudende overlast komt u deze verplichting niet na.

Wij sommeren u hierbij om de overlast onmiddellijk en blijvend te beëindigen. Houdt u zich hier
niet aan, dan zullen wij zonder nadere aankondiging de kantonrechter vragen de huurovereenkomst
te ontbinden en de ontruiming van de woning te bevelen. De kosten van die procedure komen dan
voor uw rekening.

Wij raden u aan deze brief serieus te nemen. Heeft u hulp nodig, dan brengen wij u graag in
contact met het wijkteam.

Met vriendelijke groet,"""
)

GEDRAGSOVEREENKOMST = _paragraphs(
    """Geachte {{ betrokkene.naam }},

Op {{ brief.datum }} bevestigen wij de afspraken die wij met u hebben gemaakt over het wonen aan
{{ zaak.adres }}. Deze afspraken zijn vastgelegd in een gedragsovereenkomst, die een aanvulling
is op uw huurovereenkomst.

U heeft toegezegd dat u tussen 22.00 en 07.00 uur geen harde muziek draait, dat u bezoek in en
rond de woning aanspreekt op hun gedrag en dat u meewerkt aan de begeleiding die met u is
afgesproken.

Wij zullen de komende zes maanden met u en met de buren volgen of de afspraken worden nagekomen.
Komt u de afspraken niet na, dan kunnen wij de kantonrechter vragen de huurovereenkomst te
ontbinden.

Wij waarderen het dat u aan een oplossing wilt meewerken. Heeft u vragen, neem dan contact met
mij op onder vermelding van kenmerk {{ zaak.kenmerk }}.

Met vriendelijke groet,"""
)

VOORNEMEN = _paragraphs(
    """Geachte {{ betrokkene.naam }},

De burgemeester is van plan u een gedragsaanwijzing te geven op grond van artikel 151d van de
Gemeentewet en de Algemene Plaatselijke Verordening. Aanleiding zijn de herhaalde meldingen van
ernstige en herhaaldelijke hinder vanuit en rond de woning aan {{ zaak.adres }}, die door de
gemeente, de politie en de verhuurder zijn vastgesteld.

Met een gedragsaanwijzing kan de burgemeester u opdragen bepaald gedrag te laten, bijvoorbeeld
geen geluidsoverlast te veroorzaken na 22.00 uur, of u verplichten mee te werken aan begeleiding
door hulpverlening.

Voordat de burgemeester een besluit neemt, krijgt u de gelegenheid uw zienswijze te geven
(artikel 4:8 van de Algemene wet bestuursrecht). U kunt dat schriftelijk of mondeling doen,
binnen {{ termijn.duur }} na de datum van deze brief, dus uiterlijk op {{ termijn.einddatum }}.
Vermeld daarbij kenmerk {{ zaak.kenmerk }}.

Na afloop van deze termijn neemt de burgemeester een besluit. Tegen dat besluit kunt u bezwaar
maken.

Met vriendelijke groet,"""
)

BESLUIT = _paragraphs(
    """Geachte {{ betrokkene.naam }},

Op {{ brief.datum }} heeft de burgemeester besloten u een gedragsaanwijzing te geven op grond
van artikel 151d van de Gemeentewet. Het besluit gaat over de ernstige en herhaaldelijke hinder
vanuit en rond de woning aan {{ zaak.adres }}. Uw zienswijze is bij dit besluit betrokken.

De burgemeester draagt u op om tussen 22.00 en 07.00 uur geen geluidsoverlast te veroorzaken en
mee te werken aan de begeleiding door het wijkteam. Het besluit geldt vanaf de dag na de
bekendmaking van deze brief.

Bezwaar: bent u het niet eens met dit besluit, dan kunt u binnen zes weken na de dag van
bekendmaking bezwaar maken bij de burgemeester (artikel 6:7 van de Algemene wet bestuursrecht),
dus uiterlijk op {{ termijn.einddatum }}. Vermeld in uw bezwaarschrift uw naam en adres, de
datum, kenmerk {{ zaak.kenmerk }} en waarom u het niet eens bent met het besluit, en onderteken
het.

Met vriendelijke groet,"""
)

TEMPLATES = [
    # name, instrument name (if in the catalogue), stage, subject, body, term kind
    (
        "Uitnodiging gesprek",
        "Gesprek",
        "Vrijwillig kader",
        "Uitnodiging voor een gesprek over woonoverlast",
        UITNODIGING,
        TermKind.NONE,
    ),
    (
        "Waarschuwingsbrief",
        "Waarschuwingsbrief / sommatie",
        "Vrijwillig kader",
        "Waarschuwing overlast",
        WAARSCHUWING,
        TermKind.NONE,
    ),
    (
        "Sommatie (art. 7:213 BW)",
        "Waarschuwingsbrief / sommatie",
        "Integrale aanpak (drang)",
        "Sommatie: beëindig de overlast",
        SOMMATIE,
        TermKind.NONE,
    ),
    (
        "Bevestiging gedragsovereenkomst",
        "Gedragsovereenkomst",
        "Integrale aanpak (drang)",
        "Bevestiging van de gemaakte afspraken",
        GEDRAGSOVEREENKOMST,
        TermKind.NONE,
    ),
    (
        "Voornemen gedragsaanwijzing (art. 151d Gemeentewet)",
        "Gedragsaanwijzing",
        "Verplicht kader (dwang): voornemen",
        "Voornemen gedragsaanwijzing en uitnodiging zienswijze",
        VOORNEMEN,
        TermKind.ZIENSWIJZE,
    ),
    (
        "Besluit gedragsaanwijzing (art. 151d Gemeentewet)",
        "Gedragsaanwijzing",
        "Verplicht kader (dwang): besluit",
        "Besluit gedragsaanwijzing",
        BESLUIT,
        TermKind.BEZWAAR,
    ),
]


def seed_letter_templates(organisations) -> int:
    """Give each organisation the example templates and a letterhead; returns how many new."""
    created = 0
    for organisation in organisations:
        Letterhead.objects.get_or_create(
            organisation=organisation,
            defaults={
                "text": f"{organisation.name}\nPostbus 1000\n3000 AA Rivierstad\n"
                "T 010 123 45 67 · info@rivierstad.example",
                "closing": "Team Wonen en Veiligheid",
            },
        )
        for name, instrument_name, stage, subject, body, term_kind in TEMPLATES:
            if unknown_placeholders(body + subject):  # a typo here is a bug, not input
                raise ValueError(f"{name}: {unknown_placeholders(body + subject)}")
            instrument = Instrument.objects.filter(name__istartswith=instrument_name).first()
            _template, new = LetterTemplate.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={
                    "instrument": instrument,
                    "stage": stage,
                    "subject": subject,
                    "body": body,
                    "term_kind": term_kind,
                },
            )
            created += new
    return created
