"""The procesdossier's page, under a case: /zaken/<reference>/procesdossier/.

Included by cases/urls.py under the case's reference, in the `cases` namespace.
"""

from django.urls import path

from . import views

case_urlpatterns = [
    path("procesdossier/", views.dossier, name="dossier"),
]
