"""Parts of the portal's pages drawn with Jinja2 (templates/jinja2/portal/, config/jinja.py):
those drawn once per row or event, where the Django template engine's cost per node adds up
(a list of 20 complaints is some 300 nodes)."""

from django import template
from django.template import engines
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def macros(template_name: str):
    """The macros of a Jinja2 template of templates/jinja2/ (`macros(...).timeline(...)`)."""
    return engines["jinja2"].env.get_template(template_name).module


def safe(markup) -> SafeString:
    """What a Jinja2 template or macro drew, for a Django template (Jinja2 escaped it)."""
    return mark_safe(str(markup))  # noqa: S308


@register.simple_tag
def complaint_rows(rows) -> str:
    """The `<tr>`s of the complaint list (rows: `portal.views.ListRow`)."""
    return safe(engines["jinja2"].get_template("portal/complaint_rows.html").render({"rows": rows}))


@register.simple_tag(takes_context=True)
def complaint_timeline(context) -> str:
    """The customer-visible timeline (context: `timeline`, `complaint`)."""
    parts = macros("portal/complaint_parts.html")
    return safe(parts.timeline(context["timeline"], context["complaint"]))


@register.simple_tag(takes_context=True)
def complaint_attachments(context) -> str:
    """The complaint's documents (context: `attachments`, `complaint`, `token` on the tracking
    page)."""
    parts = macros("portal/complaint_parts.html")
    return safe(
        parts.attachments(
            context["attachments"], context["complaint"], token=context.get("token") or ""
        )
    )


@register.simple_tag(takes_context=True)
def complaint_summary(context) -> str:
    """The summary facts of the complaint (context: `complaint`)."""
    return safe(macros("portal/complaint_parts.html").summary(context["complaint"]))
