"""Filters and tags for the plain-text notification e-mails (templates/workflow/email/)."""

from datetime import date, datetime
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
    """The complaint's page in the staff console (`/admin/complaints/<reference>/`), where
    the actions the e-mail lists are offered; staff e-mails link here."""
    from ..notifications import staff_complaint_url

    return staff_complaint_url(context["reference"])


@register.filter
def action_labels(names) -> list[str]:
    """Registry action names as their labels in the e-mail's language (unknown ones dropped:
    a row queued before an action was renamed still renders)."""
    from ..actions import get_action

    return [str(action.label) for action in map(get_action, names or []) if action is not None]
