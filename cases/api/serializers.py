"""The API's shapes, in and out. Field names are Dutch, like the app.

Out: every case field is cut by the door (`access.shown_case_fields`): a field the reader's
level does not show is `null`. Records (meldingen, logboek, ...) come from `CaseAccess`
already cut; a melding never carries its melder's identity (ADR 0020).

In: the rules of the app's forms (cases/forms/), so the API accepts what the app accepts;
what only a service can check (owner organisation, dates against each other) the service
checks, and its field errors come back on these names.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partners.models import Instrument

from .. import access
from ..models import ActionItem, Decision, Measure, NuisanceCategory
from ..models.case import as_postcode, postcode_validator
from ..models.choices import AccessLevel, NoteKind, ReportSource, Sensitivity, Visibility

NOT_SHOWN = _("Leeg wanneer het niveau van uw organisatie dit veld niet toont.")


class StageSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Code van de fase in de werkwijze."))
    naam = serializers.CharField(source="name", help_text=_("Naam van de fase."))


class CaseAddressSerializer(serializers.Serializer):
    straat = serializers.CharField(source="street")
    huisnummer = serializers.CharField(source="house_number")
    postcode = serializers.CharField()
    plaats = serializers.CharField(source="city")
    vanaf = serializers.DateField(source="valid_from", allow_null=True)
    tot = serializers.DateField(source="valid_until", allow_null=True)
    toelichting = serializers.CharField(source="note")


class CaseSerializer(serializers.Serializer):
    """A case as the reader's level shows it. `instance` comes from `with_access_level`."""

    # model field -> API field, for the cut and for the errors of services.
    FIELDS = {
        "reference": "referentie",
        "wijk": "wijk",
        "city": "plaats",
        "stage": "fase",
        "opened_on": "geopend_op",
        "closed_on": "gesloten_op",
        "regisseur": "casusregisseur",
        "lead_organisation": "aanbrengende_organisatie",
        "updated_at": "gewijzigd_op",
        "street": "straat",
        "house_number": "huisnummer",
        "postcode": "postcode",
        "summary": "samenvatting",
        "categories": "soorten_overlast",
        "further_addresses": "overige_adressen",
    }

    referentie = serializers.CharField(source="reference", help_text=_("Zaaknummer."))
    niveau = serializers.ChoiceField(
        source="access_level",
        choices=AccessLevel.choices,
        help_text=_("Het niveau waarop de zaak met uw organisatie is gedeeld."),
    )
    wijk = serializers.CharField(allow_null=True, help_text=NOT_SHOWN)
    plaats = serializers.CharField(source="city", allow_null=True, help_text=NOT_SHOWN)
    fase = StageSerializer(source="stage", allow_null=True, help_text=_("Huidige fase."))
    geopend_op = serializers.DateField(source="opened_on", allow_null=True, help_text=NOT_SHOWN)
    gesloten_op = serializers.DateField(source="closed_on", allow_null=True, help_text=NOT_SHOWN)
    casusregisseur = serializers.CharField(source="regisseur", allow_null=True, help_text=NOT_SHOWN)
    aanbrengende_organisatie = serializers.CharField(
        source="lead_organisation", allow_null=True, help_text=NOT_SHOWN
    )
    gewijzigd_op = serializers.DateTimeField(
        source="updated_at", allow_null=True, help_text=NOT_SHOWN
    )
    straat = serializers.CharField(source="street", allow_null=True, help_text=NOT_SHOWN)
    huisnummer = serializers.CharField(source="house_number", allow_null=True, help_text=NOT_SHOWN)
    postcode = serializers.CharField(allow_null=True, help_text=NOT_SHOWN)
    samenvatting = serializers.CharField(source="summary", allow_null=True, help_text=NOT_SHOWN)
    soorten_overlast = serializers.SerializerMethodField(help_text=NOT_SHOWN)
    overige_adressen = serializers.SerializerMethodField(
        help_text=_(
            "Eerdere adressen van het huishouden en andere adressen van de zaak (het huidige "
            "adres staat in straat, huisnummer en postcode). Leeg wanneer het niveau van uw "
            "organisatie dit veld niet toont."
        )
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_soorten_overlast(self, case):
        return [category.code for category in case.categories.all()]

    @extend_schema_field(CaseAddressSerializer(many=True, allow_null=True))
    def get_overige_adressen(self, case):
        # Cut by the door (access.attach_further_addresses): None where the level hides them.
        addresses = getattr(case, "shown_further_addresses", None)
        if addresses is None:
            return None
        return CaseAddressSerializer(addresses, many=True).data

    def to_representation(self, case):
        data = super().to_representation(case)
        shown = access.shown_case_fields(case.access_level)
        for field, name in self.FIELDS.items():
            if field not in shown:
                data[name] = None
        return data


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ontvangen_op = serializers.DateTimeField(source="received_at")
    soort_overlast = serializers.CharField(source="category.code")
    omschrijving = serializers.CharField(source="description")
    bron = serializers.ChoiceField(source="source", choices=ReportSource.choices)
    melder_anoniem = serializers.BooleanField(source="melder_anonymous")
    ontvangen_door = serializers.CharField(source="receiving_organisation.name")


class NoteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    soort = serializers.ChoiceField(source="kind", choices=NoteKind.choices)
    datum = serializers.DateField(source="occurred_on")
    tekst = serializers.CharField(source="text")
    zichtbaarheid = serializers.ChoiceField(source="visibility", choices=Visibility.choices)
    bijzondere_categorie = serializers.ChoiceField(
        source="sensitivity", choices=Sensitivity.choices
    )
    contact_met_melder = serializers.BooleanField(source="melder_contact")
    organisatie = serializers.CharField(source="organisation.name")
    auteur = serializers.CharField(source="author")


class InstrumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField(source="name")
    soort_partner = serializers.CharField(source="partner_kind")
    omschrijving = serializers.CharField(source="description")


class CategorySerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")


class MeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    instrument = InstrumentSerializer()
    uitvoerende_organisatie = serializers.CharField(source="owner_organisation.name")
    startdatum = serializers.DateField(source="start_date")
    geplande_einddatum = serializers.DateField(source="planned_end", allow_null=True)
    status = serializers.ChoiceField(choices=Measure.Status.choices)
    resultaat = serializers.CharField(source="outcome")


class ActionItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    titel = serializers.CharField(source="title")
    toelichting = serializers.CharField(source="description")
    eigenaar_organisatie = serializers.CharField(source="owner_organisation.name")
    uiterlijk_op = serializers.DateField(source="due_on")
    status = serializers.ChoiceField(choices=ActionItem.Status.choices)
    afgerond_op = serializers.DateTimeField(source="completed_at", allow_null=True)


class DecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    datum = serializers.DateField(source="decided_on")
    genomen_door = serializers.CharField(source="body")
    soort = serializers.ChoiceField(source="kind", choices=Decision.Kind.choices)
    besluit = serializers.CharField(source="text")
    vindplaats = serializers.CharField(source="reference")


class TimelineEntrySerializer(serializers.Serializer):
    tijdstip = serializers.DateTimeField(source="event.occurred_at")
    soort = serializers.CharField(source="event.kind")
    omschrijving = serializers.CharField(source="event.get_kind_display")
    organisatie = serializers.CharField(source="event.organisation", allow_null=True)
    onderwerp = serializers.CharField(
        source="event.target_type",
        help_text=_("Waar de gebeurtenis over gaat (melding: report, logboek: note, ...)."),
    )
    onderwerp_id = serializers.IntegerField(source="event.target_id", allow_null=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("Waarom het verzoek is geweigerd."))


# Input -------------------------------------------------------------------------------------


class CategoryCodesField(serializers.ListField):
    child = serializers.CharField(max_length=50)


class CaseCreateSerializer(serializers.Serializer):
    FIELDS = {
        "street": "straat",
        "house_number": "huisnummer",
        "postcode": "postcode",
        "city": "plaats",
        "wijk": "wijk",
        "summary": "samenvatting",
        "categories": "soorten_overlast",
        "regisseur": "casusregisseur",
    }

    straat = serializers.CharField(max_length=200)
    huisnummer = serializers.CharField(max_length=20)
    postcode = serializers.CharField(
        max_length=10, help_text=_("Vier cijfers en twee letters, bijvoorbeeld 1234 AB.")
    )
    plaats = serializers.CharField(max_length=100)
    wijk = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    samenvatting = serializers.CharField(
        help_text=_("Feitelijk en kort: wat speelt er, sinds wanneer, wie is betrokken.")
    )
    soorten_overlast = CategoryCodesField(
        min_length=1,
        help_text=_("Codes van soorten overlast (GET /api/v1/soorten-overlast/)."),
        error_messages={"min_length": _("Kies ten minste één soort overlast.")},
    )
    casusregisseur = serializers.CharField(
        max_length=150,
        help_text=_("Gebruikersnaam van de casusregisseur, een medewerker van uw organisatie."),
    )

    def validate_postcode(self, value):
        postcode = as_postcode(value) or value.strip().upper()
        try:
            postcode_validator(postcode)
        except Exception as error:  # django's ValidationError: its Dutch message
            raise serializers.ValidationError(getattr(error, "messages", [str(error)])) from None
        return postcode

    def validate_soorten_overlast(self, codes):
        categories = list(NuisanceCategory.objects.filter(active=True, code__in=codes))
        unknown = sorted(set(codes) - {category.code for category in categories})
        if unknown:
            raise serializers.ValidationError(
                _("Onbekende soort overlast: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return categories

    def validate_casusregisseur(self, username):
        from partners.models import User

        organisation_id = self.context["request"].user.organisation_id
        regisseur = User.objects.filter(
            username=username,
            organisation_id=organisation_id,
            is_active=True,
            api_client__isnull=True,
        ).first()
        if regisseur is None:
            raise serializers.ValidationError(
                _("Geen actieve medewerker van uw organisatie met deze gebruikersnaam.")
            )
        return regisseur

    def service_arguments(self) -> dict:
        data = self.validated_data
        return {
            "street": data["straat"],
            "house_number": data["huisnummer"],
            "postcode": data["postcode"],
            "city": data["plaats"],
            "wijk": data["wijk"],
            "summary": data["samenvatting"],
            "categories": data["soorten_overlast"],
            "regisseur": data["casusregisseur"],
        }


class ReportCreateSerializer(serializers.Serializer):
    FIELDS = {
        "received_at": "ontvangen_op",
        "category": "soort_overlast",
        "description": "omschrijving",
        "source": "bron",
        "melder_anonymous": "melder_anoniem",
    }

    ontvangen_op = serializers.DateTimeField(help_text=_("Wanneer de melding binnenkwam."))
    soort_overlast = serializers.CharField(max_length=50, help_text=_("Code van de soort."))
    omschrijving = serializers.CharField()
    bron = serializers.ChoiceField(choices=ReportSource.choices)
    melder_anoniem = serializers.BooleanField(
        default=False,
        help_text=_(
            "De melder wil anoniem blijven. De API legt nooit een melder vast: een melder "
            "wordt in de applicatie vastgelegd, zichtbaar voor uw organisatie alleen."
        ),
    )

    def validate_ontvangen_op(self, value):
        if value > timezone.now() + timedelta(minutes=5):
            raise serializers.ValidationError(_("Een melding kan niet in de toekomst liggen."))
        return value

    def validate_soort_overlast(self, code):
        category = NuisanceCategory.objects.filter(active=True, code=code).first()
        if category is None:
            raise serializers.ValidationError(_("Onbekende soort overlast."))
        return category

    def service_arguments(self) -> dict:
        data = self.validated_data
        return {
            "received_at": data["ontvangen_op"],
            "category": data["soort_overlast"],
            "description": data["omschrijving"],
            "source": data["bron"],
            "melder_anonymous": data["melder_anoniem"],
        }


class NoteCreateSerializer(serializers.Serializer):
    FIELDS = {
        "kind": "soort",
        "occurred_on": "datum",
        "text": "tekst",
        "visibility": "zichtbaarheid",
        "sensitivity": "bijzondere_categorie",
        "melder_contact": "contact_met_melder",
    }

    soort = serializers.ChoiceField(choices=NoteKind.choices)
    datum = serializers.DateField(required=False, help_text=_("Standaard vandaag."))
    tekst = serializers.CharField()
    zichtbaarheid = serializers.ChoiceField(
        choices=Visibility.choices, default=Visibility.OWN_ORGANISATION
    )
    bijzondere_categorie = serializers.ChoiceField(
        choices=Sensitivity.choices, default=Sensitivity.NONE, allow_blank=True
    )
    contact_met_melder = serializers.BooleanField(default=False)
    bewust_delen = serializers.BooleanField(
        default=False,
        help_text=_(
            "Zorg- of politie-informatie delen met alle deelnemers vraagt deze bevestiging, "
            "zoals in de applicatie."
        ),
    )

    def validate_datum(self, value):
        if value > timezone.localdate():
            raise serializers.ValidationError(_("De datum kan niet in de toekomst liggen."))
        return value

    def validate(self, data):
        if (
            data.get("bijzondere_categorie")
            and data.get("zichtbaarheid") == Visibility.PARTICIPANTS
            and not data.get("bewust_delen")
        ):
            raise serializers.ValidationError(
                {
                    "zichtbaarheid": [
                        _(
                            "Zorg- en politie-informatie blijft bij uw eigen organisatie. Kies "
                            "'alleen eigen organisatie', of bevestig met bewust_delen dat u "
                            "het bewust deelt."
                        )
                    ]
                }
            )
        return data

    def service_arguments(self) -> dict:
        data = self.validated_data
        return {
            "kind": data["soort"],
            "occurred_on": data.get("datum") or timezone.localdate(),
            "text": data["tekst"],
            "visibility": data["zichtbaarheid"],
            "sensitivity": data["bijzondere_categorie"],
            "melder_contact": data["contact_met_melder"],
        }


class MeasureCreateSerializer(serializers.Serializer):
    FIELDS = {
        "instrument": "instrument",
        "owner_organisation": "instrument",
        "start_date": "startdatum",
        "planned_end": "geplande_einddatum",
        "status": "status",
        "outcome": "resultaat",
    }

    instrument = serializers.IntegerField(
        min_value=1, help_text=_("Id van het instrument (GET /api/v1/instrumenten/).")
    )
    startdatum = serializers.DateField()
    geplande_einddatum = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Measure.Status.choices, default=Measure.Status.PLANNED)
    resultaat = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_instrument(self, pk):
        instrument = Instrument.objects.filter(pk=pk, active=True).first()
        if instrument is None:
            raise serializers.ValidationError(_("Onbekend of niet meer actief instrument."))
        return instrument

    def service_arguments(self) -> dict:
        data = self.validated_data
        return {
            "instrument": data["instrument"],
            "start_date": data["startdatum"],
            "planned_end": data["geplande_einddatum"],
            "status": data["status"],
            "outcome": data["resultaat"],
        }


class MeasureUpdateSerializer(serializers.Serializer):
    FIELDS = {"status": "status", "planned_end": "geplande_einddatum", "outcome": "resultaat"}

    status = serializers.ChoiceField(choices=Measure.Status.choices, required=False)
    geplande_einddatum = serializers.DateField(required=False, allow_null=True)
    resultaat = serializers.CharField(required=False, allow_blank=True)

    def service_arguments(self, measure: Measure) -> dict:
        data = self.validated_data
        return {
            "status": data.get("status", measure.status),
            "planned_end": data.get("geplande_einddatum", measure.planned_end),
            "outcome": data.get("resultaat", measure.outcome),
        }
