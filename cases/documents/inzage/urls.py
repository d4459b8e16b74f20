from django.urls import path

from . import views

app_name = "inzage"

urlpatterns = [
    path("", views.verzoek_list, name="list"),
    path("nieuw/", views.verzoek_create, name="create"),
    path("<int:verzoek_id>/", views.verzoek_detail, name="detail"),
    path("<int:verzoek_id>/export.pdf", views.verzoek_pdf, name="pdf"),
    path("<int:verzoek_id>/export.json", views.verzoek_json, name="json"),
    path("<int:verzoek_id>/verlengen/", views.verzoek_extend, name="extend"),
    path("<int:verzoek_id>/afhandelen/", views.verzoek_close, name="close"),
]
