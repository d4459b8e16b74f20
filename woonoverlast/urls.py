from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from cases.notifications import urls as notification_urls
from cases.retention import urls as retention_urls

# The settings a functional admin keeps, from the units they belong to, under one menu.
settings_urlpatterns = notification_urls.settings_urlpatterns + retention_urls.settings_urlpatterns

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:list", permanent=False), name="home"),
    path("account/", include("partners.urls")),
    path("account/", include("django.contrib.auth.urls")),
    path("zaken/", include("cases.urls")),
    path("notificaties/", include("cases.notifications.urls")),
    path("instellingen/", include((settings_urlpatterns, "instellingen"))),
    path("overleg/", include("meetings.urls")),
    path("cijfers/", include("cases.figures.urls")),
    path("privacy/inzage/", include("cases.documents.inzage.urls")),
    path("beheer/gebruikers/", include("partners.urls_users")),
    path("beheer/koppelingen/", include("partners.urls_api_clients")),
    path("beheer/", include("cases.urls_beheer")),
    # Letters: "Brief maken" under /zaken/<reference>/brieven/, templates under /beheer/.
    path("", include("cases.documents.letters.urls")),
    path("api/", include("cases.api.urls")),
    path("admin/", admin.site.urls),
]
