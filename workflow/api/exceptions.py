"""Turn domain errors into HTTP answers for the REST API (DESIGN.md "Errors")."""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from workflow.errors import (
    ComplaintNotFound,
    InvalidInput,
    NotPermitted,
    TransitionNotAllowed,
    WorkflowError,
)


def exception_handler(exc, context):
    if isinstance(exc, WorkflowError):
        if isinstance(exc, InvalidInput):
            body = {"detail": exc.message, **exc.errors}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, NotPermitted):
            return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
        if isinstance(exc, ComplaintNotFound):
            return Response({"detail": exc.message}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, TransitionNotAllowed):
            return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
        return Response({"detail": exc.message}, status=exc.http_status)
    return drf_exception_handler(exc, context)
