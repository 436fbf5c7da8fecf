"""The Jinja2 template engine (`TEMPLATES`, name "jinja2"): templates under
`templates/jinja2/`, for the parts of pages drawn on every request or once per row: the site's
header and footer, form fields and error summaries, the portal's complaint rows and the content
of its complaint page (timeline, documents, summary).

The Django template engine costs about 5 µs per node; a header of 120 nodes or a timeline of
50 events is a millisecond or more of every page. A Jinja2 template is compiled to Python once
and draws the same HTML in a fraction of that. Pages themselves stay Django templates (allauth
and Wagtail extend them); a Django template draws a Jinja2 part through a template tag of its
app, which renders it with `django.template.engines["jinja2"]`.

Words go through Django's `gettext` (`_("...")`, which `makemessages` finds in these files as
in any template) and follow the request's language; autoescaping is on; an undefined name is
an error, so a misspelt one fails the tests instead of drawing nothing.
"""

from datetime import date, datetime

import jinja2
from django.template import defaultfilters
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.functional import Promise


def localtime(value):
    """An aware datetime in the current time zone, as the Django template engine shows it."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def date_filter(value, format_string=None) -> str:
    """Django's `date` filter, with the Django engine's conversion to local time first:
    `{{ at|date("DATETIME_FORMAT") }}`, `{{ at|date("c") }}`."""
    if format_string == "c" and isinstance(value, date):
        return localtime(value).isoformat()  # what Django's "c" is, without its formatter
    return defaultfilters.date(localtime(value), format_string)


def show(value) -> str:
    """A value as `{{ value }}` in a Django template shows it: dates and numbers in the
    reader's language (`localize`), datetimes in local time, None as "None"."""
    if isinstance(value, (date, datetime, int, float)) and not isinstance(value, bool):
        return formats.localize(localtime(value))
    return value


def url(name: str, *args) -> str:
    """`{{ url("portal:detail", reference) }}`: Django's `{% url %}`."""
    return reverse(name, args=args)


def finalize(value):
    """Every `{{ ... }}` passes here first: a lazy translation becomes its text, so that a safe
    one (a help text of HTML) is not escaped, as in a Django template."""
    if isinstance(value, Promise):
        return str(value)
    return value


def environment(**options) -> jinja2.Environment:
    from config.blank_forms import blank_fields
    from portal.templatetags.form_a11y import error_summary_items, field_label

    options["undefined"] = jinja2.StrictUndefined
    options["finalize"] = finalize
    options.setdefault("keep_trailing_newline", True)
    env = jinja2.Environment(**options)
    env.globals.update(
        _=translation.gettext,
        url=url,
        field_label=field_label,
        error_summary_items=error_summary_items,
        blank_fields=blank_fields,
    )
    env.filters.update(
        date=date_filter,
        show=show,
        linebreaks=defaultfilters.linebreaks_filter,
        filesizeformat=defaultfilters.filesizeformat,
    )
    return env
