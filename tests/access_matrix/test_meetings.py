"""The casusoverleg of the matrix world, per object: a meeting, an agenda item and a
document are there only for an organisation that takes part and has access now; a refusal
on case data is 404 and logged; a document holds no more than its recipient's level."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cases.models import AccessLog

from .test_matrix import leaks, login
from .world import ACTION, CASES, DECISION, MINUTES, QUESTION, STREET, SUMMARY

pytestmark = pytest.mark.django_db


def _denied(actor, case) -> int:
    return AccessLog.objects.filter(
        user=actor.user, outcome=AccessLog.Outcome.DENIED, case_id_ref=case.pk
    ).count()


def _pdf_text(response) -> str:
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return "\n".join(page.extract_text() for page in reader.pages)


def _meeting_urls(world, meeting_id):
    meeting = world.meeting.pk
    urls = [
        reverse("meetings:detail", args=[meeting_id]),
        reverse("meetings:ics", args=[meeting_id]),
        reverse("meetings:documents", args=[meeting_id]),
        reverse("meetings:edit", args=[meeting_id]),
        reverse("meetings:item", args=[meeting_id, world.item.pk]),
        reverse("meetings:item_remove", args=[meeting_id, world.item.pk]),
    ]
    urls += [
        reverse("meetings:document", args=[meeting_id, document.pk])
        for document in [*world.docs.values(), *world.withdrawn.values()]
        if document.meeting_id == meeting
    ]
    return urls


def test_an_organisation_outside_the_overleg_finds_no_meeting(world):
    """The outsider, in every role: every page of the meeting, each of its agenda items and
    every copy of its documents answer as for a meeting that does not exist."""
    for role in ("Medewerker", "Coordinator", "Lezer"):
        actor = world.actor("outsider", role)
        client = login(actor)
        known = _meeting_urls(world, world.meeting.pk)
        unknown = _meeting_urls(world, 999_999)
        for url, missing in zip(known, unknown, strict=True):
            response = client.get(url)
            assert response.status_code == 404, (actor, url)
            assert client.get(missing).status_code == 404, (actor, missing)
            assert leaks(world, actor, "meetings", response) == [], (actor, url)


def test_a_participant_at_bestaan_sees_the_meeting_but_no_process_or_detail(world):
    actor = world.named("partner at bestaan")
    client = login(actor)
    page = client.get(reverse("meetings:detail", args=[world.meeting.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    for secret in (QUESTION, ACTION, STREET, SUMMARY, MINUTES, DECISION):
        assert secret not in text
    # Its own agenda copy is there, without the case (agenda items need proces).
    copy = world.docs[("agenda", "ggd")]
    pdf = _pdf_text(client.get(reverse("meetings:document", args=[world.meeting.pk, copy.pk])))
    assert "Casusoverleg Matrix" in pdf
    for secret in (world.case.reference, QUESTION, ACTION, STREET, SUMMARY):
        assert secret not in pdf


def test_the_coordinator_no_longer_finds_an_item_whose_share_was_lowered(world):
    """The gemeente saw the second case at proces when it was discussed; now at bestaan its
    coordinator gets 404 for that agenda item, logged for the case, and the meeting page no
    longer shows it, while the main case's item stays."""
    actor = world.named("coordinator")
    client = login(actor)
    lowered = world.case_lowered
    before = _denied(actor, lowered)
    url = reverse("meetings:item", args=[world.meeting.pk, world.item_lowered.pk])
    response = client.get(url)
    assert response.status_code == 404
    assert _denied(actor, lowered) == before + 1
    for name in ("meetings:item_move", "meetings:item_remove"):
        moved = client.post(reverse(name, args=[world.meeting.pk, world.item_lowered.pk]))
        assert moved.status_code == 404, name
    assert _denied(actor, lowered) == before + 3
    page = client.get(reverse("meetings:detail", args=[world.meeting.pk])).content.decode()
    assert lowered.reference not in page
    assert CASES["lowered"].process[0] not in page
    assert world.case.reference in page
    main = reverse("meetings:item", args=[world.meeting.pk, world.item.pk])
    assert client.get(main).status_code == 200


def test_a_former_partners_copies_went_with_its_share(world):
    """The former partner's agenda and verslag were made while it had the case at proces.
    The old links are 404 with a denied row for the case; the copies made again since hold
    nothing of the case."""
    actor = world.named("former partner")
    client = login(actor)
    meeting = world.meeting.pk
    for kind in ("agenda", "verslag"):
        old = world.withdrawn[(kind, "former")]
        before = _denied(actor, world.case)
        response = client.get(reverse("meetings:document", args=[meeting, old.pk]))
        assert response.status_code == 404, kind
        assert _denied(actor, world.case) == before + 1, kind
        new = world.docs[(kind, "former")]
        pdf = _pdf_text(client.get(reverse("meetings:document", args=[meeting, new.pk])))
        for secret in (world.case.reference, QUESTION, ACTION, STREET, MINUTES, DECISION):
            assert secret not in pdf, (kind, secret)
    # The meeting itself it still takes part in, without the case.
    page = client.get(reverse("meetings:detail", args=[meeting]))
    assert page.status_code == 200
    assert world.case.reference not in page.content.decode()
    # Nor can it ask for the case to be discussed again.
    ask = reverse("meetings:request", args=[world.case.reference])
    assert client.get(ask).status_code == 404


def test_the_chair_copy_made_again_after_the_share_was_lowered(world):
    actor = world.named("coordinator")
    client = login(actor)
    meeting = world.meeting.pk
    old = world.withdrawn[("agenda", "chair")]
    before = _denied(actor, world.case_lowered)
    assert client.get(reverse("meetings:document", args=[meeting, old.pk])).status_code == 404
    assert _denied(actor, world.case_lowered) == before + 1
    new = world.docs[("agenda", "chair")]
    pdf = _pdf_text(client.get(reverse("meetings:document", args=[meeting, new.pk])))
    assert world.case.reference in pdf
    assert world.case_lowered.reference not in pdf


@pytest.mark.parametrize(
    ("recipient", "kind", "shown", "hidden"),
    [
        ("politie", "agenda", (QUESTION,), (STREET, SUMMARY)),
        ("politie", "verslag", (ACTION,), (STREET, MINUTES, DECISION)),
        ("zorg", "agenda", (QUESTION, STREET), ()),
        ("zorg", "verslag", (MINUTES, DECISION, ACTION, STREET), ()),
    ],
)
def test_each_copy_holds_its_recipients_level(world, recipient, kind, shown, hidden):
    actor = world.named({"politie": "partner at proces", "zorg": "partner at volledig"}[recipient])
    copy = world.docs[(kind, recipient)]
    response = login(actor).get(reverse("meetings:document", args=[world.meeting.pk, copy.pk]))
    pdf = " ".join(_pdf_text(response).split())
    assert world.case.reference in pdf
    for text in shown:
        assert " ".join(text.split()) in pdf, text
    for text in hidden:
        assert text not in pdf, text
    # Somebody else's copy is not there for this partner, nor is it for a partner at bestaan.
    other = world.docs[(kind, "zorg" if recipient == "politie" else "politie")]
    url = reverse("meetings:document", args=[world.meeting.pk, other.pk])
    assert login(actor).get(url).status_code == 404
    assert login(world.named("partner at bestaan")).get(url).status_code == 404
