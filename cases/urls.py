from django.urls import path

from .views import actions, case, measures, records, workflow

app_name = "cases"

REF = "<str:reference>"

urlpatterns = [
    path("", case.case_list, name="list"),
    path("nieuw/", case.case_create, name="create"),
    path("actiepunten/", actions.my_actions, name="my_actions"),
    path(f"{REF}/", case.case_detail, name="detail"),
    path(f"{REF}/bewerken/", case.case_edit, name="edit"),
    path(f"{REF}/betrokkenen/nieuw/", records.person_add, name="person_add"),
    path(f"{REF}/meldingen/nieuw/", records.report_add, name="report_add"),
    path(f"{REF}/logboek/nieuw/", records.note_add, name="note_add"),
    path(f"{REF}/bijlagen/nieuw/", records.attachment_add, name="attachment_add"),
    path(f"{REF}/bijlagen/<int:attachment_id>/", records.attachment_download, name="attachment"),
    path(f"{REF}/fase/<int:transition_id>/", workflow.transition_take, name="transition"),
    path(f"{REF}/besluiten/nieuw/", workflow.decision_add, name="decision_add"),
    path(f"{REF}/actiepunten/nieuw/", actions.action_add, name="action_add"),
    path(
        f"{REF}/actiepunten/<int:item_id>/afronden/",
        actions.action_complete,
        name="action_complete",
    ),
    path(f"{REF}/maatregelen/nieuw/", measures.measure_add, name="measure_add"),
    path(f"{REF}/maatregelen/<int:measure_id>/", measures.measure_edit, name="measure_edit"),
]
