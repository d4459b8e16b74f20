from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from cases.notifications import urls as notification_urls
from cases.retention import urls as retention_urls

# The settings a functional admin keeps, from the units they belong to, under one menu.
settings_urlpatterns = notification_urls.settings_urlpatterns + retention_urls.settings_urlpatterns

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:list", permanent=False), name="home"),
    path("account/", include("partners.urls")),
    # A forgotten password goes through the organisation's Beheerder, who sends a link
    # (partners/urls_users.py): the application mails no reset links of its own.
    path(
        "account/password_reset/",
        login_not_required(
            TemplateView.as_view(template_name="registration/password_forgotten.html")
        ),
        name="password_reset",
    ),
    path(
        "account/password_reset/done/",
        login_not_required(RedirectView.as_view(pattern_name="password_reset")),
        name="password_reset_done",
    ),
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
