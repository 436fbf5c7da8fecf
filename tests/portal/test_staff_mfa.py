"""Staff need TOTP before they reach the staff console or API, when the setting asks for it."""

import pytest
from allauth.mfa.models import Authenticator


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_without_the_setting_staff_reach_the_console(staff_client, settings):
    settings.MEMNUN_STAFF_MFA_REQUIRED = False
    assert staff_client.get("/api/v1/staff/units/").status_code == 200


def test_with_the_setting_staff_without_totp_are_sent_to_set_it_up(staff_client, settings):
    settings.MEMNUN_STAFF_MFA_REQUIRED = True
    response = staff_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    api = staff_client.get("/api/v1/staff/units/")
    assert api.status_code == 403
    assert "two-factor" in api.json()["detail"]


def test_with_totp_staff_get_through(staff_client, staff, settings):
    settings.MEMNUN_STAFF_MFA_REQUIRED = True
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={})
    assert staff_client.get("/api/v1/staff/units/").status_code == 200


def test_customers_are_not_affected(client, customer, settings):
    settings.MEMNUN_STAFF_MFA_REQUIRED = True
    client.force_login(customer)
    assert client.get("/api/v1/complaints/").status_code == 200


def test_token_authenticated_staff_without_totp_are_refused_by_the_api(staff, settings):
    from rest_framework.test import APIClient

    settings.MEMNUN_STAFF_MFA_REQUIRED = True
    client = APIClient()
    client.force_authenticate(staff)  # as an app token would: no session for the middleware
    assert client.get("/api/v1/staff/complaints/").status_code == 403
