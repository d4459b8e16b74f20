"""Form rendering in the NL Design System (Utrecht) style, shared by every app."""

from functools import cached_property, lru_cache

from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import Jinja2, TemplatesSetting
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "",
    forms.RadioSelect: "",
    forms.ClearableFileInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.FileInput: "utrecht-textbox utrecht-textbox--html-input",
}
DEFAULT_CLASS = "utrecht-textbox utrecht-textbox--html-input"


def style_widget(widget: forms.Widget) -> None:
    for widget_type in type(widget).__mro__:
        if widget_type in WIDGET_CLASSES:
            css = WIDGET_CLASSES[widget_type]
            break
    else:
        css = DEFAULT_CLASS
    if css:
        existing = widget.attrs.get("class", "")
        widget.attrs["class"] = f"{existing} {css}".strip()


class FormRenderer(TemplatesSetting):
    """Every `{{ field }}` renders through templates/forms/field.html; the widgets inside it
    through the Jinja2 copies of its widget templates that Django ships.

    A select renders a template per option (and one for its attributes), and the Django
    template language spent an eighth of the case list's time there; Jinja2 renders the same
    HTML (tests/test_form_rendering.py compares them) several times faster: 5 ms less CPU for
    the list. The project overrides no widget template; one placed under
    templates/django/forms/widgets/ would be ignored.
    """

    field_template_name = "forms/field.html"
    form_template_name = "forms/form.html"
    widget_templates = "django/forms/widgets/"

    @cached_property
    def _widgets(self) -> Jinja2:
        return Jinja2()

    def get_template(self, template_name):
        if template_name.startswith(self.widget_templates):
            return self._widgets.get_template(template_name)
        return super().get_template(template_name)


CHOOSE_LABEL = _("– kies –")
DJANGO_BLANK_LABELS = {str(BLANK_CHOICE_LABEL), "---------"}


def _dutch_blank_choice(field: forms.Field) -> None:
    # Django's own blank label is not yet translated; users get a Dutch prompt.
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None and str(field.empty_label) in DJANGO_BLANK_LABELS:
            field.empty_label = CHOOSE_LABEL
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if choices and choices[0][0] == "" and str(choices[0][1]) in DJANGO_BLANK_LABELS:
            field.choices = [("", CHOOSE_LABEL), *choices[1:]]


class _OneQueryChoices(ModelChoiceIterator):
    """Reads a select's options with one plain query.

    Django's iterator reads them with `QuerySet.iterator()`, which on PostgreSQL declares a
    server-side cursor WITH HOLD and fetches and closes it: three round trips and a
    materialised result for the dozen stages or categories of a filter form, on every page
    that shows one (the case list has three).
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


@lru_cache
def _one_query_iterator(iterator: type[ModelChoiceIterator]) -> type[ModelChoiceIterator]:
    if iterator is ModelChoiceIterator:
        return _OneQueryChoices
    # Another library's iterator (django-filter's adds a "none" option) keeps its own
    # additions; below it, the options are read as above.
    return type(f"OneQuery{iterator.__name__}", (iterator, _OneQueryChoices), {})


def read_choices_in_one_query(field: forms.Field) -> None:
    if isinstance(field, forms.ModelChoiceField) and issubclass(
        field.iterator, ModelChoiceIterator
    ):
        field.iterator = _one_query_iterator(field.iterator)
        field.widget.choices = field.choices  # the widget holds an iterator of its own


def style_form(form: forms.BaseForm) -> forms.BaseForm:
    for field in form.fields.values():
        style_widget(field.widget)
        _dutch_blank_choice(field)
        read_choices_in_one_query(field)
    return form


class StyledFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
