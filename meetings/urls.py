from django.urls import path

from .views import calendar, documents, outcome, planning, requests

app_name = "meetings"

M = "<int:meeting_id>"

urlpatterns = [
    path("", planning.meeting_list, name="list"),
    path("reeksen/nieuw/", planning.series_create, name="series_create"),
    path("reeksen/<int:series_id>/plannen/", planning.meeting_plan, name="plan"),
    path("reeksen/<int:series_id>/agenda/", calendar.series_subscribe, name="subscribe"),
    path("agenda/<str:token>.ics", calendar.series_feed, name="feed"),
    path("aanmelden/<str:reference>/", requests.request_create, name="request"),
    path(f"{M}/", planning.meeting_detail, name="detail"),
    path(f"{M}/bewerken/", planning.meeting_edit, name="edit"),
    path(f"{M}/status/<slug:action>/", planning.meeting_status, name="status"),
    path(f"{M}/overleg.ics", calendar.meeting_ics, name="ics"),
    path(
        f"{M}/aanmeldingen/<int:request_id>/<slug:action>/",
        planning.request_decide,
        name="request_decide",
    ),
    path(f"{M}/punten/<int:item_id>/", outcome.item_outcome, name="item"),
    path(f"{M}/punten/<int:item_id>/verplaatsen/", outcome.item_move, name="item_move"),
    path(f"{M}/punten/<int:item_id>/verwijderen/", outcome.item_remove, name="item_remove"),
    path(f"{M}/documenten/", documents.document_status, name="documents"),
    path(f"{M}/documenten/<int:document_id>/", documents.document_download, name="document"),
]
