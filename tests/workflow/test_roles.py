"""Roles (issue 10): a handler of unit A neither sees nor acts on unit B's complaints — in the
services, the staff API (queue, detail, search) and the console; reassignment is a manager's."""

import pytest
from rest_framework.test import APIClient

from tests.factories import HandlerFactory, UnitFactory
from tests.workflow import attachment_files
from tests.workflow.helpers import complaint_in, last_event, nothing_changes, reload
from workflow import rules, selectors, services
from workflow.errors import ComplaintNotFound, InvalidInput, NotPermitted
from workflow.models import Attachment
from workflow.states import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_a(customer, quality_manager, category_a):
    def make(status, **options):
        return complaint_in(
            status, customer=customer, staff=quality_manager, category=category_a, **options
        )

    return make


@pytest.fixture
def in_b(customer, quality_manager, category_b):
    def make(status, **options):
        return complaint_in(
            status, customer=customer, staff=quality_manager, category=category_b, **options
        )

    return make


# --- who sees what ------------------------------------------------------------------------


def test_each_role_sees_its_own_units_complaints_only(
    in_a, in_b, handler_a, handler_b, unit_manager_a, quality_manager, content_editor, customer
):
    a, b = in_a(Status.RECEIVED), in_b(Status.RECEIVED)

    def seen(user):
        return set(selectors.complaints_for_staff(user).values_list("pk", flat=True))

    assert seen(handler_a) == {a.pk}
    assert seen(handler_b) == {b.pk}
    assert seen(unit_manager_a) == {a.pk}
    assert seen(quality_manager) == {a.pk, b.pk}
    assert seen(content_editor) == set()
    assert seen(customer) == set()
    assert rules.can_see_complaint(handler_a, a)
    assert not rules.can_see_complaint(handler_a, b)


def test_a_handler_of_two_units_sees_both_without_duplicates(in_a, in_b, unit_a, unit_b):
    a, b = in_a(Status.RECEIVED), in_b(Status.RECEIVED)
    both = HandlerFactory(units=[unit_a, unit_b])

    assert sorted(selectors.complaints_for_staff(both).values_list("pk", flat=True)) == sorted(
        [a.pk, b.pk]
    )


def test_a_handler_sees_a_complaint_once_it_is_moved_to_their_unit(
    in_b, handler_a, unit_a, quality_manager
):
    complaint = in_b(Status.ACKNOWLEDGED)
    assert not selectors.complaints_for_staff(handler_a).filter(pk=complaint.pk).exists()

    services.assign(complaint=complaint, actor=quality_manager, unit=unit_a.slug)

    assert selectors.complaints_for_staff(handler_a).filter(pk=complaint.pk).exists()


# --- the staff API and the console apply the same scope -----------------------------------


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_staff_api_hides_another_units_complaint(in_a, in_b, handler_a):
    a, b = in_a(Status.RECEIVED), in_b(Status.RECEIVED)
    api = api_for(handler_a)

    queue = api.get("/api/v1/staff/complaints/").json()
    assert [row["reference"] for row in queue["results"]] == [a.reference]
    assert api.get(f"/api/v1/staff/complaints/{a.reference}/").status_code == 200
    assert api.get(f"/api/v1/staff/complaints/{b.reference}/").status_code == 404
    found = api.get("/api/v1/staff/complaints/", {"q": b.reference}).json()
    assert found["results"] == []
    assert api.get("/api/v1/staff/complaints/", {"q": a.reference}).json()["count"] == 1


def test_staff_api_action_on_another_units_complaint_is_404_and_changes_nothing(in_b, handler_a):
    b = in_b(Status.RECEIVED)

    with nothing_changes(b):
        response = api_for(handler_a).post(
            f"/api/v1/staff/complaints/{b.reference}/actions/acknowledge/", {"method": "email"}
        )

    assert response.status_code == 404


def test_staff_api_upload_to_another_units_complaint_is_404_and_stores_nothing(in_b, handler_a):
    b = in_b(Status.RECEIVED)

    response = api_for(handler_a).post(
        f"/api/v1/staff/complaints/{b.reference}/attachments/",
        {"file": attachment_files.upload("yanit.pdf", attachment_files.PDF)},
        format="multipart",
    )

    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_console_queue_search_and_inspect_hide_another_units_complaint(
    client, in_a, in_b, handler_a, handler_b
):
    a, b = in_a(Status.RECEIVED), in_b(Status.RECEIVED)
    client.force_login(handler_a)

    listing = client.get("/admin/complaints/").content.decode()
    assert a.reference in listing
    assert b.reference not in listing
    search = client.get("/admin/complaints/", {"q": b.reference}).content.decode()
    assert search.count(b.reference) == 1  # only in the search box, echoed back
    client.force_login(handler_b)
    search = client.get("/admin/complaints/", {"q": b.reference}).content.decode()
    assert search.count(b.reference) > 1  # unit B's handler finds it
    client.force_login(handler_a)
    assert client.get(f"/admin/complaints/inspect/{a.pk}/").status_code == 200
    assert client.get(f"/admin/complaints/inspect/{b.pk}/").status_code == 404


# --- every staff action: own unit allowed, other unit refused as missing -----------------

ACTIONS = {
    "acknowledge": (
        Status.RECEIVED,
        lambda c, actor: services.acknowledge(complaint=c, actor=actor, method="email"),
    ),
    "request_information": (
        Status.INVESTIGATING,
        lambda c, actor: services.request_information(complaint=c, actor=actor, question="?"),
    ),
    "propose_resolution": (
        Status.INVESTIGATING,
        lambda c, actor: services.propose_resolution(complaint=c, actor=actor, text="Öneri"),
    ),
    "review_rejection": (
        Status.REJECTED,
        lambda c, actor: services.review_rejection(
            complaint=c, actor=actor, decision="reinvestigate"
        ),
    ),
    "mark_implemented": (
        Status.IMPLEMENTING,
        lambda c, actor: services.mark_implemented(complaint=c, actor=actor),
    ),
    "reopen": (
        Status.CLOSED,
        lambda c, actor: services.reopen(complaint=c, actor=actor, reason="Yeni bilgi."),
    ),
    "add_note": (
        Status.INVESTIGATING,
        lambda c, actor: services.add_note(
            complaint=c, actor=actor, text="İç not", visibility="internal"
        ),
    ),
    "accept_resolution (recorded)": (
        Status.RESOLUTION_PROPOSED,
        lambda c, actor: services.accept_resolution(complaint=c, actor=actor),
    ),
    "withdraw (recorded)": (
        Status.INVESTIGATING,
        lambda c, actor: services.withdraw(complaint=c, actor=actor, reason="Vazgeçti."),
    ),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_handler_acts_on_their_own_units_complaint(in_a, handler_a, action):
    state, call = ACTIONS[action]
    complaint = in_a(state)

    call(complaint, handler_a)

    assert last_event(reload(complaint)).actor == handler_a


@pytest.mark.parametrize("action", ACTIONS)
def test_a_handler_cannot_act_on_another_units_complaint(in_b, handler_a, unit_manager_a, action):
    state, call = ACTIONS[action]
    complaint = in_b(state)

    for outsider in (handler_a, unit_manager_a):
        with nothing_changes(complaint), pytest.raises(ComplaintNotFound):
            call(complaint, outsider)


@pytest.mark.parametrize("action", ACTIONS)
def test_a_content_editor_cannot_act_on_any_complaint(in_a, content_editor, action):
    state, call = ACTIONS[action]
    complaint = in_a(state)

    with nothing_changes(complaint), pytest.raises((NotPermitted, ComplaintNotFound)):
        call(complaint, content_editor)


# --- assign: starting in the own unit is the handler's; reassigning is a manager's -------


def test_a_handler_starts_the_investigation_in_their_unit(in_a, handler_a, unit_a):
    complaint = in_a(Status.ACKNOWLEDGED)

    services.assign(complaint=complaint, actor=handler_a, unit=unit_a.slug, assignee=handler_a)

    complaint = reload(complaint)
    assert (complaint.status, complaint.assignee) == (Status.INVESTIGATING, handler_a)


def test_a_handler_cannot_move_a_complaint_to_another_unit(in_a, handler_a, unit_b):
    complaint = in_a(Status.ACKNOWLEDGED)

    with nothing_changes(complaint), pytest.raises(NotPermitted):
        services.assign(complaint=complaint, actor=handler_a, unit=unit_b.slug)


def test_a_handler_cannot_reassign_once_investigating(in_a, handler_a, unit_a):
    complaint = in_a(Status.INVESTIGATING)
    colleague = HandlerFactory(units=[unit_a])

    with nothing_changes(complaint), pytest.raises(NotPermitted):
        services.assign(complaint=complaint, actor=handler_a, unit=unit_a.slug, assignee=colleague)


def test_a_unit_manager_reassigns_within_and_out_of_their_unit(
    in_a, unit_manager_a, unit_a, unit_b, handler_b
):
    complaint = in_a(Status.INVESTIGATING)
    colleague = HandlerFactory(units=[unit_a])

    services.assign(complaint=complaint, actor=unit_manager_a, unit=unit_a.slug, assignee=colleague)
    assert reload(complaint).assignee == colleague
    services.assign(complaint=complaint, actor=unit_manager_a, unit=unit_b.slug, assignee=handler_b)

    complaint = reload(complaint)
    assert (complaint.unit, complaint.assignee) == (unit_b, handler_b)
    # once it is unit B's, unit A's manager no longer sees it
    with pytest.raises(ComplaintNotFound):
        services.assign(complaint=complaint, actor=unit_manager_a, unit=unit_a.slug)


def test_a_quality_manager_reassigns_anywhere(in_b, quality_manager, unit_a, handler_a):
    complaint = in_b(Status.INVESTIGATING)

    services.assign(
        complaint=complaint, actor=quality_manager, unit=unit_a.slug, assignee=handler_a
    )

    assert (reload(complaint).unit, reload(complaint).assignee) == (unit_a, handler_a)


def test_the_assignee_must_be_staff_of_the_target_unit(in_a, unit_manager_a, unit_a, handler_b):
    complaint = in_a(Status.INVESTIGATING)

    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.assign(
            complaint=complaint, actor=unit_manager_a, unit=unit_a.slug, assignee=handler_b
        )

    assert "assignee" in error.value.errors


def test_an_unknown_unit_is_refused_before_anything_changes(in_a, quality_manager):
    complaint = in_a(Status.INVESTIGATING)
    UnitFactory(slug="closed-unit", is_active=False)

    with nothing_changes(complaint), pytest.raises(InvalidInput):
        services.assign(complaint=complaint, actor=quality_manager, unit="closed-unit")


def test_refusals_come_in_the_callers_language(in_a, handler_a, unit_b):
    from django.utils import translation

    complaint = in_a(Status.ACKNOWLEDGED)

    with translation.override("en"), pytest.raises(NotPermitted) as error:
        services.assign(complaint=complaint, actor=handler_a, unit=unit_b.slug)

    assert error.value.message == (
        "Only a unit manager or a quality manager can reassign the complaint."
    )


def test_a_unit_manager_moving_a_complaint_out_of_their_units_gets_the_answer(
    in_a, unit_manager_a, unit_b
):
    complaint = in_a(Status.INVESTIGATING)
    api = api_for(unit_manager_a)

    response = api.post(
        f"/api/v1/staff/complaints/{complaint.reference}/actions/assign/", {"unit": unit_b.slug}
    )

    assert response.status_code == 200
    assert response.json()["unit"] == unit_b.slug
    assert api.get(f"/api/v1/staff/complaints/{complaint.reference}/").status_code == 404
