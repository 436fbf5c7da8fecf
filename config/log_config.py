"""Logging set-up (settings.LOGGING_CONFIG): the LOGGING dict, then the token mask on the
loggers that write request paths.

dictConfig would replace a configured logger's handlers (runserver's `django.server` handler,
gunicorn's access-log handler), so the mask is added to those loggers as a filter instead; the
root console handler masks everything else that propagates to it (settings.LOGGING).
"""

import logging
import logging.config

from workflow.redaction import MaskTrackingTokens

REQUEST_LOGGERS = ("django.server", "django.request", "gunicorn.access", "gunicorn.error")


def configure_logging(logging_settings: dict) -> None:
    logging.config.dictConfig(logging_settings)
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskTrackingTokens) for f in logger.filters):
            logger.addFilter(MaskTrackingTokens())
