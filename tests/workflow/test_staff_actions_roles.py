"""The registry's staff actions follow the roles (h6): what `available_actions` offers is what
the service does, and each new action (corrective action, recorded answers, four-eyes approval
and return) works through the staff API and is refused for the wrong role, another unit's
complaint and the wrong state."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from tests.factories import UnitManagerFactory
from tests.workflow.helpers import complaint_in, last_event, nothing_changes, reload
from workflow import services
from workflow.actions import STAFF, available_actions
from workflow.models import CorrectiveAction
from workflow.states import ClosureReason, EventKind, Status

pytestmark = pytest.mark.django_db

# Tuesday 10 March 2026, 10:00 in Istanbul: due dates are checked against this day.
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Istanbul"))
DECISION = "Önerimiz geçerlidir; ücret iade edilmeyecek."


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def in_a(customer, quality_manager, category_a):
    def make(status, **options):
        return complaint_in(
            status, customer=customer, staff=quality_manager, category=category_a, **options
        )

    return make


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def act(user, complaint, name, body=None):
    return api_for(user).post(
        f"/api/v1/staff/complaints/{complaint.reference}/actions/{name}/", body or {}, format="json"
    )


def offered(complaint, user) -> list[str]:
    """What the registry and the staff API both offer `user` now (they must agree)."""
    names = available_actions(reload(complaint), user, STAFF)
    detail = api_for(user).get(f"/api/v1/staff/complaints/{complaint.reference}/")
    if detail.status_code == 200:
        assert detail.json()["available_actions"] == names
    return names


def propose_final(complaint, actor):
    return services.review_rejection(
        complaint=complaint, actor=actor, decision="final", text=DECISION
    )


# --- the existing actions follow the roles ----------------------------------------------------


def test_another_units_staff_are_offered_nothing(in_a, handler_b):
    complaint = in_a(Status.INVESTIGATING)

    assert offered(complaint, handler_b) == []


def test_a_handler_is_offered_assign_only_to_start_the_investigation(in_a, handler_a):
    acknowledged = in_a(Status.ACKNOWLEDGED)
    investigating = in_a(Status.INVESTIGATING)

    assert "assign" in offered(acknowledged, handler_a)
    assert "assign" not in offered(investigating, handler_a)
    with nothing_changes(investigating):
        response = act(handler_a, investigating, "assign", {"unit": "unit-a"})
    assert response.status_code == 403


def test_a_unit_manager_is_offered_reassignment_in_their_unit(in_a, unit_manager_a, unit_b):
    complaint = in_a(Status.INVESTIGATING)

    assert "assign" in offered(complaint, unit_manager_a)
    assert act(unit_manager_a, complaint, "assign", {"unit": unit_b.slug}).status_code == 200


def test_a_handler_choosing_another_unit_is_refused_by_the_service(in_a, handler_a, unit_b):
    complaint = in_a(Status.ACKNOWLEDGED)

    with nothing_changes(complaint):
        response = act(handler_a, complaint, "assign", {"unit": unit_b.slug})

    assert response.status_code == 403


def test_no_other_review_is_offered_while_a_final_decision_waits(in_a, handler_a):
    complaint = in_a(Status.REJECTED)
    assert "review_rejection" in offered(complaint, handler_a)
    propose_final(complaint, handler_a)

    assert "review_rejection" not in offered(complaint, handler_a)
    with nothing_changes(complaint):
        response = act(handler_a, complaint, "review_rejection", {"decision": "reinvestigate"})
    assert response.status_code == 409


# --- add_corrective_action --------------------------------------------------------------------


def test_a_handler_adds_a_corrective_action_through_the_api(in_a, handler_a):
    complaint = in_a(Status.INVESTIGATING)
    assert "add_corrective_action" in offered(complaint, handler_a)

    response = act(
        handler_a,
        complaint,
        "add_corrective_action",
        {
            "kind": "preventive",
            "description": "Fatura şablonu gözden geçirilecek.",
            "owner": handler_a.email,
            "due_date": "2026-03-31",
        },
    )

    assert response.status_code == 200
    action = CorrectiveAction.objects.get(complaints=complaint)
    assert (action.kind, action.owner, action.due_date) == (
        "preventive",
        handler_a,
        date(2026, 3, 31),
    )
    assert last_event(complaint).kind == EventKind.CORRECTIVE_ACTION
    assert response.json()["status"] == Status.INVESTIGATING


def test_adding_a_corrective_action_is_refused_for_wrong_role_unit_state_and_input(
    in_a, handler_a, handler_b, content_editor
):
    body = {"kind": "correction", "description": "Düzeltme yapılacak."}
    open_one = in_a(Status.INVESTIGATING)
    closed = in_a(Status.CLOSED)

    with nothing_changes(open_one), nothing_changes(closed):
        assert act(content_editor, open_one, "add_corrective_action", body).status_code == 403
        assert act(handler_b, open_one, "add_corrective_action", body).status_code == 404
        assert act(handler_a, closed, "add_corrective_action", body).status_code == 409
        bad = act(handler_a, open_one, "add_corrective_action", {**body, "kind": "other"})
        past = act(handler_a, open_one, "add_corrective_action", {**body, "due_date": "2026-03-09"})

    assert bad.status_code == 400
    assert "kind" in bad.json()
    assert past.status_code == 400
    assert "due_date" in past.json()
    assert "add_corrective_action" not in offered(closed, handler_a)
    assert not CorrectiveAction.objects.exists()


# --- record_acceptance / record_rejection -----------------------------------------------------


def test_a_handler_records_an_acceptance_given_by_phone(in_a, handler_a):
    complaint = in_a(Status.RESOLUTION_PROPOSED)
    assert {"record_acceptance", "record_rejection"} <= set(offered(complaint, handler_a))

    response = act(
        handler_a, complaint, "record_acceptance", {"method": "phone", "note": "Aradı, kabul."}
    )

    assert response.status_code == 200
    assert response.json()["status"] == Status.IMPLEMENTING
    assert last_event(complaint).data["method"] == "phone"


def test_a_handler_records_a_rejection_given_face_to_face(in_a, handler_a):
    complaint = in_a(Status.RESOLUTION_PROPOSED)

    response = act(
        handler_a,
        complaint,
        "record_rejection",
        {"method": "face_to_face", "reason": "İade istiyor."},
    )

    assert response.status_code == 200
    assert response.json()["status"] == Status.REJECTED
    assert last_event(complaint).data["method"] == "face_to_face"


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("record_acceptance", {"method": "phone"}),
        ("record_rejection", {"method": "post", "reason": "Kabul etmiyor."}),
    ],
)
def test_recording_an_answer_is_refused_for_wrong_role_unit_state_and_method(
    in_a, handler_a, handler_b, customer, name, body
):
    proposed = in_a(Status.RESOLUTION_PROPOSED)
    investigating = in_a(Status.INVESTIGATING)

    with nothing_changes(proposed), nothing_changes(investigating):
        assert act(customer, proposed, name, body).status_code == 403
        assert act(handler_b, proposed, name, body).status_code == 404
        assert act(handler_a, investigating, name, body).status_code == 409
        by_email = act(handler_a, proposed, name, {**body, "method": "email"})

    assert by_email.status_code == 400
    assert "method" in by_email.json()
    assert name not in offered(investigating, handler_a)


# --- approve_final_decision / return_final_decision (four eyes) -------------------------------


def test_the_proposer_is_not_offered_approval_while_another_manager_is(
    in_a, unit_manager_a, quality_manager, handler_a
):
    complaint = in_a(Status.REJECTED)
    propose_final(complaint, unit_manager_a)
    final_actions = {"approve_final_decision", "return_final_decision"}

    assert not final_actions & set(offered(complaint, unit_manager_a))
    assert not final_actions & set(offered(complaint, handler_a))
    assert final_actions <= set(offered(complaint, quality_manager))
    with nothing_changes(complaint):
        assert act(unit_manager_a, complaint, "approve_final_decision").status_code == 403


def test_a_unit_manager_approves_a_handlers_final_decision_through_the_api(
    in_a, handler_a, unit_manager_a
):
    complaint = in_a(Status.REJECTED)
    propose_final(complaint, handler_a)
    assert "approve_final_decision" in offered(complaint, unit_manager_a)

    response = act(unit_manager_a, complaint, "approve_final_decision", {"note": "Uygun."})

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["closure_reason"]) == (
        Status.CLOSED,
        ClosureReason.FINAL_DECISION,
    )
    assert "approve_final_decision" not in body["available_actions"]


def test_a_quality_manager_returns_a_final_decision_through_the_api(
    in_a, unit_manager_a, quality_manager
):
    complaint = in_a(Status.REJECTED)
    propose_final(complaint, unit_manager_a)

    with nothing_changes(complaint):
        assert act(quality_manager, complaint, "return_final_decision", {}).status_code == 400
    response = act(
        quality_manager, complaint, "return_final_decision", {"reason": "Rotalar eksik."}
    )

    assert response.status_code == 200
    assert response.json()["status"] == Status.REJECTED
    assert not reload(complaint).has_pending_final_decision
    assert "review_rejection" in response.json()["available_actions"]
    assert "return_final_decision" not in response.json()["available_actions"]


@pytest.mark.parametrize(
    ("name", "body"),
    [("approve_final_decision", {}), ("return_final_decision", {"reason": "Eksik."})],
)
def test_four_eyes_actions_are_refused_for_wrong_role_unit_and_state(
    in_a, handler_a, handler_b, unit_b, quality_manager, name, body
):
    pending = in_a(Status.REJECTED)
    propose_final(pending, handler_a)
    nothing_pending = in_a(Status.REJECTED)
    manager_b = UnitManagerFactory(units=[unit_b])

    with nothing_changes(pending), nothing_changes(nothing_pending):
        assert act(handler_a, pending, name, body).status_code == 403  # a handler (the proposer)
        assert act(handler_b, pending, name, body).status_code == 404
        assert act(manager_b, pending, name, body).status_code == 404  # another unit's manager
        assert act(quality_manager, nothing_pending, name, body).status_code == 409

    assert name not in offered(nothing_pending, quality_manager)
    assert reload(pending).has_pending_final_decision
