"""OAuth2 for the partner API: which scopes a client may ask for (django-oauth-toolkit).

django-oauth-toolkit lets every application ask for every scope in settings by default. Here a
client gets only the scopes its organisation's Beheerder gave it (`ApiClient.scopes`): a
read-only client asking for `write` is refused a token (invalid_scope).
"""

from __future__ import annotations

from oauth2_provider.scopes import SettingsScopes


def _client_scopes(application) -> list[str]:
    client = getattr(application, "api_client", None) if application is not None else None
    if client is None or not client.is_active:
        return []
    return client.scope_list


class ApiClientScopes(SettingsScopes):
    def get_available_scopes(self, application=None, request=None, *args, **kwargs):
        if application is None:  # listing every scope (the schema, the settings check)
            return super().get_available_scopes(application, request, *args, **kwargs)
        return _client_scopes(application)

    def get_default_scopes(self, application=None, request=None, *args, **kwargs):
        if application is None:
            return super().get_default_scopes(application, request, *args, **kwargs)
        return _client_scopes(application)
