from django.db import migrations

BW = "Huurovereenkomst; art. 7:213 BW (goed huurderschap)"
RECHTER = "Alleen via de rechter (art. 7:231 lid 1 BW)"
WAW = "Art. 151d Gemeentewet (Wet aanpak woonoverlast), lokale APV"
WPG = "Gegevensdeling op grond van art. 19 en 20 Wet politiegegevens"
WMO = "Wmo 2015; meldcode huiselijk geweld en kindermishandeling"
WVGGZ = "Wet verplichte ggz (Wvggz)"

# (partner kind, name, kaders, stage codes of the default workflow, legal basis, description)
INSTRUMENTS = [
    (
        "corporatie",
        "Gesprek met de huurder",
        ["vrijwillig", "drang"],
        ["onderzoek", "vrijwillig", "drang"],
        BW,
        "Het gesprek aangaan over de overlast en wat ertegen te doen is.",
    ),
    (
        "corporatie",
        "Huisbezoek",
        ["vrijwillig", "drang"],
        ["onderzoek", "vrijwillig", "drang"],
        BW,
        "De woning en de situatie zelf zien, liefst samen met een partner.",
    ),
    (
        "corporatie",
        "Waarschuwingsbrief / sommatie",
        ["vrijwillig", "drang"],
        ["vrijwillig", "drang"],
        BW,
        "Schriftelijk wijzen op goed huurderschap en op de gevolgen als de overlast doorgaat.",
    ),
    (
        "corporatie",
        "Buurtbemiddeling",
        ["vrijwillig"],
        ["vrijwillig"],
        "Vrijwillig; geen sanctie bij het niet nakomen van afspraken.",
        "Getrainde vrijwilligers brengen buren met elkaar in gesprek.",
    ),
    (
        "corporatie",
        "Gedragsovereenkomst",
        ["drang"],
        ["drang"],
        "Overeenkomst als addendum bij de huurovereenkomst.",
        "Afspraken over gedrag, vastgelegd bij de huurovereenkomst.",
    ),
    (
        "corporatie",
        "Gerechtelijke gedragsaanwijzing",
        ["dwang"],
        ["dwang"],
        RECHTER,
        "De rechter legt de huurder een gedragsaanwijzing op.",
    ),
    (
        "corporatie",
        "Ontbinding huurovereenkomst en ontruiming",
        ["dwang"],
        ["dwang"],
        RECHTER,
        "Uiterste middel: de rechter ontbindt de huur en staat ontruiming toe.",
    ),
    (
        "gemeente",
        "Waarschuwing door de burgemeester",
        ["drang"],
        ["drang"],
        "In beginsel geen besluit waartegen bezwaar openstaat.",
        "Een brief of gesprek van de burgemeester als laatste waarschuwing.",
    ),
    (
        "gemeente",
        "Gedragsaanwijzing door de burgemeester",
        ["dwang"],
        ["dwang"],
        WAW,
        "Opdracht om bepaald gedrag te staken of juist te doen (bijvoorbeeld begeleiding aanvaarden).",
    ),
    (
        "gemeente",
        "Last onder dwangsom / bestuursdwang",
        ["dwang"],
        ["dwang"],
        WAW,
        "Handhaving van de gedragsaanwijzing met een dwangsom of bestuursdwang.",
    ),
    (
        "gemeente",
        "Tijdelijk huisverbod (10 dagen)",
        ["dwang"],
        ["dwang"],
        WAW,
        "De overlastgever mag de woning tijdelijk niet in.",
    ),
    (
        "gemeente",
        "Sluiting van de woning",
        ["dwang"],
        ["dwang"],
        "Art. 174a Gemeentewet, art. 13b Opiumwet",
        "Sluiting bij ernstige verstoring van de openbare orde of drugshandel.",
    ),
    (
        "gemeente",
        "Wvggz-melding",
        ["dwang"],
        ["drang", "dwang"],
        WVGGZ,
        "Melding bij de gemeente dat iemand mogelijk verplichte ggz nodig heeft.",
    ),
    (
        "gemeente",
        "Verkennend onderzoek Wvggz (binnen 14 dagen)",
        ["dwang"],
        ["dwang"],
        WVGGZ,
        "De gemeente onderzoekt binnen 14 dagen of verplichte zorg nodig is.",
    ),
    (
        "politie",
        "Gesprek door de wijkagent",
        ["vrijwillig", "drang", "dwang"],
        ["onderzoek", "vrijwillig", "drang", "dwang"],
        WPG,
        "De wijkagent spreekt de bewoner aan.",
    ),
    (
        "politie",
        "Buurtonderzoek",
        ["vrijwillig", "drang", "dwang"],
        ["onderzoek", "vrijwillig", "drang"],
        WPG,
        "Navraag bij omwonenden, vaak samen met de consulent.",
    ),
    (
        "politie",
        "Bestuurlijke rapportage",
        ["drang", "dwang"],
        ["drang", "dwang"],
        WPG,
        "Politie-informatie voor de burgemeester als basis voor een bestuurlijk besluit.",
    ),
    (
        "politie",
        "Proces-verbaal",
        ["vrijwillig", "drang", "dwang"],
        ["vrijwillig", "drang", "dwang"],
        "Wetboek van Strafvordering; " + WPG,
        "Vastlegging van strafbare feiten.",
    ),
    (
        "ggd",
        "Bemoeizorg",
        ["vrijwillig", "drang"],
        ["onderzoek", "vrijwillig", "drang"],
        WMO,
        "Outreachende zorg voor wie zelf geen hulp vraagt.",
    ),
    (
        "ggd",
        "Melding meldpunt zorg en overlast",
        ["vrijwillig", "drang"],
        ["triage", "onderzoek", "vrijwillig", "drang"],
        WMO,
        "Signaal aan het meldpunt dat iemand zorg nodig lijkt te hebben.",
    ),
    (
        "ggd",
        "Veilig Thuis-melding",
        ["vrijwillig", "drang"],
        ["triage", "onderzoek", "vrijwillig", "drang"],
        WMO,
        "Melding bij vermoedens van huiselijk geweld of kindermishandeling.",
    ),
    (
        "zorg",
        "Bemoeizorg",
        ["vrijwillig", "drang"],
        ["onderzoek", "vrijwillig", "drang"],
        WMO,
        "Outreachende zorg door de zorgaanbieder.",
    ),
    (
        "zorg",
        "Wvggz-melding",
        ["dwang"],
        ["drang", "dwang"],
        WVGGZ,
        "Melding dat iemand mogelijk verplichte ggz nodig heeft.",
    ),
    (
        "zorg",
        "Wet zorg en dwang (via CIZ)",
        ["dwang"],
        ["dwang"],
        "Wet zorg en dwang (Wzd)",
        "Onvrijwillige zorg voor mensen met een verstandelijke beperking of psychogeriatrische aandoening.",
    ),
]


def seed(apps, schema_editor):
    Instrument = apps.get_model("partners", "Instrument")
    for kind, name, kaders, codes, basis, description in INSTRUMENTS:
        Instrument.objects.get_or_create(
            partner_kind=kind,
            name=name,
            defaults={
                "kaders": kaders,
                "stage_codes": codes,
                "legal_basis": basis,
                "description": description,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0010_instrument")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
