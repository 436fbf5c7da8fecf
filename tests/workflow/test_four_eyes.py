"""R14 four eyes: a final decision is proposed by one person and approved (or returned) by a
second — a unit manager of the complaint's unit or a quality manager; the customer hears of it
only once it is approved."""

import pytest
from django.utils import translation

from tests.factories import UnitManagerFactory
from tests.workflow.helpers import (
    complaint_in,
    last_event,
    nothing_changes,
    notification_mark,
    reload,
    sent,
)
from workflow import selectors, services
from workflow.errors import ComplaintNotFound, InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.states import ClosureReason, Status

pytestmark = pytest.mark.django_db

DECISION = "Önerimiz geçerlidir; ücret iade edilmeyecek."


@pytest.fixture
def rejected(customer, quality_manager, category_a):
    return complaint_in(
        Status.REJECTED, customer=customer, staff=quality_manager, category=category_a
    )


def propose(complaint, actor, text=DECISION):
    return services.review_rejection(complaint=complaint, actor=actor, decision="final", text=text)


def test_proposing_a_final_decision_keeps_it_internal_and_the_complaint_rejected(
    rejected, handler_a, customer
):
    mark = notification_mark()

    propose(rejected, handler_a)

    complaint = reload(rejected)
    assert (complaint.status, complaint.closure_reason, complaint.closed_at) == (
        Status.REJECTED,
        "",
        None,
    )
    assert complaint.has_pending_final_decision
    assert (complaint.final_decision_text, complaint.final_decision_proposed_by) == (
        DECISION,
        handler_a,
    )
    event = last_event(complaint)
    assert (event.kind, event.visibility, event.actor, event.data["decision"]) == (
        "decision",
        "internal",
        handler_a,
        "final_proposed",
    )
    assert sent(mark) == set()  # the customer is told nothing yet
    assert DECISION not in [e.text for e in selectors.events_for_customer(complaint)]


def test_the_proposer_cannot_approve_even_as_a_quality_manager(rejected, quality_manager):
    propose(rejected, quality_manager)

    with nothing_changes(rejected), pytest.raises(NotPermitted):
        services.approve_final_decision(complaint=rejected, actor=quality_manager)


def test_a_unit_manager_cannot_approve_their_own_proposal(rejected, unit_manager_a):
    propose(rejected, unit_manager_a)

    with nothing_changes(rejected), pytest.raises(NotPermitted) as error:
        services.approve_final_decision(complaint=rejected, actor=unit_manager_a)

    assert "ikinci bir" in error.value.message


def test_a_handler_cannot_approve_or_return(rejected, unit_manager_a, handler_a):
    propose(rejected, unit_manager_a)

    with nothing_changes(rejected), pytest.raises(NotPermitted):
        services.approve_final_decision(complaint=rejected, actor=handler_a)
    with nothing_changes(rejected), pytest.raises(NotPermitted):
        services.return_final_decision(complaint=rejected, actor=handler_a, reason="Hayır.")


def test_another_units_manager_does_not_see_it(rejected, handler_a, unit_b):
    propose(rejected, handler_a)
    manager_b = UnitManagerFactory(units=[unit_b])

    with nothing_changes(rejected), pytest.raises(ComplaintNotFound):
        services.approve_final_decision(complaint=rejected, actor=manager_b)


def test_the_unit_manager_approves_a_handlers_proposal_and_only_then_the_customer_hears(
    rejected, handler_a, unit_manager_a, customer
):
    propose(rejected, handler_a)
    mark = notification_mark()

    services.approve_final_decision(
        complaint=rejected, actor=unit_manager_a, note="Hukuk görüşüyle uyumlu."
    )

    complaint = reload(rejected)
    assert (complaint.status, complaint.closure_reason) == (
        Status.CLOSED,
        ClosureReason.FINAL_DECISION,
    )
    assert not complaint.has_pending_final_decision
    decision, note = list(complaint.events.order_by("-sequence")[:2])[::-1]
    assert (decision.kind, decision.visibility, decision.text, decision.actor) == (
        "decision",
        "customer",
        DECISION,
        unit_manager_a,
    )
    assert (decision.from_status, decision.to_status) == (Status.REJECTED, Status.CLOSED)
    assert (decision.data["proposed_by"], decision.data["approved_by"]) == (
        handler_a.pk,
        unit_manager_a.pk,
    )
    assert (note.visibility, note.text) == ("internal", "Hukuk görüşüyle uyumlu.")
    assert sent(mark) == {("closed_final_decision", customer.email, "tr")}


def test_a_quality_manager_approves_a_unit_managers_proposal(
    rejected, unit_manager_a, quality_manager
):
    propose(rejected, unit_manager_a)

    services.approve_final_decision(complaint=rejected, actor=quality_manager)

    assert reload(rejected).closure_reason == ClosureReason.FINAL_DECISION


def test_returning_clears_it_tells_the_proposer_and_not_the_customer(
    rejected, handler_a, unit_manager_a
):
    propose(rejected, handler_a)
    mark = notification_mark()

    services.return_final_decision(
        complaint=rejected, actor=unit_manager_a, reason="Önce iade seçeneğini değerlendirin."
    )

    complaint = reload(rejected)
    assert complaint.status == Status.REJECTED
    assert not complaint.has_pending_final_decision
    assert complaint.final_decision_text == ""
    event = last_event(complaint)
    assert (event.kind, event.visibility, event.text, event.data["decision"]) == (
        "decision",
        "internal",
        "Önce iade seçeneğini değerlendirin.",
        "final_returned",
    )
    assert sent(mark) == {("staff_final_decision_returned", handler_a.email, "tr")}
    # reviewed again: this time revised
    services.review_rejection(
        complaint=complaint, actor=handler_a, decision="revise", text="Ücreti iade ederiz."
    )
    assert reload(complaint).status == Status.RESOLUTION_PROPOSED


def test_returning_needs_a_reason_and_a_second_person(rejected, unit_manager_a, quality_manager):
    propose(rejected, unit_manager_a)

    with nothing_changes(rejected), pytest.raises(InvalidInput) as error:
        services.return_final_decision(complaint=rejected, actor=quality_manager, reason=" ")
    assert "reason" in error.value.errors
    with nothing_changes(rejected), pytest.raises(NotPermitted):
        services.return_final_decision(complaint=rejected, actor=unit_manager_a, reason="Geri.")


APPROVE_OR_RETURN = {
    "approve": lambda c, actor: services.approve_final_decision(complaint=c, actor=actor),
    "return": lambda c, actor: services.return_final_decision(complaint=c, actor=actor, reason="x"),
}


@pytest.mark.parametrize("action", APPROVE_OR_RETURN)
def test_nothing_to_approve_or_return_without_a_pending_decision(rejected, quality_manager, action):
    call = APPROVE_OR_RETURN[action]

    with nothing_changes(rejected), pytest.raises(TransitionNotAllowed):
        call(rejected, quality_manager)


@pytest.mark.parametrize("decision", ["reinvestigate", "revise", "final"])
def test_no_other_review_while_a_final_decision_waits(rejected, handler_a, decision):
    propose(rejected, handler_a)

    with nothing_changes(rejected), pytest.raises(TransitionNotAllowed):
        services.review_rejection(
            complaint=rejected, actor=handler_a, decision=decision, text="Başka bir karar."
        )


def test_a_withdrawal_makes_the_pending_decision_moot(rejected, handler_a, customer):
    propose(rejected, handler_a)

    services.withdraw(complaint=rejected, actor=customer, reason="Vazgeçtim.")

    complaint = reload(rejected)
    assert complaint.closure_reason == ClosureReason.WITHDRAWN
    assert not complaint.has_pending_final_decision


def test_the_approval_queue_lists_what_each_manager_may_approve(
    rejected, handler_a, unit_manager_a, quality_manager
):
    propose(rejected, unit_manager_a)

    assert list(selectors.final_decisions_awaiting_approval(quality_manager)) == [rejected]
    assert list(selectors.final_decisions_awaiting_approval(unit_manager_a)) == []  # own
    assert list(selectors.final_decisions_awaiting_approval(handler_a)) == []  # no role


def test_refusals_are_in_the_callers_language(rejected, handler_a):
    propose(rejected, handler_a)

    with translation.override("en"), pytest.raises(NotPermitted) as error:
        services.approve_final_decision(complaint=rejected, actor=handler_a)

    assert error.value.message.startswith("Only a manager of the complaint's unit")
