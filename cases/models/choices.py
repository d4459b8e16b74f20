from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models import Kader  # noqa: F401 - the instrument catalogue shares the kaders


class AccessLevel(models.TextChoices):
    BESTAAN = "bestaan", _("weet van het bestaan")
    PROCES = "proces", _("alleen proces")
    VOLLEDIG = "volledig", _("volledig")


class LegalGround(models.TextChoices):
    TOESTEMMING = "toestemming", _("toestemming")
    PUBLIEKE_TAAK = "publieke_taak", _("publieke taak")
    GERECHTVAARDIGD_BELANG = "gerechtvaardigd_belang", _("gerechtvaardigd belang")
    CONVENANT = "convenant", _("convenant")


class PersonRole(models.TextChoices):
    VEROORZAKER = "veroorzaker", _("veroorzaker")
    MELDER = "melder", _("melder")
    BEWONER = "bewoner", _("bewoner")
    OVERIG = "overig", _("overig")


class ReportSource(models.TextChoices):
    TELEFOON = "telefoon", _("telefoon")
    EMAIL = "email", _("e-mail")
    BALIE = "balie", _("balie")
    POLITIE = "politie", _("politie")
    PARTNER = "partner", _("ketenpartner")
    OVERLASTDAGBOEK = "overlastdagboek", _("overlastdagboek")


class NoteKind(models.TextChoices):
    GESPREK = "gesprek", _("gesprek")
    HUISBEZOEK = "huisbezoek", _("huisbezoek")
    TELEFONISCH = "telefonisch", _("telefonisch contact")
    BRIEF = "brief", _("brief")
    OBSERVATIE = "observatie", _("observatie")
    OVERLEG = "overleg", _("overleg")


class Visibility(models.TextChoices):
    OWN_ORGANISATION = "eigen", _("alleen eigen organisatie")
    PARTICIPANTS = "deelnemers", _("alle deelnemers met volledige toegang")


class Sensitivity(models.TextChoices):
    NONE = "", _("geen bijzondere categorie")
    ZORG = "zorg", _("zorginformatie")
    POLITIE = "politie", _("politie-informatie")
