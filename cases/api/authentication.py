"""OAuth2 bearer tokens (django-oauth-toolkit), answered as the client's service user.

A client-credentials token belongs to an application, not to a person: the token carries
no user. The request's user becomes the application's user, the service user of the
`partners.ApiClient` (made with the client), so the door answers it as a member of the
client's organisation (docs/adr/0020-partner-api.md).
"""

from __future__ import annotations

from drf_spectacular.contrib.django_oauth_toolkit import DjangoOAuthToolkitScheme
from oauth2_provider.contrib.rest_framework import OAuth2Authentication


class ClientCredentialsAuthentication(OAuth2Authentication):
    def authenticate(self, request):
        answer = super().authenticate(request)
        if answer is None:
            return None
        user, token = answer
        if user is None and token.application is not None:
            user = token.application.user
        return user, token


class ClientCredentialsScheme(DjangoOAuthToolkitScheme):
    """The schema's security scheme: OAuth2 client credentials, with the token URL."""

    target_class = "cases.api.authentication.ClientCredentialsAuthentication"
