"""Which customer-satisfaction policy version is in force (R1).

The policy is published by the CMS, which `workflow` must not import; the project settings name
a read-only function (`MEMNUN_POLICY_VERSION_PROVIDER`, a dotted path taking the complainant's
language and returning a version number or None) and every filing records its answer.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def policy_version_in_force(language: str) -> int | None:
    path = getattr(settings, "MEMNUN_POLICY_VERSION_PROVIDER", "")
    if not path:
        return None
    return import_string(path)(language)
