"""Edge cases of the services: bad types are clear errors and change nothing."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import AlternativeRouteFactory, UnitFactory
from tests.workflow.helpers import (
    close_with_final_decision,
    complaint_in,
    nothing_changes,
    reload,
)
from workflow import services
from workflow.errors import InvalidInput
from workflow.models import Complaint
from workflow.states import ClosureReason, Status


def test_staff_intake_refuses_a_naive_received_at(staff, category):
    with pytest.raises(InvalidInput) as error:
        services.file_complaint(
            actor=staff,
            category=category,
            subject="Telefonla gelen şikâyet",
            description="Açıklama",
            preferred_contact_method="email",
            channel="phone",
            contact_name="Ali Veli",
            contact_email="ali@example.com",
            received_at=datetime(2026, 11, 20, 10, 0),
        )
    assert "received_at" in error.value.errors
    assert not Complaint.objects.exists()


def test_route_application_refuses_a_datetime_for_the_date(customer, staff, category):
    route = AlternativeRouteFactory()
    complaint = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    with nothing_changes(complaint), pytest.raises(InvalidInput) as error:
        services.record_route_application(
            complaint=complaint, actor=customer, route=route, applied_on=timezone.now()
        )
    assert "applied_on" in error.value.errors


def test_assign_refuses_an_inactive_unit_object(customer, staff, category):
    closed_unit = UnitFactory(is_active=False)
    complaint = complaint_in(Status.ACKNOWLEDGED, customer=customer, staff=staff, category=category)
    with nothing_changes(complaint), pytest.raises(InvalidInput):
        services.assign(complaint=complaint, actor=staff, unit=closed_unit)


def test_final_decision_lists_the_routes_shown_at_rejection(customer, staff, category):
    shown = AlternativeRouteFactory(name_tr="Tüketici Hakem Heyeti")
    complaint = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    AlternativeRouteFactory(name_tr="Sonradan eklenen yol")  # added after the rejection
    close_with_final_decision(complaint, staff=staff, text="Kararımız değişmedi.")
    complaint = reload(complaint)
    assert complaint.closure_reason == ClosureReason.FINAL_DECISION
    decision = complaint.events.filter(kind="decision").order_by("-sequence").first()
    assert decision.data["routes"] == [shown.pk]


def test_estimate_in_the_past_is_refused(customer, staff, category):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    with nothing_changes(complaint), pytest.raises(InvalidInput):
        services.set_estimate(
            complaint=complaint,
            actor=staff,
            estimated_resolution_at=timezone.now() - timedelta(minutes=1),
        )
