from django.urls import path

from .views import notifications

app_name = "notifications"

urlpatterns = [
    path("", notifications.notification_list, name="list"),
    path("<int:notification_id>/", notifications.notification_open, name="open"),
    path("gelezen/", notifications.notification_mark_read, name="mark_read"),
    path("voorkeur/", notifications.email_preference, name="preference"),
]
