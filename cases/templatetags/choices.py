"""`{{ object|label:"field" }}`: the label of a choice field's value, as `get_FOO_display`.

Django's `get_FOO_display` builds a dict of all the field's choices on every call, and in
doing so hashes every lazy label, which translates it: a note on the timeline translated
some twenty labels to show three, 36 calls on a case page and about a tenth of its CPU.
Here each field's choices are read into a dict once per process; only the label shown is
translated, when the template prints it.
"""

from functools import cache

from django import template

register = template.Library()


@cache
def _labels(model, field_name: str) -> dict:
    return dict(model._meta.get_field(field_name).flatchoices)


@register.filter
def label(obj, field_name: str):
    if not hasattr(obj, "_meta"):
        return ""  # a missing variable: empty, as `{{ missing.get_foo_display }}` renders
    value = getattr(obj, field_name)
    return _labels(type(obj), field_name).get(value, value)
