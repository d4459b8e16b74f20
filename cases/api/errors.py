"""How the API says no: the app's refusals and validation errors as JSON, in Dutch.

- a `Refusal` INVALID, a Django `ValidationError` or a service's `ValueError` (views catch
  those around service calls, `refused`): 400 with field errors, `{"veld": ["melding"]}`,
  non-field errors under `non_field_errors`, as DRF's own validation errors;
- a `Refusal` FORBIDDEN or Django's `PermissionDenied`: 403 `{"detail": ...}`;
- a `Refusal` NOT_FOUND: 404, logged like the app does (woonoverlast.refusals.log_not_found);
  an `Http404` from the door was logged by the door.

Field names in service errors are the models' (`planned_end`); each view says how its API
names them (`api_fields`), so the client reads the errors on the fields it sent.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from woonoverlast.refusals import Refusal, log_not_found

NON_FIELD = "non_field_errors"


class Invalid(exceptions.APIException):
    """400 with these field errors (already in the API's field names)."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(detail=errors)


def _api_name(field, api_fields: dict[str, str]) -> str:
    if field in (None, NON_FIELD_ERRORS):
        return NON_FIELD
    return api_fields.get(field, NON_FIELD)


def _field_errors(refused, api_fields: dict[str, str]) -> dict[str, list[str]]:
    if isinstance(refused, Refusal):
        by_field = getattr(refused, "errors", None) or {refused.field: refused.messages}
    elif isinstance(refused, ValidationError) and hasattr(refused, "error_dict"):
        by_field = refused.message_dict
    elif isinstance(refused, ValidationError):
        by_field = {None: refused.messages}
    else:
        by_field = {None: [str(refused)]}
    errors: dict[str, list[str]] = {}
    for field, texts in by_field.items():
        errors.setdefault(_api_name(field, api_fields), []).extend(str(t) for t in texts)
    return errors


@contextmanager
def refused(api_fields: dict[str, str] | None = None):
    """Around a service call: its refusals become the API's answers."""
    try:
        yield
    except Refusal as refusal:
        if refusal.kind == Refusal.INVALID:
            raise Invalid(_field_errors(refusal, api_fields or {})) from refusal
        raise
    except (ValidationError, ValueError) as error:
        raise Invalid(_field_errors(error, api_fields or {})) from error


def exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, Refusal):
        if exc.kind == Refusal.NOT_FOUND:
            if request is not None:
                log_not_found(request, exc)
            exc = exceptions.NotFound()
        elif exc.kind == Refusal.FORBIDDEN:
            exc = exceptions.PermissionDenied(exc.message)
        else:
            return Response(_field_errors(exc, {}), status=status.HTTP_400_BAD_REQUEST)
    elif isinstance(exc, PermissionDenied) and str(exc):
        exc = exceptions.PermissionDenied(str(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
