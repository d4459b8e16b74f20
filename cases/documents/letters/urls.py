"""Letters: made on a case (under /zaken/), templates kept under /beheer/ (namespace letters)."""

from django.urls import path

from . import views

app_name = "letters"

urlpatterns = [
    path("zaken/<str:reference>/brieven/nieuw/", views.letter_make, name="make"),
    path("beheer/briefsjablonen/", views.template_list, name="templates"),
    path("beheer/briefsjablonen/nieuw/", views.template_edit, name="template_add"),
    path("beheer/briefsjablonen/<int:pk>/", views.template_edit, name="template_edit"),
    path("beheer/briefhoofd/", views.letterhead_edit, name="letterhead"),
]
