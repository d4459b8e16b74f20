"""/api/: version 1 of the partner API, the token endpoint, the schema and its documentation.

Only the token endpoint of django-oauth-toolkit is routed (and revocation): its other views
(authorise, manage applications) are for people with a session and are not offered.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from oauth2_provider import views as oauth_views

from . import views

app_name = "api"

R = "zaken/<str:reference>"

v1 = [
    path("zaken/", views.CaseList.as_view(), name="cases"),
    path(f"{R}/", views.CaseDetail.as_view(), name="case"),
    path(f"{R}/meldingen/", views.ReportList.as_view(), name="reports"),
    path(f"{R}/logboek/", views.NoteList.as_view(), name="notes"),
    path(f"{R}/maatregelen/", views.MeasureList.as_view(), name="measures"),
    path(f"{R}/maatregelen/<int:measure_id>/", views.MeasureDetail.as_view(), name="measure"),
    path(f"{R}/actiepunten/", views.ActionItemList.as_view(), name="action_items"),
    path(
        f"{R}/actiepunten/<int:item_id>/afronden/",
        views.ActionItemComplete.as_view(),
        name="action_item_complete",
    ),
    path(f"{R}/besluiten/", views.DecisionList.as_view(), name="decisions"),
    path(f"{R}/tijdlijn/", views.Timeline.as_view(), name="timeline"),
    path("soorten-overlast/", views.CategoryList.as_view(), name="categories"),
    path("instrumenten/", views.InstrumentList.as_view(), name="instruments"),
]

# The documentation: Swagger UI from drf-spectacular-sidecar's static files (no CDN), in a
# page of our own that keeps the app's CSP (nonce on every script, no inline style).
DOCS = SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html")


def public(view):
    """Open without a login (a token or nothing), and never cached, as every API answer."""
    return login_not_required(never_cache(view))


urlpatterns = [
    path("v1/", include(v1)),
    path("oauth/token/", public(oauth_views.TokenView.as_view()), name="token"),
    path(
        "oauth/intrekken/",
        public(oauth_views.RevokeTokenView.as_view()),
        name="revoke_token",
    ),
    path("schema/", public(SpectacularAPIView.as_view()), name="schema"),
    path(
        "docs/",
        public(DOCS),
        name="docs",
    ),
    # Last: every other path under /api/ is a JSON 404, not the app's HTML page.
    re_path(r"^.*$", views.NotFound.as_view(), name="not_found"),
]
