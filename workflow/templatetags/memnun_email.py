"""Filters and tags for the plain-text notification e-mails (templates/workflow/email/)."""

from datetime import date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.utils import timezone

register = template.Library()


@register.filter
def local_datetime(value) -> str:
    """An ISO-8601 string or a datetime as `25.11.2026 14:30` in the company's time zone.

    Notification contexts are stored as JSON, so datetimes arrive as ISO strings; an empty
    value (an estimate not given yet) renders as "" and anything unparsable is shown as is.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(value, datetime):
        return value.strftime("%d.%m.%Y") if isinstance(value, date) else str(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    zone = ZoneInfo(settings.MEMNUN_TIME_ZONE)
    return timezone.localtime(value, zone).strftime("%d.%m.%Y %H:%M")


@register.simple_tag(takes_context=True)
def staff_console_url(context) -> str:
    """The complaint in the staff console's queue (found by its reference); staff e-mails
    link here."""
    return f"{settings.MEMNUN_SITE_URL}/admin/complaints/?{urlencode({'q': context['reference']})}"
