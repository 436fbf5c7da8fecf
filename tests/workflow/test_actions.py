"""The registry of actions (workflow.actions) is the one answer to "what may this user do now":
for a complaint in every state, the portal shows a form for exactly the customer's available
actions, the customer API lists the same names, and the staff API and the console's complaint
page offer the staff's."""

import re

import pytest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from rest_framework.test import APIClient

from tests.factories import AlternativeRouteFactory
from tests.workflow.helpers import complaint_in, nothing_changes, reload
from workflow import services
from workflow.actions import CUSTOMER, STAFF, all_actions, available_actions, get_action
from workflow.actions.registry import unwrapped
from workflow.states import ClosureReason, Status

pytestmark = pytest.mark.django_db

# (status, how it closed) → what the complainant may do, and what complaint staff may do
CASES = {
    (Status.RECEIVED, None): (
        ["messages", "withdraw"],
        ["acknowledge", "assign", "set_estimate", "add_note", "add_corrective_action"],
    ),
    (Status.ACKNOWLEDGED, None): (
        ["messages", "withdraw"],
        [
            "assign",
            "request_information",
            "set_estimate",
            "propose_resolution",
            "add_note",
            "add_corrective_action",
        ],
    ),
    (Status.INVESTIGATING, None): (
        ["messages", "withdraw"],
        [
            "assign",
            "request_information",
            "set_estimate",
            "propose_resolution",
            "add_note",
            "add_corrective_action",
        ],
    ),
    (Status.AWAITING_CUSTOMER, None): (
        ["answer", "messages", "withdraw"],
        ["assign", "resume", "set_estimate", "add_note", "add_corrective_action"],
    ),
    (Status.RESOLUTION_PROPOSED, None): (
        ["accept", "reject", "messages", "withdraw"],
        [
            "assign",
            "set_estimate",
            "add_note",
            "add_corrective_action",
            "record_acceptance",
            "record_rejection",
        ],
    ),
    (Status.REJECTED, None): (
        ["messages", "withdraw", "route"],
        ["assign", "set_estimate", "review_rejection", "add_note", "add_corrective_action"],
    ),
    (Status.IMPLEMENTING, None): (
        ["messages", "withdraw"],
        ["assign", "mark_implemented", "add_note", "add_corrective_action"],
    ),
    (Status.CLOSED, ClosureReason.RESOLVED): (["survey"], ["add_note", "reopen"]),
    (Status.CLOSED, ClosureReason.WITHDRAWN): (["survey"], ["add_note", "reopen"]),
    (Status.CLOSED, ClosureReason.FINAL_DECISION): (["survey", "route"], ["add_note", "reopen"]),
}


@pytest.fixture
def route(db):
    return AlternativeRouteFactory()  # applies to every category


def make(case, customer, staff, category):
    status, closure = case
    options = {"closure": closure} if closure else {}
    return complaint_in(status, customer=customer, staff=staff, category=category, **options)


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def portal_forms(client, complaint) -> set[str]:
    html = client.get(f"/portal/complaints/{complaint.reference}/").content.decode()
    return set(re.findall(r'<form[^>]* data-action="([a-z_]+)"', html))


@pytest.mark.parametrize("case", list(CASES), ids=lambda case: "-".join(filter(None, case)))
def test_every_surface_offers_what_the_registry_allows(
    case, route, customer, staff, category, client
):
    complaint = make(case, customer, staff, category)
    customer_actions, staff_actions = CASES[case]
    client.force_login(customer)

    api = client_for(customer).get(f"/api/v1/complaints/{complaint.reference}/").json()
    listed = client_for(customer).get("/api/v1/complaints/").json()["results"][0]
    staff_api = client_for(staff).get(f"/api/v1/staff/complaints/{complaint.reference}/").json()

    assert available_actions(complaint, customer) == customer_actions
    assert api["available_actions"] == customer_actions
    assert listed["available_actions"] == customer_actions
    assert portal_forms(client, complaint) == set(customer_actions)
    assert available_actions(complaint, staff) == staff_actions
    assert staff_api["available_actions"] == staff_actions
    client.force_login(staff)
    console = client.get(f"/admin/complaints/{complaint.reference}/")
    assert console.status_code == 200
    assert set(re.findall(r'<form[^>]* data-action="([a-z_]+)"', console.content.decode())) == set(
        staff_actions
    )


def test_a_surveyed_complaint_offers_the_customer_nothing(customer, staff, category, client):
    complaint = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    services.submit_survey(complaint=complaint, actor=customer, resolution_score=5, process_score=4)
    client.force_login(customer)

    assert available_actions(reload(complaint), customer) == []
    assert portal_forms(client, complaint) == set()
    api = client_for(customer).get(f"/api/v1/complaints/{complaint.reference}/").json()
    assert api["available_actions"] == []


def test_no_route_to_record_where_no_route_applies(customer, staff, category):
    complaint = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)

    assert "route" not in available_actions(complaint, customer)
    assert get_action("route").check(complaint, customer) == (
        "Alternatif yollar, bir çözüm reddedildikten sonra sunulur."
    )


def test_another_person_may_take_no_action(customer, other_customer, staff, category):
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )

    assert available_actions(complaint, other_customer) == []
    assert get_action("accept").check(complaint, other_customer) == (
        "Bu işlemi yalnız şikâyet sahibi yapabilir."
    )
    assert get_action("propose_resolution").check(complaint, customer) == (
        "Bu işlemi yalnız şikâyet personeli yapabilir."
    )


def test_check_says_why_not_in_the_callers_language(customer, staff, category, settings):
    from django.utils import translation

    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    with translation.override("en"):
        assert get_action("accept").check(complaint, customer) == (
            "This cannot be done in the complaint's current state."
        )


def test_every_action_has_a_form_label_and_an_audience():
    names = [action.name for action in all_actions()]
    assert len(names) == len(set(names))
    assert {a.name for a in all_actions(CUSTOMER)} == {
        "accept",
        "reject",
        "answer",
        "messages",
        "withdraw",
        "survey",
        "route",
    }
    assert {a.name for a in all_actions(STAFF)} == {
        "acknowledge",
        "assign",
        "request_information",
        "resume",
        "set_estimate",
        "propose_resolution",
        "mark_implemented",
        "review_rejection",
        "add_note",
        "reopen",
        "add_corrective_action",
        "record_acceptance",
        "record_rejection",
        "approve_final_decision",
        "return_final_decision",
    }
    for action in all_actions():
        assert action.form_class().is_bound is False
        assert str(action.label)


# --- the API runs the registry's actions ------------------------------------------------------


def test_the_customer_api_answers_and_records_a_route_through_the_registry(
    route, customer, staff, category
):
    api = client_for(customer)
    awaiting = complaint_in(
        Status.AWAITING_CUSTOMER, customer=customer, staff=staff, category=category
    )
    answered = api.post(
        f"/api/v1/complaints/{awaiting.reference}/answer/", {"answer": "No 42"}, format="json"
    )
    assert answered.status_code == 200
    assert answered.json()["status"] == Status.INVESTIGATING
    assert "answer" not in answered.json()["available_actions"]

    rejected = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    recorded = api.post(
        f"/api/v1/complaints/{rejected.reference}/route/",
        {"route": route.pk, "applied_on": str(timezone.localdate()), "external_reference": "THH-1"},
        format="json",
    )
    assert recorded.status_code == 200, recorded.json()
    assert rejected.route_applications.get().external_reference == "THH-1"


def test_the_customer_api_validates_with_the_actions_form(customer, staff, category):
    complaint = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    url = f"/api/v1/complaints/{complaint.reference}/survey/"

    with nothing_changes(complaint):
        response = client_for(customer).post(
            url, {"resolution_score": 9, "process_score": 3, "comment": "x" * 5001}, format="json"
        )

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "resolution_score", "comment"}


def test_the_staff_api_refuses_what_the_registry_does_not_offer(customer, staff, category):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    api = client_for(staff)
    url = f"/api/v1/staff/complaints/{complaint.reference}/actions/"

    with nothing_changes(complaint):
        unknown = api.post(url + "accept/", {}, format="json")  # a customer action
        not_now = api.post(url + "reopen/", {"reason": "Yeni bilgi"}, format="json")
        too_long = api.post(url + "add_note/", {"text": "x" * 10_001}, format="json")

    assert unknown.status_code == 404
    assert not_now.status_code == 409
    assert too_long.status_code == 400
    assert "text" in too_long.json()
    done = api.post(url + "acknowledge/", {"method": "phone", "note": "Aradım."}, format="json")
    assert done.status_code == 200
    assert done.json()["available_actions"] == CASES[(Status.ACKNOWLEDGED, None)][1]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:59:59Z"])
def test_an_estimate_too_near_the_ends_of_the_calendar_is_refused_by_the_form(
    customer, staff, category, value
):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    url = f"/api/v1/staff/complaints/{complaint.reference}/actions/set_estimate/"

    with nothing_changes(complaint):
        response = client_for(staff).post(
            url,
            {"estimated_resolution_at": value},
            format="json",
            headers={"accept-language": "en"},
        )

    assert response.status_code == 400
    assert response.json()["estimated_resolution_at"] == ["The date and time is out of range."]


def test_request_user_s_lazy_proxy_gets_the_same_answer(customer, staff, category):
    """Views pass `request.user`, a `SimpleLazyObject`; the registry reads the user inside."""
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )
    for user in (customer, staff):
        lazy = SimpleLazyObject(lambda user=user: user)
        assert available_actions(complaint, lazy) == available_actions(complaint, user)
        assert available_actions(complaint, lazy) != []
    assert unwrapped(SimpleLazyObject(lambda: staff)) is staff
    assert unwrapped(customer) is customer
