from django.urls import include, path

from .documents.dossier import urls as dossier_urls
from .views import (
    accesslog,
    actions,
    addresses,
    case,
    lifecycle,
    measures,
    records,
    sharing,
    workflow,
)

app_name = "cases"

REF = "<str:reference>"

urlpatterns = [
    path("", case.case_list, name="list"),
    path("nieuw/", case.case_create, name="create"),
    path("actiepunten/", actions.my_actions, name="my_actions"),
    path("gedeeld/", sharing.shared_list, name="shared_list"),
    path("toegangslog/", accesslog.log_overview, name="accesslog"),
    path("toegangslog/personen/", accesslog.person_search, name="accesslog_persons"),
    path(
        "toegangslog/personen/<int:person_id>/",
        accesslog.log_for_person,
        name="accesslog_person",
    ),
    path(f"toegangslog/zaken/{REF}/", accesslog.log_for_case, name="accesslog_case"),
    path(f"{REF}/", case.case_detail, name="detail"),
    path(f"{REF}/bewerken/", case.case_edit, name="edit"),
    path(f"{REF}/adressen/verhuizing/", addresses.address_move, name="address_move"),
    path(f"{REF}/adressen/nieuw/", addresses.address_add, name="address_add"),
    path(
        f"{REF}/adressen/<int:address_id>/verwijderen/",
        addresses.address_remove,
        name="address_remove",
    ),
    path(f"{REF}/afsluiten/", lifecycle.case_close, name="close"),
    path(f"{REF}/heropenen/", lifecycle.case_reopen, name="reopen"),
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
    path(f"{REF}/delen/nieuw/", sharing.share_add, name="share_add"),
    path(f"{REF}/delen/overdragen/", sharing.hand_over, name="hand_over"),
    path(f"{REF}/delen/<int:participation_id>/niveau/", sharing.share_level, name="share_level"),
    path(
        f"{REF}/delen/<int:participation_id>/intrekken/", sharing.share_revoke, name="share_revoke"
    ),
    path(f"{REF}/", include(dossier_urls.case_urlpatterns)),
]
