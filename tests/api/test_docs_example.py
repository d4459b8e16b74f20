"""The curl example in docs/api.md, run as written: every curl line between the markers is
parsed (shlex) and sent through Django's test client, with the shell variables filled in
and `jq -r PATH` applied to the answer, so the example stays true."""

from __future__ import annotations

import json
import re
import shlex
from datetime import timedelta
from pathlib import Path

from django.test import Client
from django.utils import timezone

from cases.models import Note
from cases.models.choices import AccessLevel
from partners.models import OrganisationKind
from tests.factories import OrganisationFactory, make_case, share

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
HOST = "https://woonoverlast.example.nl"


def example_lines() -> list[str]:
    text = DOC.read_text()
    block = text.split("<!-- voorbeeld:begin -->", 1)[1].split("<!-- voorbeeld:einde -->", 1)[0]
    return [line for line in block.splitlines() if line and not line.startswith("```")]


def jq(data, path: str):
    value = data
    for key, index in re.findall(r"\.(\w+)(?:\[(\d+)\])?", path):
        value = value[key]
        if index:
            value = value[int(index)]
    return value


def expand(word: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$(\w+)", lambda m: variables[m.group(1)], word)


def curl(command: str, variables: dict[str, str]):
    words = [expand(w, variables) for w in shlex.split(command)]
    assert words[0] == "curl"
    method, headers, data, auth, url = "GET", {}, [], None, None
    i = 1
    while i < len(words):
        word = words[i]
        if word == "-s":
            i += 1
            continue
        if word in ("-X", "-H", "-d", "-u"):
            value = words[i + 1]
            if word == "-X":
                method = value
            elif word == "-H":
                name, _sep, header = value.partition(": ")
                headers[name] = header
            elif word == "-d":
                data.append(value)
                method = "POST" if method == "GET" else method
            else:
                auth = value
            i += 2
            continue
        url = word
        i += 1
    assert url.startswith(HOST), url
    path = url[len(HOST) :]
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    if auth:
        import base64

        extra["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    client = Client()
    if method == "GET":
        return client.get(path, **extra)
    content_type = extra.pop("HTTP_CONTENT_TYPE", "application/x-www-form-urlencoded")
    body = "&".join(data) if content_type.endswith("urlencoded") else data[0]
    return client.generic(method, path, body, content_type=content_type, **extra)


def test_the_documented_curl_example_works(consulent, corporatie, api_for):
    gemeente = OrganisationFactory(name="Gemeente Rivierstad", kind=OrganisationKind.GEMEENTE)
    case = make_case(consulent)
    share(case, gemeente, AccessLevel.VOLLEDIG, consulent)
    partner = api_for(gemeente, write=True)
    variables = {"CLIENT_ID": partner.client.client_id, "CLIENT_SECRET": partner.secret}
    answers = []
    for line in example_lines():
        assignment = re.match(r"^(\w+)=(.*)$", line)
        if assignment and not assignment.group(2).startswith("$("):
            variables[assignment.group(1)] = expand(assignment.group(2), variables)
            continue
        if assignment and "date -d yesterday" in line:
            variables[assignment.group(1)] = (timezone.localdate() - timedelta(days=1)).isoformat()
            continue
        if assignment:
            inner = assignment.group(2)[2:-1]
            command, _pipe, filter_ = inner.partition(" | jq -r ")
            response = curl(command, variables)
            assert response.status_code == 200, response.content
            variables[assignment.group(1)] = jq(json.loads(response.content), filter_.strip("'"))
            continue
        answers.append(curl(line, variables))
    listed, added = answers
    assert listed.status_code == 200
    assert [c["referentie"] for c in listed.json()["results"]] == [case.reference]
    assert variables["ZAAK"] == case.reference
    assert added.status_code == 201, added.content
    note = Note.objects.get(pk=added.json()["id"])
    assert note.case == case and note.organisation == gemeente
    assert note.text.startswith("Huurder gebeld")
