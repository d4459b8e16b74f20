from django.urls import path

from . import views

# Under /instellingen/, beside the reminder thresholds (namespace "instellingen").
settings_urlpatterns = [
    path("bewaartermijnen/", views.retention_rules, name="retention"),
    path(
        "bewaartermijnen/<int:rule_id>/verwijderen/",
        views.retention_rule_delete,
        name="retention_delete",
    ),
    path("bewaartermijnen/rapport/", views.retention_report, name="retention_report"),
]
