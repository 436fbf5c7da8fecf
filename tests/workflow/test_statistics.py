"""R15: the public, anonymised complaint statistics (what the statistics page and its API show)."""

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    CategoryFactory,
    DatedComplaintFactory,
    SatisfactionSurveyFactory,
    StaffFactory,
    UnitFactory,
)
from workflow import services
from workflow.states import ClosureReason, DeadlineProfile
from workflow.statistics import public_statistics, public_statistics_cached

IST = ZoneInfo("Europe/Istanbul")
NOW = datetime(2026, 12, 10, 12, 0, tzinfo=IST)

FIGURE_KEYS = {
    "received",
    "received_suppressed",
    "closed",
    "closed_suppressed",
    "median_first_response_hours",
    "median_closure_days",
    "resolved_within_one_business_day",
}


def at(*args) -> datetime:
    return datetime(*args, tzinfo=IST)


def complaint(category, received_at, **fields):
    return DatedComplaintFactory(
        category=category, customer=None, received_at=received_at, **fields
    )


def closed(category, received_at, closed_at, reason=ClosureReason.RESOLVED, **fields):
    return complaint(
        category, received_at, closed=True, closed_at=closed_at, closure_reason=reason, **fields
    )


def by_month(stats) -> dict[str, dict]:
    return {month["month"]: month for month in stats.as_dict()["months"]}


@pytest.fixture
def min_count(settings):
    """Set the suppression threshold; most tests show every figure (threshold 1)."""

    def set_to(value: int) -> None:
        settings.MEMNUN_STATISTICS_MIN_COUNT = value

    set_to(1)
    return set_to


@pytest.fixture
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_months_are_istanbul_calendar_months_oldest_first(category, min_count):
    complaint(category, datetime(2026, 10, 31, 23, 30, tzinfo=UTC))  # 02:30 on 1 Nov in Istanbul
    complaint(category, datetime(2026, 10, 31, 20, 59, tzinfo=UTC))  # 23:59 on 31 Oct in Istanbul
    closed(category, at(2026, 11, 25, 9), datetime(2026, 11, 30, 21, 30, tzinfo=UTC))  # 1 Dec

    stats = public_statistics(months=3, now=NOW).as_dict()

    assert [(m["month"], m["received"], m["closed"]) for m in stats["months"]] == [
        ("2026-10", 1, 0),
        ("2026-11", 2, 0),
        ("2026-12", 0, 1),
    ]
    assert (stats["totals"]["received"], stats["totals"]["closed"]) == (3, 1)


def test_the_window_is_the_last_months_up_to_now(category, min_count):
    now = at(2026, 2, 10, 12, 0)
    complaint(category, at(2025, 2, 28, 23, 59))  # the month before the window
    complaint(category, at(2025, 3, 1, 0, 0))  # the window's first moment
    complaint(category, at(2026, 2, 10, 12, 30))  # later than `now`

    stats = public_statistics(months=12, now=now).as_dict()

    assert [m["month"] for m in stats["months"]] == [
        *(f"2025-{month:02d}" for month in range(3, 13)),
        "2026-01",
        "2026-02",
    ]
    assert stats["months"][0]["received"] == 1
    assert stats["months"][-1]["received"] == 0
    assert stats["totals"]["received"] == 1
    assert stats["generated_at"] == "2026-02-10T12:00:00+03:00"
    assert stats["min_count"] == 1


def test_median_time_to_first_response_by_month_of_receipt(category, min_count):
    november = at(2026, 11, 2, 10, 0)
    for hours, minutes in ((1, 0), (2, 0), (4, 20), (10, 0)):
        complaint(
            category, november, acknowledged_at=november + timedelta(hours=hours, minutes=minutes)
        )
    complaint(category, november)  # not acknowledged yet: counted, but has no first response
    october = at(2026, 10, 30, 10, 0)
    # acknowledged in November; counts for October, the month it was received
    complaint(category, october, acknowledged_at=october + timedelta(hours=30))
    december = at(2026, 12, 10, 9, 0)
    complaint(category, december, acknowledged_at=december + timedelta(hours=4))  # after `now`

    stats = public_statistics(months=3, now=NOW)
    months = by_month(stats)

    assert months["2026-11"]["received"] == 5
    assert months["2026-11"]["median_first_response_hours"] == 3.2  # (2 h + 4 h 20 min) / 2
    assert months["2026-10"]["median_first_response_hours"] == 30.0
    assert months["2026-12"]["received"] == 1
    assert months["2026-12"]["median_first_response_hours"] is None
    assert stats.totals.median_first_response_hours == 4.3  # 1, 2, 4⅓, 10, 30 hours


def test_median_time_to_closure_by_month_of_closure(category, min_count):
    october = at(2026, 10, 20, 9, 0)
    for days in (14.5, 16, 17, 21):  # received in October (outside the window), closed in November
        closed(category, october, october + timedelta(days=days))
    december = at(2026, 12, 1, 9, 0)
    closed(category, december, december + timedelta(days=1), reason=ClosureReason.WITHDRAWN)

    stats = public_statistics(months=2, now=NOW)
    months = by_month(stats)

    assert (months["2026-11"]["received"], months["2026-11"]["closed"]) == (0, 4)
    assert months["2026-11"]["median_closure_days"] == 16.5  # (16 + 17) / 2
    assert months["2026-12"]["median_closure_days"] == 1.0
    assert (stats.totals.received, stats.totals.closed) == (1, 5)
    assert stats.totals.median_closure_days == 16.0  # 1, 14.5, 16, 17, 21 days


def test_share_resolved_within_one_business_day(category, min_count):
    thirty_days = CategoryFactory(deadline_profile=DeadlineProfile.CALENDAR_30_DAYS)
    day_and_night = CategoryFactory(deadline_profile=DeadlineProfile.CALENDAR_24_HOURS)
    friday_1759, monday_10 = at(2026, 11, 20, 17, 59), at(2026, 11, 23, 10, 0)
    # due Monday 17:59 (R10): resolved just in time, and just too late
    closed(category, friday_1759, at(2026, 11, 23, 17, 30))
    closed(category, friday_1759, at(2026, 11, 23, 18, 30))
    # closed quickly, but not resolved
    closed(category, monday_10, at(2026, 11, 23, 11, 0), reason=ClosureReason.WITHDRAWN)
    closed(category, monday_10, at(2026, 11, 23, 15, 0), reason=ClosureReason.FINAL_DECISION)
    # other deadline profiles are measured against one business day too, not their own clock:
    # due Tuesday 10:00, though the 30-day deadline is weeks away
    closed(thirty_days, monday_10, at(2026, 11, 24, 9, 30))
    closed(thirty_days, monday_10, at(2026, 11, 25, 10, 0))
    # received Friday 10:00, its 24-hour deadline passed on Saturday; one business day ends
    # on Monday at 10:00
    closed(day_and_night, at(2026, 11, 20, 10, 0), at(2026, 11, 23, 9, 30))

    stats = public_statistics(months=1, now=at(2026, 11, 30, 12, 0))

    assert stats.months[0].closed == 7
    assert stats.months[0].resolved_within_one_business_day == 0.429  # 3 of 7
    assert stats.totals.resolved_within_one_business_day == 0.429


def test_satisfaction_averages_over_surveys_submitted_in_the_window(db, min_count):
    for resolution, process in ((5, 4), (4, 4), (3, 5)):
        SatisfactionSurveyFactory(
            resolution_score=resolution, process_score=process, submitted_at=at(2026, 6, 1, 12)
        )
    SatisfactionSurveyFactory(resolution_score=1, process_score=1, submitted_at=at(2025, 12, 31))
    SatisfactionSurveyFactory(
        resolution_score=1, process_score=1, submitted_at=at(2026, 12, 10, 13)
    )

    satisfaction = public_statistics(months=12, now=NOW).as_dict()["satisfaction"]

    assert satisfaction == {
        "responses": 3,
        "responses_suppressed": False,
        "average_resolution_score": 4.0,
        "average_process_score": 4.33,
    }


def test_figures_follow_complaints_moved_by_the_services(
    customer, staff, category, min_count, monkeypatch
):
    def clock(*args) -> datetime:
        moment = at(*args)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    def file(*when):
        clock(*when)
        return services.file_complaint(
            actor=customer,
            category=category,
            subject="Fatura tutarı hatalı",
            description="Son faturamda kullanmadığım bir hizmet için ücret görünüyor.",
            preferred_contact_method="email",
        )

    def acknowledge(complaint, *when):
        clock(*when)
        return services.acknowledge(complaint=complaint, actor=staff, method="email")

    def resolve(complaint, *when):
        complaint = services.assign(complaint=complaint, actor=staff, unit=complaint.unit)
        complaint = services.propose_resolution(complaint=complaint, actor=staff, text="İade.")
        complaint = services.accept_resolution(complaint=complaint, actor=customer)
        clock(*when)
        return services.mark_implemented(complaint=complaint, actor=staff, note="Yapıldı.")

    on_time = acknowledge(file(2026, 11, 16, 10, 0), 2026, 11, 16, 11, 0)
    on_time = resolve(on_time, 2026, 11, 16, 15, 0)
    late = acknowledge(file(2026, 11, 16, 10, 0), 2026, 11, 16, 13, 0)
    resolve(late, 2026, 11, 17, 12, 0)  # due Tuesday 10:00
    withdrawn = acknowledge(file(2026, 11, 16, 10, 0), 2026, 11, 16, 12, 0)
    clock(2026, 11, 16, 12, 30)
    services.withdraw(complaint=withdrawn, actor=customer, reason="Kendim çözdüm.")
    clock(2026, 11, 16, 16, 0)
    services.submit_survey(complaint=on_time, actor=customer, resolution_score=5, process_score=4)
    clock(2026, 11, 20, 12, 0)

    figures = public_statistics(months=1).as_dict()

    assert figures["months"][0] == {
        "month": "2026-11",
        "received": 3,
        "received_suppressed": False,
        "closed": 3,
        "closed_suppressed": False,
        "median_first_response_hours": 2.0,  # 1, 2 and 3 hours
        "median_closure_days": 0.2,  # 2½, 5 and 26 hours: 5 h
        "resolved_within_one_business_day": 0.333,
    }
    assert figures["satisfaction"] == {
        "responses": 1,
        "responses_suppressed": False,
        "average_resolution_score": 5.0,
        "average_process_score": 4.0,
    }


@pytest.mark.parametrize(("count", "shown"), [(4, None), (5, 5)])
def test_counts_below_the_threshold_are_withheld_with_what_derives_from_them(
    category, min_count, count, shown
):
    min_count(5)
    for _ in range(count):
        received_at = at(2026, 12, 1, 10, 0)
        answered = closed(
            category,
            received_at,
            received_at + timedelta(hours=3),
            acknowledged_at=received_at + timedelta(hours=1),
        )
        SatisfactionSurveyFactory(complaint=answered, submitted_at=at(2026, 12, 2, 10, 0))

    stats = public_statistics(months=1, now=NOW).as_dict()

    withheld = shown is None
    for figures in (stats["months"][0], stats["totals"]):
        assert (figures["received"], figures["received_suppressed"]) == (shown, withheld)
        assert (figures["closed"], figures["closed_suppressed"]) == (shown, withheld)
        derived = (
            figures["median_first_response_hours"],
            figures["median_closure_days"],
            figures["resolved_within_one_business_day"],
        )
        assert derived == ((None, None, None) if withheld else (1.0, 0.1, 1.0))
    assert stats["satisfaction"] == {
        "responses": shown,
        "responses_suppressed": withheld,
        "average_resolution_score": None if withheld else 4.0,
        "average_process_score": None if withheld else 4.0,
    }
    assert stats["min_count"] == 5


def test_zero_is_shown_and_not_flagged(db, min_count):
    min_count(5)

    stats = public_statistics(months=2, now=NOW).as_dict()

    for figures in (*stats["months"], stats["totals"]):
        assert (figures["received"], figures["received_suppressed"]) == (0, False)
        assert (figures["closed"], figures["closed_suppressed"]) == (0, False)
        assert figures["median_first_response_hours"] is None
    assert (stats["satisfaction"]["responses"], stats["satisfaction"]["responses_suppressed"]) == (
        0,
        False,
    )


def test_a_lone_withheld_month_cannot_be_worked_out_from_the_total(category, min_count):
    min_count(5)
    for month, count in ((10, 4), (11, 6), (12, 9)):
        for _ in range(count):
            complaint(category, at(2026, month, 1, 10, 0))

    stats = public_statistics(months=3, now=NOW).as_dict()

    # 19 - 9 would give October's 4 back if November were shown: November is withheld too
    assert [(m["received"], m["received_suppressed"]) for m in stats["months"]] == [
        (None, True),
        (None, True),
        (9, False),
    ]
    assert (stats["totals"]["received"], stats["totals"]["received_suppressed"]) == (19, False)


def test_a_median_over_too_few_complaints_is_withheld(category, min_count):
    min_count(5)
    received_at = at(2026, 12, 1, 10, 0)
    for i in range(6):
        acknowledged_at = received_at + timedelta(hours=1) if i < 3 else None
        complaint(category, received_at, acknowledged_at=acknowledged_at)

    month = public_statistics(months=1, now=NOW).as_dict()["months"][0]

    assert (month["received"], month["received_suppressed"]) == (6, False)
    assert month["median_first_response_hours"] is None  # only 3 were acknowledged


def test_no_personal_data_leaves_the_selector(customer, min_count):
    unit = UnitFactory(name_tr="Sertifika Operasyonları", name_en="Certificate Operations")
    category = CategoryFactory(name_tr="Kart okuyucu", name_en="Card reader", default_unit=unit)
    assignee = StaffFactory(first_name="Mehmet", last_name="Demir")
    received_at = at(2026, 12, 1, 10, 0)
    shown = DatedComplaintFactory(
        category=category,
        customer=customer,
        assignee=assignee,
        contact_name="Zeynep Kaya",
        contact_email="zeynep.kaya@example.com",
        contact_phone="+90 555 123 45 67",
        subject="Kart okuyucu tanınmıyor",
        received_at=received_at,
        acknowledged_at=received_at + timedelta(hours=1),
        closed=True,
        closed_at=received_at + timedelta(hours=5),
    )
    SatisfactionSurveyFactory(
        complaint=shown, comment="Ayşe Hanım'a teşekkürler.", submitted_at=at(2026, 12, 2)
    )

    stats = public_statistics(months=1, now=NOW).as_dict()
    published = json.dumps(stats, ensure_ascii=False)

    assert stats["months"][0]["received"] == 1
    for private in (
        shown.reference,
        shown.tracking_token,
        "Zeynep",
        "zeynep.kaya@example.com",
        "555 123",
        "Kart okuyucu",
        "Card reader",
        "Sertifika",
        "Certificate",
        "Mehmet",
        "Demir",
        assignee.email,
        customer.email,
        "Ayşe",
        "@",
    ):
        assert private not in published
    assert set(stats) == {"months", "totals", "satisfaction", "min_count", "generated_at"}
    assert set(stats["months"][0]) == {"month", *FIGURE_KEYS}
    assert set(stats["totals"]) == FIGURE_KEYS


def queries_for_figures() -> int:
    with CaptureQueriesContext(connection) as queries:
        public_statistics(months=12, now=NOW)
    return len(queries)


def add_complaints(category, count: int) -> None:
    for i in range(count):
        received_at = at(2026, 1 + i % 12, 1 + i % 28, 10, 0)
        if i % 2:
            closed(
                category,
                received_at,
                received_at + timedelta(days=1 + i % 5),
                acknowledged_at=received_at + timedelta(hours=2),
            )
        else:
            complaint(category, received_at)
    SatisfactionSurveyFactory.create_batch(count // 5, submitted_at=at(2026, 6, 1))


def test_the_number_of_queries_does_not_grow_with_the_data(category, min_count):
    add_complaints(category, 10)
    with_ten = queries_for_figures()
    add_complaints(category, 40)

    assert queries_for_figures() == with_ten == 3


@time_machine.travel(NOW, tick=False)
def test_the_cached_figures_are_the_same_and_cost_no_queries_the_second_time(
    category, min_count, clear_cache, django_assert_num_queries
):
    received_at = NOW - timedelta(hours=6)
    closed(category, received_at, received_at + timedelta(hours=2))

    first = public_statistics_cached(months=6)
    with django_assert_num_queries(0):
        again = public_statistics_cached(months=6)

    assert again.as_dict() == first.as_dict()
    assert len(first.months) == 6
    assert first.totals.closed == 1
    fresh = public_statistics(months=6).as_dict()
    assert {**fresh, "generated_at": None} == {**first.as_dict(), "generated_at": None}
    # another window is another cache entry
    with CaptureQueriesContext(connection) as queries:
        shorter = public_statistics_cached(months=3)
    assert len(queries) > 0
    assert len(shorter.months) == 3


def test_a_window_needs_at_least_one_month():
    with pytest.raises(ValueError, match="months"):
        public_statistics(months=0, now=NOW)
