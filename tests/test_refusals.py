"""One way to refuse (woonoverlast.refusals, docs/adr/0018): what `answer_refusal` makes of
each kind of refusal, and what `RefusalMiddleware` answers for a refusal no view caught."""

import logging

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.urls import path

from cases.models import AccessLog
from tests.factories import make_case
from woonoverlast import urls as project_urls
from woonoverlast.refusals import Refusal, answer_refusal


class NameForm(forms.Form):
    name = forms.CharField()
    email = forms.CharField(required=False)


def _request(rf, user, method="get"):
    request = getattr(rf, method)("/ergens/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


# --- the refusal itself ----------------------------------------------------------------------


def test_a_refusal_keeps_its_messages_field_and_kind():
    refusal = Refusal("Vul een naam in.", field="name")
    assert (refusal.messages, refusal.field, refusal.kind) == (
        ["Vul een naam in."],
        "name",
        "invalid",
    )
    assert refusal.errors == {"name": ["Vul een naam in."]}
    assert Refusal(["Een.", "Twee."]).message == "Een. Twee."
    assert Refusal.forbidden("Nee.").kind == Refusal.FORBIDDEN
    assert Refusal.not_found().kind == Refusal.NOT_FOUND
    with pytest.raises(ValueError):
        Refusal("Onzin.", kind="misschien")


def test_a_lazy_message_is_one_message():
    from django.utils.translation import gettext_lazy

    assert Refusal(gettext_lazy("Vul een naam in.")).messages == ["Vul een naam in."]


def test_a_model_validation_error_keeps_its_fields():
    error = ValidationError({"name": ["Te lang."], "__all__": ["Klopt niet."]})
    refusal = Refusal.from_validation_error(error)
    assert refusal.errors == {"name": ["Te lang."], None: ["Klopt niet."]}
    assert refusal.messages == ["Te lang.", "Klopt niet."]
    assert Refusal.from_validation_error(ValidationError("Alles mis.")).errors == {
        None: ["Alles mis."]
    }


# --- answer_refusal --------------------------------------------------------------------------


def test_an_invalid_refusal_becomes_an_error_on_its_field(rf, consulent):
    form = NameForm({"name": "Jan"})
    assert form.is_valid()
    answer_refusal(
        _request(rf, consulent), Refusal("Deze naam bestaat al.", field="name"), form=form
    )
    assert form.errors == {"name": ["Deze naam bestaat al."]}


def test_errors_on_several_fields_land_on_each_and_an_unknown_field_on_the_form(rf, consulent):
    form = NameForm({"name": "Jan"})
    assert form.is_valid()
    refusal = Refusal.on_fields(
        {
            "name": "Bezet.",
            "email": ["Ongeldig.", "Al in gebruik."],
            "role": "Niet op dit formulier.",
        }
    )
    answer_refusal(_request(rf, consulent), refusal, form=form)
    assert form.errors["name"] == ["Bezet."]
    assert form.errors["email"] == ["Ongeldig.", "Al in gebruik."]
    assert form.non_field_errors() == ["Niet op dit formulier."]


def test_an_invalid_refusal_without_a_form_becomes_messages(rf, consulent):
    request = _request(rf, consulent, "post")
    answer_refusal(request, Refusal(["Eerst dit.", "Dan dat."]))
    assert [str(m) for m in get_messages(request)] == ["Eerst dit.", "Dan dat."]


def test_a_forbidden_refusal_is_a_403_whatever_the_form(rf, consulent):
    form = NameForm({"name": "Jan"})
    form.is_valid()
    with pytest.raises(PermissionDenied, match="Alleen de coördinator"):
        answer_refusal(
            _request(rf, consulent), Refusal.forbidden("Alleen de coördinator."), form=form
        )
    assert not form.errors


def test_a_not_found_refusal_is_a_404_logged_in_the_security_and_access_logs(rf, consulent, caplog):
    case = make_case(consulent)
    request = _request(rf, consulent, "post")
    with (
        caplog.at_level(logging.WARNING, logger="woonoverlast.security"),
        pytest.raises(Http404),
    ):
        answer_refusal(request, Refusal.not_found("Weg.", case=case))
    assert "refused as not found" in caplog.text and f"user id {consulent.pk}" in caplog.text
    denied = AccessLog.objects.get(outcome=AccessLog.Outcome.DENIED)
    assert (denied.case_id_ref, denied.case_reference) == (case.pk, case.reference)
    assert denied.action == AccessLog.Action.CHANGE and denied.user == consulent


def test_a_not_found_refusal_without_a_case_is_logged_in_the_security_log_only(
    rf, consulent, caplog
):
    with (
        caplog.at_level(logging.WARNING, logger="woonoverlast.security"),
        pytest.raises(Http404),
    ):
        answer_refusal(_request(rf, consulent), Refusal.not_found())
    assert "refused as not found" in caplog.text
    assert not AccessLog.objects.exists()


# --- the middleware: a refusal no view caught ------------------------------------------------


def _refusing_view(request, kind):
    if kind == "ongeldig":
        raise Refusal("Het verslag is al vastgesteld.")
    if kind == "verboden":
        raise Refusal.forbidden("Alleen de coördinator van dit overleg mag dit doen.")
    case = make_case(request.user) if kind == "zaak" else None
    raise Refusal.not_found("Geheim.", case=case)


def _plain_view(request):
    return HttpResponse("ok")


urlpatterns = [
    path("weigeren/<str:kind>/", _refusing_view),
    path("gewoon/", _plain_view),
    *project_urls.urlpatterns,  # the error pages link to the project's own pages
]


@pytest.mark.urls("tests.test_refusals")
def test_an_uncaught_invalid_refusal_is_a_400_page_with_the_message(client_for, consulent):
    client = client_for(consulent)
    assert client.get("/gewoon/").status_code == 200
    response = client.post("/weigeren/ongeldig/")
    assert response.status_code == 400
    assert "Het verslag is al vastgesteld." in response.text
    assert "Er is niets gewijzigd" in response.text


@pytest.mark.urls("tests.test_refusals")
def test_an_uncaught_forbidden_refusal_is_a_403_that_says_why(client_for, consulent):
    response = client_for(consulent).post("/weigeren/verboden/")
    assert response.status_code == 403
    assert "Alleen de coördinator van dit overleg mag dit doen." in response.text


@pytest.mark.urls("tests.test_refusals")
def test_an_uncaught_not_found_refusal_is_a_logged_404_that_tells_nothing(
    client_for, consulent, caplog
):
    client = client_for(consulent)
    with caplog.at_level(logging.WARNING, logger="woonoverlast.security"):
        response = client.get("/weigeren/zaak/")
    assert response.status_code == 404
    assert "Geheim." not in response.text
    assert "refused as not found" in caplog.text
    denied = AccessLog.objects.get(outcome=AccessLog.Outcome.DENIED)
    assert denied.action == AccessLog.Action.VIEW and denied.resource == "/weigeren/zaak/"
    assert client.get("/weigeren/onbekend/").status_code == 404
