"""R10: the deadline watch marks complaints at risk / breached and alerts the assignee."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from workflow import services
from workflow.models import ComplaintEvent, Notification
from workflow.states import SlaState, Visibility

IST = ZoneInfo("Europe/Istanbul")
FRIDAY_1759 = datetime(2026, 11, 20, 17, 59, tzinfo=IST)


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


def test_an_estimate_told_to_the_customer_puts_it_back_on_track(phoned_in, staff):
    services.check_deadlines(now=timezone.now())
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.BREACHED
    services.set_estimate(
        complaint=phoned_in,
        actor=staff,
        estimated_resolution_at=timezone.now() + timedelta(days=5),
        message="Üreticiden yanıt bekliyoruz.",
    )
    services.check_deadlines(now=timezone.now())
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.ON_TRACK
    assert list(sla_notes(phoned_in).values_list("data__sla_state", flat=True)) == [
        "breached",
        "on_track",
    ]


def test_a_complaint_waiting_for_the_customer_is_not_clocked(phoned_in, staff):
    services.acknowledge(complaint=phoned_in, actor=staff, method="phone")
    services.request_information(complaint=phoned_in, actor=staff, question="Model numarası?")
    services.check_deadlines(now=timezone.now())
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.ON_TRACK


def test_check_deadlines_command_reports_counts(phoned_in, capsys):
    call_command("check_deadlines")
    assert "breached=1" in capsys.readouterr().out
    phoned_in.refresh_from_db()
    assert phoned_in.sla_state == SlaState.BREACHED
