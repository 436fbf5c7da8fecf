"""The business calendar and response deadlines (R10).

One business day is the length of a normal working day (9 hours with the default 09:00-18:00),
counted only inside working hours in Europe/Istanbul: weekends and Turkish public holidays have
no working hours, and a half-day eve (the eve of a Bayram, 28 October) has only its morning.
Other deadline profiles run around the clock. Pure functions: no model imports, so
`workflow.services` and the `check_deadlines` command can use it freely.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from holidays.constants import HALF_DAY, PUBLIC

from workflow.states import DeadlineProfile

# A complaint is "at risk" once this share of its response window has passed (R10).
AT_RISK_FRACTION = 0.75


@dataclass(frozen=True)
class BusinessCalendar:
    """Working hours in one time zone, minus a country's public holidays and half-day eves."""

    time_zone: str = "Europe/Istanbul"
    country: str = "TR"
    workdays: tuple[int, ...] = (0, 1, 2, 3, 4)  # date.weekday(): Monday is 0
    day_start: time = time(9)
    day_end: time = time(18)
    half_day_end: time = time(13)
    # year -> (public holidays, half-day eves); filled lazily, one `holidays` lookup per year.
    _holiday_cache: dict[int, tuple[frozenset[date], frozenset[date]]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if not self.workdays or not self.day_start < self.half_day_end <= self.day_end:
            raise ValueError("Need workdays and DAY_START < HALF_DAY_END <= DAY_END.")

    @classmethod
    def from_mapping(cls, config: Mapping[str, Any]) -> BusinessCalendar:
        """Build from a dict shaped like the `MEMNUN_BUSINESS_CALENDAR` setting."""
        return cls(
            time_zone=config.get("TIME_ZONE", cls.time_zone),
            country=config.get("COUNTRY", cls.country),
            workdays=tuple(config.get("WORKDAYS", cls.workdays)),
            day_start=time.fromisoformat(config.get("DAY_START", "09:00")),
            day_end=time.fromisoformat(config.get("DAY_END", "18:00")),
            half_day_end=time.fromisoformat(config.get("HALF_DAY_END", "13:00")),
        )

    @classmethod
    def from_settings(cls) -> BusinessCalendar:
        """The calendar configured in `settings.MEMNUN_BUSINESS_CALENDAR`."""
        from django.conf import settings

        return cls.from_mapping(settings.MEMNUN_BUSINESS_CALENDAR)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def business_day_length(self) -> timedelta:
        """The working time of one normal (full) working day."""
        return _combine(date.min, self.day_end) - _combine(date.min, self.day_start)

    def _holidays(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        if year not in self._holiday_cache:
            public = holidays.country_holidays(self.country, years=year, categories=(PUBLIC,))
            half: frozenset[date] = frozenset()
            if HALF_DAY in public.supported_categories:
                half = frozenset(
                    holidays.country_holidays(self.country, years=year, categories=(HALF_DAY,))
                )
            self._holiday_cache[year] = (frozenset(public), half)
        return self._holiday_cache[year]

    def working_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working hours of `day` as aware (start, end) pairs; empty on a day off."""
        public, half = self._holidays(day.year)
        if day.weekday() not in self.workdays or day in public:
            return []
        end = self.half_day_end if day in half else self.day_end
        return [(_combine(day, self.day_start, self.tz), _combine(day, end, self.tz))]

    def is_working_time(self, moment: datetime) -> bool:
        local = self.to_local(moment)
        return any(start <= local < end for start, end in self.working_intervals(local.date()))

    def add_working_time(self, start: datetime, duration: timedelta) -> datetime:
        """The moment `duration` of working time after `start` (which may be outside hours).

        A zero duration gives the first working moment at or after `start`.
        """
        if duration < timedelta(0):
            raise ValueError("duration must not be negative")
        moment, remaining = self.to_local(start), duration
        day = moment.date()
        while True:
            for opens, closes in self.working_intervals(day):
                if closes <= moment:
                    continue
                opens = max(opens, moment)
                if remaining <= closes - opens:
                    return opens + remaining
                remaining -= closes - opens
            day += timedelta(days=1)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time inside [start, end); zero when `end` is not after `start`."""
        start, end = self.to_local(start), self.to_local(end)
        total, day = timedelta(0), start.date()
        while day <= end.date():
            for opens, closes in self.working_intervals(day):
                total += max(timedelta(0), min(closes, end) - max(opens, start))
            day += timedelta(days=1)
        return total

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """`days` business days after `start`: one business day is 9 working hours (R10)."""
        return self.add_working_time(start, days * self.business_day_length)

    def to_local(self, moment: datetime) -> datetime:
        """`moment` in the calendar's time zone; naive datetimes are refused."""
        if moment.utcoffset() is None:
            raise ValueError("The business calendar needs aware datetimes.")
        return moment.astimezone(self.tz)


def _combine(day: date, at: time, tz: ZoneInfo | None = None) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)


def response_due_at(
    received_at: datetime, profile: str, calendar: BusinessCalendar | None = None
) -> datetime:
    """When the company owes a complaint received at `received_at` its first answer (R10).

    Always within one business day; a category's own clock can only make it earlier, never
    later: a certificate problem report (`calendar_24_hours`, CA/B Forum BR 4.9.5) is due at the
    earlier of one business day and 24 elapsed hours. A personal-data request
    (`calendar_30_days`) gets its R10 answer within one business day too; its 30 days are the
    final answer's deadline (`final_response_due_at`).
    """
    calendar = calendar or BusinessCalendar.from_settings()
    local = calendar.to_local(received_at)
    business_day = calendar.add_business_days(local, 1)
    if profile in (DeadlineProfile.ONE_BUSINESS_DAY, DeadlineProfile.CALENDAR_30_DAYS):
        return business_day
    if profile == DeadlineProfile.CALENDAR_24_HOURS:
        return min(business_day, _elapsed(local, timedelta(hours=24), calendar))
    raise ValueError(f"Unknown deadline profile: {profile!r}")


def final_response_due_at(
    received_at: datetime, profile: str, calendar: BusinessCalendar | None = None
) -> datetime | None:
    """The legal deadline of the final answer, where the category has one, else None.

    `calendar_30_days` (KVKK art. 13): 30 days later, same wall-clock time in Istanbul.
    """
    if profile not in DeadlineProfile.values:
        raise ValueError(f"Unknown deadline profile: {profile!r}")
    if profile != DeadlineProfile.CALENDAR_30_DAYS:
        return None
    calendar = calendar or BusinessCalendar.from_settings()
    return calendar.to_local(received_at) + timedelta(days=30)


def _elapsed(start: datetime, duration: timedelta, calendar: BusinessCalendar) -> datetime:
    """`duration` of real elapsed time after `start` (across DST changes, if a zone has any)."""
    return (start.astimezone(UTC) + duration).astimezone(calendar.tz)


def at_risk_from(
    received_at: datetime,
    due_at: datetime,
    profile: str,
    calendar: BusinessCalendar | None = None,
) -> datetime:
    """When a complaint becomes "at risk" for its first answer: 75% of the window passed (R10).

    A window that ends one business day after receipt is measured in working time, so the
    moment falls inside working hours; a shorter calendar clock (24 hours) in elapsed time.
    """
    if profile not in DeadlineProfile.values:
        raise ValueError(f"Unknown deadline profile: {profile!r}")
    calendar = calendar or BusinessCalendar.from_settings()
    if due_at == calendar.add_business_days(received_at, 1):
        window = calendar.working_time_between(received_at, due_at)
        return calendar.add_working_time(received_at, window * AT_RISK_FRACTION)
    return elapsed_at_risk_from(received_at, due_at, calendar)


def elapsed_at_risk_from(
    start: datetime, due_at: datetime, calendar: BusinessCalendar | None = None
) -> datetime:
    """75% of the elapsed time from `start` to `due_at` (an estimate, a final deadline)."""
    calendar = calendar or BusinessCalendar.from_settings()
    start = calendar.to_local(start)
    return start + (calendar.to_local(due_at) - start) * AT_RISK_FRACTION
