"""Domain errors become the HTTP answers DESIGN.md promises (400 / 403 / 409)."""

import pytest
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from workflow.errors import (
    ComplaintNotFound,
    ConcurrentChange,
    InvalidInput,
    NotPermitted,
    TransitionNotAllowed,
)


def view_raising(error):
    class Raising(APIView):
        authentication_classes: list = []
        permission_classes: list = []

        def post(self, request):
            raise error

    return Raising.as_view()


@pytest.mark.parametrize(
    ("error", "status_code"),
    [
        (InvalidInput("bad", errors={"reason": ["This field is required."]}), 400),
        (NotPermitted("no"), 403),
        (ComplaintNotFound("no"), 404),
        (TransitionNotAllowed("not now"), 409),
        (ConcurrentChange("lost the race"), 409),
    ],
)
def test_domain_errors_map_to_http_statuses(error, status_code):
    response = view_raising(error)(APIRequestFactory().post("/api/v1/x/"))
    assert response.status_code == status_code
    assert response.data["detail"] == error.message


def test_invalid_input_carries_field_errors():
    error = InvalidInput("bad", errors={"reason": ["This field is required."]})
    response = view_raising(error)(APIRequestFactory().post("/api/v1/x/"))
    assert response.data["reason"] == ["This field is required."]
