"""Drive complaints through the real services, and check what a service call changed.

Tests never set `status` or write events themselves (CONVENTIONS.md): `complaint_in()` files a
complaint and walks it through the same service calls staff and customers make.
"""

from contextlib import contextmanager

from tests.factories import QualityManagerFactory
from workflow import services
from workflow.models import (
    Complaint,
    ComplaintEvent,
    CorrectiveAction,
    InformationRequest,
    Notification,
    ResolutionProposal,
    RouteApplication,
    SatisfactionSurvey,
)
from workflow.states import ClosureReason, Status

# The service calls that lead to each state, in order (the "closed" path is a resolution
# carried out; `closure=` picks the other two ways a complaint closes).
PATH = {
    Status.RECEIVED: [],
    Status.ACKNOWLEDGED: ["acknowledge"],
    Status.INVESTIGATING: ["acknowledge", "assign"],
    Status.AWAITING_CUSTOMER: ["acknowledge", "assign", "request_information"],
    Status.RESOLUTION_PROPOSED: ["acknowledge", "assign", "propose_resolution"],
    Status.REJECTED: ["acknowledge", "assign", "propose_resolution", "reject_resolution"],
    Status.IMPLEMENTING: ["acknowledge", "assign", "propose_resolution", "accept_resolution"],
}
CLOSING_PATHS = {
    ClosureReason.RESOLVED: [*PATH[Status.IMPLEMENTING], "mark_implemented"],
    ClosureReason.WITHDRAWN: [*PATH[Status.INVESTIGATING], "withdraw"],
    # R14 four eyes: `staff` proposes the final decision, another manager approves it
    ClosureReason.FINAL_DECISION: [*PATH[Status.REJECTED], "final_decision", "approve_final"],
}
# every state a complaint can be in, as (status, how a closed one got there), for `complaint_in`
EVERY_STATE = [(status, ClosureReason.RESOLVED) for status in PATH] + [
    (Status.CLOSED, closure) for closure in CLOSING_PATHS
]

QUESTION = "Faturanın tarihini ve numarasını paylaşır mısınız?"
PROPOSAL = "Hatalı ücret bir sonraki faturanızdan düşülecek."
REJECTION = "Ücretin iadesini istiyorum, mahsup değil."
FINAL_DECISION = "Önerimiz geçerlidir."


def close_with_final_decision(complaint: Complaint, *, staff, text: str = FINAL_DECISION):
    """R14 four eyes: `staff` proposes the final decision and a second manager approves it."""
    services.review_rejection(complaint=complaint, actor=staff, decision="final", text=text)
    return services.approve_final_decision(complaint=complaint, actor=QualityManagerFactory())


def file(actor, category, /, **fields) -> Complaint:
    """A complaint `actor` (a customer: through the portal) filed."""
    values = {
        "subject": "Fatura tutarı hatalı",
        "description": "Son faturamda kullanmadığım bir hizmet için ücret görünüyor.",
        "preferred_contact_method": "email",
        **fields,
    }
    return services.file_complaint(actor=actor, category=category, **values)


def _step(name: str, complaint: Complaint, *, customer, staff, assignee=None) -> Complaint:
    if name == "acknowledge":
        return services.acknowledge(complaint=complaint, actor=staff, method="email")
    if name == "assign":
        return services.assign(
            complaint=complaint, actor=staff, unit=complaint.unit, assignee=assignee
        )
    if name == "request_information":
        return services.request_information(complaint=complaint, actor=staff, question=QUESTION)
    if name == "propose_resolution":
        return services.propose_resolution(complaint=complaint, actor=staff, text=PROPOSAL)
    if name == "reject_resolution":
        return services.reject_resolution(complaint=complaint, actor=customer, reason=REJECTION)
    if name == "accept_resolution":
        return services.accept_resolution(complaint=complaint, actor=customer)
    if name == "mark_implemented":
        return services.mark_implemented(complaint=complaint, actor=staff, note="İade yapıldı.")
    if name == "withdraw":
        return services.withdraw(complaint=complaint, actor=customer, reason="Sorun çözüldü.")
    if name == "final_decision":
        return services.review_rejection(
            complaint=complaint, actor=staff, decision="final", text=FINAL_DECISION
        )
    if name == "approve_final":
        return services.approve_final_decision(complaint=complaint, actor=QualityManagerFactory())
    raise ValueError(f"Unknown step {name!r}")


def complaint_in(
    status: str,
    *,
    customer,
    staff,
    category,
    closure: str = ClosureReason.RESOLVED,
    assignee=None,
    **fields,
) -> Complaint:
    """A complaint filed by `customer` and moved by the services into `status`.

    `closure` chooses how a "closed" complaint got there (resolved, withdrawn, final
    decision); `assignee` is passed to `assign`; `fields` go to `file_complaint`.
    """
    steps = CLOSING_PATHS[closure] if status == Status.CLOSED else PATH[status]
    complaint = file(customer, category, **fields)
    for name in steps:
        complaint = _step(name, complaint, customer=customer, staff=staff, assignee=assignee)
    complaint = reload(complaint)
    assert complaint.status == status, f"helper reached {complaint.status}, not {status}"
    assert_proposal_fields_agree(complaint)
    return complaint


def assert_proposal_fields_agree(complaint: Complaint) -> None:
    """What the complaint row keeps of its proposals (`newest_proposal`, `proposal_rejected`)
    is what the proposals say."""
    proposals = list(
        ResolutionProposal.objects.filter(complaint=complaint).order_by("-proposed_at", "-pk")
    )
    assert complaint.newest_proposal_id == (proposals[0].pk if proposals else None), (
        complaint.reference
    )
    rejected = any(p.decision == ResolutionProposal.Decision.REJECTED for p in proposals)
    assert complaint.proposal_rejected == rejected, complaint.reference


def reload(complaint: Complaint) -> Complaint:
    """A fresh copy from the database (the FSM field is protected: no refresh_from_db)."""
    return Complaint.objects.get(pk=complaint.pk)


def last_event(complaint: Complaint) -> ComplaintEvent:
    return complaint.events.order_by("-sequence").first()


def notifications_after(mark: int) -> list[Notification]:
    """Notification rows written after `mark` (see `notification_mark`), oldest first."""
    return list(Notification.objects.filter(pk__gt=mark).order_by("pk"))


def notification_mark() -> int:
    last = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def sent(mark: int) -> set[tuple[str, str, str]]:
    """(template, recipient_email, language) of each notification queued after `mark`."""
    return {(n.template, n.recipient_email, n.language) for n in notifications_after(mark)}


def _state(complaint: Complaint) -> dict:
    fresh = reload(complaint)
    return {
        "status": fresh.status,
        "closed_at": fresh.closed_at,
        "closure_reason": fresh.closure_reason,
        "unit": fresh.unit_id,
        "assignee": fresh.assignee_id,
        "estimated_resolution_at": fresh.estimated_resolution_at,
        "events": ComplaintEvent.objects.filter(complaint=fresh).count(),
        "notifications": Notification.objects.count(),
        "proposals": list(
            ResolutionProposal.objects.filter(complaint=fresh).values_list("pk", "decision")
        ),
        "newest_proposal": (fresh.newest_proposal_id, fresh.proposal_rejected),
        "information_requests": list(
            InformationRequest.objects.filter(complaint=fresh).values_list("pk", "answered_at")
        ),
        "surveys": SatisfactionSurvey.objects.filter(complaint=fresh).count(),
        "route_applications": RouteApplication.objects.filter(complaint=fresh).count(),
        "pending_final_decision": (
            fresh.final_decision_text,
            fresh.final_decision_proposed_by_id,
            fresh.final_decision_proposed_at,
        ),
        "corrective_actions": list(
            CorrectiveAction.objects.filter(complaints=fresh).values_list("pk", "state")
        ),
        "all_corrective_actions": CorrectiveAction.objects.count(),
    }


@contextmanager
def nothing_changes(complaint: Complaint):
    """Assert that the block (a refused service call) left the complaint as it was."""
    before = _state(complaint)
    yield
    assert _state(complaint) == before
