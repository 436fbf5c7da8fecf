"""Staff API (/api/v1/staff/...): queue, intake, detail with internal events, actions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import UnitFactory
from tests.workflow.helpers import complaint_in, reload
from workflow.models import Complaint
from workflow.states import Status


@pytest.fixture
def api(staff):
    client = APIClient()
    client.force_authenticate(staff)
    return client


def action_url(complaint, name):
    return f"/api/v1/staff/complaints/{complaint.reference}/actions/{name}/"


def test_customers_cannot_use_the_staff_api(customer, staff, category):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    client = APIClient()
    client.force_authenticate(customer)
    assert client.get("/api/v1/staff/complaints/").status_code == 403
    response = client.post(action_url(complaint, "acknowledge"), {"method": "email"})
    assert response.status_code == 403
    assert reload(complaint).status == Status.RECEIVED


def test_intake_of_a_phone_call_logged_later(api, category):
    received = timezone.now() - timedelta(hours=3)
    response = api.post(
        "/api/v1/staff/complaints/",
        {
            "subject": "Çağrı merkezinde uzun bekleme",
            "description": "40 dakika hatta bekletildim.",
            "category": category.slug,
            "preferred_contact_method": "phone",
            "phone": "+90 212 000 00 00",
            "channel": "phone",
            "contact_name": "Ali Veli",
            "received_at": received.isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["channel"] == "phone"
    assert body["customer"] is None
    assert body["events"][0]["kind"] == "status_change"
    complaint = Complaint.objects.get(reference=body["reference"])
    assert abs(complaint.received_at - received) < timedelta(seconds=1)


def test_intake_refuses_future_received_at_and_portal_channel(api, category):
    payload = {
        "subject": "Konu",
        "description": "Açıklama",
        "category": category.slug,
        "preferred_contact_method": "email",
        "contact_name": "Ali Veli",
        "contact_email": "ali@example.com",
    }
    future = (timezone.now() + timedelta(days=1)).isoformat()
    response = api.post(
        "/api/v1/staff/complaints/",
        {**payload, "channel": "phone", "received_at": future},
        format="json",
    )
    assert response.status_code == 400
    assert "received_at" in response.json()
    response = api.post(
        "/api/v1/staff/complaints/", {**payload, "channel": "portal"}, format="json"
    )
    assert response.status_code == 400
    assert Complaint.objects.count() == 0


def test_full_path_through_actions(api, customer, staff, category):
    other_unit = UnitFactory(slug="certificate-ops")
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    steps = [
        ("acknowledge", {"method": "phone", "note": "Telefonla bilgi verildi"}, "acknowledged"),
        ("assign", {"unit": other_unit.slug, "assignee": staff.email}, "investigating"),
        ("request_information", {"question": "Seri numarası?"}, "awaiting_customer"),
        ("resume", {"note": "Yanıt beklemeden devam"}, "investigating"),
        (
            "set_estimate",
            {"estimated_resolution_at": (timezone.now() + timedelta(days=2)).isoformat()},
            "investigating",
        ),
        ("add_note", {"text": "İç not", "visibility": "internal"}, "investigating"),
        ("propose_resolution", {"text": "Cihaz değiştirilecek"}, "resolution_proposed"),
    ]
    for name, body, expected in steps:
        response = api.post(action_url(complaint, name), body, format="json")
        assert response.status_code == 200, (name, response.data)
        assert response.json()["status"] == expected, name
    detail = response.json()
    assert detail["unit"] == "certificate-ops"
    assert detail["assignee"] == staff.email
    assert any(e["visibility"] == "internal" for e in detail["events"])


def test_wrong_state_is_409_and_bad_input_400_and_unknown_action_404(
    api, customer, staff, category
):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    assert api.post(action_url(complaint, "propose_resolution"), {"text": "x"}).status_code == 409
    assert api.post(action_url(complaint, "acknowledge"), {"method": "fax"}).status_code == 400
    assert api.post(action_url(complaint, "teleport"), {}).status_code == 404
    assert reload(complaint).status == Status.RECEIVED


def test_review_rejection_final_waits_for_a_second_manager(api, customer, staff, category):
    """R14 four eyes: the final decision is proposed, the complaint stays rejected."""
    complaint = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    response = api.post(
        action_url(complaint, "review_rejection"),
        {"decision": "final", "text": "Kararımız değişmedi."},
        format="json",
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["closure_reason"]) == ("rejected", "")
    assert reload(complaint).final_decision_text == "Kararımız değişmedi."


def test_queue_filters(api, customer, staff, category):
    received = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    complaint_in(Status.INVESTIGATING, customer=customer, staff=staff, category=category)
    response = api.get("/api/v1/staff/complaints/", {"status": "received"})
    assert [c["reference"] for c in response.json()["results"]] == [received.reference]
    response = api.get("/api/v1/staff/complaints/", {"q": received.reference})
    assert [c["reference"] for c in response.json()["results"]] == [received.reference]
    assert api.get("/api/v1/staff/complaints/", {"sla": "breached"}).json()["count"] == 0
    assert api.get("/api/v1/staff/complaints/", {"status": "bogus"}).status_code == 400


def test_queue_query_count_is_constant(
    api, customer, staff, category, django_assert_max_num_queries
):
    for _ in range(3):
        complaint_in(Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category)
    with django_assert_max_num_queries(7):
        assert api.get("/api/v1/staff/complaints/").json()["count"] == 3
    for _ in range(4):
        complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    with django_assert_max_num_queries(7):
        assert api.get("/api/v1/staff/complaints/").json()["count"] == 7


def test_units_list_for_staff(api, category):
    assert category.default_unit.slug in [u["slug"] for u in api.get("/api/v1/staff/units/").json()]


@pytest.mark.parametrize(
    ("received_at", "language", "message"),
    [
        ("0001-01-01", "tr", "Tarih ve saat geçerli aralığın dışında."),
        ("0001-01-01T00:00:00Z", "tr", "Başvuru zamanı en fazla 730 gün öncesi olabilir."),
        ("0001-01-01T00:00:00Z", "en", "The time of contact may be at most 730 days in the past."),
        (
            "1900-01-01T10:00:00+03:00",
            "en",
            "The time of contact may be at most 730 days in the past.",
        ),
    ],
)
def test_intake_refuses_received_at_outside_the_window_in_the_callers_language(
    api, category, received_at, language, message
):
    response = api.post(
        "/api/v1/staff/complaints/",
        {
            "subject": "Konu",
            "description": "Açıklama",
            "category": category.slug,
            "preferred_contact_method": "email",
            "channel": "phone",
            "contact_name": "Ali Veli",
            "contact_email": "ali@example.com",
            "received_at": received_at,
        },
        format="json",
        headers={"accept-language": language},
    )

    assert response.status_code == 400
    assert response.json()["received_at"] == [message]
    assert Complaint.objects.count() == 0


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:59:59Z"])
def test_an_estimate_too_near_the_ends_of_the_calendar_is_400(
    api, customer, staff, category, value
):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )

    response = api.post(
        action_url(complaint, "set_estimate"),
        {"estimated_resolution_at": value, "message": "Tahmin"},
        format="json",
        headers={"accept-language": "en"},
    )

    assert response.status_code == 400
    assert response.json()["estimated_resolution_at"] == ["The date and time is out of range."]
    assert reload(complaint).estimated_resolution_at is None
