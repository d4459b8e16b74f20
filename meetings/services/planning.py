"""Writes of the planning: series, meetings, requests, the agenda and its documents."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import access as case_access_module
from cases import selectors as case_selectors
from cases.models import Case
from cases.models.choices import AccessLevel
from cases.notifications.calendars import calendars_of
from meetings import planning
from meetings.models import AgendaItem, AgendaRequest, Meeting, MeetingDocument, Series
from meetings.selectors import coordinator_level
from woonoverlast.refusals import Refusal

from .common import _lock, _require_coordinator, _require_open, _save

# -- series and meetings -----------------------------------------------------------------


@transaction.atomic
def create_series(*, actor, participants, **fields) -> Series:
    if not (actor.has_perm("meetings.add_series") and actor.organisation_id):
        raise Refusal.forbidden(_("U mag geen overlegreeks aanmaken."))
    series = _save(Series(organisation_id=actor.organisation_id, **fields), actor)
    series.participants.set({*participants, actor.organisation})
    return series


@transaction.atomic
def plan_meeting(*, actor, series: Series, starts_at, **fields) -> Meeting:
    _require_coordinator(actor, series)
    if starts_at <= timezone.now():
        raise Refusal(_("Een nieuw overleg moet in de toekomst liggen."))
    fields.setdefault("location", series.default_location)
    return _save(Meeting(series=series, starts_at=starts_at, **fields), actor)


@transaction.atomic
def update_meeting(*, actor, meeting: Meeting, **fields) -> Meeting:
    meeting = _lock(meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    for name, value in fields.items():
        setattr(meeting, name, value)
    return _save(meeting, actor)


@transaction.atomic
def mark_held(*, actor, meeting: Meeting) -> Meeting:
    meeting = _lock(meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    if meeting.starts_at > timezone.now():
        raise Refusal(_("Een overleg dat nog moet beginnen kan niet gehouden zijn."))
    meeting.status = Meeting.Status.HELD
    return _save(meeting, actor)


@transaction.atomic
def finalise_minutes(*, actor, meeting: Meeting) -> Meeting:
    """Vaststellen: from now on nothing of this meeting changes."""
    meeting = _lock(meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    if meeting.status != Meeting.Status.HELD:
        raise Refusal(_("Markeer het overleg eerst als gehouden."))
    missing = meeting.items.filter(betrokkene_informed__isnull=True).count()
    if missing:
        raise Refusal(
            _("Leg bij elk agendapunt vast of de betrokkene is geïnformeerd (%(count)s nog open).")
            % {"count": missing}
        )
    meeting.status = Meeting.Status.FINAL
    meeting.finalised_at = timezone.now()
    meeting.finalised_by = actor
    return _save(meeting, actor)


# -- requests ("aanmelden voor overleg") -------------------------------------------------


def next_open_meeting(series: Series, after: Meeting | None = None) -> Meeting | None:
    """The first planned meeting whose cut-off has not passed (after `after`, if given)."""
    today = timezone.localdate()
    meetings = series.meetings.filter(
        status=Meeting.Status.PLANNED, starts_at__gt=timezone.now()
    ).order_by("starts_at")
    if after is not None:
        meetings = meetings.filter(starts_at__gt=after.starts_at)
    for meeting in meetings.select_related("series"):
        if after is not None or planning.cutoff_date(meeting) >= today:
            return meeting
    return None


def series_for_request(user):
    """Series whose meetings a user may ask to discuss a case at."""
    if not user.has_perm("meetings.add_agendarequest") or not user.organisation_id:
        return Series.objects.none()
    return Series.objects.filter(participants=user.organisation_id).distinct()


@transaction.atomic
def request_discussion(
    *, actor, access, series: Series, question: str, partners_needed=()
) -> AgendaRequest:
    case = access.case
    if not (access.sees_process and series_for_request(actor).filter(pk=series.pk).exists()):
        raise Refusal.forbidden(_("U mag deze zaak niet aanmelden voor dit overleg."))
    if not question.strip():
        raise Refusal(_("Schrijf op wat u het overleg wilt vragen."))
    if not case.is_open:
        raise Refusal(_("Een gesloten zaak kan niet worden aangemeld."))
    if coordinator_level(series, case) not in (AccessLevel.PROCES, AccessLevel.VOLLEDIG):
        raise Refusal(
            _(
                "De coördinerende organisatie (%(org)s) ziet deze zaak niet. Deel de zaak "
                "eerst ten minste op procesniveau met hen."
            )
            % {"org": series.organisation}
        )
    meeting = next_open_meeting(series)
    if meeting is None:
        raise Refusal(
            _(
                "Er is geen gepland overleg waarvoor de aanmelding nog open is. Vraag de "
                "coördinator een overleg te plannen."
            )
        )
    already = (
        AgendaRequest.objects.filter(
            meeting=meeting,
            case=case,
            status__in=[AgendaRequest.Status.REQUESTED, AgendaRequest.Status.DEFERRED],
        ).exists()
        or meeting.items.filter(case=case).exists()
    )
    if already:
        raise Refusal(
            _("Deze zaak staat al aangemeld voor het overleg van %(meeting)s.")
            % {"meeting": meeting}
        )
    request = _save(
        AgendaRequest(meeting=meeting, case=case, question=question.strip(), requested_by=actor),
        actor,
    )
    request.partners_needed.set(partners_needed)
    return request


def _lock_request(request: AgendaRequest) -> AgendaRequest:
    return (
        AgendaRequest.objects.select_for_update()
        .select_related("meeting__series")
        .get(pk=request.pk)
    )


def _pending(request: AgendaRequest):
    if request.status not in (AgendaRequest.Status.REQUESTED, AgendaRequest.Status.DEFERRED):
        raise Refusal(_("Over deze aanmelding is al beslist."))


def _next_order(meeting: Meeting) -> int:
    return (meeting.items.aggregate(last=Max("order"))["last"] or 0) + 1


@transaction.atomic
def accept_request(*, actor, request: AgendaRequest) -> AgendaItem:
    request = _lock_request(request)
    meeting = _lock(request.meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    _pending(request)
    if coordinator_level(meeting.series, request.case) not in (
        AccessLevel.PROCES,
        AccessLevel.VOLLEDIG,
    ):
        # As the view does: a case the coordinator no longer sees is not theirs to know.
        raise Refusal.not_found(
            _("Uw organisatie ziet deze zaak niet (meer); hij kan niet op de agenda."),
            case=request.case,
        )
    if meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.AGENDA_SENT):
        raise Refusal(_("Dit overleg is al gehouden; stel de aanmelding uit."))
    if meeting.items.filter(case_id=request.case_id).exists():
        raise Refusal(_("Deze zaak staat al op de agenda."))
    request.status = AgendaRequest.Status.ACCEPTED
    request.decided_by = actor
    _save(request, actor)
    item = _save(
        AgendaItem(
            meeting=meeting,
            case_id=request.case_id,
            request=request,
            source=AgendaItem.Source.REQUEST,
            question=request.question,
            order=_next_order(meeting),
        ),
        actor,
    )
    item.partners_needed.set(request.partners_needed.all())
    return item


@transaction.atomic
def defer_request(*, actor, request: AgendaRequest, note: str = "") -> AgendaRequest:
    """Move the request to the next planned meeting of the series."""
    request = _lock_request(request)
    _require_coordinator(actor, request.meeting.series)
    _pending(request)
    target = next_open_meeting(request.meeting.series, after=request.meeting)
    if target is None:
        raise Refusal(_("Plan eerst het volgende overleg; daarheen gaat de aanmelding."))
    request.meeting = target
    request.status = AgendaRequest.Status.DEFERRED
    request.decided_by = actor
    request.decision_note = note[:300]
    return _save(request, actor)


@transaction.atomic
def decline_request(*, actor, request: AgendaRequest, note: str) -> AgendaRequest:
    request = _lock_request(request)
    _require_coordinator(actor, request.meeting.series)
    _pending(request)
    if not note.strip():
        raise Refusal(_("Geef aan waarom de zaak niet wordt besproken."))
    request.status = AgendaRequest.Status.DECLINED
    request.decided_by = actor
    request.decision_note = note.strip()[:300]
    return _save(request, actor)


# -- the agenda --------------------------------------------------------------------------


@transaction.atomic
def move_item(*, actor, item: AgendaItem, offset: int) -> None:
    meeting = _lock(item.meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    items = list(meeting.items.order_by("order", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + offset
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for order, other in enumerate(items, start=1):
        if other.order != order:
            other.order = order
            _save(other, actor)


@transaction.atomic
def remove_item(*, actor, item: AgendaItem) -> None:
    meeting = _lock(item.meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    if item.decisions.exists() or item.action_items.exists() or item.minutes:
        raise Refusal(_("Dit agendapunt is al besproken en kan niet meer weg."))
    if item.request_id:
        request = item.request
        request.status = AgendaRequest.Status.REQUESTED
        _save(request, actor)
    item._history_user = actor
    item.delete()


def _review_candidates(meeting: Meeting):
    """Cases whose next review date (set at an earlier meeting of the series) has come."""
    day = planning.meeting_day(meeting)
    earlier = AgendaItem.objects.filter(
        meeting__series=meeting.series,
        meeting__starts_at__lt=meeting.starts_at,
        next_review_on__isnull=False,
        next_review_on__lte=day,
    ).exclude(meeting=meeting)
    # Only the latest review date per case counts: a later meeting may have moved it.
    latest = {}
    for item in earlier.order_by("meeting__starts_at").select_related("case"):
        latest[item.case_id] = item
    discussed_later = set(
        AgendaItem.objects.filter(
            meeting__series=meeting.series,
            meeting__starts_at__lt=meeting.starts_at,
            case_id__in=latest,
        )
        .exclude(meeting=meeting)
        .values_list("case_id", "meeting__starts_at")
    )
    due = []
    for case_id, item in latest.items():
        newer = any(cid == case_id and at > item.meeting.starts_at for cid, at in discussed_later)
        if not newer and item.case.is_open:
            due.append(item)
    return due


def _overdue_candidates(meeting: Meeting):
    """Open cases of this overleg (discussed before in the series) over their stage target."""
    case_ids = (
        AgendaItem.objects.filter(meeting__series=meeting.series)
        .exclude(meeting=meeting)
        .values("case_id")
    )
    cases = list(
        Case.objects.filter(pk__in=case_ids, closed_on__isnull=True).select_related("stage")
    )
    # Each case's target counts in its lead organisation's calendar, read once for them all.
    calendars = calendars_of({case.lead_organisation_id for case in cases})
    return [
        case
        for case in cases
        if case_selectors.stage_status(case, calendars.of(case.lead_organisation_id))["overdue"]
    ]


@transaction.atomic
def compose_agenda(*, meeting: Meeting, actor=None) -> list[AgendaItem]:
    """The draft agenda at the cut-off: review dates that have come and stage targets passed.

    Accepted requests are on the agenda already. Idempotent: a case already on the agenda is
    left alone, so running it twice adds nothing.
    """
    meeting = _lock(meeting)
    if meeting.status != Meeting.Status.PLANNED:
        return []
    on_agenda = set(meeting.items.values_list("case_id", flat=True))
    added = []
    coordinating = meeting.series.organisation_id
    candidates = [(item.case, AgendaItem.Source.REVIEW) for item in _review_candidates(meeting)]
    candidates += [(case, AgendaItem.Source.OVERDUE) for case in _overdue_candidates(meeting)]
    levels = case_access_module.organisation_levels(coordinating, [c for c, _s in candidates])
    for case, source in candidates:
        if case.pk in on_agenda or levels.get(case.pk) not in (
            AccessLevel.PROCES,
            AccessLevel.VOLLEDIG,
        ):
            continue
        on_agenda.add(case.pk)
        added.append(
            _save(
                AgendaItem(meeting=meeting, case=case, source=source, order=_next_order(meeting)),
                actor,
            )
        )
    if meeting.composed_at is None:
        meeting.composed_at = timezone.now()
        _save(meeting, actor)
    return added


@transaction.atomic
def send_agenda(*, actor, meeting: Meeting) -> list[MeetingDocument]:
    """Mark the agenda as sent and have the PDFs made for every participant and the chair."""
    meeting = _lock(meeting)
    _require_coordinator(actor, meeting.series)
    _require_open(meeting)
    if not meeting.items.exists():
        raise Refusal(_("De agenda is leeg; accepteer eerst aanmeldingen."))
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.AGENDA_SENT
        meeting.agenda_sent_at = timezone.now()
        _save(meeting, actor)
    return request_documents(actor=actor, meeting=meeting, kind=MeetingDocument.Kind.AGENDA)


@transaction.atomic
def request_documents(*, actor, meeting: Meeting, kind: str) -> list[MeetingDocument]:
    """One document per participating organisation plus the combined one for the chair.

    Made by a Celery task after the commit; earlier documents of this kind are replaced.
    """
    meeting = _lock(meeting)
    _require_coordinator(actor, meeting.series)
    if kind == MeetingDocument.Kind.MINUTES and meeting.status not in (
        Meeting.Status.HELD,
        Meeting.Status.FINAL,
    ):
        raise Refusal(_("Een verslag kan pas na het overleg worden gemaakt."))
    old = list(meeting.documents.filter(kind=kind))
    stale_files = [document.file.name for document in old if document.file]
    meeting.documents.filter(kind=kind).delete()
    if stale_files:
        storage = MeetingDocument._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in stale_files])
    organisations = [None, *meeting.series.participants.order_by("name")]
    documents = [
        MeetingDocument.objects.create(
            meeting=meeting, kind=kind, organisation=organisation, requested_by=actor
        )
        for organisation in organisations
    ]
    from meetings.tasks import generate_document

    ids = [document.pk for document in documents]
    transaction.on_commit(lambda: [generate_document.delay(pk) for pk in ids])
    return documents
