"""Read-only answers the rest of the project may ask the CMS for."""

from django.conf import settings

from .models import PolicyPage


def policy_version_in_force(language: str) -> int | None:
    """The published revision of the policy page in `language` (R1), falling back to the
    default language's policy; None when no policy is published."""
    for code in dict.fromkeys([language, settings.LANGUAGE_CODE]):
        version = (
            PolicyPage.objects.live()
            .filter(locale__language_code=code, live_revision__isnull=False)
            .order_by("path")
            .values_list("live_revision_id", flat=True)
            .first()
        )
        if version:
            return version
    return None
