"""Fictional demo data for `manage.py seed_demo`: the city of Rivierstad and its ketenpartners.

Every name, address, e-mail address and story here is invented. E-mail addresses use the
reserved `.example` top-level domain; postcodes have the Dutch format but belong to no real
street. Texts are short and factual, the way a consulent writes them.
"""

from cases.models.choices import NoteKind, ReportSource

CITY = "Rivierstad"
CONVENANT = "Convenant Zorg- en Veiligheidshuis Rivierstad"

# key: (name, kind, werkgebied)
ORGANISATIONS = {
    "linde": ("Woonstichting De Linde", "corporatie", "Rivierstad"),
    "stadswonen": ("Stadswonen Rivierenland", "corporatie", "Rivierstad en Rivierenland"),
    "gemeente": ("Gemeente Rivierstad", "gemeente", "Rivierstad"),
    "politie": ("Politie Eenheid Midden, basisteam Rivierstad", "politie", "Rivierstad"),
    "ggd": ("GGD Regio Rivierstad", "ggd", "Regio Rivierstad"),
    "zorg": ("Zorggroep De Brug", "zorg", "Rivierstad"),
}

# username: (first name, last name, e-mail, organisation key, role group). Nobody here is staff:
# the Django admin is for superusers; each organisation's Beheerder manages its users in the app.
USERS = {
    "consulent": (
        "Sanne",
        "de Vries",
        "s.devries@delinde.example",
        "linde",
        "Medewerker",
    ),
    "consulent-b": (
        "Mehmet",
        "Yıldız",
        "m.yildiz@stadswonen-rivierenland.example",
        "stadswonen",
        "Medewerker",
    ),
    "coordinator": (
        "Ingrid",
        "Bakker",
        "i.bakker@rivierstad.example",
        "gemeente",
        "Coordinator",
    ),
    "gemeente": (
        "Joost",
        "van Dam",
        "j.vandam@rivierstad.example",
        "gemeente",
        "Medewerker",
    ),
    "politie": (
        "Rachid",
        "El Amrani",
        "rachid.elamrani@politie-rivierstad.example",
        "politie",
        "Medewerker",
    ),
    "ggd": (
        "Marieke",
        "Jansen",
        "m.jansen@ggd-rivierstad.example",
        "ggd",
        "Medewerker",
    ),
    "beheer": (
        "Pieter",
        "Hoekstra",
        "p.hoekstra@rivierstad.example",
        "gemeente",
        "Regionaal functioneel beheerder",
    ),
    "privacy": (
        "Fatima",
        "Bouzid",
        "f.bouzid@delinde.example",
        "linde",
        "Privacy officer",
    ),
    "beheerder": (
        "Anouk",
        "Smit",
        "a.smit@delinde.example",
        "linde",
        "Beheerder",
    ),
    "beheerder-b": (
        "Youssef",
        "Haddou",
        "y.haddou@stadswonen-rivierenland.example",
        "stadswonen",
        "Beheerder",
    ),
    "beheer-b": (
        "Lotte",
        "Verbeek",
        "l.verbeek@stadswonen-rivierenland.example",
        "stadswonen",
        "Functioneel beheerder",
    ),
}

# wijk: (first four digits of its postcodes, streets)
WIJKEN = {
    "Oude Haven": (4101, ["Havenkade", "Kaaistraat", "Lijnbaansteeg", "Vismarkt", "Touwslagerij"]),
    "Bloemenwijk": (4103, ["Rozenstraat", "Tulpenlaan", "Anjerhof", "Dahliastraat", "Irisplein"]),
    "Kanaleneiland-Zuid": (
        4105,
        ["Kanaalweg", "Sluiswachterstraat", "Schutsluis", "Jaagpad", "Trekvaartlaan"],
    ),
    "Molenpark": (4107, ["Molenweg", "Korenmolen", "Graanstraat", "Wiekenhof"]),
    "De Waarden": (4109, ["Uiterwaardenlaan", "Kribbenweg", "Wilgenhof", "Dijkgraafstraat"]),
    "Stationskwartier": (4111, ["Spoorlaan", "Seinhuisstraat", "Perronweg", "Emplacement"]),
}
# Postcode letters; never SA, SD or SS.
POSTCODE_LETTERS = ["AB", "AC", "BG", "BK", "CE", "DL", "EP", "GH", "HK", "JM", "KN", "LR", "MT"]

FIRST_NAMES = [
    "Anouk", "Bram", "Chantal", "Dennis", "Esra", "Freek", "Gerda", "Hamza", "Iris", "Jeroen",
    "Kim", "Lucas", "Mila", "Nadia", "Orhan", "Petra", "Ruud", "Samira", "Tom", "Ursula",
    "Vincent", "Wendy", "Yusuf", "Zoë", "Ahmed", "Bianca", "Cor", "Daphne", "Erik", "Fleur",
    "Gijs", "Hanneke", "Ilse", "Jamal", "Karin", "Leon", "Monique", "Nick", "Olga", "Priya",
]  # fmt: skip
LAST_NAMES = [
    "van den Berg", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
    "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
    "Kaya", "Öztürk", "Benali", "Ramdin", "Koster", "Prins", "Huisman", "Verhoeven",
    "Kuipers", "van Wijk", "Jacobs", "Vermeulen", "Schouten", "Postma", "Haddou", "Nguyen",
]  # fmt: skip
MAIL_DOMAINS = ["mail.example", "post.example", "inbox.example"]

# Primary nuisance category per case, before shuffling: 42 cases in all.
PRIMARY_CATEGORIES = (
    ["geluid"] * 12
    + ["vervuiling"] * 8
    + ["intimidatie"] * 8
    + ["drugs"] * 6
    + ["zorgwekkend"] * 6
    + ["overig"] * 2
)
# Often seen together with the primary category.
RELATED_CATEGORIES = {
    "geluid": ["intimidatie", "drugs", "zorgwekkend"],
    "vervuiling": ["zorgwekkend", "overig"],
    "intimidatie": ["geluid", "drugs"],
    "drugs": ["intimidatie", "geluid"],
    "zorgwekkend": ["vervuiling", "geluid"],
    "overig": ["geluid", "vervuiling"],
}

# Index of the stage in the default workflow, per case: 42 cases in all.
STAGE_SPREAD = [0] * 5 + [1] * 6 + [2] * 8 + [3] * 9 + [4] * 6 + [5] * 3 + [6] * 5
# How long ago (in days) a case in that stage was opened: (least, most).
AGE_BY_STAGE = {
    0: (1, 6),
    1: (4, 25),
    2: (15, 90),
    3: (40, 240),
    4: (90, 380),
    5: (150, 520),
    6: (150, 540),
}

SUMMARIES = {
    "geluid": [
        "Meerdere buren melden harde muziek en geschreeuw uit de woning, vooral 's nachts en in "
        "het weekend. Eerdere afspraken met de huurder hebben niet geholpen.",
        "Geluidsoverlast door bonken, deuren slaan en luide ruzies in de bovenwoning. De "
        "benedenburen houden een overlastdagboek bij.",
        "Blaffende honden die uren alleen thuis zijn; daarnaast harde tv en muziek tot na "
        "middernacht. Onderburen zijn ten einde raad.",
        "Regelmatig feesten met veel bezoek tot in de vroege ochtend, ook doordeweeks. "
        "Klachten van vier adressen in het portiek.",
    ],
    "vervuiling": [
        "Ernstige vervuiling van de woning en het balkon; stankoverlast in het trappenhuis en "
        "meldingen van ongedierte bij de buren.",
        "Vuilniszakken en grofvuil worden in de gemeenschappelijke ruimte en tuin gezet. "
        "Buren melden ratten bij de containers.",
        "Signalen van verzamelwoede: gang en tuin staan vol spullen, brandgevaar in de "
        "vluchtweg. Huurder lijkt het overzicht kwijt.",
    ],
    "intimidatie": [
        "Buurvrouw voelt zich bedreigd door de huurder, die haar uitscheldt en tegen haar deur "
        "trapt. Melder durft niet op naam te melden.",
        "Huurder spreekt buren agressief aan over parkeren en geluid; een keer is een buurman "
        "geduwd. Politie is ter plaatse geweest.",
        "Intimiderend gedrag van een groep bezoekers bij de woning; bewoners van het portiek "
        "voelen zich onveilig bij het binnenkomen.",
    ],
    "drugs": [
        "Vermoeden van drugshandel vanuit de woning: veel kort bezoek, ook 's nachts, en "
        "wietlucht in het portiek.",
        "Buren ruiken een sterke hennepgeur en zien veel verkeer aan de deur. Politie heeft "
        "signalen ontvangen via Meld Misdaad Anoniem.",
        "Drugsgebruik in het trappenhuis; spuiten en afval gevonden bij de bergingen. "
        "Bezoekers van de huurder zorgen voor onrust.",
    ],
    "zorgwekkend": [
        "Verward gedrag van de huurder: praat 's nachts hard in zichzelf, belt aan bij buren "
        "en lijkt niet goed voor zichzelf te zorgen. Zorgmijdend.",
        "Oudere huurder raakt zichtbaar in de war, laat het gas aan en dwaalt door het "
        "complex. Familie is niet in beeld.",
        "Huurder heeft wisselend contact met de GGZ; in periodes zonder begeleiding nemen "
        "geluid en confrontaties met buren toe.",
    ],
    "overig": [
        "Hoog opgeschoten tuin en overhangende takken; daarnaast schuurtje dat tegen de "
        "erfgrens is gebouwd. Burenconflict loopt al langer.",
        "Overlast van duiven die door de huurder op het balkon worden gevoerd; poep op "
        "balkons en ramen van de buren.",
    ],
}

REPORTS = {
    "geluid": [
        "Vannacht van 01.00 tot 04.00 uur harde muziek met zware bassen. Aangebeld, niet "
        "opengedaan.",
        "Weer geschreeuw en deuren slaan in de avond. Kinderen van melder konden niet slapen.",
        "Feest met veel bezoek tot 05.00 uur. Melder heeft de politie gebeld.",
        "Honden blaffen al de hele dag; bewoner lijkt niet thuis te zijn.",
        "Bonken op de vloer en harde tv tot na middernacht, drie avonden achter elkaar.",
    ],
    "vervuiling": [
        "Sterke stank in het trappenhuis, lijkt uit de woning te komen.",
        "Vuilniszakken staan al een week in de gemeenschappelijke gang.",
        "Ratten gezien bij de achtertuin; daar ligt etensafval.",
        "Balkon staat vol spullen en afval; melder maakt zich zorgen over brandgevaar.",
    ],
    "intimidatie": [
        "Melder is door de buurman uitgescholden en bedreigd bij de voordeur.",
        "Huurder heeft tegen de deur van de melder getrapt en geroepen dat ze moet verhuizen.",
        "Groep jongeren bij de entree houdt bewoners tegen en maakt opmerkingen.",
        "Buurman is geduwd tijdens een discussie over de parkeerplaats.",
    ],
    "drugs": [
        "Veel kort bezoek aan de woning, ook na middernacht. Wietlucht in het portiek.",
        "Sterke hennepgeur bij de voordeur; ramen zijn afgeplakt.",
        "Spuiten en aluminiumfolie gevonden bij de bergingen.",
        "Auto's die kort stoppen en weer wegrijden; transacties bij de entree gezien.",
    ],
    "zorgwekkend": [
        "Bewoner belde midden in de nacht aan bij meerdere buren en was erg verward.",
        "Gaslucht in het portiek; bewoner had het fornuis aan laten staan.",
        "Bewoner schreeuwt hard in de woning, lijkt in gesprek met iemand die er niet is.",
        "Bewoner loopt in de kou zonder jas buiten en vindt de weg terug niet.",
    ],
    "overig": [
        "Takken hangen over de schutting en beschadigen de schuur van de buren.",
        "Duivenpoep op het balkon en de ramen van de onderburen.",
        "Ruzie over de erfgrens; buurman heeft het hek verplaatst.",
    ],
}

REPORT_SOURCES = [
    ReportSource.TELEFOON,
    ReportSource.TELEFOON,
    ReportSource.EMAIL,
    ReportSource.BALIE,
    ReportSource.POLITIE,
    ReportSource.PARTNER,
    ReportSource.OVERLASTDAGBOEK,
]

# Logboek entries by kind; {naam} is the veroorzaker, {straat} the street.
NOTES = {
    NoteKind.TELEFONISCH: [
        "Melder teruggebeld. Overlast toegelicht; uitgelegd hoe het overlastdagboek werkt.",
        "Telefonisch contact met {naam}. Erkent dat het soms laat wordt, zegt rekening te "
        "houden met de buren.",
        "Melder gebeld over de voortgang. Overlast is iets minder, maar nog niet weg.",
    ],
    NoteKind.GESPREK: [
        "Gesprek met {naam} op kantoor. Klachten besproken en afspraken gemaakt over rust "
        "na 22.00 uur.",
        "Gesprek met {naam} en een familielid. Er speelt meer dan alleen overlast; hulp "
        "aangeboden via het wijkteam.",
        "Gesprek met melder en een tweede buurman. Beide houden een overlastdagboek bij.",
    ],
    NoteKind.HUISBEZOEK: [
        "Huisbezoek bij {naam} samen met de wijkagent. Woning rommelig, bewoner wel "
        "aanspreekbaar. Afspraken herhaald.",
        "Onaangekondigd huisbezoek aan {straat}; niemand thuis. Visitekaartje achtergelaten.",
        "Huisbezoek bij {naam}. Bewoner herkent de klachten deels en staat open voor hulp "
        "van het wijkteam.",
        "Buurtonderzoek gedaan in het portiek; vier adressen bevestigen de overlast.",
    ],
    NoteKind.BRIEF: [
        "Waarschuwingsbrief verstuurd aan {naam}: bij nieuwe overlast volgen verdere maatregelen.",
        "Brief aan de omwonenden gestuurd over de aanpak en het melden van nieuwe overlast.",
        "Sommatiebrief verstuurd met verwijzing naar goed huurderschap (art. 7:213 BW).",
    ],
    NoteKind.OBSERVATIE: [
        "Bij controle 's avonds geen overlast waargenomen.",
        "Rondgang door het portiek; situatie vastgelegd met foto's voor het dossier.",
        "Veel aanloop bij de woning gezien tussen 21.00 en 23.00 uur.",
    ],
    NoteKind.OVERLEG: [
        "Afstemming met de wijkagent: politie heeft meerdere incidenten op dit adres.",
        "Overleg met het wijkteam; zij nemen contact op met {naam} voor ondersteuning.",
        "Zaak besproken in het casusoverleg; voorstel gedragsovereenkomst aan te bieden.",
    ],
}
# Which kinds of logboek entries suit a stage (by stage index).
NOTE_KINDS_BY_STAGE = {
    0: [NoteKind.TELEFONISCH],
    1: [NoteKind.TELEFONISCH, NoteKind.GESPREK],
    2: [NoteKind.HUISBEZOEK, NoteKind.GESPREK, NoteKind.OBSERVATIE, NoteKind.TELEFONISCH],
    3: [NoteKind.GESPREK, NoteKind.BRIEF, NoteKind.HUISBEZOEK, NoteKind.OBSERVATIE],
    4: [NoteKind.OVERLEG, NoteKind.BRIEF, NoteKind.HUISBEZOEK],
    5: [NoteKind.OVERLEG, NoteKind.BRIEF],
    6: [NoteKind.TELEFONISCH, NoteKind.OBSERVATIE, NoteKind.GESPREK],
}

GEMEENTE_NOTES = [
    "Zaak besproken met de regisseur woonoverlast; burgemeesterswaarschuwing wordt voorbereid.",
    "Wijkteam heeft contact gelegd met de huurder; eerste afspraak gepland.",
    "Juridische toets: voorwaarden voor een gedragsaanwijzing (art. 151d Gemeentewet) lijken "
    "vervuld als de overlast aanhoudt.",
]
GGD_NOTE = (
    "Bemoeizorg: betrokkene thuis bezocht met de sociaal psychiatrisch verpleegkundige. "
    "Betrokkene staat open voor begeleiding; aanmelding bij de FACT-GGZ wordt verkend. "
    "Medische details staan in het eigen dossier van de GGD."
)

# How the closed demo cases ended: (code of the CaseResult, the closing note).
RESULTS = [
    (
        "overlast-gestopt",
        "Overlast gestopt na gedragsovereenkomst; zes maanden nazorg zonder nieuwe meldingen.",
    ),
    (
        "verhuisd",
        "Huurder is met begeleiding van Zorggroep De Brug verhuisd naar een passende woning.",
    ),
    ("overlast-gestopt", "Na buurtbemiddeling goede afspraken tussen de buren; melders tevreden."),
    (
        "doorverwezen-zorg",
        "Woning opgeruimd met hulp van het wijkteam; bewoner heeft nu begeleiding vanuit de Wmo.",
    ),
    ("huur-ontbonden", "Huurovereenkomst door de kantonrechter ontbonden; woning ontruimd."),
]
# Days before the usual 14 to 60 days ago that the nth closed demo case was closed: the first
# is in nazorg, the others past it; the last one came back (see DemoSeeder._recurrence).
CLOSED_EARLIER_BY = [0, 100, 140, 210]
