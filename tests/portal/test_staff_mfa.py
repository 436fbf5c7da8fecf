"""Staff must have used TOTP in this very session before they reach the staff console or
API, when the setting asks for it (production settings); owning an authenticator is not enough.
Every login entry point — allauth's form, Wagtail's /admin/login/, the headless browser and app
APIs — goes through allauth's MFA stage, so a password alone reaches no staff data."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from rest_framework.test import APIClient

from tests.factories import EmailAddressFactory

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
STAFF_DATA = "/api/v1/staff/units/"


def current_code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.fixture
def mfa_required(settings):
    settings.MEMNUN_STAFF_MFA_REQUIRED = True  # as config.settings.production


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def staff_with_totp(staff):
    EmailAddressFactory(user=staff)
    TOTP.activate(staff, SECRET)
    return staff


def refused(response) -> bool:
    return response.status_code in (401, 403)


def test_without_the_setting_staff_reach_the_console(staff_client, settings):
    settings.MEMNUN_STAFF_MFA_REQUIRED = False
    assert staff_client.get(STAFF_DATA).status_code == 200


def test_with_the_setting_staff_without_totp_are_sent_to_set_it_up(staff_client, mfa_required):
    response = staff_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    api = staff_client.get(STAFF_DATA)
    assert api.status_code == 403
    assert "iki adımlı doğrulama" in api.json()["detail"]
    english = staff_client.get(STAFF_DATA, headers={"accept-language": "en"})
    assert "two-factor" in english.json()["detail"]


def test_owning_totp_is_not_enough_a_password_only_session_must_enter_a_code(
    staff_client, staff_with_totp, mfa_required
):
    response = staff_client.get("/admin/complaints/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fcomplaints%2F"
    assert staff_client.get(STAFF_DATA).status_code == 403

    entered = staff_client.post(
        response["Location"], {"code": current_code(), "next": "/admin/complaints/"}
    )
    assert entered.status_code == 302
    assert entered["Location"] == "/admin/complaints/"
    assert staff_client.get("/admin/").status_code == 200
    assert staff_client.get(STAFF_DATA).status_code == 200


def test_customers_are_not_affected(client, customer, mfa_required):
    client.force_login(customer)
    assert client.get("/api/v1/complaints/").status_code == 200


def test_token_authenticated_staff_without_a_session_are_refused_by_the_api(staff, mfa_required):
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={})
    client = APIClient()
    client.force_authenticate(staff)  # no session that completed a second factor
    assert client.get("/api/v1/staff/complaints/").status_code == 403


def test_password_at_accounts_login_stops_at_the_code_and_reaches_no_staff_data(
    client, staff_with_totp, mfa_required
):
    response = client.post(
        "/accounts/login/", {"login": staff_with_totp.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    assert refused(client.get(STAFF_DATA))

    done = client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert done.status_code == 302
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(STAFF_DATA).status_code == 200


def test_wagtail_login_form_only_forwards_to_allauth(client, staff_with_totp, mfa_required):
    forwarded = client.get("/admin/login/?next=/admin/pages/")
    assert forwarded.status_code == 302
    assert forwarded["Location"] == "/accounts/login/?next=/admin/pages/"
    # posting a password to Wagtail's login URL signs nobody in
    posted = client.post("/admin/login/", {"username": staff_with_totp.email, "password": PASSWORD})
    assert posted.status_code == 302
    assert posted["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    # the console sends people here, and so on to allauth's form
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    assert refused(client.get(STAFF_DATA))


def test_signed_in_people_without_admin_access_do_not_bounce_between_login_pages(client, customer):
    client.force_login(customer)
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    response = client.get("/admin/login/?next=/admin/", follow=True)
    assert response.redirect_chain[-1] == ("/portal/", 302)
    assert "Bu hesabın yönetim paneline erişimi yok." in response.content.decode()


def test_wagtail_password_reset_is_off(client, db):
    assert client.get("/admin/password_reset/").status_code == 404


def test_headless_browser_login_with_a_password_alone_reaches_no_staff_data(
    client, staff_with_totp, mfa_required
):
    response = client.post(
        "/_allauth/browser/v1/auth/login",
        {"email": staff_with_totp.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 401
    pending = [flow["id"] for flow in response.json()["data"]["flows"] if flow.get("is_pending")]
    assert pending == ["mfa_authenticate"]
    assert refused(client.get(STAFF_DATA))
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"

    done = client.post(
        "/_allauth/browser/v1/auth/2fa/authenticate",
        {"code": current_code()},
        content_type="application/json",
    )
    assert done.status_code == 200
    assert client.get(STAFF_DATA).status_code == 200


def test_headless_app_login_with_a_password_alone_reaches_no_staff_data(
    client, staff_with_totp, mfa_required
):
    response = client.post(
        "/_allauth/app/v1/auth/login",
        {"email": staff_with_totp.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 401
    token = response.json()["meta"]["session_token"]
    assert refused(client.get(STAFF_DATA, headers={"x-session-token": token}))

    done = client.post(
        "/_allauth/app/v1/auth/2fa/authenticate",
        {"code": current_code()},
        content_type="application/json",
        headers={"x-session-token": token},
    )
    assert done.status_code == 200
    token = done.json()["meta"].get("session_token", token)
    assert client.get(STAFF_DATA, headers={"x-session-token": token}).status_code == 200


def test_app_token_of_staff_without_totp_is_refused_by_the_staff_api(client, staff, mfa_required):
    EmailAddressFactory(user=staff)
    response = client.post(
        "/_allauth/app/v1/auth/login",
        {"email": staff.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200  # signed in, but no second factor in this session
    token = response.json()["meta"]["session_token"]
    assert client.get(STAFF_DATA, headers={"x-session-token": token}).status_code == 403
