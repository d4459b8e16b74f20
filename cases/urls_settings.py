from django.urls import path

from .views import notifications

app_name = "instellingen"

urlpatterns = [
    path("herinneringen/", notifications.reminder_settings, name="reminders"),
    path("bewaartermijnen/", notifications.retention_rules, name="retention"),
    path(
        "bewaartermijnen/<int:rule_id>/verwijderen/",
        notifications.retention_rule_delete,
        name="retention_delete",
    ),
    path("bewaartermijnen/rapport/", notifications.retention_report, name="retention_report"),
]
