"""Customer API (/api/v1/complaints/): own complaints only, one endpoint per action."""

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from tests.factories import AlternativeRouteFactory, CategoryFactory
from tests.workflow.helpers import complaint_in, reload
from workflow.models import Complaint, ComplaintEvent
from workflow.states import ClosureReason, Status


@pytest.fixture
def api(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


def url(complaint, action=""):
    return f"/api/v1/complaints/{complaint.reference}/{action + '/' if action else ''}"


def test_create_files_through_the_portal_and_ignores_forbidden_fields(
    api, customer, staff, category
):
    response = api.post(
        "/api/v1/complaints/",
        {
            "subject": "E-imza yenileme gecikti",
            "description": "Başvurum üç gündür onay bekliyor.",
            "category": category.slug,
            "preferred_contact_method": "email",
            "status": "closed",
            "customer": staff.pk,
            "assignee": staff.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["status"] == "received"
    assert body["channel"] == "portal"
    assert body["category"] == category.slug
    assert body["reference"].startswith("MMN-")
    assert body["current_proposal"] is None
    assert body["alternative_routes"] == []
    complaint = Complaint.objects.get(reference=body["reference"])
    assert complaint.customer == customer
    assert complaint.assignee is None


def test_create_with_bad_input_answers_400_and_creates_nothing(api, category):
    response = api.post(
        "/api/v1/complaints/",
        {"subject": "", "description": "x", "category": "nope", "preferred_contact_method": "fax"},
        format="json",
    )
    assert response.status_code == 400
    assert {"subject", "preferred_contact_method"} <= set(response.json())
    response = api.post(
        "/api/v1/complaints/",
        {
            "subject": "Konu",
            "description": "Açıklama",
            "category": "nope",
            "preferred_contact_method": "email",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "category" in response.json()
    assert Complaint.objects.count() == 0


def test_list_shows_only_own_complaints(api, customer, other_customer, staff, category):
    mine = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    complaint_in(Status.RECEIVED, customer=other_customer, staff=staff, category=category)
    response = api.get("/api/v1/complaints/")
    assert response.status_code == 200
    assert [c["reference"] for c in response.json()["results"]] == [mine.reference]


def test_another_customers_complaint_is_404_for_every_endpoint(
    api, other_customer, staff, category
):
    theirs = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=other_customer, staff=staff, category=category
    )
    assert api.get(url(theirs)).status_code == 404
    assert api.get(url(theirs, "events")).status_code == 404
    for action, body in [("accept", {}), ("reject", {"reason": "x"}), ("withdraw", {})]:
        assert api.post(url(theirs, action), body, format="json").status_code == 404
    assert reload(theirs).status == Status.RESOLUTION_PROPOSED


def test_anonymous_and_staff_are_refused(staff, customer, category):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    assert APIClient().get("/api/v1/complaints/").status_code in (401, 403)
    as_staff = APIClient()
    as_staff.force_authenticate(staff)
    assert as_staff.get(url(complaint)).status_code == 403


def test_accept_moves_to_implementing(api, customer, staff, category):
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )
    detail = api.get(url(complaint)).json()
    assert detail["current_proposal"]["text"]
    response = api.post(url(complaint, "accept"), {}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "implementing"
    assert api.post(url(complaint, "accept"), {}, format="json").status_code == 409


def test_reject_needs_a_reason_then_shows_alternative_routes(api, customer, staff, category):
    AlternativeRouteFactory(name_tr="Tüketici Hakem Heyeti")
    other = AlternativeRouteFactory(name_tr="KVKK Kurulu", name_en="KVKK Board")
    other.categories.add(CategoryFactory(slug="personal-data"))
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )
    assert api.post(url(complaint, "reject"), {}, format="json").status_code == 400
    assert reload(complaint).status == Status.RESOLUTION_PROPOSED
    response = api.post(url(complaint, "reject"), {"reason": "İade istiyorum."}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "rejected"
    assert [r["name"] for r in body["alternative_routes"]] == ["Tüketici Hakem Heyeti"]
    assert set(body["alternative_routes"][0]) == {"kind", "name", "description", "url", "deadline"}
    english = api.get(url(complaint), HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["alternative_routes"][0]["name"] == "Consumer Arbitration Committee"


def test_events_hide_internal_notes_and_staff_names_on_assignment(api, customer, staff, category):
    from workflow import services

    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    services.add_note(complaint=complaint, actor=staff, text="Müşteri VIP", visibility="internal")
    events = api.get(url(complaint, "events")).json()
    assert [e["kind"] for e in events] == ["status_change", "status_change", "assignment"]
    assert "Müşteri VIP" not in str(events)
    assignment = events[-1]
    assert assignment["actor"] == complaint.unit.name_tr
    assert staff.get_full_name() not in assignment["actor"]
    assert set(events[0]) == {"at", "kind", "from_status", "to_status", "text", "actor"}


def test_message_while_awaiting_information_answers_it(api, customer, staff, category):
    complaint = complaint_in(
        Status.AWAITING_CUSTOMER, customer=customer, staff=staff, category=category
    )
    response = api.post(url(complaint, "messages"), {"text": "Fatura no 123"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "investigating"
    response = api.post(url(complaint, "messages"), {"text": "Ek bilgi"}, format="json")
    assert response.status_code == 200
    assert ComplaintEvent.objects.filter(complaint=complaint, kind="message").count() == 2


def test_a_message_over_the_size_limit_is_400_in_the_callers_language(
    api, customer, staff, category
):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    events = ComplaintEvent.objects.filter(complaint=complaint).count()

    response = api.post(
        url(complaint, "messages"),
        {"text": "x" * 5001},
        format="json",
        headers={"accept-language": "en"},
    )

    assert response.status_code == 400
    assert response.json()["text"] == [
        "Ensure this value has at most 5000 characters (it has 5001)."
    ]
    assert ComplaintEvent.objects.filter(complaint=complaint).count() == events


def test_withdraw_and_survey_once(api, customer, staff, category):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    survey = {"resolution_score": 4, "process_score": 5, "comment": "Teşekkürler"}
    assert api.post(url(complaint, "survey"), survey, format="json").status_code == 409
    response = api.post(url(complaint, "withdraw"), {"reason": "Çözüldü"}, format="json")
    assert response.status_code == 200
    assert response.json()["closure_reason"] == ClosureReason.WITHDRAWN
    assert (
        api.post(url(complaint, "survey"), {"resolution_score": 9}, format="json").status_code
        == 400
    )
    assert api.post(url(complaint, "survey"), survey, format="json").status_code == 200
    assert api.post(url(complaint, "survey"), survey, format="json").status_code == 409


def test_list_query_count_does_not_grow(
    api, customer, staff, category, django_assert_max_num_queries
):
    for status in (Status.RECEIVED, Status.REJECTED, Status.RESOLUTION_PROPOSED):
        complaint_in(status, customer=customer, staff=staff, category=category)
    with django_assert_max_num_queries(6):
        assert api.get("/api/v1/complaints/").status_code == 200
    for _ in range(5):
        complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    with django_assert_max_num_queries(6):
        assert len(api.get("/api/v1/complaints/").json()["results"]) == 8


def test_categories_are_public(db, category):
    response = APIClient().get("/api/v1/categories/")
    assert response.status_code == 200
    assert {
        "slug": "billing",
        "name_tr": "Fatura",
        "name_en": "Billing",
    }.items() <= response.json()[0].items()


def test_openapi_schema_generates_without_warnings(db, tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = out.read_text()
    for path in ("/api/v1/complaints/{reference}/reject/", "/api/v1/staff/complaints/"):
        assert path in schema


def test_api_docs_load_their_assets_locally_not_from_a_cdn(client, db):
    page = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn.jsdelivr" not in page


def test_domain_errors_speak_the_callers_language(api, customer, staff, category):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    survey = {"resolution_score": 4, "process_score": 5}
    turkish = api.post(url(complaint, "survey"), survey, format="json")
    english = api.post(url(complaint, "survey"), survey, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert (turkish.status_code, english.status_code) == (409, 409)
    assert turkish.json()["detail"] == "Anket, şikâyet kapatıldığında açılır."
    assert english.json()["detail"] == "The survey opens when the complaint is closed."


@pytest.mark.parametrize(
    ("profile", "final"),
    [("calendar_30_days", "2026-12-20T17:59:00+03:00"), ("one_business_day", None)],
)
def test_a_personal_data_request_shows_its_final_deadline_in_the_api_and_the_portal(
    api, client, customer, profile, final
):
    import time_machine

    friday_1759 = "2026-11-20T17:59:00+03:00"
    category = CategoryFactory(slug=f"kvkk-{profile}", deadline_profile=profile)
    with time_machine.travel(friday_1759, tick=False):
        response = api.post(
            "/api/v1/complaints/",
            {
                "subject": "Verilerimin silinmesi",
                "description": "KVKK madde 11 uyarınca verilerimin silinmesini istiyorum.",
                "category": category.slug,
                "preferred_contact_method": "email",
            },
            format="json",
        )
    assert response.status_code == 201, response.data
    body = response.json()
    assert body["response_due_at"] == "2026-11-23T17:59:00+03:00"
    assert body["final_response_due_at"] == final

    client.force_login(customer)
    page = client.get(f"/portal/complaints/{body['reference']}/").content.decode()
    assert ("Nihai yanıt için son tarih" in page) == (final is not None)
    assert "23 Kasım 2026 17:59" in page
