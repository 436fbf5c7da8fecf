"""Two people acting on the same complaint at the same moment: exactly one wins (409 for the
other), and the loser changes nothing.

On PostgreSQL the calls really run at the same time in two threads (row lock + FSM check).
SQLite serialises writers (and its shared in-memory test database refuses concurrent writers
instead of waiting), so there the same two calls run one after the other and must give the
same outcome.
"""

import threading

import pytest
from django.db import connection

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


def race(*calls) -> list:
    """Run the calls at the same moment (PostgreSQL) or one after the other (SQLite).

    Returns WON / LOST per call, or the unexpected exception a call raised.
    """
    if connection.vendor == "sqlite":
        return [_attempt(call) for call in calls]

    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = _attempt(call)
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


@pytest.mark.postgres
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


@pytest.mark.postgres
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


@pytest.mark.postgres
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
