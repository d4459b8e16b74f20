"""The widgets render through Django's Jinja2 widget templates (woonoverlast.forms.FormRenderer)
and give the same HTML as Django's own template language would."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.backends.jinja2 import Template as Jinja2Template
from django.test import SimpleTestCase

from woonoverlast.forms import FormRenderer, StyledFormMixin

CHOICES = [("", "– kies –"), ("a", "Één & twee"), ("b", '"Drie" <vier>')]


class EveryWidget(StyledFormMixin, forms.Form):
    text = forms.CharField(label="Tekst", max_length=20, help_text="Hulp <b>tekst</b>")
    search = forms.CharField(
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Zoek"})
    )
    number = forms.IntegerField(min_value=1)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(widget=forms.Textarea)
    choice = forms.ChoiceField(choices=CHOICES)
    several = forms.MultipleChoiceField(choices=CHOICES[1:])
    boxes = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple)
    radio = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)
    agree = forms.BooleanField(required=False)
    upload = forms.FileField(required=False)
    secret = forms.CharField(widget=forms.HiddenInput)


DATA = {
    "text": "<script>",
    "search": "Lombok",
    "number": "0",  # invalid: the field group shows an error
    "day": datetime.date(2026, 12, 2).isoformat(),
    "note": "regel 1\nregel 2 & meer",
    "choice": "b",
    "several": ["a", "b"],
    "boxes": ["b"],
    "radio": "a",
    "agree": "on",
    "secret": "x",
}


def test_widgets_are_rendered_by_jinja2():
    template = FormRenderer().get_template("django/forms/widgets/select.html")
    assert isinstance(template, Jinja2Template)


@pytest.mark.parametrize("bound", [False, True], ids=["empty", "submitted"])
def test_jinja2_widgets_give_the_html_of_django_templates(bound):
    form_jinja = EveryWidget(DATA if bound else None, renderer=FormRenderer())
    form_django = EveryWidget(DATA if bound else None, renderer=_DjangoWidgets())
    case = SimpleTestCase()
    for name in form_jinja.fields:
        jinja_html = str(form_jinja[name].as_field_group())
        django_html = str(form_django[name].as_field_group())
        assert "<" in jinja_html
        case.assertHTMLEqual(jinja_html, django_html)
    case.assertHTMLEqual(str(form_jinja), str(form_django))
    if bound:
        assert "&lt;script&gt;" in str(form_jinja["text"])  # escaped, as Django escapes it


class _DjangoWidgets(FormRenderer):
    """The project's field and form templates, with Django's template-language widgets."""

    django_templates = DjangoTemplates()

    def get_template(self, template_name):
        if template_name.startswith(self.widget_templates):
            return self.django_templates.get_template(template_name)
        return super().get_template(template_name)
