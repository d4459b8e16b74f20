"""Form rendering in the NL Design System (Utrecht) style, shared by every app."""

from django import forms
from django.forms.renderers import TemplatesSetting

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
    """Every `{{ field }}` renders through templates/forms/field.html."""

    field_template_name = "forms/field.html"
    form_template_name = "forms/form.html"


def style_form(form: forms.BaseForm) -> forms.BaseForm:
    for field in form.fields.values():
        style_widget(field.widget)
    return form


class StyledFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
