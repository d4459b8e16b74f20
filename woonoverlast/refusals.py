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
from collections.abc import Iterable, Mapping

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import Promise

security_log = logging.getLogger("woonoverlast.security")


class Refusal(Exception):
    """A service refused an action; `messages` say why, in Dutch.

    `errors` maps each field the refusal is about to its messages (None: the whole form).
    `Refusal(msg, field="name")` is about one field; `Refusal.on_fields({...})` about several
    at once, the way a model's full_clean() reports them (`Refusal.from_validation_error`).
    """

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
        self.messages = _texts(message)
        super().__init__("; ".join(self.messages))
        if kind not in (self.INVALID, self.FORBIDDEN, self.NOT_FOUND):
            raise ValueError(kind)
        self.kind = kind
        self.field = field
        self.errors: dict[str | None, list[str]] = {field: self.messages}
        # The case a NOT_FOUND refusal was about: its denial goes into that case's access log.
        self.case = case

    @property
    def message(self) -> str:
        return " ".join(self.messages)

    @classmethod
    def on_fields(
        cls,
        errors: Mapping[str, str | Iterable[str]] | Mapping[str | None, str | Iterable[str]],
    ) -> Refusal:
        """An INVALID refusal with messages on several fields: {field: message(s)}."""
        by_field = {field: _texts(texts) for field, texts in errors.items()}
        refusal = cls([text for texts in by_field.values() for text in texts])
        refusal.field = next(iter(by_field), None)
        refusal.errors = by_field
        return refusal

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> Refusal:
        """A model's ValidationError (full_clean) as a refusal, field by field."""
        if hasattr(error, "error_dict"):
            return cls.on_fields(
                {
                    (None if field == NON_FIELD_ERRORS else field): texts
                    for field, texts in error.message_dict.items()
                }
            )
        return cls(error.messages)

    @classmethod
    def forbidden(cls, message: str) -> Refusal:
        return cls(message, kind=cls.FORBIDDEN)

    @classmethod
    def not_found(cls, message: str = "", *, case=None) -> Refusal:
        return cls(message or "Niet gevonden", kind=cls.NOT_FOUND, case=case)


def _texts(message: str | Iterable[str]) -> list[str]:
    # A lazy translation (gettext_lazy) is one message, though not an instance of str.
    if isinstance(message, (str, Promise)):
        return [str(message)]
    return [str(text) for text in message]


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

    INVALID becomes errors on `form` (each on its field in `refusal.errors`, or for the whole
    form when the form has no such field), or without a form messages on the next page; the
    view then renders or redirects as it would after invalid input. FORBIDDEN raises
    PermissionDenied (403, the page shows the message), NOT_FOUND logs and raises Http404.
    """
    if refusal.kind == Refusal.NOT_FOUND:
        log_not_found(request, refusal)
        raise Http404(refusal.message)
    if refusal.kind == Refusal.FORBIDDEN:
        raise PermissionDenied(refusal.message)
    if form is not None:
        for field, texts in refusal.errors.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
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
