"""The partner API, version 1 (/api/v1/): one more reader and writer behind the same door.

Partner systems (police, GGD, gemeenten, corporaties) read the cases shared with their
organisation and record meldingen, logboek entries, measures and actiepunten, through the
same door and services as the app (docs/adr/0020-partner-api.md):

- `authentication` / `permissions` / `throttling`: OAuth2 client credentials
  (django-oauth-toolkit); a client acts as its service user, a user of its organisation
  (partners.ApiClient), so `cases.access` answers it as it answers that organisation's people;
  scope `read` for GET, `write` for the rest; a rate per client;
- `serializers`: the shapes in and out; every case field is cut by `access.shown_case_fields`;
- `views`: thin: parse, ask the door (`access.get_case_access`, `access.visible_cases`) or call a
  service (`cases.services`), answer; every read is in the access log with the client's name;
- `errors`: a refusal or a Django validation error becomes 400 with field errors in Dutch, 403,
  or 404 (logged), never a 500;
- `urls`: the routes, the token endpoint, the schema (/api/schema/) and its documentation.
"""
