"""Turn domain errors into HTTP answers for the REST API (DESIGN.md "Errors")."""

import math

from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext
from rest_framework import status
from rest_framework.exceptions import ErrorDetail, Throttled
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from workflow.errors import (
    ComplaintNotFound,
    InvalidInput,
    NotPermitted,
    TooLarge,
    TransitionNotAllowed,
    WorkflowError,
)


def throttled_message(wait: float | None) -> str:
    """What a throttled caller reads, in their language (API and portal forms alike)."""
    if wait is None:
        return gettext(
            "Kısa sürede çok fazla istek gönderdiniz. Lütfen biraz sonra yeniden deneyin."
        )
    minutes = max(1, math.ceil(wait / 60))
    return gettext(
        "Kısa sürede çok fazla istek gönderdiniz. Lütfen %(minutes)d dakika sonra yeniden deneyin."
    ) % {"minutes": minutes}


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):  # a body or upload over the configured limits
        message = gettext(
            "İstek çok büyük: gönderilen veri ya da dosya izin verilen boyutu aşıyor."
        )
        return Response({"detail": message}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, WorkflowError):
        if isinstance(exc, InvalidInput):
            body = {"detail": exc.message, **exc.errors}
            code = 413 if isinstance(exc, TooLarge) else status.HTTP_400_BAD_REQUEST
            return Response(body, status=code)
        if isinstance(exc, NotPermitted):
            return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
        if isinstance(exc, ComplaintNotFound):
            return Response({"detail": exc.message}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, TransitionNotAllowed):
            return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
        return Response({"detail": exc.message}, status=exc.http_status)
    if isinstance(exc, Throttled):
        # DRF's own text is English only; Retry-After is still set from exc.wait below
        exc.detail = ErrorDetail(throttled_message(exc.wait), code=exc.default_code)
    return drf_exception_handler(exc, context)
