from django.urls import path

from . import views

app_name = "cases"

REF = "<str:reference>"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("nieuw/", views.case_create, name="create"),
    path(f"{REF}/", views.case_detail, name="detail"),
    path(f"{REF}/bewerken/", views.case_edit, name="edit"),
    path(f"{REF}/betrokkenen/nieuw/", views.person_add, name="person_add"),
    path(f"{REF}/meldingen/nieuw/", views.report_add, name="report_add"),
    path(f"{REF}/logboek/nieuw/", views.note_add, name="note_add"),
    path(f"{REF}/bijlagen/nieuw/", views.attachment_add, name="attachment_add"),
    path(f"{REF}/bijlagen/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path(f"{REF}/fase/<int:transition_id>/", views.transition_take, name="transition"),
    path(f"{REF}/besluiten/nieuw/", views.decision_add, name="decision_add"),
]
