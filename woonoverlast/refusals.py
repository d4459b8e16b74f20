"""One way to refuse (DESIGN.md, rule "one way to refuse"; docs/adr/0022).

Every service of every app says no by raising `Refusal`, with a Dutch message for the user
and a kind that says what the refusal means:

- `INVALID`: the input or the state does not allow it (a field error, "het verslag is al
  vastgesteld"). The user can fix it: a form error, or a message on the page; 400 in the API.
- `FORBIDDEN`: this user may not take this kind of action at all ("alleen de coördinator").
  A 403: the user knows the object, the role does not allow the action.
- `NOT_FOUND`: an object this user may not know about. Always a 404, never a 403 that would
  tell the object exists, and always logged (in the access log when a case is involved).

Views turn a refusal into a response with one helper, `answer_refusal`; a refusal no view
caught is answered the same way by `RefusalMiddleware`, so a forgotten `except` still gives
the right status and never a 500.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.shortcuts import render

security_log = logging.getLogger("woonoverlast.security")


class Refusal(Exception):
    """A service refused an action; `messages` say why, in Dutch."""

    INVALID = "invalid"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"

    def __init__(
        self,
        message: str | Iterable[str],
        *,
        kind: str = INVALID,
        field: str | None = None,
        case=None,
    ):
        self.messages = [message] if isinstance(message, str) else [str(m) for m in message]
        super().__init__("; ".join(self.messages))
        if kind not in (self.INVALID, self.FORBIDDEN, self.NOT_FOUND):
            raise ValueError(kind)
        self.kind = kind
        self.field = field
        # The case a NOT_FOUND refusal was about: its denial goes into that case's access log.
        self.case = case

    @property
    def message(self) -> str:
        return " ".join(self.messages)

    @classmethod
    def forbidden(cls, message: str) -> Refusal:
        return cls(message, kind=cls.FORBIDDEN)

    @classmethod
    def not_found(cls, message: str = "", *, case=None) -> Refusal:
        return cls(message or "Niet gevonden", kind=cls.NOT_FOUND, case=case)


def log_not_found(request, refusal: Refusal) -> None:
    """A refused object is always logged: in the security log, and for a case in its access
    log, so the organisation's privacy officer sees the attempt."""
    user = getattr(request, "user", None)
    security_log.warning(
        "refused as not found: user id %s, %s %s: %s",
        getattr(user, "pk", None),
        request.method,
        request.path,
        refusal.message,
    )
    if refusal.case is not None and user is not None and user.is_authenticated:
        from cases.access import log_access
        from cases.models import AccessLog

        action = AccessLog.Action.VIEW if request.method == "GET" else AccessLog.Action.CHANGE
        log_access(
            request,
            action=action,
            outcome=AccessLog.Outcome.DENIED,
            case_id=refusal.case.pk,
            reference=refusal.case.reference,
            resource=request.path,
        )


def answer_refusal(request, refusal: Refusal, *, form=None) -> None:
    """Turn a refusal into what the user sees.

    INVALID becomes an error on `form` (on `refusal.field`, or for the whole form), or without
    a form a message on the next page; the view then renders or redirects as it would after
    invalid input. FORBIDDEN raises PermissionDenied (403), NOT_FOUND logs and raises Http404.
    """
    if refusal.kind == Refusal.NOT_FOUND:
        log_not_found(request, refusal)
        raise Http404(refusal.message)
    if refusal.kind == Refusal.FORBIDDEN:
        raise PermissionDenied(refusal.message)
    if form is not None:
        field = refusal.field if refusal.field in form.fields else None
        for message in refusal.messages:
            form.add_error(field, message)
        return
    for message in refusal.messages:
        messages.error(request, message)


class RefusalMiddleware:
    """Answers a refusal that no view caught: 404 (logged), 403, or a 400 page that says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Refusal):
            return None
        if exception.kind == Refusal.NOT_FOUND:
            log_not_found(request, exception)
            return response_for_exception(request, Http404(exception.message))
        if exception.kind == Refusal.FORBIDDEN:
            return response_for_exception(request, PermissionDenied(exception.message))
        return render(request, "400.html", {"refusal": exception}, status=400)
