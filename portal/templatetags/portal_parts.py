"""Parts of the portal's pages drawn with Jinja2 (templates/jinja2/portal/, config/jinja.py):
those drawn once per row or event, where the Django template engine's cost per node adds up
(a list of 20 complaints is some 300 nodes)."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


def render(template_name: str, context: dict) -> str:
    template = engines["jinja2"].get_template(template_name)
    return mark_safe(template.render(context))  # noqa: S308 (autoescaped by Jinja2)


@register.simple_tag
def complaint_rows(rows) -> str:
    """The `<tr>`s of the complaint list (rows: `portal.views.ListRow`)."""
    return render("portal/complaint_rows.html", {"rows": rows})


def _parts():
    return engines["jinja2"].env.get_template("portal/complaint_parts.html").module


@register.simple_tag(takes_context=True)
def complaint_timeline(context) -> str:
    """The customer-visible timeline (context: `timeline`, `complaint`)."""
    return mark_safe(str(_parts().timeline(context["timeline"], context["complaint"])))  # noqa: S308


@register.simple_tag(takes_context=True)
def complaint_attachments(context) -> str:
    """The complaint's documents (context: `attachments`, `complaint`, `token` on the tracking
    page)."""
    html = _parts().attachments(
        context["attachments"], context["complaint"], token=context.get("token") or ""
    )
    return mark_safe(str(html))  # noqa: S308


@register.simple_tag(takes_context=True)
def complaint_summary(context) -> str:
    """The summary facts of the complaint (context: `complaint`)."""
    return mark_safe(str(_parts().summary(context["complaint"])))  # noqa: S308
