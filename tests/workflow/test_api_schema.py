"""The OpenAPI schema (/api/v1/schema/) describes what the API really answers: real responses
of the main endpoints validate against it (enums with "", nullable fields, error bodies), and
every POST documents its 400, 404 and 409."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft202012Validator
from rest_framework.test import APIClient

from tests.workflow.helpers import complaint_in, file
from workflow.states import ClosureReason, Status

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def as_json_schema(node):
    """OpenAPI 3.0 → JSON Schema: `nullable` becomes a null alternative, and an object may
    carry no property its schema does not document."""
    if isinstance(node, list):
        return [as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: as_json_schema(value) for key, value in node.items()}
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def assert_matches_schema(openapi, response, path: str, method: str = "get"):
    documented = openapi["paths"][path][method]["responses"]
    assert str(response.status_code) in documented, (path, method, response.status_code)
    content = documented[str(response.status_code)]["content"]["application/json"]["schema"]
    schema = {
        **as_json_schema(content),
        "components": as_json_schema(openapi["components"]),
    }
    errors = list(Draft202012Validator(schema).iter_errors(response.json()))
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in errors]


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


DETAIL = "/api/v1/complaints/{reference}/"
STAFF_DETAIL = "/api/v1/staff/complaints/{reference}/"
STAFF_ACTION = "/api/v1/staff/complaints/{reference}/actions/{action_name}/"


def test_an_open_complaint_with_blank_closure_and_blank_from_status_matches(
    openapi, customer, category
):
    complaint = file(customer, category)
    api = client_for(customer)

    detail = api.get(f"/api/v1/complaints/{complaint.reference}/")
    events = api.get(f"/api/v1/complaints/{complaint.reference}/events/")
    listing = api.get("/api/v1/complaints/")

    assert detail.json()["closure_reason"] == ""
    assert detail.json()["current_proposal"] is None
    assert events.json()[0]["from_status"] == ""
    assert_matches_schema(openapi, detail, DETAIL)
    assert_matches_schema(openapi, events, DETAIL + "events/")
    assert_matches_schema(openapi, listing, "/api/v1/complaints/")


def test_a_guests_unassigned_complaint_matches_the_staff_schema(openapi, staff, category):
    complaint = file(None, category, contact_name="Ayşe Yılmaz", contact_email="a@example.com")
    api = client_for(staff)

    detail = api.get(f"/api/v1/staff/complaints/{complaint.reference}/")
    listing = api.get("/api/v1/staff/complaints/")

    assert detail.json()["assignee"] is None
    assert detail.json()["customer"] is None
    assert_matches_schema(openapi, detail, STAFF_DETAIL)
    assert_matches_schema(openapi, listing, "/api/v1/staff/complaints/")


def test_a_closed_complaint_with_a_proposal_matches(openapi, customer, staff, category):
    complaint = complaint_in(
        Status.CLOSED, customer=customer, staff=staff, category=category, assignee=staff
    )

    detail = client_for(customer).get(f"/api/v1/complaints/{complaint.reference}/")
    staff_detail = client_for(staff).get(f"/api/v1/staff/complaints/{complaint.reference}/")

    assert detail.json()["closure_reason"] == ClosureReason.RESOLVED
    assert staff_detail.json()["assignee"] == staff.email
    assert_matches_schema(openapi, detail, DETAIL)
    assert_matches_schema(openapi, staff_detail, STAFF_DETAIL)


def test_successes_and_errors_of_a_staff_action_match(openapi, customer, staff, category):
    complaint = file(customer, category)
    api = client_for(staff)
    url = f"/api/v1/staff/complaints/{complaint.reference}/actions/"

    bad_input = api.post(url + "assign/", {"unit": "no-such-unit"}, format="json")
    not_now = api.post(url + "mark_implemented/", {}, format="json")
    acknowledged = api.post(url + "acknowledge/", {"method": "email"}, format="json")
    missing = api.post(
        "/api/v1/staff/complaints/MMN-1999-000001/actions/acknowledge/", {}, format="json"
    )
    not_staff = client_for(customer).post(url + "acknowledge/", {"method": "email"})

    codes = [r.status_code for r in (bad_input, not_now, acknowledged, missing, not_staff)]
    assert codes == [400, 409, 200, 404, 403]
    for response in (bad_input, not_now, acknowledged, missing, not_staff):
        assert_matches_schema(openapi, response, STAFF_ACTION, "post")


def test_customer_errors_match(openapi, customer, other_customer, category):
    complaint = file(customer, category)
    api = client_for(customer)

    refused = api.post(f"/api/v1/complaints/{complaint.reference}/accept/", {}, format="json")
    invalid = api.post(f"/api/v1/complaints/{complaint.reference}/reject/", {}, format="json")
    not_yours = client_for(other_customer).get(f"/api/v1/complaints/{complaint.reference}/")

    assert [refused.status_code, invalid.status_code, not_yours.status_code] == [409, 400, 404]
    assert_matches_schema(openapi, refused, DETAIL + "accept/", "post")
    assert_matches_schema(openapi, invalid, DETAIL + "reject/", "post")
    assert_matches_schema(openapi, not_yours, DETAIL)


def test_every_post_documents_its_errors_with_a_body(openapi):
    posts = {
        path: operations["post"]["responses"]
        for path, operations in openapi["paths"].items()
        if "post" in operations
    }

    assert len(posts) >= 8
    for path, responses in posts.items():
        for code in ("400", "404", "409"):
            assert code in responses, (path, code)
            assert "application/json" in responses[code]["content"], (path, code)
