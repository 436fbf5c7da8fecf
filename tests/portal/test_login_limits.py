"""Brute force: after five wrong passwords in a row for an account, the sixth attempt is
refused — even with the right password — on every login entry point, until the window
(ACCOUNT_RATE_LIMITS["login_failed"], five minutes) has passed."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import EmailAddressFactory

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory
TOO_MANY = "Çok fazla hatalı giriş yapıldı."
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    return EmailAddressFactory().user


def html_login(url):
    def attempt(client, email, password):
        response = client.post(url, {"login": email, "password": password})
        signed_in = response.status_code == 302 and "_auth_user_id" in client.session
        return signed_in, TOO_MANY in response.content.decode()

    return attempt


def headless_login(client_kind):
    def attempt(client, email, password):
        response = client.post(
            f"/_allauth/{client_kind}/v1/auth/login",
            {"email": email, "password": password},
            content_type="application/json",
        )
        codes = [error["code"] for error in response.json().get("errors", [])]
        return response.status_code == 200, "too_many_login_attempts" in codes

    return attempt


def admin_login(client, email, password):
    """Wagtail's /admin/login/ forwards to allauth's form; what is typed there is limited."""
    form_url = client.get("/admin/login/?next=/admin/")["Location"]
    assert form_url == "/accounts/login/?next=/admin/"
    return html_login(form_url)(client, email, password)


ENTRY_POINTS = {
    "/accounts/login/": html_login("/accounts/login/"),
    "/admin/login/": admin_login,
    "/_allauth/browser/v1/auth/login": headless_login("browser"),
    "/_allauth/app/v1/auth/login": headless_login("app"),
}


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_the_sixth_attempt_after_five_wrong_passwords_is_refused(client, account, entry_point):
    attempt = ENTRY_POINTS[entry_point]
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(5):
            assert attempt(client, account.email, "wrong-password") == (False, False)
        # the sixth is refused before the password is even checked
        assert attempt(client, account.email, PASSWORD) == (False, True)

        traveller.shift(timedelta(minutes=5, seconds=1))  # the window has passed
        assert attempt(client, account.email, PASSWORD) == (True, False)


def test_a_successful_login_does_not_count_against_the_limit(client, account):
    attempt = ENTRY_POINTS["/accounts/login/"]
    with time_machine.travel(START, tick=False):
        for _ in range(6):
            assert attempt(client, account.email, PASSWORD) == (True, False)
            client.logout()
