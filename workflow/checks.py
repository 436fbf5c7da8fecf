"""System checks: complaint attachments must never be reachable by URL."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register("security", deploy=False)
def attachments_not_public(app_configs, **kwargs):
    """The attachments storage on disk must lie outside MEDIA_ROOT (served in DEBUG, and
    often by the web server) and must not hand out URLs: documents go out only through the
    permission-checked views."""
    storage = settings.STORAGES.get("attachments")
    if storage is None:
        return [Error('STORAGES["attachments"] is not set.', id="workflow.E001")]
    options = storage.get("OPTIONS", {})
    errors = []
    location = options.get("location")
    if location and settings.MEDIA_ROOT:
        private, public = Path(location).resolve(), Path(settings.MEDIA_ROOT).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    "The attachments storage lies inside MEDIA_ROOT, where it may be served.",
                    hint="Set PRIVATE_MEDIA_ROOT outside MEDIA_ROOT.",
                    id="workflow.E002",
                )
            )
    if storage["BACKEND"].endswith("FileSystemStorage") and options.get("base_url"):
        errors.append(
            Error(
                "The attachments storage must not have a base_url.",
                hint='Set OPTIONS["base_url"] to None.',
                id="workflow.E003",
            )
        )
    return errors
