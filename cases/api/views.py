"""The API's views: thin, like the app's (parse, ask the door or call a service, answer).

Every case comes through the door: the list from `access.visible_cases` with the levels of
`access.with_access_level`, one case from `access.get_case_access` (allowed and logged, or 404
and logged, exactly as the case page), its records from the `CaseAccess` it hands out. A
record the caller may not see (another organisation's measure, an actiepunt of a case it sees
at `bestaan`) is a 404 and logged. Writes go through `cases.services`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from partners.models import Instrument

from .. import access, selectors, services
from ..models import AccessLog, NuisanceCategory
from ..models.choices import AccessLevel
from . import serializers as s
from .errors import Invalid, refused

ERRORS = {401: s.ErrorSerializer, 403: s.ErrorSerializer, 404: s.ErrorSerializer}
READ_ERRORS = ERRORS
WRITE_ERRORS = {400: OpenApiTypes.OBJECT, **ERRORS}


class ApiView(APIView):
    """Token-authenticated: the app's login and two-factor middlewares let it through
    (login_not_required); it opens no HTML view. Answers are never cached."""

    @classmethod
    def as_view(cls, **initkwargs):
        return login_not_required(super().as_view(**initkwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        return response


def _log_list(request, resource: str) -> None:
    access.log_access(
        request,
        action=AccessLog.Action.VIEW,
        outcome=AccessLog.Outcome.ALLOWED,
        resource=resource,
    )


def _not_found(request, case_access, what: str):
    """A record of a case the caller knows, but not this record: 404, logged on the case."""
    access.log_access(
        request,
        action=AccessLog.Action.VIEW if request.method == "GET" else AccessLog.Action.CHANGE,
        outcome=AccessLog.Outcome.DENIED,
        case=case_access.case,
        resource=request.path,
        level=case_access.level,
    )
    from rest_framework.exceptions import NotFound

    raise NotFound(what)


class CasePagination(CursorPagination):
    # The reference: unique, never changes, and every level sees it (sorting on a field a
    # level hides would tell it, cases/access/listing.py).
    ordering = "reference"
    page_size = 50
    page_size_query_param = "aantal"
    max_page_size = 200


def _parse_since(value: str):
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is not None:
            from datetime import datetime, time

            from django.utils import timezone

            moment = timezone.make_aware(datetime.combine(day, time.min))
    elif moment.tzinfo is None:
        from django.utils import timezone

        moment = timezone.make_aware(moment)
    return moment


class CaseList(ApiView):
    pagination_class = CasePagination

    @extend_schema(
        operation_id="zaken_lijst",
        summary=_("Zaken die uw organisatie kent"),
        description=_(
            "De zaken van uw organisatie en de zaken die met haar zijn gedeeld, elk op het "
            "gedeelde niveau. Filters: fase (code), wijk, gewijzigd_sinds (datum of tijdstip; "
            "alleen zaken waarvan uw niveau de wijzigingsdatum toont, vanaf proces). "
            "Gepagineerd met een cursor (volgende/vorige)."
        ),
        parameters=[
            OpenApiParameter("fase", str, description=_("Code van de fase.")),
            OpenApiParameter("wijk", str, description=_("Wijk, precies zoals vastgelegd.")),
            OpenApiParameter(
                "gewijzigd_sinds",
                str,
                description=_("Datum (2027-01-31) of tijdstip (ISO 8601)."),
            ),
            OpenApiParameter("aantal", int, description=_("Zaken per pagina, hoogstens 200.")),
        ],
        responses={200: s.CaseSerializer(many=True), 400: OpenApiTypes.OBJECT, **READ_ERRORS},
    )
    def get(self, request):
        cases = access.with_access_level(access.visible_cases(request.user), request.user)
        stage = request.query_params.get("fase")
        if stage:
            cases = cases.filter(stage__code=stage)
        wijk = request.query_params.get("wijk")
        if wijk:
            cases = cases.filter(wijk=wijk)
        since = request.query_params.get("gewijzigd_sinds")
        if since:
            moment = _parse_since(since)
            if moment is None:
                raise Invalid(
                    {"gewijzigd_sinds": [_("Geef een datum (2027-01-31) of een tijdstip.")]}
                )
            cases = cases.filter(access.changed_since_q(moment))
        cases = access.with_further_address_flag(
            cases.select_related("stage", "regisseur", "lead_organisation").prefetch_related(
                Prefetch("categories", queryset=NuisanceCategory.objects.order_by("order"))
            )
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(cases, request, view=self)
        access.attach_further_addresses(page)
        _log_list(request, "api: zaaklijst")
        return paginator.get_paginated_response(s.CaseSerializer(page, many=True).data)

    @extend_schema(
        operation_id="zaak_openen",
        summary=_("Een zaak openen"),
        description=_(
            "Opent een zaak met uw organisatie als aanbrengende partner (scope write), zoals "
            "'Nieuwe zaak' in de applicatie."
        ),
        request=s.CaseCreateSerializer,
        responses={201: s.CaseSerializer, **WRITE_ERRORS},
    )
    def post(self, request):
        serializer = s.CaseCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        with refused(s.CaseCreateSerializer.FIELDS):
            case = services.create_case(actor=request.user, **serializer.service_arguments())
        case_access = access.get_case_access(
            request, case.reference, action=AccessLog.Action.CREATE
        )
        return Response(_case_data(case_access), status=status.HTTP_201_CREATED)


def _case_data(case_access) -> dict:
    case = case_access.case
    case.access_level = case_access.level
    access.attach_further_addresses([case])
    return s.CaseSerializer(case).data


class CaseDetail(ApiView):
    @extend_schema(
        operation_id="zaak",
        summary=_("Eén zaak"),
        description=_("De zaak op het niveau van uw organisatie; 404 als zij de zaak niet kent."),
        responses={200: s.CaseSerializer, **READ_ERRORS},
    )
    def get(self, request, reference):
        return Response(_case_data(access.get_case_access(request, reference)))


class CaseRecords(ApiView):
    """A list of one kind of record of one case, as the door cuts it."""

    serializer_class = None
    records = ""  # the CaseAccess method

    def get(self, request, reference):
        case_access = access.get_case_access(request, reference)
        items = getattr(case_access, self.records)()
        return Response(self.serializer_class(items, many=True).data)


def _records_schema(operation_id, summary, description, serializer):
    return extend_schema(
        operation_id=operation_id,
        summary=summary,
        description=description,
        responses={200: serializer(many=True), **READ_ERRORS},
    )


def _write_access(request, reference, minimum_level):
    return access.get_case_access(
        request, reference, action=AccessLog.Action.CHANGE, minimum_level=minimum_level
    )


def _create_on_case(request, reference, *, create, shown, service, **extra):
    """A record added to a case the caller sees in full: parse, call the service, answer 201."""
    case_access = _write_access(request, reference, AccessLevel.VOLLEDIG)
    serializer = create(data=request.data)
    serializer.is_valid(raise_exception=True)
    with refused(create.FIELDS):
        record = service(
            actor=request.user, access=case_access, **extra, **serializer.service_arguments()
        )
    return Response(shown(record).data, status=status.HTTP_201_CREATED)


class ReportList(CaseRecords):
    serializer_class = s.ReportSerializer
    records = "reports"

    @_records_schema(
        "meldingen",
        _("Meldingen van een zaak"),
        _("Alleen bij volledig niveau; zonder identiteit van melders."),
        s.ReportSerializer,
    )
    def get(self, request, reference):
        return super().get(request, reference)

    @extend_schema(
        operation_id="melding_vastleggen",
        summary=_("Een melding vastleggen"),
        description=_("Bij een zaak die uw organisatie volledig ziet (scope write)."),
        request=s.ReportCreateSerializer,
        responses={201: s.ReportSerializer, **WRITE_ERRORS},
    )
    def post(self, request, reference):
        return _create_on_case(
            request,
            reference,
            create=s.ReportCreateSerializer,
            shown=s.ReportSerializer,
            service=services.add_report,
        )


class NoteList(CaseRecords):
    serializer_class = s.NoteSerializer
    records = "notes"

    @_records_schema(
        "logboek",
        _("Logboek van een zaak"),
        _(
            "Alleen bij volledig niveau: de regels van uw organisatie en de regels die met "
            "alle deelnemers zijn gedeeld."
        ),
        s.NoteSerializer,
    )
    def get(self, request, reference):
        return super().get(request, reference)

    @extend_schema(
        operation_id="logboekregel_toevoegen",
        summary=_("Een logboekregel toevoegen"),
        description=_("Bij een zaak die uw organisatie volledig ziet (scope write)."),
        request=s.NoteCreateSerializer,
        responses={201: s.NoteSerializer, **WRITE_ERRORS},
    )
    def post(self, request, reference):
        return _create_on_case(
            request,
            reference,
            create=s.NoteCreateSerializer,
            shown=s.NoteSerializer,
            service=services.add_note,
        )


class MeasureList(CaseRecords):
    serializer_class = s.MeasureSerializer
    records = "measures"

    @_records_schema(
        "maatregelen",
        _("Maatregelen van een zaak"),
        _("Vanaf procesniveau."),
        s.MeasureSerializer,
    )
    def get(self, request, reference):
        return super().get(request, reference)

    @extend_schema(
        operation_id="maatregel_vastleggen",
        summary=_("Een maatregel vastleggen"),
        description=_(
            "Een maatregel die uw organisatie uitvoert, bij een zaak die zij volledig ziet "
            "(scope write)."
        ),
        request=s.MeasureCreateSerializer,
        responses={201: s.MeasureSerializer, **WRITE_ERRORS},
    )
    def post(self, request, reference):
        return _create_on_case(
            request,
            reference,
            create=s.MeasureCreateSerializer,
            shown=s.MeasureSerializer,
            service=services.add_measure,
            owner_organisation=request.user.organisation,
        )


class MeasureDetail(ApiView):
    @extend_schema(
        operation_id="maatregel_bijwerken",
        summary=_("Een maatregel bijwerken"),
        description=_(
            "Status, geplande einddatum en resultaat van een maatregel die uw organisatie "
            "uitvoert (of, als aanbrengende partner, elke maatregel van de zaak; scope write)."
        ),
        request=s.MeasureUpdateSerializer,
        responses={200: s.MeasureSerializer, **WRITE_ERRORS},
    )
    def patch(self, request, reference, measure_id):
        case_access = _write_access(request, reference, AccessLevel.VOLLEDIG)
        measure = case_access.measures().filter(pk=measure_id).first()
        if measure is None:
            _not_found(request, case_access, _("Maatregel niet gevonden."))
        serializer = s.MeasureUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with refused(s.MeasureUpdateSerializer.FIELDS):
            measure = services.update_measure(
                actor=request.user,
                access=case_access,
                measure=measure,
                **serializer.service_arguments(measure),
            )
        return Response(s.MeasureSerializer(measure).data)


class ActionItemList(CaseRecords):
    serializer_class = s.ActionItemSerializer
    records = "action_items"

    @_records_schema(
        "actiepunten",
        _("Actiepunten van een zaak"),
        _("Vanaf procesniveau."),
        s.ActionItemSerializer,
    )
    def get(self, request, reference):
        return super().get(request, reference)


class ActionItemComplete(ApiView):
    @extend_schema(
        operation_id="actiepunt_afronden",
        summary=_("Een actiepunt afronden"),
        description=_(
            "Een actiepunt van uw organisatie (of, als aanbrengende partner, elk actiepunt "
            "van de zaak; scope write). Twee keer afronden is één keer afronden."
        ),
        request=None,
        responses={200: s.ActionItemSerializer, **WRITE_ERRORS},
    )
    def post(self, request, reference, item_id):
        case_access = _write_access(request, reference, AccessLevel.PROCES)
        item = case_access.action_items().filter(pk=item_id).first()
        if item is None:
            _not_found(request, case_access, _("Actiepunt niet gevonden."))
        with refused():
            item = services.complete_action_item(actor=request.user, access=case_access, item=item)
        return Response(s.ActionItemSerializer(item).data)


class DecisionList(CaseRecords):
    serializer_class = s.DecisionSerializer
    records = "decisions"

    @_records_schema(
        "besluiten",
        _("Besluiten over een zaak"),
        _("Alleen bij volledig niveau."),
        s.DecisionSerializer,
    )
    def get(self, request, reference):
        return super().get(request, reference)


class Timeline(ApiView):
    @extend_schema(
        operation_id="tijdlijn",
        summary=_("Tijdlijn van een zaak"),
        description=_(
            "De nieuwste gebeurtenissen (hoogstens 200), zoals de zaakpagina ze uw "
            "organisatie toont: wat uw niveau niet toont, ontbreekt."
        ),
        responses={200: s.TimelineEntrySerializer(many=True), **READ_ERRORS},
    )
    def get(self, request, reference):
        case_access = access.get_case_access(request, reference)
        entries = selectors.case_timeline(case_access)
        return Response(s.TimelineEntrySerializer(entries, many=True).data)


class CategoryList(ApiView):
    @extend_schema(
        operation_id="soorten_overlast",
        summary=_("Soorten overlast"),
        description=_("De codes voor soorten_overlast en soort_overlast."),
        responses={200: s.CategorySerializer(many=True), **READ_ERRORS},
    )
    def get(self, request):
        categories = NuisanceCategory.objects.filter(active=True).order_by("order", "name")
        return Response(s.CategorySerializer(categories, many=True).data)


class InstrumentList(ApiView):
    @extend_schema(
        operation_id="instrumenten",
        summary=_("Instrumenten"),
        description=_("De actieve instrumenten (middelen en maatregelen) uit de catalogus."),
        responses={200: s.InstrumentSerializer(many=True), **READ_ERRORS},
    )
    def get(self, request):
        instruments = Instrument.objects.filter(active=True).order_by("partner_kind", "name")
        return Response(s.InstrumentSerializer(instruments, many=True).data)


@extend_schema(exclude=True)
class NotFound(ApiView):
    """Any other path under /api/: a 404 in JSON, as the API answers, never the app's HTML
    page (an id that is no number, a reference with a slash)."""

    authentication_classes: list = []
    permission_classes: list = []
    throttle_classes: list = []

    def initial(self, request, *args, **kwargs):
        from rest_framework.exceptions import NotFound as NotFoundError

        super().initial(request, *args, **kwargs)
        raise NotFoundError()

    def get(self, request, *args, **kwargs):  # pragma: no cover - initial() answers
        raise AssertionError
