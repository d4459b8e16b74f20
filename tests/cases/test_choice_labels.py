"""`{{ object|label:"field" }}` (cases/templatetags/choices.py) says what get_FOO_display says."""

import pytest
from django.template import Context, Template
from django.utils import translation

from cases.models import Event, Note, Participation
from cases.models.choices import AccessLevel


@pytest.mark.parametrize(
    ("model", "field"),
    [(Event, "kind"), (Note, "kind"), (Note, "visibility"), (Participation, "level")],
)
def test_every_choice_has_the_label_django_gives_it(model, field):
    template = Template('{% load choices %}{{ item|label:"' + field + '" }}')
    choices = model._meta.get_field(field).flatchoices
    assert len(choices) > 1
    for language in ("nl", "en"):
        with translation.override(language):
            for value, _label in choices:
                item = model(**{field: value})
                expected = getattr(item, f"get_{field}_display")()
                assert template.render(Context({"item": item})) == expected


def test_a_value_without_a_choice_is_shown_as_it_is():
    template = Template('{% load choices %}{{ item|label:"level" }}')
    assert template.render(Context({"item": Participation(level="onbekend")})) == "onbekend"
    assert AccessLevel.VOLLEDIG in dict(Participation._meta.get_field("level").flatchoices)


def test_a_missing_object_shows_nothing_as_a_missing_variable_does():
    template = Template('{% load choices %}[{{ missing|label:"level" }}]')
    assert template.render(Context({})) == "[]"
