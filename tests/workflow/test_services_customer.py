"""What the complainant does (R7, R11-R14), and what staff may record on their behalf."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import AlternativeRouteFactory, CategoryFactory, CustomerFactory, UserFactory
from tests.workflow.helpers import (
    PROPOSAL,
    complaint_in,
    file,
    last_event,
    nothing_changes,
    notification_mark,
    notifications_after,
    reload,
    sent,
)
from workflow import selectors, services
from workflow.errors import ComplaintNotFound, InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.models import InformationRequest, RouteApplication, SatisfactionSurvey

pytestmark = pytest.mark.django_db

OPEN_STATES = [
    "received",
    "acknowledged",
    "investigating",
    "awaiting_customer",
    "resolution_proposed",
    "rejected",
    "implementing",
]
CLOSURES = ["resolved", "withdrawn", "final_decision"]


def _record_route(complaint, actor):
    route = AlternativeRouteFactory()
    return services.record_route_application(
        complaint=complaint, actor=actor, route=route, applied_on=timezone.localdate()
    )


# Each complainant action with valid input, and a state it is allowed from.
CUSTOMER_ACTIONS = {
    "answer_information": (
        "awaiting_customer",
        lambda c, actor: services.answer_information(complaint=c, actor=actor, answer="No: 42"),
    ),
    "accept_resolution": (
        "resolution_proposed",
        lambda c, actor: services.accept_resolution(complaint=c, actor=actor),
    ),
    "reject_resolution": (
        "resolution_proposed",
        lambda c, actor: services.reject_resolution(complaint=c, actor=actor, reason="Hayır."),
    ),
    "withdraw": (
        "investigating",
        lambda c, actor: services.withdraw(complaint=c, actor=actor),
    ),
    "add_note": (
        "investigating",
        lambda c, actor: services.add_note(complaint=c, actor=actor, text="Merhaba"),
    ),
    "submit_survey": (
        "closed",
        lambda c, actor: services.submit_survey(
            complaint=c, actor=actor, resolution_score=4, process_score=5
        ),
    ),
    "record_route_application": ("rejected", _record_route),
}

# Open states each action is refused from (TransitionNotAllowed).
WRONG_STATES = {
    "answer_information": ["received", "investigating", "resolution_proposed", "implementing"],
    "accept_resolution": ["investigating", "awaiting_customer", "rejected", "implementing"],
    "reject_resolution": ["acknowledged", "investigating", "rejected", "implementing"],
    "submit_survey": ["received", "investigating", "resolution_proposed", "implementing"],
    "record_route_application": ["investigating", "resolution_proposed", "implementing"],
}
# Closures each action is refused after.
REFUSED_WHEN_CLOSED = {
    "answer_information": CLOSURES,
    "accept_resolution": CLOSURES,
    "reject_resolution": CLOSURES,
    "withdraw": CLOSURES,
    "add_note": CLOSURES,
    "record_route_application": ["resolved", "withdrawn"],
}


@pytest.fixture
def make(customer, staff, category):
    def make(status, **options):
        return complaint_in(status, customer=customer, staff=staff, category=category, **options)

    return make


# --- refusals shared by every complainant action -------------------------------------------


@pytest.mark.parametrize(
    "who", ["other-customer", "is_staff-without-group", "complainant-deactivated"]
)
@pytest.mark.parametrize("action", CUSTOMER_ACTIONS)
def test_complainant_action_refused_for_anyone_else(make, customer, action, who):
    state, call = CUSTOMER_ACTIONS[action]
    complaint = make(state)
    if who == "complainant-deactivated":
        customer.is_active = False
        customer.save(update_fields=["is_active"])
        actor = customer
    else:
        actor = CustomerFactory() if who == "other-customer" else UserFactory(is_staff=True)

    # another person's complaint is answered like one that does not exist (404, DESIGN.md)
    with nothing_changes(complaint), pytest.raises(ComplaintNotFound) as refused:
        call(complaint, actor)
    assert refused.value.http_status == 404


@pytest.mark.parametrize("action", CUSTOMER_ACTIONS)
def test_a_missing_complaint_and_someone_elses_answer_the_same(make, action):
    state, call = CUSTOMER_ACTIONS[action]
    someone_elses = make(state)
    stranger = CustomerFactory()

    with nothing_changes(someone_elses), pytest.raises(ComplaintNotFound) as theirs:
        call(someone_elses, stranger)
    with pytest.raises(ComplaintNotFound) as missing:
        call("MMN-2026-999999", stranger)

    assert theirs.value.message == missing.value.message == "Böyle bir şikâyet yok."


def test_nobody_acts_as_complainant_of_a_guest_complaint(category):
    complaint = services.file_complaint(
        actor=None,
        category=category,
        subject="Misafir",
        description="Üye değilim.",
        preferred_contact_method="email",
        contact_name="Misafir",
        contact_email="misafir@example.com",
    )
    someone = CustomerFactory()

    for action in ("withdraw", "add_note"):
        _, call = CUSTOMER_ACTIONS[action]
        with nothing_changes(complaint), pytest.raises(ComplaintNotFound):
            call(complaint, someone)


@pytest.mark.parametrize(
    ("action", "state"),
    [(action, state) for action, states in WRONG_STATES.items() for state in states],
)
def test_complainant_action_refused_in_the_wrong_state(make, customer, action, state):
    _, call = CUSTOMER_ACTIONS[action]
    complaint = make(state)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        call(complaint, customer)


@pytest.mark.parametrize(
    ("action", "closure"),
    [(action, closure) for action, closures in REFUSED_WHEN_CLOSED.items() for closure in closures],
)
def test_complainant_action_refused_on_a_closed_complaint(make, customer, action, closure):
    _, call = CUSTOMER_ACTIONS[action]
    complaint = make("closed", closure=closure)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        call(complaint, customer)


# --- answer_information (R7) ---------------------------------------------------------------


def test_customer_answers_the_question(make, customer, category):
    complaint = make("awaiting_customer")
    mark = notification_mark()

    services.answer_information(complaint=complaint, actor=customer, answer="Fatura no: 42")

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "message",
        "awaiting_customer",
        "investigating",
    )
    assert (event.visibility, event.text, event.actor) == ("customer", "Fatura no: 42", customer)
    request = InformationRequest.objects.get(complaint=complaint)
    assert (request.answer, request.answered_by) == ("Fatura no: 42", customer)
    assert request.answered_at is not None
    assert sent(mark) == {
        ("staff_information_answered", category.default_unit.email, "tr"),
    }


def test_staff_record_an_answer_given_by_phone(make, staff):
    complaint = make("awaiting_customer", assignee=staff)
    mark = notification_mark()

    services.answer_information(complaint=complaint, actor=staff, answer="Telefonda: 42")

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    assert (last_event(complaint).actor, last_event(complaint).text) == (staff, "Telefonda: 42")
    assert sent(mark) == {("staff_information_answered", staff.email, "tr")}


def test_an_empty_answer_is_refused(make, customer):
    complaint = make("awaiting_customer")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.answer_information(complaint=complaint, actor=customer, answer=" ")

    assert "answer" in error.value.errors


# --- accept_resolution (R13) ---------------------------------------------------------------


@pytest.mark.parametrize("by", ["customer", "staff"])
def test_accept_resolution(make, customer, staff, by):
    complaint = make("resolution_proposed", assignee=staff)
    actor = customer if by == "customer" else staff
    mark = notification_mark()

    services.accept_resolution(complaint=complaint, actor=actor)

    complaint = reload(complaint)
    assert complaint.status == "implementing"
    proposal = complaint.proposals.get()
    assert (proposal.text, proposal.decision) == (PROPOSAL, "accepted")
    assert proposal.decided_at is not None
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "decision",
        "resolution_proposed",
        "implementing",
    )
    assert (event.visibility, event.actor) == ("customer", actor)
    assert event.data["decision"] == "accepted"
    assert event.data["proposal_id"] == proposal.pk
    assert sent(mark) == {
        ("resolution_accepted", customer.email, "tr"),
        ("staff_resolution_accepted", staff.email, "tr"),
    }


# --- reject_resolution (R14) ---------------------------------------------------------------


def test_reject_resolution_records_the_reason_and_offers_the_routes(make, customer, category):
    everywhere = AlternativeRouteFactory(name_tr="Tüketici Hakem Heyeti")
    this_category = AlternativeRouteFactory(kind="internal", name_tr="Üst yönetim")
    this_category.categories.add(category)
    elsewhere = AlternativeRouteFactory(name_tr="BTK")
    elsewhere.categories.add(CategoryFactory())
    AlternativeRouteFactory(name_tr="Kaldırılmış yol", is_active=False)
    complaint = make("resolution_proposed")
    mark = notification_mark()

    services.reject_resolution(complaint=complaint, actor=customer, reason="İade istiyorum.")

    complaint = reload(complaint)
    assert complaint.status == "rejected"
    assert complaint.is_open
    assert complaint.closed_at is None
    proposal = complaint.proposals.get()
    assert (proposal.decision, proposal.rejection_reason) == ("rejected", "İade istiyorum.")
    assert set(proposal.routes_offered.all()) == {everywhere, this_category}
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == (
        "decision",
        "resolution_proposed",
        "rejected",
    )
    assert (event.visibility, event.text, event.actor) == (
        "customer",
        "İade istiyorum.",
        customer,
    )
    assert event.data["decision"] == "rejected"
    assert sorted(event.data["routes"]) == sorted([everywhere.pk, this_category.pk])
    assert sent(mark) == {
        ("resolution_rejected", customer.email, "tr"),
        ("staff_rejection_to_review", category.default_unit.email, "tr"),
    }
    to_customer = next(n for n in notifications_after(mark) if n.template == "resolution_rejected")
    assert {route["name"] for route in to_customer.context["routes"]} == {
        "Tüketici Hakem Heyeti",
        "Üst yönetim",
    }


def test_routes_are_named_in_the_complaints_language(customer, staff, category):
    AlternativeRouteFactory(name_tr="Tüketici Hakem Heyeti", name_en="Consumer Arbitration")
    complaint = complaint_in(
        "resolution_proposed", customer=customer, staff=staff, category=category, language="en"
    )
    mark = notification_mark()

    services.reject_resolution(complaint=complaint, actor=customer, reason="No.")

    (to_customer,) = [n for n in notifications_after(mark) if n.recipient_email == customer.email]
    assert (to_customer.template, to_customer.language) == ("resolution_rejected", "en")
    assert [route["name"] for route in to_customer.context["routes"]] == ["Consumer Arbitration"]


def test_reject_resolution_needs_a_reason(make, customer):
    complaint = make("resolution_proposed")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.reject_resolution(complaint=complaint, actor=customer, reason="")

    assert "reason" in error.value.errors


# --- record_route_application (R14) --------------------------------------------------------


@pytest.mark.parametrize("closure", [None, "final_decision"], ids=["rejected", "final-decision"])
def test_record_route_application(make, customer, category, closure):
    route = AlternativeRouteFactory()
    complaint = make("closed", closure=closure) if closure else make("rejected")
    state = complaint.status
    applied_on = timezone.localdate() - timedelta(days=2)
    mark = notification_mark()

    services.record_route_application(
        complaint=complaint,
        actor=customer,
        route=route.pk,
        applied_on=applied_on,
        external_reference="THH-2026/123",
        note="Hakem heyetine başvurdum.",
    )

    complaint = reload(complaint)
    assert complaint.status == state
    application = RouteApplication.objects.get(complaint=complaint)
    assert (application.route, application.applied_on, application.external_reference) == (
        route,
        applied_on,
        "THH-2026/123",
    )
    event = last_event(complaint)
    assert (event.kind, event.visibility, event.text, event.actor) == (
        "route_record",
        "customer",
        "Hakem heyetine başvurdum.",
        customer,
    )
    assert event.data["route"] == route.pk
    assert event.data["applied_on"] == applied_on.isoformat()
    assert event.data["external_reference"] == "THH-2026/123"
    assert sent(mark) == {("staff_route_recorded", category.default_unit.email, "tr")}


@pytest.mark.parametrize("problem", ["other-category", "inactive", "future-date"])
def test_record_route_application_bad_input(make, customer, problem):
    route = AlternativeRouteFactory(is_active=problem != "inactive")
    if problem == "other-category":
        route.categories.add(CategoryFactory())
    applied_on = timezone.localdate() + timedelta(days=1 if problem == "future-date" else 0)
    complaint = make("rejected")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.record_route_application(
            complaint=complaint, actor=customer, route=route, applied_on=applied_on
        )

    assert ("applied_on" if problem == "future-date" else "route") in error.value.errors


# --- withdraw ------------------------------------------------------------------------------


@pytest.mark.parametrize("state", OPEN_STATES)
def test_withdraw_from_any_open_state(make, customer, category, state):
    complaint = make(state)
    mark = notification_mark()

    services.withdraw(complaint=complaint, actor=customer, reason="Vazgeçtim.")

    complaint = reload(complaint)
    assert complaint.status == "closed"
    assert complaint.closure_reason == "withdrawn"
    assert complaint.closed_at is not None
    event = last_event(complaint)
    assert (event.kind, event.from_status, event.to_status) == ("status_change", state, "closed")
    assert (event.visibility, event.text, event.actor) == ("customer", "Vazgeçtim.", customer)
    assert sent(mark) == {
        ("withdrawn", customer.email, "tr"),
        ("staff_withdrawn", category.default_unit.email, "tr"),
    }


def test_staff_record_a_withdrawal_made_by_phone(make, staff):
    complaint = make("investigating")

    services.withdraw(complaint=complaint, actor=staff, reason="Telefonda geri çekti.")

    complaint = reload(complaint)
    assert (complaint.status, complaint.closure_reason) == ("closed", "withdrawn")
    assert last_event(complaint).actor == staff


# --- add_note: messages and internal notes (R4, R12) ---------------------------------------


def test_internal_note_stays_on_the_staff_side(make, staff):
    complaint = make("investigating")
    mark = notification_mark()

    services.add_note(
        complaint=complaint, actor=staff, text="Muhasebe hatası olabilir.", visibility="internal"
    )

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    note = last_event(complaint)
    assert (note.kind, note.visibility, note.text, note.actor) == (
        "note",
        "internal",
        "Muhasebe hatası olabilir.",
        staff,
    )
    assert (note.from_status, note.to_status) == ("", "")
    assert note not in selectors.events_for_customer(complaint)
    assert note in selectors.events_for_staff(complaint)
    assert sent(mark) == set()


@pytest.mark.parametrize("closure", CLOSURES)
def test_staff_may_add_an_internal_note_to_a_closed_complaint(make, staff, closure):
    complaint = make("closed", closure=closure)

    services.add_note(complaint=complaint, actor=staff, text="Arşiv notu.", visibility="internal")

    complaint = reload(complaint)
    assert complaint.status == "closed"
    assert (last_event(complaint).kind, last_event(complaint).text) == ("note", "Arşiv notu.")


def test_staff_message_to_the_customer(make, staff, customer):
    complaint = make("investigating")
    mark = notification_mark()

    services.add_note(
        complaint=complaint, actor=staff, text="Belgenizi aldık.", visibility="customer"
    )

    message = last_event(reload(complaint))
    assert (message.kind, message.visibility, message.text, message.actor) == (
        "message",
        "customer",
        "Belgenizi aldık.",
        staff,
    )
    assert message in selectors.events_for_customer(complaint)
    assert sent(mark) == {("message_from_staff", customer.email, "tr")}


def test_staff_cannot_message_the_customer_on_a_closed_complaint(make, staff):
    complaint = make("closed")

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.add_note(complaint=complaint, actor=staff, text="Merhaba", visibility="customer")


@pytest.mark.parametrize("visibility", ["customer", "internal"])
def test_customer_message_reaches_staff(make, customer, category, visibility):
    """A customer cannot write internal notes: whatever they ask for, it is a message."""
    complaint = make("investigating")
    mark = notification_mark()

    services.add_note(
        complaint=complaint, actor=customer, text="Ek belge gönderdim.", visibility=visibility
    )

    complaint = reload(complaint)
    assert complaint.status == "investigating"
    message = last_event(complaint)
    assert (message.kind, message.visibility, message.text, message.actor) == (
        "message",
        "customer",
        "Ek belge gönderdim.",
        customer,
    )
    assert message in selectors.events_for_customer(complaint)
    assert sent(mark) == {("staff_message_from_customer", category.default_unit.email, "tr")}


@pytest.mark.parametrize(
    ("text", "visibility", "error_key"),
    [("", "customer", "text"), ("Merhaba", "public", "visibility")],
)
def test_add_note_bad_input(make, staff, text, visibility, error_key):
    complaint = make("investigating")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.add_note(complaint=complaint, actor=staff, text=text, visibility=visibility)

    assert error_key in error.value.errors


@pytest.mark.parametrize("actor", ["customer", "staff"])
def test_a_message_longer_than_the_limit_is_refused(make, customer, staff, actor):
    complaint = make("investigating")
    who = customer if actor == "customer" else staff

    services.add_note(complaint=complaint, actor=who, text="a" * 5000)  # the default limit
    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.add_note(complaint=complaint, actor=who, text="a" * 5001)

    assert error.value.errors == {"text": ["En fazla 5000 karakter yazın."]}


def test_the_message_limit_is_a_setting_and_covers_information_answers(make, customer, settings):
    settings.MEMNUN_MESSAGE_MAX_LENGTH = 20
    complaint = make("awaiting_customer")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.answer_information(complaint=complaint, actor=customer, answer="x" * 21)

    assert error.value.errors == {"answer": ["En fazla 20 karakter yazın."]}


# --- submit_survey (R11, R15) --------------------------------------------------------------


@pytest.mark.parametrize("closure", CLOSURES)
def test_submit_survey_once_closed(make, customer, category, closure):
    complaint = make("closed", closure=closure)
    mark = notification_mark()

    services.submit_survey(
        complaint=complaint,
        actor=customer,
        resolution_score=4,
        process_score=5,
        comment="Hızlıydı.",
    )

    complaint = reload(complaint)
    assert complaint.status == "closed"
    survey = SatisfactionSurvey.objects.get(complaint=complaint)
    assert (survey.resolution_score, survey.process_score, survey.comment) == (4, 5, "Hızlıydı.")
    event = last_event(complaint)
    assert (event.kind, event.visibility, event.text, event.actor) == (
        "survey",
        "customer",
        "Hızlıydı.",
        customer,
    )
    assert (event.data["resolution_score"], event.data["process_score"]) == (4, 5)
    assert sent(mark) == {("staff_survey_received", category.default_unit.email, "tr")}


def test_a_second_survey_is_refused(make, customer):
    complaint = make("closed")
    services.submit_survey(complaint=complaint, actor=customer, resolution_score=5, process_score=5)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.submit_survey(
            complaint=complaint, actor=customer, resolution_score=1, process_score=1
        )

    assert SatisfactionSurvey.objects.get(complaint=complaint).resolution_score == 5


@pytest.mark.parametrize(
    ("resolution_score", "process_score", "error_key"),
    [
        (0, 3, "resolution_score"),
        (6, 3, "resolution_score"),
        (3, 0, "process_score"),
        (3, 6, "process_score"),
        ("5", 3, "resolution_score"),
        (True, 3, "resolution_score"),
        (None, 3, "resolution_score"),
        (3, 4.5, "process_score"),
    ],
)
def test_survey_scores_outside_one_to_five_are_refused(
    make, customer, resolution_score, process_score, error_key
):
    complaint = make("closed")

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.submit_survey(
            complaint=complaint,
            actor=customer,
            resolution_score=resolution_score,
            process_score=process_score,
        )

    assert error_key in error.value.errors


def test_staff_cannot_fill_in_the_customers_survey(make, staff):
    complaint = make("closed")

    with nothing_changes(complaint), pytest.raises(NotPermitted):
        services.submit_survey(
            complaint=complaint, actor=staff, resolution_score=5, process_score=5
        )


def test_survey_after_reopen_and_second_closure_is_still_once(make, customer, staff):
    complaint = make("closed")
    services.submit_survey(complaint=complaint, actor=customer, resolution_score=2, process_score=2)
    services.reopen(complaint=complaint, actor=staff, reason="Yeniden bakılacak.")
    services.withdraw(complaint=complaint, actor=customer)

    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.submit_survey(
            complaint=complaint, actor=customer, resolution_score=5, process_score=5
        )


# --- the customer's timeline ---------------------------------------------------------------


def test_portal_file_then_full_cycle_is_visible_to_the_customer(customer, staff, category):
    """The customer's timeline shows each step staff and the customer took, in order."""
    complaint = file(customer, category)
    services.acknowledge(complaint=complaint, actor=staff, method="email")
    services.assign(complaint=complaint, actor=staff, unit=category.default_unit)
    services.add_note(complaint=complaint, actor=staff, text="İç not", visibility="internal")
    services.propose_resolution(complaint=complaint, actor=staff, text=PROPOSAL)
    services.accept_resolution(complaint=complaint, actor=customer)
    services.mark_implemented(complaint=complaint, actor=staff)

    timeline = [(e.kind, e.to_status) for e in selectors.events_for_customer(reload(complaint))]
    assert timeline == [
        ("status_change", "received"),
        ("status_change", "acknowledged"),
        ("assignment", "investigating"),
        ("proposal", "resolution_proposed"),
        ("decision", "implementing"),
        ("status_change", "closed"),
    ]
