"""Settings of `benchmarks/pages.py`: production's, served over plain HTTP on 127.0.0.1, plus a
bare view (`pages_urls`). Never used by the product itself."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

ROOT_URLCONF = "pages_urls"
SECURE_SSL_REDIRECT = False  # plain HTTP on the loopback; everything else stays production's
# production's manifest storage needs `collectstatic` first; looking a URL up costs the same
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
