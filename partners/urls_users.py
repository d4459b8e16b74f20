"""The Beheerder's user management, under /beheer/gebruikers/ (partners.views_users)."""

from django.urls import path

from . import views_users as views

app_name = "users"

U = "<int:user_id>"

urlpatterns = [
    path("", views.user_list, name="list"),
    path("nieuw/", views.user_add, name="add"),
    path(f"{U}/", views.user_detail, name="detail"),
    path(f"{U}/wijzigen/", views.user_edit, name="edit"),
    path(f"{U}/deactiveren/", views.user_deactivate, name="deactivate"),
    path(f"{U}/activeren/", views.user_activate, name="activate"),
    path(f"{U}/tweestaps-herstellen/", views.user_reset_second_factor, name="reset_2fa"),
    path(f"{U}/wachtwoordlink/", views.user_password_link, name="password_link"),
    path(f"{U}/sessies/<int:session_id>/beeindigen/", views.user_session_end, name="session_end"),
]
