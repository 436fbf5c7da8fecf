"""`{% guest_complaint_form return_to=page.url %}`: the public complaint form, for CMS pages.

The page only shows the form; it posts to `portal:guest_file`, which files the complaint
through the workflow service (cms_pages never imports portal or calls services).
"""

from django import template

from portal.forms import GuestComplaintForm
from portal.guest import BOUND_FORM, BOUND_FORM_SHOWN, guest_form_context

register = template.Library()


@register.inclusion_tag("portal/_guest_complaint_form.html", takes_context=True)
def guest_complaint_form(context, return_to: str = ""):
    """An empty form, or the one that just failed (portal.guest.page_with_errors) with its
    errors and what the visitor typed; `return_to` (a path on this site) is where "back" leads
    after filing."""
    request = context["request"]
    form = getattr(request, BOUND_FORM, None)
    if form is None:
        form = GuestComplaintForm()
    else:
        setattr(request, BOUND_FORM_SHOWN, True)
    return guest_form_context(request, form, return_to=return_to)
