"""The tamper-evident audit trail (R4, R15): a hash chain over each complaint's events."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.factories import AlternativeRouteFactory
from tests.workflow.helpers import PROPOSAL, complaint_in, file, reload
from workflow import services
from workflow.audit import hash_of, verify_chain
from workflow.models import ComplaintEvent

pytestmark = pytest.mark.django_db

IST = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def long_history(customer, staff, category):
    """A complaint that went through nearly every kind of event."""
    route = AlternativeRouteFactory()
    c = file(customer, category)
    services.acknowledge(complaint=c, actor=staff, method="phone", note="Telefonla bildirildi.")
    services.assign(complaint=c, actor=staff, unit=category.default_unit, assignee=staff)
    services.request_information(complaint=c, actor=staff, question="Fatura numarası?")
    services.answer_information(complaint=c, actor=customer, answer="42")
    services.set_estimate(
        complaint=c, actor=staff, estimated_resolution_at=timezone.now() + timedelta(days=2)
    )
    services.add_note(complaint=c, actor=staff, text="İç not", visibility="internal")
    services.add_note(complaint=c, actor=customer, text="Ne durumda?")
    services.propose_resolution(complaint=c, actor=staff, text=PROPOSAL)
    services.reject_resolution(complaint=c, actor=customer, reason="Yetersiz.")
    services.record_route_application(
        complaint=c, actor=customer, route=route, applied_on=timezone.localdate()
    )
    services.review_rejection(
        complaint=c, actor=staff, decision="revise", text="İade edeceğiz.", note="Gerekçe"
    )
    services.accept_resolution(complaint=c, actor=customer)
    services.mark_implemented(complaint=c, actor=staff, note="İade yapıldı.")
    services.submit_survey(complaint=c, actor=customer, resolution_score=4, process_score=3)
    services.reopen(complaint=c, actor=staff, reason="Yeni belge.")
    services.withdraw(complaint=c, actor=customer, reason="Vazgeçtim.")
    return reload(c)


def test_the_chain_of_a_long_history_verifies(long_history):
    events = list(long_history.events.order_by("sequence"))

    assert len(events) == 18
    assert [e.sequence for e in events] == list(range(1, 19))
    assert events[0].prev_hash == ""
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert len({e.hash for e in events}) == len(events)
    assert verify_chain(long_history) == []


@pytest.mark.parametrize("zone", [UTC, IST], ids=["utc", "istanbul"])
def test_the_chain_of_a_complaint_logged_later_verifies(staff, category, zone):
    """Staff log a phone call received earlier; the first event is dated when it was received,
    whichever time zone that moment was given in."""
    received_at = (timezone.now() - timedelta(hours=5)).astimezone(zone)
    complaint = services.file_complaint(
        actor=staff,
        category=category,
        subject="Telefonla gelen şikâyet",
        description="Saat 10'da aradı.",
        preferred_contact_method="email",
        channel="phone",
        contact_name="Ali Veli",
        contact_email="ali@example.com",
        received_at=received_at,
    )
    services.acknowledge(complaint=complaint, actor=staff, method="email")

    complaint = reload(complaint)
    assert complaint.events.get(sequence=1).created_at == received_at
    assert verify_chain(complaint) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "Bu metin sonradan değiştirildi."),
        ("visibility", "internal"),
        ("data", {"decision": "accepted"}),
        ("actor_name", "Başka Biri"),
        ("created_at", datetime(2020, 1, 1, tzinfo=UTC)),
        ("to_status", "closed"),
    ],
)
def test_editing_an_event_is_reported(long_history, field, value):
    target = long_history.events.get(sequence=10)

    ComplaintEvent.objects.filter(pk=target.pk).update(**{field: value})

    assert verify_chain(long_history) == [10]


def test_editing_is_reported_even_after_later_events(customer, staff, category):
    complaint = complaint_in("investigating", customer=customer, staff=staff, category=category)
    untouched = complaint_in("investigating", customer=customer, staff=staff, category=category)
    ComplaintEvent.objects.filter(complaint=complaint, sequence=2).update(text="Sahte metin")
    services.add_note(complaint=complaint, actor=staff, text="Sonraki not", visibility="internal")

    assert verify_chain(complaint) == [2]
    assert verify_chain(untouched) == []


def test_deleting_a_middle_event_is_detected(long_history):
    long_history.events.filter(sequence=7).delete()

    assert verify_chain(long_history) == [8]


def test_deleting_the_first_event_is_detected(long_history):
    long_history.events.filter(sequence=1).delete()

    assert verify_chain(long_history) == [2]


def test_rewriting_a_row_and_its_hash_still_breaks_the_next_link(long_history):
    """Someone who recomputes the edited row's own hash still breaks the following row."""
    target = long_history.events.get(sequence=5)
    target.text = "Sahte"
    forged = hash_of(target)
    ComplaintEvent.objects.filter(pk=target.pk).update(text="Sahte", hash=forged)

    assert verify_chain(long_history) == [6]


def test_events_are_append_only(long_history):
    event = long_history.events.get(sequence=3)
    original = event.text
    event.text = "Değiştirilmiş"

    with pytest.raises(ValueError, match="append-only"):
        event.save()

    assert ComplaintEvent.objects.get(pk=event.pk).text == original
    assert verify_chain(long_history) == []
