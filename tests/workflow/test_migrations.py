"""Data migrations bring existing complaints to what the workflow now computes."""

import importlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps

from tests.factories import CategoryFactory, ComplaintFactory
from workflow.states import ClosureReason, DeadlineProfile, SlaState, Status

IST = ZoneInfo("Europe/Istanbul")
FRIDAY_1759 = datetime(2026, 11, 20, 17, 59, tzinfo=IST)

deadlines_migration = importlib.import_module(
    "workflow.migrations.0004_deadlines_by_category_and_closed_off_the_clock"
)


def test_personal_data_requests_get_both_deadlines_and_closed_ones_leave_the_sla_queues(db):
    kvkk = CategoryFactory(slug="kvkk", deadline_profile=DeadlineProfile.CALENDAR_30_DAYS)
    certificate = CategoryFactory(
        slug="certificate-problem", deadline_profile=DeadlineProfile.CALENDAR_24_HOURS
    )
    # as stored before: the 30 days as the first-response deadline, no final deadline
    request = ComplaintFactory(
        category=kvkk,
        received_at=FRIDAY_1759,
        response_due_at=FRIDAY_1759 + timedelta(days=30),
        final_response_due_at=None,
    )
    report = ComplaintFactory(
        category=certificate,
        received_at=FRIDAY_1759,
        response_due_at=FRIDAY_1759 + timedelta(hours=24),
    )
    closed = ComplaintFactory(
        status=Status.CLOSED,
        closed_at=FRIDAY_1759 + timedelta(days=2),
        closure_reason=ClosureReason.WITHDRAWN,
        sla_state=SlaState.BREACHED,
    )

    deadlines_migration.forwards(apps, None)

    request.refresh_from_db()
    report.refresh_from_db()
    closed.refresh_from_db()
    assert request.response_due_at == datetime(2026, 11, 23, 17, 59, tzinfo=IST)
    assert request.final_response_due_at == datetime(2026, 12, 20, 17, 59, tzinfo=IST)
    assert report.response_due_at == datetime(2026, 11, 21, 17, 59, tzinfo=IST)
    assert report.final_response_due_at is None
    assert closed.sla_state == SlaState.ON_TRACK
