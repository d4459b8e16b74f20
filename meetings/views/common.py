from django.contrib import messages
from django.shortcuts import redirect, render

from cases.access import log_access
from cases.models import AccessLog
from woonoverlast.refusals import Refusal, answer_refusal

from .. import selectors


def submitted(request):
    return request.POST if request.method == "POST" else None


def meeting_for(request, meeting_id, *, coordinate=False):
    """The meeting if the user's organisation takes part (else 404); with `coordinate`,
    a refusal response for anyone but its coordinator."""
    meeting = selectors.get_meeting(request.user, meeting_id)
    if coordinate and not selectors.may_coordinate(request.user, meeting.series):
        return meeting, render(request, "403.html", status=403)
    return meeting, None


def log_cases(request, shown, *, action=AccessLog.Action.VIEW, resource=""):
    """One access-log row per case shown, with the level it was shown at: `shown` holds
    (case, level) pairs (NEN 7513: which case, not just which page; "wie heeft mijn dossier
    ingezien" reads the rows at volledig)."""
    logged = set()
    for case, level in shown:
        if case.pk in logged:
            continue
        logged.add(case.pk)
        log_access(
            request,
            action=action,
            outcome=AccessLog.Outcome.ALLOWED,
            case=case,
            resource=resource or request.path,
            level=level,
        )


def log_refused(request, cases, *, action=AccessLog.Action.VIEW, resource="", levels=None):
    """One denied row per case the user was refused; the 404 follows. The case is named in
    the log only, for the privacy officer of its organisation, never to the user."""
    levels = levels or {}
    for case in cases:
        log_access(
            request,
            action=action,
            outcome=AccessLog.Outcome.DENIED,
            case_id=case.pk,
            reference=case.reference,
            resource=resource or request.path,
            level=levels.get(case.pk) or "",
        )


def run(request, action, success: str, target):
    """Call a service; a refusal becomes an error message (or its 403/404), success a
    message. Redirects."""
    try:
        action()
    except Refusal as refusal:
        answer_refusal(request, refusal)
    else:
        messages.success(request, success)
    return redirect(target)
