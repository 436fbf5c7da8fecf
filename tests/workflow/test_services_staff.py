"""What complaint staff do to a complaint (R3-R14): each transition allowed and refused."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    AlternativeRouteFactory,
    CategoryFactory,
    CustomerFactory,
    QualityManagerFactory,
    StaffFactory,
    UnitFactory,
    UserFactory,
)
from tests.workflow.helpers import (
    PROPOSAL,
    REJECTION,
    complaint_in,
    last_event,
    nothing_changes,
    notification_mark,
    reload,
    sent,
)
from workflow import selectors, services
from workflow.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.models import CorrectiveAction, InformationRequest

pytestmark = pytest.mark.django_db

IN_THREE_DAYS = timedelta(days=3)

# Each staff action with valid input, and a state it is allowed from.
STAFF_ACTIONS = {
    "acknowledge": (
        "received",
        lambda c, actor: services.acknowledge(complaint=c, actor=actor, method="email"),
    ),
    "assign": (
        "acknowledged",
        lambda c, actor: services.assign(complaint=c, actor=actor, unit=c.unit.slug),
    ),
    "request_information": (
        "investigating",
        lambda c, actor: services.request_information(complaint=c, actor=actor, question="?"),
    ),
    "resume": (
        "awaiting_customer",
        lambda c, actor: services.resume(complaint=c, actor=actor),
    ),
    "set_estimate": (
        "investigating",
        lambda c, actor: services.set_estimate(
            complaint=c, actor=actor, estimated_resolution_at=timezone.now() + IN_THREE_DAYS
        ),
    ),
    "propose_resolution": (
        "investigating",
        lambda c, actor: services.propose_resolution(complaint=c, actor=actor, text="Öneri"),
    ),
    "review_rejection-reinvestigate": (
        "rejected",
        lambda c, actor: services.review_rejection(
            complaint=c, actor=actor, decision="reinvestigate", note="Yeniden bakalım."
        ),
    ),
    "review_rejection-revise": (
        "rejected",
        lambda c, actor: services.review_rejection(
            complaint=c, actor=actor, decision="revise", text="İade edeceğiz."
        ),
    ),
    "review_rejection-final": (
        "rejected",
        lambda c, actor: services.review_rejection(
            complaint=c, actor=actor, decision="final", text="Önerimiz geçerlidir."
        ),
    ),
    "mark_implemented": (
        "implementing",
        lambda c, actor: services.mark_implemented(complaint=c, actor=actor),
    ),
    "reopen": (
        "closed",
        lambda c, actor: services.reopen(complaint=c, actor=actor, reason="Yeni bilgi geldi."),
    ),
}

# Open states each action is refused from (TransitionNotAllowed).
WRONG_STATES = {
    "acknowledge": ["acknowledged", "investigating", "awaiting_customer", "implementing"],
    "request_information": ["received", "awaiting_customer", "resolution_proposed", "rejected"],
    "resume": ["received", "acknowledged", "investigating", "resolution_proposed"],
    "set_estimate": ["implementing"],
    "propose_resolution": ["received", "awaiting_customer", "resolution_proposed", "rejected"],
    "review_rejection-reinvestigate": ["investigating", "resolution_proposed", "implementing"],
    "review_rejection-revise": ["acknowledged", "resolution_proposed", "implementing"],
    "review_rejection-final": ["received", "investigating", "resolution_proposed"],
    "mark_implemented": ["received", "investigating", "resolution_proposed", "rejected"],
    "reopen": ["received", "investigating", "rejected", "implementing"],
}
CLOSURES = ["resolved", "withdrawn", "final_decision"]


@pytest.fixture
def make(customer, staff, category):
    def make(status, **options):
        return complaint_in(status, customer=customer, staff=staff, category=category, **options)

    return make


def not_staff(who: str, complainant):
    """Users who must not act as complaint staff."""
    return {
        "complainant": lambda: complainant,
        "other-customer": CustomerFactory,
        "is_staff-without-group": lambda: UserFactory(is_staff=True),
        "group-without-is_staff": lambda: StaffFactory(is_staff=False),
        "inactive-staff": lambda: StaffFactory(is_active=False),
    }[who]()


# --- refusals shared by every staff action -------------------------------------------------


@pytest.mark.parametrize(
    "who",
    [
        "complainant",
        "other-customer",
        "is_staff-without-group",
        "group-without-is_staff",
        "inactive-staff",
    ],
)
@pytest.mark.parametrize("action", STAFF_ACTIONS)
def test_staff_action_refused_for_anyone_but_complaint_staff(make, customer, action, who):
    state, call = STAFF_ACTIONS[action]
    complaint = make(state)
    actor = not_staff(who, customer)

    with nothing_changes(complaint), pytest.raises(NotPermitted):
        call(complaint, actor)


@pytest.mark.parametrize(
    ("action", "state"),
    [(action, state) for action, states in WRONG_STATES.items() for state in states],
)
def test_staff_action_refused_in_the_wrong_state(make, staff, action, state):
    _, call = STAFF_ACTIONS[action]
    complaint = make(state)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        call(complaint, staff)


@pytest.mark.parametrize("closure", CLOSURES)
@pytest.mark.parametrize("action", [name for name in STAFF_ACTIONS if name != "reopen"])
def test_staff_action_refused_on_a_closed_complaint(make, staff, action, closure):
    _, call = STAFF_ACTIONS[action]
    complaint = make("closed", closure=closure)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        call(complaint, staff)


# --- acknowledge (R5) ----------------------------------------------------------------------


def test_acknowledge_by_email(make, staff, customer):
    complaint = make("received")
    mark = notification_mark()

    services.acknowledge(
        complaint=complaint, actor=staff, method="email", note="E-postayla bildirildi."
    )

    complaint = reload(complaint)
    assert complaint.status == "acknowledged"
    assert complaint.acknowledged_at is not None
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "status_change",
        "received",
        "acknowledged",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "E-postayla bildirildi.",
        staff,
    )
    assert event.data["method"] == "email"
    assert sent(mark) == {("acknowledged", customer.email, "tr")}


def test_acknowledge_by_phone_records_who_told_them_and_when(make, staff):
    complaint = make("received", preferred_contact_method="phone", contact_phone="0555")

    services.acknowledge(complaint=complaint, actor=staff, method="phone", note="Arandı.")

    complaint = reload(complaint)
    event = last_event(complaint)
    assert event.data["method"] == "phone"
    assert event.data["told_by"] == staff.pk
    assert datetime.fromisoformat(event.data["told_at"]) == complaint.acknowledged_at


def test_acknowledge_with_an_unknown_method_is_refused(make, staff):
    complaint = make("received")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.acknowledge(complaint=complaint, actor=staff, method="pigeon")

    assert "method" in error.value.errors


# --- assign (R3) ---------------------------------------------------------------------------


def test_assign_from_acknowledged_starts_the_investigation(make, staff, customer):
    complaint = make("acknowledged")
    colleague = StaffFactory()
    unit = UnitFactory()
    mark = notification_mark()

    services.assign(complaint=complaint, actor=staff, unit=unit.slug, assignee=colleague.email)

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    assert (complaint.unit, complaint.assignee) == (unit, colleague)
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "assignment",
        "acknowledged",
        "investigating",
    )
    assert (event.visibility, event.actor) == ("customer", staff)
    assert event.data["unit"] == unit.slug
    assert sent(mark) == {
        ("assigned", customer.email, "tr"),
        ("staff_assigned", colleague.email, "tr"),
    }


def test_assign_while_investigating_reassigns_without_a_status_change(make, staff, customer):
    complaint = make("investigating")
    unit = UnitFactory()
    events_before = complaint.events.count()
    mark = notification_mark()

    services.assign(complaint=complaint, actor=staff, unit=unit.slug, assignee=staff)

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    assert (complaint.unit, complaint.assignee) == (unit, staff)
    assert complaint.events.count() == events_before + 1
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "assignment",
        "investigating",
        "investigating",
    )
    assert event.data["unit"] == unit.slug
    # Assigning it to yourself needs no message to yourself.
    assert sent(mark) == {("assigned", customer.email, "tr")}


@pytest.mark.parametrize("unit_kind", ["unknown", "inactive", "empty"])
def test_assign_to_an_unknown_unit_is_refused(make, staff, unit_kind):
    complaint = make("acknowledged")
    slug = {
        "unknown": "no-such-unit",
        "inactive": lambda: UnitFactory(is_active=False).slug,
        "empty": "",
    }[unit_kind]
    slug = slug() if callable(slug) else slug

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.assign(complaint=complaint, actor=staff, unit=slug)

    assert "unit" in error.value.errors


@pytest.mark.parametrize("assignee_kind", ["customer", "is_staff-without-group", "unknown"])
def test_assign_to_someone_who_is_not_complaint_staff_is_refused(make, staff, assignee_kind):
    complaint = make("acknowledged")
    email = {
        "customer": lambda: CustomerFactory().email,
        "is_staff-without-group": lambda: UserFactory(is_staff=True).email,
        "unknown": lambda: "nobody@example.com",
    }[assignee_kind]()

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.assign(complaint=complaint, actor=staff, unit=complaint.unit, assignee=email)

    assert "assignee" in error.value.errors


# --- request_information / resume (R7) -----------------------------------------------------


@pytest.mark.parametrize("state", ["acknowledged", "investigating"])
def test_request_information(make, staff, customer, state):
    complaint = make(state)
    mark = notification_mark()

    services.request_information(
        complaint=complaint, actor=staff, question="Fatura numarası nedir?"
    )

    complaint = reload(complaint)
    assert complaint.status == "awaiting_customer"
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "information_request",
        state,
        "awaiting_customer",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "Fatura numarası nedir?",
        staff,
    )
    request = InformationRequest.objects.get(complaint=complaint)
    assert (request.question, request.asked_by, request.answered_at) == (
        "Fatura numarası nedir?",
        staff,
        None,
    )
    assert sent(mark) == {("information_requested", customer.email, "tr")}


def test_request_information_needs_a_question(make, staff):
    complaint = make("investigating")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.request_information(complaint=complaint, actor=staff, question="  ")

    assert "question" in error.value.errors


def test_resume_without_the_answer(make, staff, customer):
    complaint = make("awaiting_customer")
    mark = notification_mark()

    services.resume(complaint=complaint, actor=staff, note="Yanıt gelmedi, devam ediyoruz.")

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "status_change",
        "awaiting_customer",
        "investigating",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "Yanıt gelmedi, devam ediyoruz.",
        staff,
    )
    assert sent(mark) == {("investigation_resumed", customer.email, "tr")}


# --- set_estimate (R10) --------------------------------------------------------------------


@pytest.mark.parametrize("state", ["acknowledged", "investigating", "rejected"])
def test_set_estimate(make, staff, customer, state):
    complaint = make(state)
    estimate = timezone.now() + IN_THREE_DAYS
    mark = notification_mark()

    services.set_estimate(
        complaint=complaint,
        actor=staff,
        estimated_resolution_at=estimate,
        message="Üç gün içinde çözülecek.",
    )

    complaint = reload(complaint)
    assert complaint.status == state
    assert complaint.estimated_resolution_at == estimate
    assert complaint.estimate_communicated_at is not None
    event = last_event(complaint)
    assert (event.kind, event.visibility, event.text, event.actor) == (
        "estimate",
        "customer",
        "Üç gün içinde çözülecek.",
        staff,
    )
    assert datetime.fromisoformat(event.data["estimated_resolution_at"]) == estimate
    assert sent(mark) == {("estimate", customer.email, "tr")}


@pytest.mark.parametrize(
    "estimate",
    [
        pytest.param(lambda: timezone.now() - timedelta(minutes=1), id="past"),
        pytest.param(lambda: datetime.now() + IN_THREE_DAYS, id="naive"),
        pytest.param(lambda: "2099-01-01T10:00:00+03:00", id="not-a-datetime"),
    ],
)
def test_set_estimate_refuses_a_bad_date(make, staff, estimate):
    complaint = make("investigating")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.set_estimate(complaint=complaint, actor=staff, estimated_resolution_at=estimate())

    assert "estimated_resolution_at" in error.value.errors


# --- propose_resolution (R12) --------------------------------------------------------------


@pytest.mark.parametrize(
    "state", ["investigating", "acknowledged"], ids=["after-inquiry", "quick-fix"]
)
def test_propose_resolution(make, staff, customer, state):
    complaint = make(state)
    mark = notification_mark()

    services.propose_resolution(complaint=complaint, actor=staff, text=PROPOSAL)

    complaint = reload(complaint)
    assert complaint.status == "resolution_proposed"
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "proposal",
        state,
        "resolution_proposed",
    )
    assert (event.visibility, event.text, event.actor) == ("customer", PROPOSAL, staff)
    proposal = selectors.current_proposal(complaint)
    assert (proposal.text, proposal.decision, proposal.proposed_by) == (PROPOSAL, "pending", staff)
    assert sent(mark) == {("resolution_proposed", customer.email, "tr")}


def test_quick_fix_can_be_accepted_and_closed(make, staff, customer):
    complaint = make("acknowledged")

    services.propose_resolution(complaint=complaint, actor=staff, text=PROPOSAL)
    services.accept_resolution(complaint=complaint, actor=customer)
    services.mark_implemented(complaint=complaint, actor=staff)

    complaint = reload(complaint)
    assert (complaint.status, complaint.closure_reason) == ("closed", "resolved")


def test_propose_resolution_needs_a_text(make, staff):
    complaint = make("investigating")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.propose_resolution(complaint=complaint, actor=staff, text="")

    assert "text" in error.value.errors


# --- review_rejection (R14) ----------------------------------------------------------------


def test_review_rejection_reinvestigate(make, staff, customer):
    complaint = make("rejected")
    mark = notification_mark()

    services.review_rejection(
        complaint=complaint, actor=staff, decision="reinvestigate", text="Yeniden inceleyeceğiz."
    )

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "decision",
        "rejected",
        "investigating",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "Yeniden inceleyeceğiz.",
        staff,
    )
    assert event.data["decision"] == "reinvestigate"
    assert sent(mark) == {("reinvestigating", customer.email, "tr")}


def test_review_rejection_reinvestigate_keeps_the_reviewers_note_internal(make, staff):
    """As for `revise` and `final`: `text` is what the customer is told, `note` is the
    reviewer's reasoning and stays internal (R12)."""
    complaint = make("rejected")

    services.review_rejection(
        complaint=complaint,
        actor=staff,
        decision="reinvestigate",
        note="Müşteri haklı olabilir, muhasebe hatalı.",
        text="Şikâyetinizi yeniden inceliyoruz.",
    )

    complaint = reload(complaint)
    seen_by_customer = [e.text for e in selectors.events_for_customer(complaint)]
    assert "Şikâyetinizi yeniden inceliyoruz." in seen_by_customer
    assert "Müşteri haklı olabilir, muhasebe hatalı." not in seen_by_customer
    note = last_event(complaint)
    assert (note.kind, note.visibility, note.text) == (
        "note",
        "internal",
        "Müşteri haklı olabilir, muhasebe hatalı.",
    )


def test_review_rejection_revise_proposes_again_and_keeps_the_rejected_one(make, staff, customer):
    complaint = make("rejected")
    mark = notification_mark()

    services.review_rejection(
        complaint=complaint,
        actor=staff,
        decision="revise",
        text="Ücreti iade edeceğiz.",
        note="Tutar küçük, iade daha uygun.",
    )

    complaint = reload(complaint)
    assert complaint.status == "resolution_proposed"
    proposals = list(complaint.proposals.order_by("pk").values_list("text", "decision"))
    assert proposals == [(PROPOSAL, "rejected"), ("Ücreti iade edeceğiz.", "pending")]
    assert complaint.proposals.get(decision="rejected").rejection_reason == REJECTION
    decision, note = list(complaint.events.order_by("-sequence")[:2])[::-1]
    assert (decision.kind, decision.from_status, decision.to_status) == (
        "decision",
        "rejected",
        "resolution_proposed",
    )
    assert (decision.visibility, decision.text, decision.data["decision"]) == (
        "customer",
        "Ücreti iade edeceğiz.",
        "revise",
    )
    assert (note.kind, note.visibility, note.text) == (
        "note",
        "internal",
        "Tutar küçük, iade daha uygun.",
    )
    assert sent(mark) == {("resolution_proposed", customer.email, "tr")}


def test_review_rejection_final_decision_closes_once_approved_and_lists_the_routes(
    make, staff, customer, category
):
    """R14: the final decision is proposed (internal, nothing sent), then approved by a second
    manager: closed, the decision is customer-visible with the routes, the customer told."""
    everywhere = AlternativeRouteFactory(name_tr="Tüketici Hakem Heyeti")
    this_category = AlternativeRouteFactory(kind="internal", name_tr="Üst yönetime başvuru")
    this_category.categories.add(category)
    elsewhere = AlternativeRouteFactory(name_tr="BTK")
    elsewhere.categories.add(CategoryFactory())
    complaint = make("rejected")
    mark = notification_mark()

    services.review_rejection(
        complaint=complaint,
        actor=staff,
        decision="final",
        text="Önerimiz geçerlidir.",
        note="Hukuk birimi onayladı.",
    )

    complaint = reload(complaint)
    assert (complaint.status, complaint.closed_at) == ("rejected", None)
    proposed, note = list(complaint.events.order_by("-sequence")[:2])[::-1]
    assert (note.kind, note.visibility, note.text) == ("note", "internal", "Hukuk birimi onayladı.")
    assert (proposed.kind, proposed.visibility, proposed.data["decision"]) == (
        "decision",
        "internal",
        "final_proposed",
    )
    assert sent(mark) == set()

    approver = QualityManagerFactory()
    services.approve_final_decision(complaint=complaint, actor=approver)

    complaint = reload(complaint)
    assert complaint.status == "closed"
    assert complaint.closure_reason == "final_decision"
    assert complaint.closed_at is not None
    assert not complaint.has_pending_final_decision
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == ("decision", "rejected", "closed")
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "Önerimiz geçerlidir.",
        approver,
    )
    assert (event.data["decision"], event.data["proposed_by"]) == ("final", staff.pk)
    assert sorted(event.data["routes"]) == sorted([everywhere.pk, this_category.pk])
    assert sent(mark) == {("closed_final_decision", customer.email, "tr")}


@pytest.mark.parametrize(
    ("decision", "text", "error_key"),
    [("maybe", "x", "decision"), ("revise", "", "text"), ("final", "", "text")],
)
def test_review_rejection_bad_input_is_refused(make, staff, decision, text, error_key):
    complaint = make("rejected")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.review_rejection(complaint=complaint, actor=staff, decision=decision, text=text)

    assert error_key in error.value.errors


# --- mark_implemented (R13, R11, R6/R9) ----------------------------------------------------


def test_mark_implemented_closes_as_resolved(make, staff, customer):
    complaint = make("implementing")
    mark = notification_mark()

    services.mark_implemented(complaint=complaint, actor=staff, note="Tutar iade edildi.")

    complaint = reload(complaint)
    assert complaint.status == "closed"
    assert complaint.closure_reason == "resolved"
    assert complaint.closed_at is not None
    proposal = complaint.proposals.get()
    assert proposal.decision == "accepted"
    assert proposal.implemented_at == complaint.closed_at
    assert proposal.implementation_note == "Tutar iade edildi."
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "status_change",
        "implementing",
        "closed",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "Tutar iade edildi.",
        staff,
    )
    assert sent(mark) == {("closed_resolved", customer.email, "tr")}


def test_root_cause_investigation_needs_a_corrective_action_before_closure(customer, staff):
    critical = CategoryFactory(default_severity=4)
    complaint = complaint_in("implementing", customer=customer, staff=staff, category=critical)
    assert complaint.investigation_level == "root_cause"

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.mark_implemented(complaint=complaint, actor=staff)

    action = CorrectiveAction.objects.create(
        kind=CorrectiveAction.Kind.CORRECTIVE, title="Faturalama kuralı düzeltildi", owner=staff
    )
    action.complaints.add(complaint)
    services.mark_implemented(complaint=complaint, actor=staff)

    complaint = reload(complaint)
    assert (complaint.status, complaint.closure_reason) == ("closed", "resolved")


def test_a_corrective_action_of_another_complaint_does_not_count(customer, staff):
    critical = CategoryFactory(default_severity=4)
    complaint = complaint_in("implementing", customer=customer, staff=staff, category=critical)
    other = complaint_in("received", customer=customer, staff=staff, category=critical)
    CorrectiveAction.objects.create(kind="corrective", title="Başka bir şey").complaints.add(other)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.mark_implemented(complaint=complaint, actor=staff)


# --- reopen --------------------------------------------------------------------------------


@pytest.mark.parametrize("closure", CLOSURES)
def test_reopen_a_closed_complaint(make, staff, customer, closure):
    complaint = make("closed", closure=closure)
    mark = notification_mark()

    services.reopen(complaint=complaint, actor=staff, reason="Müşteri yeni belge gönderdi.")

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    assert (complaint.closed_at, complaint.closure_reason) == (None, "")
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "status_change",
        "closed",
        "investigating",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "Müşteri yeni belge gönderdi.",
        staff,
    )
    assert sent(mark) == {("reopened", customer.email, "tr")}


def test_reopen_needs_a_reason(make, staff):
    complaint = make("closed")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.reopen(complaint=complaint, actor=staff, reason="")

    assert "reason" in error.value.errors
