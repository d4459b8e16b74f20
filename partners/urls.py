from django.urls import path

from . import views

app_name = "account"

urlpatterns = [
    path("tweestaps/controle/", views.otp_verify, name="otp_verify"),
    path("tweestaps/instellen/", views.otp_enrol, name="otp_enrol"),
    path("tweestaps/reservecodes/", views.otp_backup_codes, name="otp_backup_codes"),
    path("tweestaps/reservecodes/nieuw/", views.otp_backup_codes_new, name="otp_backup_codes_new"),
    path("sessies/", views.session_list, name="sessions"),
    path("sessies/andere-beeindigen/", views.session_end_others, name="session_end_others"),
    path("sessies/<int:pk>/beeindigen/", views.session_end, name="session_end"),
]
