"""Profile and contact preferences (R5) and the personal-data export (KVKK)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.workflow import attachment_files as files
from tests.workflow.helpers import complaint_in, file
from workflow import services
from workflow.models import CustomerProfile
from workflow.states import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


def test_me_shows_and_changes_name_and_preferences(api, customer):
    assert api.get("/api/v1/me/").json() == {
        "email": customer.email,
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "phone": "",
        "preferred_contact_method": "email",
        "language": "tr",
    }
    response = api.patch(
        "/api/v1/me/",
        {
            "first_name": "Ayşe",
            "last_name": "Yılmaz",
            "phone": "+90 555 000 00 00",
            "preferred_contact_method": "phone",
            "language": "en",
            "email": "someone-else@example.com",  # read-only: ignored
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["first_name"] == "Ayşe"
    customer.refresh_from_db()
    assert (customer.first_name, customer.last_name) == ("Ayşe", "Yılmaz")
    assert customer.email != "someone-else@example.com"
    profile = CustomerProfile.objects.get(user=customer)
    assert (profile.phone, profile.preferred_contact_method, profile.language) == (
        "+90 555 000 00 00",
        "phone",
        "en",
    )
    # a partial change leaves the rest alone
    assert api.patch("/api/v1/me/", {"language": "tr"}, format="json").json()["phone"]


def test_me_refuses_bad_input_and_changes_nothing(api, customer):
    response = api.patch(
        "/api/v1/me/", {"preferred_contact_method": "phone", "phone": ""}, format="json"
    )
    assert response.status_code == 400
    assert "phone" in response.json()
    assert api.patch("/api/v1/me/", {"language": "de"}, format="json").status_code == 400
    assert api.patch("/api/v1/me/", {"first_name": "  "}, format="json").status_code == 400
    assert not CustomerProfile.objects.exists()


def test_me_and_export_need_a_signed_in_customer(staff):
    anonymous = APIClient()
    # as everywhere in the customer API: 403 without a session or app token
    assert anonymous.get("/api/v1/me/").status_code == 403
    assert anonymous.get("/api/v1/me/export/").status_code == 403
    staff_client = APIClient()
    staff_client.force_authenticate(staff)
    assert staff_client.get("/api/v1/me/").status_code == 403
    assert staff_client.patch("/api/v1/me/", {"language": "en"}, format="json").status_code == 403


def test_portal_pages_redirect_anonymous_visitors_to_login(client):
    for url in ("/portal/profile/", "/portal/my-data/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_preferences_fill_the_filing_and_its_language(customer, category):
    services.update_profile(
        actor=customer, phone="+90 555 111 22 33", preferred_contact_method="phone", language="en"
    )
    complaint = services.file_complaint(
        actor=customer,
        category=category,
        subject="Aidat",
        description="İade edilmedi.",
        preferred_contact_method="",
    )
    assert complaint.preferred_contact_method == "phone"
    assert complaint.contact_phone == "+90 555 111 22 33"
    assert complaint.language == "en"  # the e-mails follow the chosen language


def test_portal_profile_form_saves_and_the_filing_form_starts_from_it(client, customer):
    client.force_login(customer)
    page = client.get("/portal/profile/").content.decode()
    assert 'name="first_name"' in page
    response = client.post(
        "/portal/profile/",
        {
            "first_name": "Mehmet",
            "last_name": "Demir",
            "phone": "",
            "preferred_contact_method": "phone",
            "language": "tr",
        },
    )
    assert response.status_code == 400
    assert not CustomerProfile.objects.exists()
    response = client.post(
        "/portal/profile/",
        {
            "first_name": "Mehmet",
            "last_name": "Demir",
            "phone": "0555 000 11 22",
            "preferred_contact_method": "phone",
            "language": "tr",
        },
        follow=True,
    )
    assert "Bilgileriniz kaydedildi." in response.content.decode()
    customer.refresh_from_db()
    assert customer.get_full_name() == "Mehmet Demir"
    form = client.get("/portal/complaints/new/").context["form"]
    assert form.initial == {"preferred_contact_method": "phone", "phone": "0555 000 11 22"}


def test_signup_asks_for_the_name_and_complaints_use_it(client, category):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "zeynep.kaya@example.com",
            "password1": "uzun-ve-guclu-parola-42",
            "password2": "uzun-ve-guclu-parola-42",
        },
    )
    assert response.status_code == 200  # refused: the name is missing
    assert "first_name" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="zeynep.kaya@example.com").exists()
    client.post(
        "/accounts/signup/",
        {
            "email": "zeynep.kaya@example.com",
            "first_name": "Zeynep",
            "last_name": "Kaya",
            "password1": "uzun-ve-guclu-parola-42",
            "password2": "uzun-ve-guclu-parola-42",
        },
    )
    user = get_user_model().objects.get(email="zeynep.kaya@example.com")
    assert user.get_full_name() == "Zeynep Kaya"
    EmailAddress.objects.filter(user=user).update(verified=True)
    complaint = file(user, category)
    assert complaint.contact_name == "Zeynep Kaya"
    assert complaint.events.get().actor_name == "Zeynep Kaya"


def test_a_nameless_account_is_never_called_by_its_local_part(category):
    user = get_user_model().objects.create_user(
        username="ayse", email="ayse.yilmaz@example.com", password="x"
    )
    complaint = file(user, category)
    assert complaint.contact_name == "ayse.yilmaz@example.com"


def test_export_holds_every_complaint_and_nothing_of_anyone_else(api, history, other_customer):
    mine, theirs = history
    response = api.get("/api/v1/me/export/")
    assert response.status_code == 200
    text = response.content.decode()
    data = json.loads(text)
    assert [c["reference"] for c in data["complaints"]] == [c.reference for c in mine]
    assert theirs.reference not in text
    assert "Başkasının şikâyeti" not in text
    assert other_customer.email not in text
    assert "İÇ NOT gizli" not in text
    assert "ic-belge.pdf" not in text
    first = data["complaints"][0]
    assert "Ek bilgi: fatura no 42" in [event["text"] for event in first["events"]]
    assert [a["name"] for a in first["attachments"]] == ["kanit.pdf"]
    assert data["complaints"][2]["survey"]["process_score"] == 5
    assert data["profile"]["email"] == mine[0].customer.email


def test_export_query_count_does_not_grow_with_rows(api, customer, staff, category):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/me/export/").status_code == 200
        return len(queries)

    first = file(customer, category)
    services.add_attachment(complaint=first, actor=customer, file=files.upload("a.pdf", files.PDF))
    few = count_queries()
    for _ in range(4):
        more = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
        services.add_attachment(
            complaint=first, actor=customer, file=files.upload("b.pdf", files.PDF)
        )
        services.submit_survey(complaint=more, actor=customer, resolution_score=3, process_score=3)
    assert count_queries() == few
