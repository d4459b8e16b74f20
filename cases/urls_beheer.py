"""The functional admin's screens under /beheer/ (workflows and the instrument catalogue).

The Beheerder's user management lives under /beheer/gebruikers/ (partners.urls_users)."""

from django.urls import path

from .views import beheer, instruments

app_name = "beheer"

WF = "werkwijzen/<int:pk>"

urlpatterns = [
    path("", beheer.index, name="index"),
    path("werkwijzen/", beheer.workflow_list, name="workflows"),
    path(f"{WF}/", beheer.workflow_detail, name="workflow"),
    path("werkwijzen/standaard-gebruiken/", beheer.use_default, name="use_default"),
    path(f"{WF}/concept/", beheer.draft_create, name="draft_create"),
    path(f"{WF}/overnemen/", beheer.workflow_copy, name="copy"),
    path(f"{WF}/verwijderen/", beheer.draft_discard, name="draft_discard"),
    path(f"{WF}/publiceren/", beheer.workflow_publish, name="publish"),
    path(f"{WF}/fasen/nieuw/", beheer.stage_edit, name="stage_add"),
    path(f"{WF}/fasen/<int:stage_id>/", beheer.stage_edit, name="stage_edit"),
    path(f"{WF}/overgangen/nieuw/", beheer.transition_edit, name="transition_add"),
    path(f"{WF}/overgangen/<int:transition_id>/", beheer.transition_edit, name="transition_edit"),
    path(
        f"{WF}/<slug:kind>/<int:item_id>/verwijderen/",
        beheer.item_delete,
        name="item_delete",
    ),
    path(f"{WF}/zaken-overzetten/", beheer.migrate, name="migrate"),
    path("instrumenten/", instruments.instrument_list, name="instruments"),
    path("instrumenten/nieuw/", instruments.instrument_edit, name="instrument_add"),
    path("instrumenten/<int:pk>/", instruments.instrument_edit, name="instrument_edit"),
    path(
        "instrumenten/<int:pk>/actief/",
        instruments.instrument_toggle,
        name="instrument_toggle",
    ),
]
