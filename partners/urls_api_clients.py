"""The Beheerder's API clients, under /beheer/koppelingen/ (partners.views_api_clients)."""

from django.urls import path

from . import views_api_clients as views

app_name = "api_clients"

urlpatterns = [
    path("", views.client_list, name="list"),
    path("nieuw/", views.client_add, name="add"),
    path("<int:client_id>/intrekken/", views.client_revoke, name="revoke"),
]
