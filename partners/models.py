from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OrganisationKind(models.TextChoices):
    CORPORATIE = "corporatie", _("Woningcorporatie")
    GEMEENTE = "gemeente", _("Gemeente")
    POLITIE = "politie", _("Politie")
    GGD = "ggd", _("GGD")
    ZORG = "zorg", _("Zorgaanbieder")
    OVERIG = "overig", _("Overig")


class Kader(models.TextChoices):
    NONE = "", _("geen")
    VRIJWILLIG = "vrijwillig", _("vrijwillig kader")
    DRANG = "drang", _("drang")
    DWANG = "dwang", _("verplicht kader (dwang)")


class Organisation(models.Model):
    """A ketenpartner. Its members share one Django group, which carries object permissions."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    area = models.CharField(_("werkgebied"), max_length=200, blank=True)
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="organisation", editable=False
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.group_id is None:
            self.group, _created = Group.objects.get_or_create(name=f"Organisatie: {self.name}")
        super().save(*args, **kwargs)


class EmailPreference(models.TextChoices):
    EACH = "direct", _("bij elke notificatie een e-mail")
    DIGEST = "dagelijks", _("één e-mail per dag met een overzicht")
    NONE = "geen", _("geen e-mail, alleen in de applicatie")


class User(AbstractUser):
    """A person working for exactly one organisation (staff-only superusers may have none)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="members",
        null=True,
        blank=True,
    )
    notification_email = models.CharField(
        _("e-mail bij notificaties"),
        max_length=20,
        choices=EmailPreference.choices,
        default=EmailPreference.EACH,
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

    def save(self, *args, update_fields=None, **kwargs):
        super().save(*args, update_fields=update_fields, **kwargs)
        # Saves of other fields (last_login on every login) leave the membership as it is.
        if update_fields is None or "organisation" in update_fields:
            self._sync_organisation_group()

    def _sync_organisation_group(self):
        # Membership of the organisation's group is derived from `organisation`; keep them equal.
        org_groups = Group.objects.filter(organisation__isnull=False)
        stale = self.groups.filter(pk__in=org_groups).exclude(
            pk=self.organisation.group_id if self.organisation_id else None
        )
        if stale.exists():
            self.groups.remove(*stale)
        if self.organisation_id:
            self.groups.add(self.organisation.group_id)


class UserSession(models.Model):
    """One logged-in session of a user, recorded at login (see docs/adr/0009).

    Django's session store cannot be searched by user; this row links a session key to its
    user so that a user can see and end their own sessions, and deactivating a user ends all
    of theirs at once. The session itself stays in Django's session store.
    """

    user = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="sessions"
    )
    session_key = models.CharField(_("sessiesleutel"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("ingelogd op"))
    last_seen = models.DateTimeField(_("laatst actief"))
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["-last_seen"]

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d %H:%M}"


class Instrument(models.Model):
    """A means (middel of maatregel) a kind of partner can use, in which kader and stages.

    Stages are named by code, not by foreign key: every workflow version copies its stages,
    and codes survive that (see docs/adr/0004-instrument-catalogue.md).
    """

    name = models.CharField(_("naam"), max_length=200)
    partner_kind = models.CharField(
        _("soort partner"), max_length=20, choices=OrganisationKind.choices
    )
    kaders = models.JSONField(_("kader"), default=list)
    stage_codes = models.JSONField(
        _("past in de fasen"),
        default=list,
        blank=True,
        help_text=_("Fase-codes. Leeg: elke fase met een van de kaders van dit instrument."),
    )
    legal_basis = models.TextField(_("grondslag"), blank=True)
    description = models.TextField(_("korte omschrijving"), blank=True)
    active = models.BooleanField(_("actief"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        ordering = ["partner_kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner_kind", "name"], name="instrument_unique_name_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_partner_kind_display()})"

    @property
    def kader_labels(self) -> list[str]:
        labels = dict(Kader.choices)
        return [str(labels.get(k, k)) for k in self.kaders]

    def fits(self, stage) -> bool:
        if self.stage_codes:
            return stage.code in self.stage_codes
        return bool(stage.kader) and stage.kader in self.kaders


class ApiClient(models.Model):
    """A partner system that uses the API (docs/adr/0020-partner-api.md).

    Owned by an organisation and managed by its Beheerder. It authenticates with OAuth2 client
    credentials (django-oauth-toolkit's `Application`, which keeps the secret hashed) and acts
    as `user`: a service user of the organisation, made with the client, that holds the
    permissions of the client's scopes. So the door (cases.access) answers an API call exactly
    as it answers a person of that organisation. Revoking removes the application (and with it
    every token) and deactivates the service user; the row stays, so the access log's
    username keeps pointing at a known client.
    """

    class Scopes(models.TextChoices):
        READ = "read", _("alleen lezen")
        READ_WRITE = "read write", _("lezen en schrijven")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="api_clients",
    )
    name = models.CharField(_("naam"), max_length=100)
    scopes = models.CharField(
        _("rechten"), max_length=20, choices=Scopes.choices, default=Scopes.READ
    )
    client_id = models.CharField(_("client-id"), max_length=100, unique=True, editable=False)
    application = models.OneToOneField(
        "oauth2_provider.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="api_client",
        editable=False,
    )
    user = models.OneToOneField(
        User, on_delete=models.PROTECT, related_name="api_client", editable=False
    )
    created_by = models.ForeignKey(
        User,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        verbose_name=_("ingetrokken door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")
        ordering = ["name", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                condition=models.Q(revoked_at__isnull=True),
                name="apiclient_one_active_name_per_organisation",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def scope_list(self) -> list[str]:
        return self.scopes.split()
