"""Accessible form markup shared by the portal, the guest form and the account pages.

`{% form_fields form %}` draws a form's fields and `{% error_summary form %}` its error summary
(GOV.UK's pattern; `intro` and `id` from the context, as `includes/error_summary.html` is
included), both from the Jinja2 macros of
`templates/jinja2/includes/forms.html`, which Jinja2 templates import directly. Those use
`error_summary_items` (what the summary links to) and `field_label` (a field's label or legend,
optional fields marked the same way everywhere), Jinja2 globals (config/jinja.py).
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext

from .portal_parts import macros, safe

register = template.Library()


def optional_marker() -> str:
    return gettext("(isteğe bağlı)")


def field_anchor(field) -> str:
    """The id of the control a summary link moves focus to: the field itself, or the first
    option of a group of radio buttons or checkboxes."""
    if field.use_fieldset:
        subwidgets = field.subwidgets
        if subwidgets:
            return subwidgets[0].id_for_label
    return field.id_for_label or field.auto_id


def label_text(field) -> str:
    text = str(field.label or "")
    marker = optional_marker()
    return text[: -len(marker)].rstrip() if text.endswith(marker) else text


def error_summary_items(form) -> list[dict]:
    """Every error of a bound form, in the order of its fields: `{"text", "anchor"}`, where
    `anchor` is "" for an error of the whole form (nothing to link to). A field's error is
    named after its field ("Konu: Bu alan zorunludur."), except a checkbox's, whose label is
    the sentence its message already refers to."""
    items = [{"text": error, "anchor": ""} for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            if field.is_hidden:
                items.append({"text": error, "anchor": ""})
                continue
            label = label_text(field) if field.widget_type != "checkbox" else ""
            text = format_html("{}: {}", label, error) if label else error
            items.append({"text": text, "anchor": field_anchor(field)})
    return items


def field_label(field):
    """`<label>` (or `<legend>` for a group), with "(optional)" after an optional field's text
    and no trailing colon, whichever form it belongs to (allauth's keep Django's ":").

    A single optional checkbox is not marked: ticking it or not is the choice itself.
    Labels that already end with the marker (the workflow's own forms) are marked once.
    """
    if not field.label:
        return ""
    marker = optional_marker()
    optional = (not field.field.required and field.widget_type != "checkbox") or str(
        field.label
    ).endswith(marker)
    contents = conditional_escape(label_text(field))
    if optional:
        contents = format_html('{} <span class="field__optional">{}</span>', contents, marker)
    tag = field.legend_tag if field.use_fieldset else field.label_tag
    return tag(contents=contents, label_suffix="")


@register.simple_tag
def form_fields(form) -> str:
    """The fields of `form` (the `fields` macro of includes/forms.html)."""
    return safe(macros("includes/forms.html").fields(form))


@register.simple_tag(takes_context=True)
def error_summary(context, form) -> str:
    """The error summary of a bound form that failed, or nothing (the `error_summary` macro);
    `intro` (what did not happen) and `id` (unique on the page) from the context, as
    `{% include "includes/error_summary.html" with form=... intro=... id=... %}` gives them."""
    if not form.errors:
        return ""
    return safe(
        macros("includes/forms.html").error_summary(
            form, intro=context.get("intro") or "", id=context.get("id") or "error-summary"
        )
    )
