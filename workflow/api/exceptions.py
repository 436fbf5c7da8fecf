"""Turn domain errors into HTTP answers for the REST API (DESIGN.md "Errors")."""

from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from workflow.errors import InvalidInput, NotPermitted, TransitionNotAllowed, WorkflowError


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):  # a body or upload over the configured limits
        message = gettext(
            "İstek çok büyük: gönderilen veri ya da dosya izin verilen boyutu aşıyor."
        )
        return Response({"detail": message}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, WorkflowError):
        if isinstance(exc, InvalidInput):
            body = {"detail": exc.message, **exc.errors}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, NotPermitted):
            return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
        if isinstance(exc, TransitionNotAllowed):
            return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
        return Response({"detail": exc.message}, status=exc.http_status)
    return drf_exception_handler(exc, context)
