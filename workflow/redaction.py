"""Guests' tracking tokens are keys: staff screens and logs show them masked.

A guest follows a complaint at `/portal/track/<token>/` without an account, so whoever reads the
token can read (and claim) the complaint. The outbox keeps the rendered link for the e-mail, and
request logs record paths and referrers; both show only the first characters of the token.
"""

import logging
import re

# possessive `++` and the look-ahead: a token masked once is left as it is
# also URL-encoded, as in the login link's `?next=%2Fportal%2Ftrack%2F...`
TRACKING_PATH = re.compile(r"((?:/|%2F)portal(?:/|%2F)track(?:/|%2F))([A-Za-z0-9_-]++)(?!\*)", re.I)
VISIBLE_CHARACTERS = 4
MASK = "****"


def mask_tracking_tokens(text: str) -> str:
    """`/portal/track/AbCdEfGh.../` → `/portal/track/AbCd****/`."""
    return TRACKING_PATH.sub(
        lambda match: f"{match.group(1)}{match.group(2)[:VISIBLE_CHARACTERS]}{MASK}", text
    )


def mask_in(value):
    """The same for every string inside a JSON-like value (a notification's context)."""
    if isinstance(value, str):
        return mask_tracking_tokens(value)
    if isinstance(value, dict):
        return {key: mask_in(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [mask_in(item) for item in value]
    return value


class MaskTrackingTokens(logging.Filter):
    """Logging filter: the record's final message with every tracking token masked.

    Works for any message format (runserver's `"GET /portal/track/... HTTP/1.1" 200`,
    gunicorn's access-log atoms with the referrer, Django's "Not Found: /portal/track/..."),
    because it masks the formatted message rather than one argument.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_tracking_tokens(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
