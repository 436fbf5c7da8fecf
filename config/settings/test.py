"""Test settings: fast hashing, tasks run immediately, e-mail kept in memory."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, MAILERS, REST_FRAMEWORK

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
if "EMAIL_URL" not in os.environ:
    MAILERS["default"] = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "data_exports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# One process per test worker: an in-memory cache, emptied before every test (tests/conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Throttles never bite the normal suite; the throttling tests lower the rate they test.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": dict.fromkeys(REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "10000/min"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not SQLite's shared in-memory database: in memory, a second writer is refused at
    # once instead of waiting, so concurrency tests could not run on SQLite. One file per
    # process (pytest-xdist workers and parallel runs never share one); Django deletes it.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"memnun-test-{os.getpid()}.sqlite3")
    }
