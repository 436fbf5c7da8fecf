"""System checks: complaint attachments must never be reachable by URL."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


def private_storage_errors(alias: str) -> list[Error]:
    """A private storage (`STORAGES[alias]`) on disk must lie outside MEDIA_ROOT (served in
    DEBUG, and often by the web server) and must not hand out URLs: its files go out only
    through permission-checked views."""
    storage = settings.STORAGES.get(alias)
    if storage is None:
        return [Error(f'STORAGES["{alias}"] is not set.', id="workflow.E001")]
    options = storage.get("OPTIONS", {})
    errors = []
    location = options.get("location")
    if location and settings.MEDIA_ROOT:
        private, public = Path(location).resolve(), Path(settings.MEDIA_ROOT).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"The {alias} storage lies inside MEDIA_ROOT, where it may be served.",
                    hint="Set PRIVATE_MEDIA_ROOT outside MEDIA_ROOT.",
                    id="workflow.E002",
                )
            )
    if storage["BACKEND"].endswith("FileSystemStorage") and options.get("base_url"):
        errors.append(
            Error(
                f"The {alias} storage must not have a base_url.",
                hint='Set OPTIONS["base_url"] to None.',
                id="workflow.E003",
            )
        )
    return errors


@register("security", deploy=False)
def attachments_not_public(app_configs, **kwargs):
    """Complaint documents go out only through the permission-checked views."""
    return private_storage_errors("attachments")
