"""Throttling (DRF scoped throttles on the shared cache, allauth's rate limits): the limit
bites with a 429 in the caller's language — JSON for the API, a page in the site's layout for
the HTML forms — the refused request changes nothing, and the limit resets after its window.
The test settings never throttle; each test lowers the rate it tests."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from rest_framework.test import APIClient

from tests.workflow.helpers import file, nothing_changes
from workflow.models import Complaint, ComplaintEvent

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
TOO_MANY_TR = "Kısa sürede çok fazla istek gönderdiniz."
TOO_MANY_EN = "You have sent too many requests in a short time."
LAYOUT = '<main id="main"'


@pytest.fixture
def rates(settings):
    def lower(**scopes):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {
                **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                **scopes,
            },
        }

    return lower


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def api(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


def new_complaint(category):
    return {
        "subject": "Fatura tutarı hatalı",
        "description": "Son faturamda kullanmadığım bir hizmet görünüyor.",
        "category": category.slug,
        "preferred_contact_method": "email",
    }


def test_filing_by_the_api_is_limited_per_person_and_resets(api, category, rates, clock):
    rates(complaint_create="2/hour")
    assert api.post("/api/v1/complaints/", new_complaint(category)).status_code == 201
    assert api.post("/api/v1/complaints/", new_complaint(category)).status_code == 201

    refused = api.post("/api/v1/complaints/", new_complaint(category))
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith(TOO_MANY_TR)
    assert "60 dakika" in refused.json()["detail"]
    assert refused["Retry-After"] == "3600"
    english = api.post("/api/v1/complaints/", new_complaint(category), HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 429
    assert english.json()["detail"].startswith(TOO_MANY_EN)
    assert Complaint.objects.count() == 2

    clock.shift(timedelta(hours=1, seconds=1))
    assert api.post("/api/v1/complaints/", new_complaint(category)).status_code == 201


def test_other_actions_are_not_throttled_by_the_filing_limit(api, customer, category, rates):
    rates(complaint_create="1/hour")
    assert api.post("/api/v1/complaints/", new_complaint(category)).status_code == 201
    assert api.get("/api/v1/complaints/").status_code == 200
    complaint = Complaint.objects.get()
    messages = f"/api/v1/complaints/{complaint.reference}/messages/"
    assert api.post(messages, {"text": "Ek bilgi"}).status_code == 200


def test_messages_are_limited_per_complaint(api, customer, category, rates, clock):
    rates(complaint_messages="2/hour")
    first, second = file(customer, category), file(customer, category)
    url = f"/api/v1/complaints/{first.reference}/messages/"
    assert api.post(url, {"text": "Bir"}).status_code == 200
    assert api.post(url, {"text": "İki"}).status_code == 200
    with nothing_changes(first):
        refused = api.post(url, {"text": "Üç"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith(TOO_MANY_EN)
    # another complaint of the same person has its own budget
    other = f"/api/v1/complaints/{second.reference}/messages/"
    assert api.post(other, {"text": "Diğer şikâyet"}).status_code == 200

    clock.shift(timedelta(hours=1, seconds=1))
    assert api.post(url, {"text": "Üç"}).status_code == 200


def test_messages_are_limited_per_person_across_complaints(api, customer, category, rates):
    rates(person_messages="2/hour")
    first, second, third = (file(customer, category) for _ in range(3))
    for complaint in (first, second):
        url = f"/api/v1/complaints/{complaint.reference}/messages/"
        assert api.post(url, {"text": "Merhaba"}).status_code == 200
    url = f"/api/v1/complaints/{third.reference}/messages/"
    assert api.post(url, {"text": "Merhaba"}).status_code == 429


def test_portal_message_form_shares_the_api_budget_and_answers_with_a_page(
    client, api, customer, category, rates
):
    rates(complaint_messages="1/hour")
    complaint = file(customer, category)
    api_url = f"/api/v1/complaints/{complaint.reference}/messages/"
    assert api.post(api_url, {"text": "API'den"}).status_code == 200

    client.force_login(customer)
    events = ComplaintEvent.objects.count()
    with nothing_changes(complaint):
        response = client.post(
            f"/portal/complaints/{complaint.reference}/message/", {"text": "Portaldan"}
        )
    assert response.status_code == 429
    html = response.content.decode()
    assert LAYOUT in html
    assert TOO_MANY_TR in html
    assert f'href="/portal/complaints/{complaint.reference}/"' in html
    assert ComplaintEvent.objects.count() == events


def test_portal_filing_form_is_limited_per_person(client, customer, category, rates):
    rates(complaint_create="1/hour")
    client.force_login(customer)
    data = {
        "category": category.pk,
        "subject": "Fatura tutarı hatalı",
        "description": "Son faturamda kullanmadığım bir hizmet görünüyor.",
        "preferred_contact_method": "email",
        "phone": "",
    }
    assert client.post("/portal/complaints/new/", data).status_code == 302
    refused = client.post("/portal/complaints/new/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 429
    assert TOO_MANY_EN in refused.content.decode()
    assert Complaint.objects.count() == 1


@pytest.fixture
def guest_form(category):
    def data(email, language="tr"):
        return {
            "contact_name": "Ayşe Yılmaz",
            "contact_email": email,
            "phone": "",
            "preferred_contact_method": "email",
            "category": category.pk,
            "subject": "Sertifikam iptal edilmedi",
            "description": "İptal talebimi iki gün önce ilettim.",
            "privacy_notice": "on",
            "website": "",
            "language": language,
            "return_to": "/en/complaint/" if language == "en" else "/sikayet/",
        }

    return data


def guest_post(client, data, ip="203.0.113.7"):
    return client.post("/portal/guest/file/", data, REMOTE_ADDR=ip)


def test_guest_filing_is_limited_per_address_sent_from(client, guest_form, rates, clock):
    rates(guest_filing="2/hour")
    assert guest_post(client, guest_form("a@example.com")).status_code == 302
    assert guest_post(client, guest_form("b@example.com")).status_code == 302
    sent = len(mail.outbox)

    refused = guest_post(client, guest_form("c@example.com", language="en"))
    assert refused.status_code == 429
    html = refused.content.decode()
    assert LAYOUT in html
    assert TOO_MANY_EN in html
    assert 'href="/en/complaint/"' in html
    assert Complaint.objects.count() == 2
    assert len(mail.outbox) == sent  # nobody was e-mailed
    # someone else is not affected
    assert guest_post(client, guest_form("c@example.com"), ip="198.51.100.9").status_code == 302

    clock.shift(timedelta(hours=1, seconds=1))
    assert guest_post(client, guest_form("d@example.com")).status_code == 302


def test_guest_filing_is_limited_per_recipient_address(client, guest_form, rates):
    rates(guest_filing_address="1/hour")
    assert guest_post(client, guest_form("hedef@example.com")).status_code == 302
    # a different sender cannot flood the same inbox with tracking links
    refused = guest_post(client, guest_form("HEDEF@example.com "), ip="198.51.100.9")
    assert refused.status_code == 429
    assert TOO_MANY_TR in refused.content.decode()
    assert Complaint.objects.count() == 1


def test_an_invalid_guest_form_does_not_use_the_budget(client, guest_form, rates):
    rates(guest_filing="1/hour")
    invalid = {**guest_form("a@example.com"), "privacy_notice": ""}
    assert guest_post(client, invalid).status_code == 200
    assert guest_post(client, guest_form("a@example.com")).status_code == 302


def test_signup_is_rate_limited_per_address_with_a_page_in_the_layout(client, settings, clock):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}

    def signup(n):
        return client.post(
            "/accounts/signup/",
            {"email": f"yeni{n}@example.com", "password1": "a-Long-pass-91", "password2": "x"},
        )

    assert signup(1).status_code == 200  # form errors, but counted
    assert signup(2).status_code == 200
    refused = signup(3)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert LAYOUT in html
    assert TOO_MANY_TR in html

    clock.shift(timedelta(minutes=1, seconds=1))
    assert signup(4).status_code == 200


def test_password_reset_is_rate_limited_per_address(client, customer, clock):
    for _ in range(5):  # ACCOUNT_RATE_LIMITS["reset_password"]: 5 a minute per address
        response = client.post("/accounts/password/reset/", {"email": customer.email})
        assert response.status_code == 302
    refused = client.post(
        "/accounts/password/reset/", {"email": customer.email}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()

    clock.shift(timedelta(minutes=1, seconds=1))
    assert client.post("/accounts/password/reset/", {"email": customer.email}).status_code == 302
