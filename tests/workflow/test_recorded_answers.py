"""R13/R14: staff record the complainant's acceptance or rejection given by phone, face to
face or post — the same transitions as the customer's own answer, with the method in the
event."""

import pytest

from tests.workflow.helpers import (
    complaint_in,
    last_event,
    nothing_changes,
    notification_mark,
    reload,
    sent,
)
from workflow import services
from workflow.errors import ComplaintNotFound, InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.states import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_a(customer, quality_manager, category_a):
    def make(status, **options):
        return complaint_in(
            status, customer=customer, staff=quality_manager, category=category_a, **options
        )

    return make


RECORD = {
    "acceptance": lambda c, actor, method="phone": services.record_acceptance(
        complaint=c, actor=actor, method=method, note="Telefonda kabul etti."
    ),
    "rejection": lambda c, actor, method="phone": services.record_rejection(
        complaint=c, actor=actor, method=method, reason="Mektupla reddetti: iade istiyor."
    ),
}


@pytest.mark.parametrize("method", ["phone", "face_to_face", "post"])
def test_a_recorded_acceptance_moves_to_implementing_with_the_method(
    in_a, handler_a, customer, unit_a, method
):
    complaint = in_a(Status.RESOLUTION_PROPOSED)
    mark = notification_mark()

    RECORD["acceptance"](complaint, handler_a, method)

    complaint = reload(complaint)
    assert complaint.status == Status.IMPLEMENTING
    assert complaint.proposals.get().decision == "accepted"
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status, event.actor) == (
        "decision",
        Status.RESOLUTION_PROPOSED,
        Status.IMPLEMENTING,
        handler_a,
    )
    assert (event.data["decision"], event.data["method"], event.data["recorded_by"]) == (
        "accepted",
        method,
        handler_a.pk,
    )
    assert event.text == "Telefonda kabul etti."
    assert sent(mark) == {
        ("resolution_accepted", customer.email, "tr"),
        ("staff_resolution_accepted", unit_a.email, "tr"),
    }


def test_a_recorded_rejection_keeps_it_open_with_the_reason_and_the_method(
    in_a, handler_a, customer
):
    complaint = in_a(Status.RESOLUTION_PROPOSED)
    mark = notification_mark()

    RECORD["rejection"](complaint, handler_a, "post")

    complaint = reload(complaint)
    assert complaint.status == Status.REJECTED
    proposal = complaint.proposals.get()
    assert (proposal.decision, proposal.rejection_reason) == (
        "rejected",
        "Mektupla reddetti: iade istiyor.",
    )
    event = last_event(complaint)
    assert (event.data["decision"], event.data["method"], event.text) == (
        "rejected",
        "post",
        "Mektupla reddetti: iade istiyor.",
    )
    assert ("resolution_rejected", customer.email, "tr") in sent(mark)


@pytest.mark.parametrize("answer", RECORD)
def test_an_unknown_method_is_refused(in_a, handler_a, answer):
    complaint = in_a(Status.RESOLUTION_PROPOSED)

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        RECORD[answer](complaint, handler_a, "email")

    assert "method" in error.value.errors


def test_a_recorded_rejection_needs_a_reason(in_a, handler_a):
    complaint = in_a(Status.RESOLUTION_PROPOSED)

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.record_rejection(complaint=complaint, actor=handler_a, method="phone", reason="")

    assert "reason" in error.value.errors


@pytest.mark.parametrize("answer", RECORD)
def test_only_staff_record_an_answer(in_a, customer, content_editor, answer):
    complaint = in_a(Status.RESOLUTION_PROPOSED)

    for not_staff in (customer, content_editor):
        with nothing_changes(complaint), pytest.raises(NotPermitted):
            RECORD[answer](complaint, not_staff)


@pytest.mark.parametrize("answer", RECORD)
def test_another_units_handler_cannot_record_an_answer(in_a, handler_b, answer):
    complaint = in_a(Status.RESOLUTION_PROPOSED)

    with nothing_changes(complaint), pytest.raises(ComplaintNotFound):
        RECORD[answer](complaint, handler_b)


@pytest.mark.parametrize("state", [Status.INVESTIGATING, Status.IMPLEMENTING, Status.CLOSED])
@pytest.mark.parametrize("answer", RECORD)
def test_an_answer_is_recorded_only_while_a_resolution_is_proposed(in_a, handler_a, answer, state):
    complaint = in_a(state)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        RECORD[answer](complaint, handler_a)
