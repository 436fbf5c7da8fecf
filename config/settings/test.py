"""Test settings: fast hashing, tasks run immediately, e-mail kept in memory."""

import os

from .base import *  # noqa: F403
from .base import MAILERS

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
if "EMAIL_URL" not in os.environ:
    MAILERS["default"] = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
