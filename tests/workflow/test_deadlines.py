"""The Turkish business calendar and response deadlines (R10).

Expected values are worked out by hand from the rules in DESIGN.md: 09:00-18:00 on weekdays,
one business day = 9 working hours, Turkish public holidays closed, half-day eves open
09:00-13:00. Holiday dates were checked against `holidays` 0.108 (country TR).
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from workflow.deadlines import (
    BusinessCalendar,
    at_risk_from,
    elapsed_at_risk_from,
    final_response_due_at,
    response_due_at,
)

IST = ZoneInfo("Europe/Istanbul")
SETTING = {
    "TIME_ZONE": "Europe/Istanbul",
    "COUNTRY": "TR",
    "WORKDAYS": [0, 1, 2, 3, 4],
    "DAY_START": "09:00",
    "DAY_END": "18:00",
    "HALF_DAY_END": "13:00",
}
BUSINESS = "one_business_day"


@pytest.fixture
def calendar() -> BusinessCalendar:
    return BusinessCalendar.from_mapping(SETTING)


def ist(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=IST)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # An ordinary week (9-16 January 2026, no holidays).
        pytest.param(ist(2026, 1, 9, 17, 59), ist(2026, 1, 12, 17, 59), id="friday-17:59"),
        pytest.param(ist(2026, 1, 10, 11), ist(2026, 1, 12, 18), id="saturday"),
        pytest.param(ist(2026, 1, 11, 23, 59), ist(2026, 1, 12, 18), id="sunday"),
        pytest.param(ist(2026, 1, 13, 10), ist(2026, 1, 14, 10), id="tuesday-10:00"),
        pytest.param(ist(2026, 1, 13, 7), ist(2026, 1, 13, 18), id="before-opening"),
        pytest.param(ist(2026, 1, 13, 19), ist(2026, 1, 14, 18), id="after-closing"),
        pytest.param(ist(2026, 1, 13, 18), ist(2026, 1, 14, 18), id="at-closing"),
        # Thursday 23 April 2026, Ulusal Egemenlik ve Çocuk Bayramı: 8 h Wed, 1 h Fri.
        pytest.param(ist(2026, 4, 22, 10), ist(2026, 4, 24, 10), id="23-april"),
        # Tuesday 19 May 2026, Atatürk'ü Anma, Gençlik ve Spor Bayramı: 6 h Mon, 3 h Wed.
        pytest.param(ist(2026, 5, 18, 12), ist(2026, 5, 20, 12), id="19-may"),
        # Wednesday 15 July 2026, Demokrasi ve Millî Birlik Günü.
        pytest.param(ist(2026, 7, 14, 17, 59), ist(2026, 7, 16, 17, 59), id="15-july"),
        # Friday 1 January 2027, Yılbaşı (the calendar crosses into the next year):
        # 6 h on Thursday 31 December, 3 h on Monday 4 January.
        pytest.param(ist(2026, 12, 31, 12), ist(2027, 1, 4, 12), id="new-year"),
    ],
)
def test_one_business_day(calendar, received, due):
    assert response_due_at(received, BUSINESS, calendar) == due


def test_half_day_eve_counts_only_its_morning(calendar):
    # Wednesday 28 October 2026 is the Republic Day eve (half day from 13:00), Thursday
    # 29 October is Cumhuriyet Bayramı: 3 h on the eve, then 6 h on Friday 30 October.
    assert calendar.working_intervals(date(2026, 10, 28)) == [
        (ist(2026, 10, 28, 9), ist(2026, 10, 28, 13))
    ]
    assert calendar.working_intervals(date(2026, 10, 29)) == []
    assert response_due_at(ist(2026, 10, 28, 10), BUSINESS, calendar) == ist(2026, 10, 30, 15)


def test_received_on_half_day_eve_afternoon(calendar):
    # Thursday 19 March 2026 is the Ramazan Bayramı eve (half day); Friday 20 March is the
    # Bayram; the eve's afternoon and the weekend are closed, so Monday 23 March counts 9 h.
    assert not calendar.is_working_time(ist(2026, 3, 19, 14))
    assert response_due_at(ist(2026, 3, 19, 14), BUSINESS, calendar) == ist(2026, 3, 23, 18)


def test_bayram_eve_and_bayram_days(calendar):
    # Kurban Bayramı 2026: eve Tuesday 26 May (half day), Bayram Wednesday 27 - Saturday 30 May.
    # 1 h on Monday 25 May, 4 h on the eve's morning, 4 h on Monday 1 June.
    assert response_due_at(ist(2026, 5, 25, 17), BUSINESS, calendar) == ist(2026, 6, 1, 13)


def test_half_day_eve_before_a_friday_holiday(calendar):
    # Thursday 28 October 2027 (eve, half day) and Friday 29 October 2027 (Cumhuriyet Bayramı):
    # 3 h on the eve, then 6 h on Monday 1 November.
    assert response_due_at(ist(2027, 10, 28, 10), BUSINESS, calendar) == ist(2027, 11, 1, 15)


def test_working_intervals_and_is_working_time(calendar):
    assert calendar.working_intervals(date(2026, 1, 13)) == [
        (ist(2026, 1, 13, 9), ist(2026, 1, 13, 18))
    ]
    assert calendar.working_intervals(date(2026, 1, 10)) == []  # Saturday
    assert calendar.working_intervals(date(2026, 4, 23)) == []  # 23 April, Thursday
    assert calendar.is_working_time(ist(2026, 1, 13, 9))
    assert calendar.is_working_time(ist(2026, 1, 13, 17, 59))
    assert not calendar.is_working_time(ist(2026, 1, 13, 18))
    assert not calendar.is_working_time(ist(2026, 1, 10, 11))
    assert calendar.is_working_time(ist(2026, 10, 28, 12, 59))  # half-day eve, morning
    assert not calendar.is_working_time(ist(2026, 10, 28, 13))  # half-day eve, afternoon


def test_utc_input_is_read_in_istanbul_time(calendar):
    # 14:59 UTC on Friday 9 January 2026 is 17:59 in Istanbul (UTC+3).
    due = response_due_at(datetime(2026, 1, 9, 14, 59, tzinfo=UTC), BUSINESS, calendar)
    assert due == datetime(2026, 1, 12, 14, 59, tzinfo=UTC)
    assert due.tzinfo == IST
    assert (due.hour, due.minute) == (17, 59)
    # 21:30 UTC on Friday is already Saturday 00:30 in Istanbul: due Monday 18:00.
    due = response_due_at(datetime(2026, 1, 9, 21, 30, tzinfo=UTC), BUSINESS, calendar)
    assert due == ist(2026, 1, 12, 18)


def test_naive_datetime_is_refused(calendar):
    with pytest.raises(ValueError, match="aware"):
        response_due_at(datetime(2026, 1, 13, 10), BUSINESS, calendar)


def test_working_time_between(calendar):
    # 1 h on Friday 9 January 2026 + 1 h on Monday 12 January.
    assert calendar.working_time_between(ist(2026, 1, 9, 17), ist(2026, 1, 12, 10)) == timedelta(
        hours=2
    )
    # Tuesday 27 Oct 2026 17:00 -> Friday 30 Oct 10:00: 1 h + 4 h (eve) + 0 (holiday) + 1 h.
    assert calendar.working_time_between(ist(2026, 10, 27, 17), ist(2026, 10, 30, 10)) == (
        timedelta(hours=6)
    )
    assert calendar.working_time_between(ist(2026, 1, 12, 10), ist(2026, 1, 9, 17)) == timedelta()


def test_add_business_days(calendar):
    assert calendar.business_day_length == timedelta(hours=9)
    # Friday 9 January 2026 17:59: 1 min Friday, 9 h Monday, 8 h 59 min Tuesday.
    assert calendar.add_business_days(ist(2026, 1, 9, 17, 59), 2) == ist(2026, 1, 13, 17, 59)
    assert calendar.add_working_time(ist(2026, 1, 10, 11), timedelta(0)) == ist(2026, 1, 12, 9)


def test_calendar_24_hours_runs_through_the_weekend(calendar):
    received = ist(2026, 1, 9, 15)  # Friday
    assert response_due_at(received, "calendar_24_hours", calendar) == ist(2026, 1, 10, 15)
    utc = datetime(2026, 1, 9, 12, tzinfo=UTC)
    assert response_due_at(utc, "calendar_24_hours", calendar) == ist(2026, 1, 10, 15)


def test_calendar_30_days_final_answer_ignores_holidays(calendar):
    # 28 October 2026 -> 27 November 2026 despite the Republic Day holiday in between.
    received = ist(2026, 10, 28, 10)
    assert final_response_due_at(received, "calendar_30_days", calendar) == ist(2026, 11, 27, 10)


FRIDAY_1759 = ist(2026, 11, 20, 17, 59)
SATURDAY = ist(2026, 11, 21, 10)
HALF_DAY_EVE = ist(2026, 10, 28, 10)  # Republic Day eve, then Cumhuriyet Bayramı
BAYRAM = ist(2026, 5, 25, 17)  # Monday before the Kurban Bayramı eve and the Bayram


@pytest.mark.parametrize(
    ("received", "profile", "first", "final"),
    [
        # R10 for everyone: one business day.
        (FRIDAY_1759, BUSINESS, ist(2026, 11, 23, 17, 59), None),
        (SATURDAY, BUSINESS, ist(2026, 11, 23, 18), None),
        (HALF_DAY_EVE, BUSINESS, ist(2026, 10, 30, 15), None),
        (BAYRAM, BUSINESS, ist(2026, 6, 1, 13), None),
        # Certificate problem report: 24 calendar hours when that is earlier...
        (FRIDAY_1759, "calendar_24_hours", ist(2026, 11, 21, 17, 59), None),
        (SATURDAY, "calendar_24_hours", ist(2026, 11, 22, 10), None),
        (HALF_DAY_EVE, "calendar_24_hours", ist(2026, 10, 29, 10), None),
        (BAYRAM, "calendar_24_hours", ist(2026, 5, 26, 17), None),
        # ...and the business day when that is earlier (Monday 09:00: due Monday 18:00).
        (ist(2026, 11, 23, 9), "calendar_24_hours", ist(2026, 11, 23, 18), None),
        # Personal-data request: R10 answer in one business day, final answer in 30 days.
        (FRIDAY_1759, "calendar_30_days", ist(2026, 11, 23, 17, 59), ist(2026, 12, 20, 17, 59)),
        (SATURDAY, "calendar_30_days", ist(2026, 11, 23, 18), ist(2026, 12, 21, 10)),
        (HALF_DAY_EVE, "calendar_30_days", ist(2026, 10, 30, 15), ist(2026, 11, 27, 10)),
        (BAYRAM, "calendar_30_days", ist(2026, 6, 1, 13), ist(2026, 6, 24, 17)),
    ],
)
def test_a_category_clock_only_shortens_the_r10_window(calendar, received, profile, first, final):
    business_day = response_due_at(received, BUSINESS, calendar)
    assert response_due_at(received, profile, calendar) == first
    assert first <= business_day
    assert final_response_due_at(received, profile, calendar) == final


def test_final_deadline_at_risk_after_three_quarters_of_the_thirty_days():
    # 75% of 30 days = 22 days 12 h.
    received, final = ist(2026, 1, 9, 15), ist(2026, 2, 8, 15)
    assert elapsed_at_risk_from(received, final) == ist(2026, 2, 1, 3)


def test_unknown_profile_is_refused(calendar):
    with pytest.raises(ValueError, match="Unknown deadline profile"):
        response_due_at(ist(2026, 1, 13, 10), "two_weeks", calendar)
    with pytest.raises(ValueError, match="Unknown deadline profile"):
        final_response_due_at(ist(2026, 1, 13, 10), "two_weeks", calendar)
    with pytest.raises(ValueError, match="Unknown deadline profile"):
        at_risk_from(ist(2026, 1, 13, 10), ist(2026, 1, 14, 10), "two_weeks", calendar)


@pytest.mark.parametrize(
    ("received", "due", "profile", "at_risk"),
    [
        # 75% of 9 working hours = 6 h 45 min, all on Tuesday 13 January 2026.
        (ist(2026, 1, 13, 10), ist(2026, 1, 14, 10), BUSINESS, ist(2026, 1, 13, 16, 45)),
        # 1 h on Friday 9 January, then 5 h 45 min on Monday 12 January.
        (ist(2026, 1, 9, 17), ist(2026, 1, 12, 17), BUSINESS, ist(2026, 1, 12, 14, 45)),
        # Received Saturday: the window is Monday 09:00-18:00.
        (ist(2026, 1, 10, 11), ist(2026, 1, 12, 18), BUSINESS, ist(2026, 1, 12, 15, 45)),
        # 75% of 24 h = 18 h, through the Saturday.
        (ist(2026, 1, 9, 15), ist(2026, 1, 10, 15), "calendar_24_hours", ist(2026, 1, 10, 9)),
        # A personal-data request's first answer is on the business-day clock.
        (ist(2026, 1, 9, 17), ist(2026, 1, 12, 17), "calendar_30_days", ist(2026, 1, 12, 14, 45)),
    ],
)
def test_at_risk_from(calendar, received, due, profile, at_risk):
    assert at_risk_from(received, due, profile, calendar) == at_risk


def test_configurable_hours_keep_a_nine_hour_day():
    calendar = BusinessCalendar.from_mapping(
        {**SETTING, "DAY_START": "08:30", "DAY_END": "17:30", "HALF_DAY_END": "12:30"}
    )
    assert calendar.business_day_length == timedelta(hours=9)
    assert calendar.add_business_days(ist(2026, 1, 9, 17, 29), 1) == ist(2026, 1, 12, 17, 29)
    assert calendar.add_business_days(ist(2026, 1, 10, 11), 1) == ist(2026, 1, 12, 17, 30)
    # Half-day eve 28 October 2026 from 10:00: 2 h 30 min, then 6 h 30 min on Friday 30 Oct.
    assert calendar.add_business_days(ist(2026, 10, 28, 10), 1) == ist(2026, 10, 30, 15)


def test_from_settings(settings):
    settings.MEMNUN_BUSINESS_CALENDAR = {**SETTING, "DAY_START": "08:00", "DAY_END": "17:00"}
    calendar = BusinessCalendar.from_settings()
    assert calendar.working_intervals(date(2026, 1, 13)) == [
        (ist(2026, 1, 13, 8), ist(2026, 1, 13, 17))
    ]
    # Without an explicit calendar the functions read the setting too.
    assert response_due_at(ist(2026, 1, 10, 11), BUSINESS) == ist(2026, 1, 12, 17)
