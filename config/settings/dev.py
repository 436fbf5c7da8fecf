"""Local development: SQLite and console e-mail unless the environment says otherwise."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") not in {"0", "false", "False"}
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-memnun"  # noqa: S105
