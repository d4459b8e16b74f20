from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.figures_page, name="page"),
    path("pdf/", views.figures_pdf, name="pdf"),
    path("<slug:key>.csv", views.figure_csv, name="csv"),
]
