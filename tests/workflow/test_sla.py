"""R10: the deadline watch marks complaints at risk / breached and alerts the assignee."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from rest_framework.test import APIClient

from tests.factories import CategoryFactory
from workflow import services
from workflow.models import ComplaintEvent, Notification
from workflow.services import sla
from workflow.states import DeadlineProfile, SlaState, Visibility

IST = ZoneInfo("Europe/Istanbul")
FRIDAY_1759 = datetime(2026, 11, 20, 17, 59, tzinfo=IST)
# Tuesday morning after the complaint's Monday 17:59 deadline: the tests that reason about
# "now" run at this moment, whatever the wall clock says.
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=IST)


@pytest.fixture
def phoned_in(staff, category):
    """A phone complaint received on Friday 20 Nov 2026 at 17:59, due Monday 17:59, logged a
    minute later."""
    with time_machine.travel(FRIDAY_1759 + timedelta(minutes=1)):
        return services.file_complaint(
            actor=staff,
            category=category,
            subject="Kart okuyucu tanınmıyor",
            description="E-imza kart okuyucum bilgisayarda görünmüyor.",
            preferred_contact_method="phone",
            contact_phone="+90 555 000 00 00",
            contact_name="Zeynep Kaya",
            contact_email="zeynep@example.com",
            channel="phone",
            received_at=FRIDAY_1759,
        )


def sla_notes(complaint):
    return ComplaintEvent.objects.filter(
        complaint=complaint, kind="note", visibility=Visibility.INTERNAL, data__has_key="sla_state"
    )


def test_due_monday_1759_and_on_track_before_the_risk_window(phoned_in):
    assert phoned_in.response_due_at == datetime(2026, 11, 23, 17, 59, tzinfo=IST)
    changed = services.check_deadlines(now=datetime(2026, 11, 23, 12, 0, tzinfo=IST))
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.ON_TRACK
    assert changed == {"on_track": 0, "at_risk": 0, "breached": 0}
    assert not sla_notes(phoned_in).exists()


def test_at_risk_after_three_quarters_of_the_business_day(phoned_in):
    # 75% of 9 h = 6 h 45 min of working time: 1 min on Friday, 6 h 44 min on Monday → 15:44.
    before = Notification.objects.count()
    changed = services.check_deadlines(now=datetime(2026, 11, 23, 15, 45, tzinfo=IST))
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.AT_RISK
    assert changed["at_risk"] == 1
    assert sla_notes(phoned_in).get().data == {
        "sla_state": "at_risk",
        "previous_sla_state": "on_track",
    }
    alert = Notification.objects.order_by("-pk").first()
    assert Notification.objects.count() == before + 1
    assert alert.template == "staff_deadline_at_risk"
    assert alert.recipient_email == phoned_in.unit.email


def test_breached_when_due_time_passes_without_an_estimate_and_alerts_once(phoned_in):
    monday_evening = datetime(2026, 11, 23, 18, 0, tzinfo=IST)
    services.check_deadlines(now=monday_evening)
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.BREACHED
    alerts = Notification.objects.filter(template="staff_deadline_breached")
    assert alerts.count() == 1
    # running again changes nothing and alerts nobody twice
    assert services.check_deadlines(now=monday_evening + timedelta(hours=1))["breached"] == 0
    assert alerts.count() == 1


@time_machine.travel(TUESDAY_10, tick=False)
def test_an_estimate_told_to_the_customer_puts_it_back_on_track(phoned_in, staff):
    services.check_deadlines(now=TUESDAY_10)
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.BREACHED
    services.set_estimate(
        complaint=phoned_in,
        actor=staff,
        estimated_resolution_at=TUESDAY_10 + timedelta(days=5),
        message="Üreticiden yanıt bekliyoruz.",
    )
    services.check_deadlines(now=TUESDAY_10)
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.ON_TRACK
    assert list(sla_notes(phoned_in).values_list("data__sla_state", flat=True)) == [
        "breached",
        "on_track",
    ]


@time_machine.travel(TUESDAY_10, tick=False)
def test_a_complaint_waiting_for_the_customer_is_not_clocked(phoned_in, staff):
    services.acknowledge(complaint=phoned_in, actor=staff, method="phone")
    services.request_information(complaint=phoned_in, actor=staff, question="Model numarası?")
    services.check_deadlines(now=TUESDAY_10)
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.ON_TRACK


def test_check_deadlines_command_reports_counts(phoned_in, capsys):
    with time_machine.travel(TUESDAY_10, tick=False):
        call_command("check_deadlines")
    assert "breached=1" in capsys.readouterr().out
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.BREACHED


def test_a_closed_complaint_leaves_every_sla_queue(phoned_in, staff):
    services.check_deadlines(now=TUESDAY_10)
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.BREACHED
    api = APIClient()
    api.force_authenticate(staff)
    listed = api.get("/api/v1/staff/complaints/", {"sla": "breached"}).json()
    assert [row["reference"] for row in listed["results"]] == [phoned_in.reference]

    with time_machine.travel(TUESDAY_10, tick=False):
        services.withdraw(complaint=phoned_in, actor=staff, reason="Müşteri telefonda vazgeçti.")

    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.ON_TRACK
    for queue in ("breached", "at_risk"):
        assert api.get("/api/v1/staff/complaints/", {"sla": queue}).json()["count"] == 0
    # and the watch does not put it back
    assert services.check_deadlines(now=TUESDAY_10 + timedelta(days=3)) == {
        "on_track": 0,
        "at_risk": 0,
        "breached": 0,
    }


def test_the_watch_decides_under_the_lock_not_from_its_earlier_read(phoned_in, staff, monkeypatch):
    # The watch reads the candidates while the complaint looks breached; before it writes,
    # staff tell the customer an estimate. The decision is taken again from the locked row, so
    # the complaint is not marked breached and nobody is alerted.
    stale = list(sla._candidates(TUESDAY_10))
    assert [c.pk for c in stale] == [phoned_in.pk]
    assert sla.sla_state_of(stale[0], TUESDAY_10) == SlaState.BREACHED
    with time_machine.travel(TUESDAY_10, tick=False):
        services.set_estimate(
            complaint=phoned_in,
            actor=staff,
            estimated_resolution_at=TUESDAY_10 + timedelta(days=5),
            message="Üreticiden yanıt bekliyoruz.",
        )
    monkeypatch.setattr(
        sla, "_candidates", lambda now: SimpleNamespace(iterator=lambda chunk_size: iter(stale))
    )
    notifications = Notification.objects.count()

    changed = services.check_deadlines(now=TUESDAY_10)

    phoned_in.refresh_from_db()
    assert changed == {"on_track": 0, "at_risk": 0, "breached": 0}
    assert phoned_in.sla_state == SlaState.ON_TRACK
    assert not sla_notes(phoned_in).exists()
    assert Notification.objects.count() == notifications


@pytest.fixture
def personal_data_request(staff):
    """A KVKK request received on Friday 20 Nov 2026 at 17:59: R10 answer due Monday 17:59,
    final answer due Sunday 20 December at 17:59."""
    kvkk = CategoryFactory(slug="kvkk", deadline_profile=DeadlineProfile.CALENDAR_30_DAYS)
    return services.file_complaint(
        actor=staff,
        category=kvkk,
        subject="Kişisel verilerimin silinmesi",
        description="KVKK madde 11 uyarınca verilerimin silinmesini istiyorum.",
        preferred_contact_method="email",
        contact_name="Zeynep Kaya",
        contact_email="zeynep@example.com",
        channel="email",
        received_at=FRIDAY_1759,
    )


def test_a_personal_data_request_has_both_deadlines(personal_data_request):
    assert personal_data_request.response_due_at == datetime(2026, 11, 23, 17, 59, tzinfo=IST)
    assert personal_data_request.final_response_due_at == datetime(2026, 12, 20, 17, 59, tzinfo=IST)


def test_the_final_deadline_runs_while_the_customer_is_asked(personal_data_request, staff):
    with time_machine.travel(datetime(2026, 11, 23, 10, 0, tzinfo=IST), tick=False):
        services.acknowledge(complaint=personal_data_request, actor=staff, method="email")
        services.request_information(
            complaint=personal_data_request, actor=staff, question="Kimliğinizi doğrular mısınız?"
        )
    # R10 is paused while the customer is asked; the 30 days are not. 75% of 30 days after
    # Friday 17:59 is Sunday 13 December 05:59.
    services.check_deadlines(now=datetime(2026, 12, 13, 5, 58, tzinfo=IST))
    personal_data_request.refresh_from_db()
    assert personal_data_request.sla_state == SlaState.ON_TRACK
    services.check_deadlines(now=datetime(2026, 12, 13, 6, 0, tzinfo=IST))
    personal_data_request.refresh_from_db()
    assert personal_data_request.sla_state == SlaState.AT_RISK
    services.check_deadlines(now=datetime(2026, 12, 20, 17, 59, tzinfo=IST))
    personal_data_request.refresh_from_db()
    assert personal_data_request.sla_state == SlaState.BREACHED
    alert = Notification.objects.filter(template="staff_deadline_breached").get()
    final = datetime.fromisoformat(alert.context["final_response_due_at"])
    assert final == datetime(2026, 12, 20, 17, 59, tzinfo=IST)
