import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases import clock

from .choices import AccessLevel, LegalGround

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$",
    _("Vul een geldige Nederlandse postcode in, bijvoorbeeld 1234 AB."),
)


POSTCODE_INPUT_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})\s*$")


def as_postcode(value: str) -> str | None:
    """`value` written as a Dutch postcode ("1234ab", " 1234 AB") in the stored form
    "1234 AB", or None when it does not look like one."""
    match = POSTCODE_INPUT_RE.match(value)
    return f"{match[1]} {match[2].upper()}" if match else None


HOUSE_NUMBER_RE = re.compile(r"^\s*([0-9]+)\s*[-/ ]*\s*(.*?)\s*$")


def address_key(postcode: str, house_number: str) -> str:
    """The address as one normalised key, the same however it was typed: postcode without
    space in capitals, house number, and letter or addition in lower case without
    separators ("1234 ab", "12 A" and "1234AB", "12-a" all give "1234AB|12|a").

    Empty when there is no postcode or no house number to go on.
    """
    postcode = re.sub(r"\s+", "", postcode or "").upper()
    match = HOUSE_NUMBER_RE.match(house_number or "")
    if not postcode or not match:
        return ""
    addition = re.sub(r"[\s\-/.]+", "", match[2]).lower()
    return f"{postcode}|{int(match[1])}|{addition}"


# A search typed as an address: a street or a postcode, then a house number with perhaps a
# letter or addition ("Rozenstraat 7", "rozenstraat 7a", "4104dl 139", "Spoorlaan 12-2").
TYPED_ADDRESS_RE = re.compile(
    r"^\s*(?P<place>.*\D)\s+(?P<number>[0-9]{1,5})\s*[-/]?\s*(?P<addition>[a-zA-Z0-9]{0,4})\s*$"
)


def typed_address_q(text: str) -> Q:
    """The rows (a case or one of its further addresses: the field names are the same) at
    the address `text` names, however it was typed; matches nothing when `text` names none.

    Without a letter or addition every addition of the number matches ("Rozenstraat 7" finds
    7 and 7a); with one, only that one."""
    match = TYPED_ADDRESS_RE.match(text)
    if match is None:
        return Q(pk__in=[])
    place, number, addition = match["place"].strip(), int(match["number"]), match["addition"]
    postcode = as_postcode(place)
    if postcode is not None:
        key = address_key(postcode, f"{number}{addition}")
        return Q(address_key=key) if addition else Q(address_key__startswith=key)
    rest = rf"\s*[-/ ]*\s*{re.escape(addition)}\s*$" if addition else r"([^0-9]|$)"
    return Q(street__icontains=place, house_number__iregex=rf"^\s*0*{number}{rest}")


class NuisanceCategory(models.Model):
    """Soort overlast (geluid, vervuiling, …); configurable by the functional admin."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("soort overlast")
        verbose_name_plural = _("soorten overlast")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CaseReferenceCounter(models.Model):
    """Last number handed out per year; rows are locked while a reference is taken."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def category_names() -> models.Subquery:
    """The names of a case's soorten overlast, joined by ", " in catalogue order: one column
    of the case's own query instead of a prefetch query per page (the list and the case page
    show them as text)."""
    through = Case.categories.through
    # The demo's SQLite orders inside an aggregate only from 3.44 on; older ones join the names
    # in the order they come.
    ordered = connection.features.supports_aggregate_order_by_clause
    order_by = ("nuisancecategory__order", "nuisancecategory__name") if ordered else None
    return models.Subquery(
        through.objects.filter(case_id=models.OuterRef("pk"))
        .values("case_id")
        .annotate(
            names=models.StringAgg("nuisancecategory__name", models.Value(", "), order_by=order_by)
        )
        .values("names"),
        output_field=models.TextField(),
    )


class Case(models.Model):
    reference = models.CharField(_("zaaknummer"), max_length=20, unique=True, editable=False)
    street = models.CharField(_("straat"), max_length=200)
    house_number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    city = models.CharField(_("plaats"), max_length=100)
    wijk = models.CharField(_("wijk"), max_length=100, blank=True)
    categories = models.ManyToManyField(
        NuisanceCategory, verbose_name=_("soorten overlast"), related_name="cases"
    )
    summary = models.TextField(_("korte feitelijke samenvatting"))
    lead_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("aanbrengende partner"),
        on_delete=models.PROTECT,
        related_name="led_cases",
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("casusregisseur"),
        on_delete=models.PROTECT,
        related_name="directed_cases",
        null=True,
        blank=True,
    )
    workflow = models.ForeignKey(
        "cases.Workflow", verbose_name=_("werkwijze"), on_delete=models.PROTECT
    )
    stage = models.ForeignKey(
        "cases.Stage", verbose_name=_("fase"), on_delete=models.PROTECT, related_name="cases"
    )
    stage_entered_at = models.DateTimeField(_("in fase sinds"), default=clock.now)
    opened_on = models.DateField(_("geopend op"), default=timezone.localdate)
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    # Closing (cases.services.lifecycle): a result from the list, a note, the end of nazorg,
    # and whether melder and veroorzaker were told.
    closing_result = models.ForeignKey(
        "cases.CaseResult",
        verbose_name=_("resultaat"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    result = models.TextField(_("toelichting bij afsluiting"), blank=True)
    nazorg_until = models.DateField(_("nazorg tot"), null=True, blank=True)
    melder_informed = models.BooleanField(_("melder geïnformeerd"), null=True, blank=True)
    veroorzaker_informed = models.BooleanField(_("veroorzaker geïnformeerd"), null=True, blank=True)
    not_informed_reason = models.TextField(_("reden niet geïnformeerd"), blank=True)
    # Recidive: the address as one key (see address_key), and the earlier case at it.
    address_key = models.CharField(_("adressleutel"), max_length=40, blank=True, editable=False)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("eerdere zaak op dit adres"),
        on_delete=models.SET_NULL,
        related_name="successors",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[categories])

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-opened_on", "-reference"]
        # Object permissions (django-guardian), one per sharing level and cumulative: a group
        # with `volledig` on a case also holds `proces` and `bestaan` (ADR 0006).
        permissions = [
            ("view_case_bestaan", _("Zaak: weet van het bestaan")),
            ("view_case_proces", _("Zaak: proces inzien")),
            ("view_case_volledig", _("Zaak: volledig inzien")),
            ("share_case", _("Zaak delen met ketenpartners")),
        ]
        indexes = [
            models.Index(fields=["postcode"]),
            # Recurrence on an address (cases/figures) until the address key of issue 13 lands.
            models.Index(fields=["postcode", "house_number"], name="case_postcode_number_idx"),
            models.Index(fields=["lead_organisation", "closed_on"]),
            # The case list, newest first: read along this index, its first page is found
            # after a few hundred cases instead of sorting every visible one (ADR 0022).
            models.Index(fields=["opened_on", "reference"]),
            # By key, and for the recidive figure the first case opened at a key after a
            # date: found in the index, without reading the closed case's own row.
            models.Index(fields=["address_key", "opened_on"], name="case_address_opened_idx"),
            # The recidive figure's closed cases: one index-only probe per case the reader
            # sees in full gives its closing date and address (14 MB at a million cases, for
            # the 30 % that are closed), instead of a read of the case's row (ADR 0028).
            models.Index(
                fields=["id"],
                include=["closed_on", "address_key"],
                condition=models.Q(closed_on__isnull=False),
                name="case_closed_idx",
            ),
            # The figures' case tally (cases/figures/selectors/tally.py) reads every case an
            # organisation sees: one index-only probe per grant into this index instead of a
            # scan of the whole table, which at a million cases reads 191 MB for 9 % of the
            # rows. Kept narrow (56 MB at a million cases): the planner picks the probes by
            # itself only while the index costs less to probe than the table to scan.
            models.Index(
                fields=["id"],
                include=["stage", "opened_on", "closed_on", "closing_result", "wijk"],
                name="case_tally_idx",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # The key follows the address it is made from, whichever service changed it.
        self.address_key = address_key(self.postcode, self.house_number)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"postcode", "house_number"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "address_key"}
        super().save(*args, **kwargs)

    @property
    def address(self):
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}"

    @property
    def is_open(self):
        return self.closed_on is None

    @property
    def in_nazorg(self) -> bool:
        """Closed, and the nazorg period (monitoring for the overlast to return) runs."""
        return (
            self.closed_on is not None
            and self.nazorg_until is not None
            and timezone.localdate() < self.nazorg_until
        )


class Participation(models.Model):
    """The record of one sharing decision: organisation × case × level, with its legal ground."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    level = models.CharField(_("niveau"), max_length=20, choices=AccessLevel.choices)
    legal_ground = models.CharField(_("grondslag"), max_length=30, choices=LegalGround.choices)
    convenant_name = models.CharField(_("naam convenant"), max_length=200, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gedeeld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    shared_at = models.DateTimeField(_("gedeeld op"), default=timezone.now)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"],
                condition=models.Q(revoked_at__isnull=True),
                name="participation_one_active_per_organisation",
            )
        ]

    def __str__(self):
        return f"{self.case} – {self.organisation} ({self.get_level_display()})"
