from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:list", permanent=False), name="home"),
    path("account/", include("django.contrib.auth.urls")),
    path("zaken/", include("cases.urls")),
    path("beheer/", include("cases.urls_beheer")),
    path("admin/", admin.site.urls),
]
