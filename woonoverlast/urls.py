from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:list", permanent=False), name="home"),
    path("account/", include("partners.urls")),
    path("account/", include("django.contrib.auth.urls")),
    path("zaken/", include("cases.urls")),
    path("notificaties/", include("cases.urls_notifications")),
    path("instellingen/", include("cases.urls_settings")),
    path("overleg/", include("meetings.urls")),
    path("beheer/gebruikers/", include("partners.urls_users")),
    path("beheer/", include("cases.urls_beheer")),
    path("admin/", admin.site.urls),
]
