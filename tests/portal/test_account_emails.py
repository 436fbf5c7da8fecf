"""Account e-mails (django-allauth) in the company's voice: the subject names the company, never
the host the request came to; they come from the company's address, greet by name and have a
text and an HTML part in the shared layout, in Turkish and English."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Site

from tests.factories import CustomerFactory
from workflow import branding

pytestmark = pytest.mark.django_db

COMPANY = "Kalkan Güven"
SENDER = f"{COMPANY} <sikayet@kalkanguven.example>"
PASSWORD = "uzun-ve-guclu-parola-42"


@pytest.fixture(autouse=True)
def company(settings):
    settings.MEMNUN_SITE_NAME = ""
    settings.DEFAULT_FROM_EMAIL = "sikayet@kalkanguven.example"
    Site.objects.filter(is_default_site=True).update(site_name=COMPANY)


def sign_up(client, language: str, host: str = "127.0.0.1:8101"):
    client.cookies["django_language"] = language
    return client.post(
        "/accounts/signup/",
        {
            "email": "zeynep.kaya@example.com",
            "first_name": "Zeynep",
            "last_name": "Kaya",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        HTTP_HOST=host,
    )


def assert_branded(message, language: str):
    assert message.from_email == SENDER
    assert message.subject.startswith(f"[{COMPANY}] ")
    assert "127.0.0.1" not in message.subject
    assert "8101" not in message.subject
    assert "example.com" not in message.subject
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert f'<html lang="{language}">' in html
    assert COMPANY in html
    assert branding.PRIMARY in html
    for leftover in ("{{", "{%", "None", "127.0.0.1:8101]"):
        assert leftover not in message.body
        assert leftover not in html
    return html


@pytest.mark.parametrize(
    ("language", "subject", "greeting", "signature"),
    [
        (
            "tr",
            "Üyeliğinizi tamamlayın: e-posta adresinizi doğrulayın",
            "Sayın Zeynep Kaya,",
            f"{COMPANY} Müşteri Memnuniyeti Ekibi",
        ),
        (
            "en",
            "Complete your sign-up: confirm your e-mail address",
            "Dear Zeynep Kaya,",
            f"{COMPANY} Customer Satisfaction Team",
        ),
    ],
)
def test_signup_verification_email_names_the_company_not_the_host(
    client, language, subject, greeting, signature
):
    response = sign_up(client, language)
    assert response.status_code == 302

    [message] = mail.outbox
    assert message.to == ["zeynep.kaya@example.com"]
    assert message.subject == f"[{COMPANY}] {subject}"
    html = assert_branded(message, language)
    assert message.body.splitlines()[0] == greeting
    assert signature in message.body
    assert "zeynep.kaya," not in message.body  # never greeted by the address's local part
    [link] = re.findall(r"^(http\S+/accounts/confirm-email/\S+)$", message.body, re.MULTILINE)
    assert f'href="{link}"' in html  # the button

    # the link works: it confirms the address
    assert client.post(link.split("8101", 1)[-1], HTTP_HOST="127.0.0.1:8101").status_code == 302
    user = get_user_model().objects.get(email="zeynep.kaya@example.com")
    assert user.emailaddress_set.get().verified


@pytest.mark.parametrize(
    ("language", "subject"),
    [("tr", "Şifre sıfırlama isteğiniz"), ("en", "Your password reset request")],
)
def test_password_reset_email_is_branded_and_greets_by_name(client, language, subject):
    customer = CustomerFactory(first_name="Ali", last_name="Öztürk")
    client.cookies["django_language"] = language
    response = client.post(
        "/accounts/password/reset/", {"email": customer.email}, HTTP_HOST="127.0.0.1:8101"
    )
    assert response.status_code == 302

    [message] = mail.outbox
    assert message.subject == f"[{COMPANY}] {subject}"
    assert_branded(message, language)
    assert "Ali Öztürk" in message.body.splitlines()[0]
    assert "/accounts/password/reset/key/" in message.body


def test_the_site_name_setting_wins_over_the_wagtail_site(client, settings):
    settings.MEMNUN_SITE_NAME = "Örnek Güven A.Ş."
    settings.DEFAULT_FROM_EMAIL = "Şikâyet Masası <masa@example.com>"
    sign_up(client, "tr")
    [message] = mail.outbox
    assert message.subject.startswith("[Örnek Güven A.Ş.] ")
    assert message.from_email == "Şikâyet Masası <masa@example.com>"


@pytest.mark.parametrize(
    ("path", "wording"),
    [
        ("/accounts/login/", ["Giriş yap", "E-posta", "Şifre", "Beni hatırla", "Hesabınız yoksa"]),
        ("/accounts/signup/", ["Üye ol", "Şifre (tekrar)", "Şifreniz yalnız rakamlardan"]),
        ("/accounts/password/reset/", ["Şifre sıfırlama", "Şifremi sıfırla"]),
    ],
)
def test_account_pages_speak_the_sites_turkish(client, path, wording):
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    for words in wording:
        assert words in html
    for awkward in ("Eposta", "Parola", "Beni Hatırla", "O zaman lütfen", "imkan veren"):
        assert awkward not in html
