"""R9 corrective actions through the services: defined or linked on an open complaint (an
internal event), owned by staff, completed, checked for effectiveness; the overdue list; a
root-cause complaint needs one before it closes (R6)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import CategoryFactory, CustomerFactory, HandlerFactory
from tests.workflow.helpers import complaint_in, last_event, nothing_changes, reload
from workflow import selectors, services
from workflow.errors import ComplaintNotFound, InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.models import CorrectiveAction
from workflow.states import InvestigationLevel, Severity, Status

pytestmark = pytest.mark.django_db

# Tuesday 10 March 2026, 10:00 in Istanbul: every "today" below is this day.
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Istanbul"))
TODAY = date(2026, 3, 10)


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


def add(complaint, actor, **fields):
    values = {
        "kind": "corrective",
        "description": "Fatura şablonu düzeltilecek.\nAyrıntılar ekte.",
        **fields,
    }
    return services.add_corrective_action(complaint=complaint, actor=actor, **values)


def test_a_handler_defines_an_action_on_their_units_complaint(in_a, handler_a):
    complaint = in_a(Status.INVESTIGATING)

    add(complaint, handler_a, owner=handler_a.email, due_date=TODAY + timedelta(days=14))

    action = CorrectiveAction.objects.get()
    assert list(action.complaints.all()) == [complaint]
    assert (action.kind, action.title, action.owner, action.due_date, action.state) == (
        "corrective",
        "Fatura şablonu düzeltilecek.",
        handler_a,
        date(2026, 3, 24),
        "open",
    )
    event = last_event(reload(complaint))
    assert (event.kind, event.visibility, event.actor) == (
        "corrective_action",
        "internal",
        handler_a,
    )
    assert event.data["corrective_action_id"] == action.pk
    assert event.data["linked_existing"] is False


def test_linking_an_existing_action_is_the_same_service_and_an_event(
    in_a, handler_a, quality_manager
):
    first, second = in_a(Status.INVESTIGATING), in_a(Status.IMPLEMENTING)
    add(first, quality_manager)
    action = CorrectiveAction.objects.get()

    services.add_corrective_action(complaint=second, actor=handler_a, existing=action.pk)

    assert set(action.complaints.all()) == {first, second}
    event = last_event(reload(second))
    assert (event.kind, event.data["corrective_action_id"], event.data["linked_existing"]) == (
        "corrective_action",
        action.pk,
        True,
    )
    with nothing_changes(second), pytest.raises(InvalidInput) as error:
        services.add_corrective_action(complaint=second, actor=handler_a, existing=action)
    assert "existing" in error.value.errors


def test_owners_are_complaint_staff_only(in_a, handler_a, content_editor):
    complaint = in_a(Status.INVESTIGATING)

    for not_staff in (CustomerFactory(), content_editor):
        with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
            add(complaint, handler_a, owner=not_staff.email)
        assert "owner" in error.value.errors


def test_bad_input_is_refused_field_by_field_and_nothing_is_created(in_a, handler_a):
    complaint = in_a(Status.INVESTIGATING)

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.add_corrective_action(
            complaint=complaint,
            actor=handler_a,
            kind="miracle",
            description="  ",
            due_date=TODAY - timedelta(days=1),
        )

    assert set(error.value.errors) == {"kind", "description", "due_date"}


def test_wrong_role_other_unit_and_closed_complaint_are_refused(
    in_a, customer, content_editor, handler_b, quality_manager
):
    complaint = in_a(Status.INVESTIGATING)
    for outsider in (customer, content_editor):
        with nothing_changes(complaint), pytest.raises(NotPermitted):
            add(complaint, outsider)
    with nothing_changes(complaint), pytest.raises(ComplaintNotFound):
        add(complaint, handler_b)
    closed = in_a(Status.CLOSED)
    with nothing_changes(closed), pytest.raises(TransitionNotAllowed):
        add(closed, quality_manager)


def test_a_root_cause_complaint_shows_it_needs_an_action_and_closes_once_it_has_one(
    customer, quality_manager, unit_a, handler_a
):
    critical = CategoryFactory(default_unit=unit_a, default_severity=Severity.CRITICAL)
    complaint = complaint_in(
        Status.IMPLEMENTING, customer=customer, staff=quality_manager, category=critical
    )
    assert complaint.investigation_level == InvestigationLevel.ROOT_CAUSE
    assert selectors.needs_corrective_action(complaint)
    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.mark_implemented(complaint=complaint, actor=handler_a)

    add(complaint, handler_a)
    services.mark_implemented(complaint=complaint, actor=handler_a)

    complaint = reload(complaint)
    assert not selectors.needs_corrective_action(complaint)
    assert complaint.status == Status.CLOSED


# --- completion and effectiveness check ---------------------------------------------------


@pytest.fixture
def action(in_a, handler_a):
    complaint = in_a(Status.INVESTIGATING)
    add(complaint, handler_a, owner=handler_a, due_date=TODAY + timedelta(days=7))
    return CorrectiveAction.objects.get()


def test_the_owner_completes_an_action_and_its_complaints_record_it(action, handler_a):
    complaint = action.complaints.get()

    services.complete_corrective_action(action=action, actor=handler_a, note="Şablon düzeltildi.")

    action.refresh_from_db()
    assert (action.state, action.completed_at is not None) == ("done", True)
    event = last_event(complaint)
    assert (event.kind, event.text, event.data["state"]) == (
        "corrective_action",
        "Şablon düzeltildi.",
        "done",
    )
    with pytest.raises(TransitionNotAllowed):
        services.complete_corrective_action(action=action, actor=handler_a)


def test_only_the_owner_or_a_quality_manager_completes_it(action, unit_a, quality_manager):
    colleague = HandlerFactory(units=[unit_a])

    with pytest.raises(NotPermitted):
        services.complete_corrective_action(action=action, actor=colleague)
    assert CorrectiveAction.objects.get().state == "open"

    services.complete_corrective_action(action=action, actor=quality_manager)
    assert CorrectiveAction.objects.get().state == "done"


def test_a_quality_manager_records_an_effective_check(action, handler_a, quality_manager):
    services.complete_corrective_action(action=action, actor=handler_a)

    services.record_effectiveness_check(
        action=action,
        actor=quality_manager,
        result="effective",
        checked_on=TODAY,
        note="Üç aydır tekrar yok.",
    )

    action.refresh_from_db()
    assert (action.state, action.effectiveness_result, action.effectiveness_checked_on) == (
        "verified",
        "effective",
        TODAY,
    )
    assert (action.effectiveness_checked_by, action.effectiveness_check) == (
        quality_manager,
        "Üç aydır tekrar yok.",
    )
    event = last_event(action.complaints.get())
    assert (event.data["result"], event.data["checked_on"]) == ("effective", "2026-03-10")


def test_an_ineffective_action_opens_again(action, handler_a, quality_manager):
    services.complete_corrective_action(action=action, actor=handler_a)

    services.record_effectiveness_check(
        action=action, actor=quality_manager, result="not_effective", checked_on=TODAY
    )

    action.refresh_from_db()
    assert (action.state, action.completed_at, action.effectiveness_result) == (
        "open",
        None,
        "not_effective",
    )


def test_effectiveness_check_refusals(action, handler_a, quality_manager):
    with pytest.raises(TransitionNotAllowed):  # not carried out yet
        services.record_effectiveness_check(
            action=action, actor=quality_manager, result="effective", checked_on=TODAY
        )
    services.complete_corrective_action(action=action, actor=handler_a)
    with pytest.raises(NotPermitted):  # a handler, even the owner, does not check it
        services.record_effectiveness_check(
            action=action, actor=handler_a, result="effective", checked_on=TODAY
        )
    with pytest.raises(InvalidInput) as error:
        services.record_effectiveness_check(
            action=action,
            actor=quality_manager,
            result="maybe",
            checked_on=TODAY + timedelta(days=1),
        )
    assert set(error.value.errors) == {"result", "checked_on"}
    action.refresh_from_db()
    assert (action.state, action.effectiveness_result) == ("done", "")


def test_overdue_actions_are_the_open_ones_past_their_due_date(in_a, quality_manager):
    complaint = in_a(Status.INVESTIGATING)
    for days, title in [(3, "gecikmiş"), (10, "çok gecikmiş"), (14, "zamanında")]:
        add(complaint, quality_manager, title=title, due_date=TODAY + timedelta(days=days))
    done = CorrectiveAction.objects.get(title="çok gecikmiş")
    services.complete_corrective_action(action=done, actor=quality_manager)
    add(complaint, quality_manager, title="tamamlanmamış, tarihsiz")

    overdue = selectors.overdue_corrective_actions(TODAY + timedelta(days=14))

    assert [a.title for a in overdue] == ["gecikmiş"]
    assert list(selectors.overdue_corrective_actions(TODAY)) == []
