from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:notification_id>/", views.notification_open, name="open"),
    path("gelezen/", views.notification_mark_read, name="mark_read"),
    path("voorkeur/", views.email_preference, name="preference"),
]

# Under /instellingen/, beside the bewaartermijnen (namespace "instellingen", see the project urls).
settings_urlpatterns = [
    path("herinneringen/", views.reminder_settings, name="reminders"),
    path(
        "herinneringen/standaard/",
        views.reminder_settings_default,
        name="reminders_default",
    ),
    path("herinneringen/vrije-dagen/", views.day_off_add, name="day_off_add"),
    path(
        "herinneringen/vrije-dagen/<int:day_off_id>/verwijderen/",
        views.day_off_remove,
        name="day_off_remove",
    ),
    path(
        "herinneringen/standaard/vrije-dagen/",
        views.day_off_add_default,
        name="day_off_add_default",
    ),
    path(
        "herinneringen/standaard/vrije-dagen/<int:day_off_id>/verwijderen/",
        views.day_off_remove_default,
        name="day_off_remove_default",
    ),
    path(
        "herinneringen/standaard-gebruiken/",
        views.reminder_settings_use_default,
        name="reminders_use_default",
    ),
]
