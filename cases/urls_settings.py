from django.urls import path

from .views import notifications

app_name = "instellingen"

urlpatterns = [
    path("herinneringen/", notifications.reminder_settings, name="reminders"),
    path(
        "herinneringen/standaard/",
        notifications.reminder_settings_default,
        name="reminders_default",
    ),
    path(
        "herinneringen/standaard-gebruiken/",
        notifications.reminder_settings_use_default,
        name="reminders_use_default",
    ),
    path("bewaartermijnen/", notifications.retention_rules, name="retention"),
    path(
        "bewaartermijnen/<int:rule_id>/verwijderen/",
        notifications.retention_rule_delete,
        name="retention_delete",
    ),
    path("bewaartermijnen/rapport/", notifications.retention_report, name="retention_report"),
]
