"""Request limits: malformed or oversize bodies get 400 / 413 in the caller's language."""

import pytest
from django.test import Client

from workflow.models import Complaint

DEEP_JSON = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def client_():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("tr", "JSON gövdesi çok derin iç içe geçmiş."),
        ("en", "The JSON body is nested too deeply."),
    ],
)
def test_deeply_nested_json_on_the_api_is_400(client_, customer, language, message):
    client_.force_login(customer)

    response = client_.post(
        "/api/v1/complaints/",
        DEEP_JSON,
        content_type="application/json",
        headers={"accept-language": language},
    )

    assert response.status_code == 400
    assert response.json() == {"detail": message}
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_deeply_nested_json_on_the_headless_login_is_400(client_):
    response = client_.post(
        "/_allauth/browser/v1/auth/login",
        DEEP_JSON,
        content_type="application/json",
        headers={"accept-language": "en"},
    )

    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "errors": [{"message": "The JSON body is nested too deeply.", "code": "invalid"}],
    }
