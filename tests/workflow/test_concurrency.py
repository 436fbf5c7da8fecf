"""Two people acting on the same complaint at the same moment: exactly one wins (409 for the
other), and the loser changes nothing.

The calls really run at the same time in two threads, on PostgreSQL (row lock + FSM check) and
on SQLite (a file database in tests; IMMEDIATE transactions make the second writer wait for the
first instead of failing with "database is locked").
"""

import threading
import time

import pytest
from django.db import connection, transaction
from rest_framework.test import APIClient

from tests.workflow.helpers import complaint_in, file, reload
from workflow import services
from workflow.errors import TransitionNotAllowed
from workflow.models import Complaint, ComplaintEvent, Notification, ReferenceCounter

WON, LOST = "won", "lost"


def _attempt(call) -> str:
    try:
        call()
    except TransitionNotAllowed:  # ConcurrentChange is a TransitionNotAllowed too
        return LOST
    return WON


def in_threads(*calls) -> list:
    """Run the calls at the same moment, each in its own thread with its own connection.

    Returns what each call returned, or the unexpected exception it raised.
    """
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # reported by the assertion in the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a call never finished"
    return results


def race(*calls) -> list:
    """WON / LOST per service call run at the same moment (or the exception it raised)."""
    return in_threads(*[lambda call=call: _attempt(call) for call in calls])


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_accepts_have_exactly_one_winner(customer, staff, category):
    complaint = complaint_in(
        "resolution_proposed", customer=customer, staff=staff, category=category
    )
    notifications_before = Notification.objects.count()

    # The customer clicks "accept" while staff record the same acceptance given by phone.
    by_customer, by_staff = reload(complaint), reload(complaint)
    results = race(
        lambda: services.accept_resolution(complaint=by_customer, actor=customer),
        lambda: services.accept_resolution(complaint=by_staff, actor=staff),
    )

    assert sorted(map(str, results)) == [LOST, WON], results
    complaint = reload(complaint)
    assert complaint.status == "implementing"
    decisions = ComplaintEvent.objects.filter(complaint=complaint, kind="decision")
    assert [event.data["decision"] for event in decisions] == ["accepted"]
    assert complaint.proposals.get().decision == "accepted"
    assert (
        Notification.objects.filter(complaint=complaint, template="resolution_accepted").count()
        == 1
    )
    assert Notification.objects.count() == notifications_before + 2


@pytest.mark.django_db(transaction=True)
def test_accept_and_reject_at_the_same_moment_record_one_decision(customer, staff, category):
    complaint = complaint_in(
        "resolution_proposed", customer=customer, staff=staff, category=category
    )

    for_accept, for_reject = reload(complaint), reload(complaint)
    results = race(
        lambda: services.accept_resolution(complaint=for_accept, actor=customer),
        lambda: services.reject_resolution(complaint=for_reject, actor=customer, reason="Hayır"),
    )

    assert sorted(map(str, results)) == [LOST, WON], results
    complaint = reload(complaint)
    accepted = results[0] == WON
    assert complaint.status == ("implementing" if accepted else "rejected")
    decisions = ComplaintEvent.objects.filter(complaint=complaint, kind="decision")
    assert [event.data["decision"] for event in decisions] == [
        "accepted" if accepted else "rejected"
    ]
    assert complaint.proposals.get().decision == ("accepted" if accepted else "rejected")


@pytest.mark.django_db(transaction=True)
def test_complaints_filed_at_the_same_moment_get_different_references(
    customer, other_customer, category
):
    results: dict = {}

    def filer(user):
        def call():
            results[user.pk] = file(user, category).reference

        return call

    outcome = race(filer(customer), filer(other_customer))

    assert outcome == [WON, WON], outcome
    assert len(set(results.values())) == 2
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in results.values())
    assert numbers[1] == numbers[0] + 1
    assert Complaint.objects.count() == 2
    assert ReferenceCounter.objects.get().last_number == numbers[1]


def _api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_concurrent_accept_and_reject_requests_answer_200_and_409(customer, staff, category):
    complaint = complaint_in(
        "resolution_proposed", customer=customer, staff=staff, category=category
    )
    url = f"/api/v1/complaints/{complaint.reference}"

    results = in_threads(
        lambda: _api_for(customer).post(f"{url}/accept/", {}, format="json").status_code,
        lambda: (
            _api_for(customer)
            .post(f"{url}/reject/", {"reason": "Hayır"}, format="json")
            .status_code
        ),
    )

    assert sorted(map(str, results)) == ["200", "409"], results
    decisions = ComplaintEvent.objects.filter(complaint=complaint, kind="decision")
    assert decisions.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_request_waits_for_another_writer_instead_of_failing(customer, category):
    """The task worker (another connection) holds the write lock for a moment while a customer
    files a complaint: the request waits for it and succeeds ("database is locked" before)."""
    writing, done = threading.Event(), threading.Event()

    def worker_writes():
        try:
            with transaction.atomic():
                file(customer, category, subject="Worker'ın yazdığı")
                writing.set()
                time.sleep(0.5)
        finally:
            done.set()
            connection.close()

    worker = threading.Thread(target=worker_writes)
    worker.start()
    assert writing.wait(timeout=10)
    response = _api_for(customer).post(
        "/api/v1/complaints/",
        {
            "subject": "Aynı anda",
            "description": "Çalışan yazarken gönderildi.",
            "category": category.slug,
            "preferred_contact_method": "email",
        },
        format="json",
    )
    worker.join(timeout=30)

    assert response.status_code == 201, response.content
    assert done.is_set()
    assert Complaint.objects.count() == 2
