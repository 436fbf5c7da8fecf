"""Public, anonymised complaint figures for the statistics page (R15).

A read-only selector: `cms_pages.StatisticsPage` renders `public_statistics_cached()` and the
headless API serves its `as_dict()`. Nothing here names a person, a complaint, a unit or a
staff member; only counts, medians, shares and averages leave this module.

Months are calendar months in the business calendar's time zone (Europe/Istanbul), so a
complaint received at 23:30 UTC on 31 October belongs to November. Every figure is "as of
`now`": anything stamped after `now` is left out.

Small-count suppression. With `min_count` = `settings.MEMNUN_STATISTICS_MIN_COUNT`:

- a count (`received`, `closed`, satisfaction `responses`) above 0 and below `min_count` is
  reported as `None` and its `<name>_suppressed` flag is `True`. Zero is shown as 0 (it
  reveals nothing) and every shown count has its flag `False`;
- secondary suppression: when exactly one month of a column is withheld and the window total
  is shown, the total minus the shown months would give it back, so the smallest other
  non-zero month of that column is withheld too (flagged the same way: the flag means
  "withheld", not "below the threshold");
- a derived figure (median, share, average) is `None` when the count it is derived from is
  withheld, or when the complaints it is computed over are fewer than `min_count` (so a median
  never describes one or two people's cases). `None` also means "no data" (an empty month).

Queries: three, whatever the amount of data (complaints received in the window, complaints
closed in the window, one aggregate over the surveys). Medians are computed in Python with
`statistics.median`, which gives the same answer on SQLite and PostgreSQL.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, BigIntegerField, Case, Count, F, Func, Q, Value, When
from django.utils import timezone

from .deadlines import BusinessCalendar
from .models import Complaint, SatisfactionSurvey
from .states import ClosureReason, DeadlineProfile

CACHE_TIMEOUT = 600  # seconds
# Bump the version when the shape of `PublicStatistics` changes: cached objects are pickled.
CACHE_KEY = "memnun:public-statistics:v1:{months}"

HOUR = 3_600_000  # milliseconds
DAY = 24 * HOUR


@dataclass(frozen=True, kw_only=True)
class Figures:
    """The figures of one period (a month, or the whole window).

    - `received`: complaints received in the period (`received_at`);
    - `closed`: complaints closed in the period (`closed_at`), for any closure reason;
    - `median_first_response_hours`: median of `acknowledged_at - received_at` (elapsed hours,
      1 decimal) over the complaints received in the period that have been acknowledged;
    - `median_closure_days`: median of `closed_at - received_at` (elapsed days, 1 decimal)
      over the complaints closed in the period;
    - `resolved_within_one_business_day`: share (0..1, 3 decimals) of the complaints closed in
      the period that were closed as resolved no later than one business day (R10: 9 working
      hours of the Istanbul business calendar) after they were received. The denominator is
      every complaint closed in the period, so withdrawn complaints and final decisions count
      as not resolved. For categories on the one-business-day deadline profile the deadline is
      the stored `response_due_at`; for the others (24 calendar hours, 30 days) it is worked
      out from the calendar, so the figure means the same thing for every category.
    """

    received: int | None
    received_suppressed: bool
    closed: int | None
    closed_suppressed: bool
    median_first_response_hours: float | None
    median_closure_days: float | None
    resolved_within_one_business_day: float | None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class MonthFigures(Figures):
    month: str  # "2026-11", in Istanbul time

    def as_dict(self) -> dict:
        figures = asdict(self)
        return {"month": figures.pop("month"), **figures}


@dataclass(frozen=True, kw_only=True)
class SatisfactionFigures:
    """Surveys submitted in the window (R11): averages of the 1-5 scores, 2 decimals."""

    responses: int | None
    responses_suppressed: bool
    average_resolution_score: float | None
    average_process_score: float | None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, kw_only=True)
class PublicStatistics:
    months: tuple[MonthFigures, ...]  # oldest first, the current month last
    totals: Figures  # the whole window
    satisfaction: SatisfactionFigures
    min_count: int
    generated_at: datetime

    def as_dict(self) -> dict:
        """Plain JSON-ready data: ints, floats, bools, None, strings, lists and dicts."""
        return {
            "months": [month.as_dict() for month in self.months],
            "totals": self.totals.as_dict(),
            "satisfaction": self.satisfaction.as_dict(),
            "min_count": self.min_count,
            "generated_at": self.generated_at.isoformat(),
        }


class _ElapsedMilliseconds(Func):
    """Whole milliseconds from the second timestamp to the first, worked out by the database.

    Parsing two timestamps per complaint in Python costs seconds on a large table; an integer
    per complaint does not, and integers give the same medians on SQLite and PostgreSQL.
    """

    arity = 2
    arg_joiner = " - "
    template = "CAST(ROUND(EXTRACT(EPOCH FROM (%(expressions)s)) * 1000) AS BIGINT)"
    output_field = BigIntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(ROUND((julianday(%(expressions)s)) * 86400000.0) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _month_index(field_name: str, month_starts: list[datetime]) -> Case:
    """0 for a moment in the first month of the window, 1 for the second, and so on."""
    return Case(
        *(
            When(**{f"{field_name}__lt": next_start}, then=Value(i))
            for i, next_start in enumerate(month_starts[1:])
        ),
        default=Value(len(month_starts) - 1),
    )


@dataclass
class _Tally:
    """What one period accumulates while the rows stream past."""

    received: int = 0
    first_responses: list[int] = field(default_factory=list)  # milliseconds
    closed: int = 0
    closures: list[int] = field(default_factory=list)  # milliseconds
    resolved_in_time: int = 0

    @classmethod
    def combined(cls, tallies: list[_Tally]) -> _Tally:
        return cls(
            received=sum(t.received for t in tallies),
            first_responses=[ms for t in tallies for ms in t.first_responses],
            closed=sum(t.closed for t in tallies),
            closures=[ms for t in tallies for ms in t.closures],
            resolved_in_time=sum(t.resolved_in_time for t in tallies),
        )


def public_statistics(*, months: int = 12, now: datetime | None = None) -> PublicStatistics:
    """R15: anonymised figures for the last `months` calendar months, the current one included.

    `now` (aware; the current time when omitted) is the moment the figures describe. See the
    module docstring for suppression and `Figures` for what each figure means.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    calendar = BusinessCalendar.from_settings()
    min_count = settings.MEMNUN_STATISTICS_MIN_COUNT
    now = calendar.to_local(now or timezone.now())
    first = now.year * 12 + now.month - 1 - (months - 1)  # months since year 0, zero-based
    month_starts = [
        datetime((first + i) // 12, (first + i) % 12 + 1, 1, tzinfo=calendar.tz)
        for i in range(months)
    ]
    tallies = [_Tally() for _ in month_starts]
    _count_received(tallies, month_starts, now)
    _count_closed(tallies, month_starts, now, calendar)
    total = _Tally.combined(tallies)

    received_hidden, total_received_hidden = _withheld(
        [t.received for t in tallies], total.received, min_count
    )
    closed_hidden, total_closed_hidden = _withheld(
        [t.closed for t in tallies], total.closed, min_count
    )
    return PublicStatistics(
        months=tuple(
            MonthFigures(
                month=f"{month_start.year:04d}-{month_start.month:02d}",
                **_figures(tally, received_hidden[i], closed_hidden[i], min_count),
            )
            for i, (month_start, tally) in enumerate(zip(month_starts, tallies, strict=True))
        ),
        totals=Figures(**_figures(total, total_received_hidden, total_closed_hidden, min_count)),
        satisfaction=_satisfaction(month_starts[0], now, min_count),
        min_count=min_count,
        generated_at=now,
    )


def _count_received(tallies: list[_Tally], month_starts: list[datetime], now: datetime) -> None:
    """Complaints received in the window, and how long each waited for acknowledgement (R5)."""
    first_response = Case(
        When(
            acknowledged_at__lte=now,
            then=_ElapsedMilliseconds(F("acknowledged_at"), F("received_at")),
        ),
        default=None,
        output_field=BigIntegerField(),
    )
    rows = (
        Complaint.objects.filter(received_at__gte=month_starts[0], received_at__lte=now)
        .order_by()
        .values_list(_month_index("received_at", month_starts), first_response)
    )
    for month, waited in rows:
        tally = tallies[month]
        tally.received += 1
        if waited is not None:
            tally.first_responses.append(waited)


def _count_closed(
    tallies: list[_Tally], month_starts: list[datetime], now: datetime, calendar: BusinessCalendar
) -> None:
    """Complaints closed in the window: how long each took, and which were resolved within
    one business day (R10)."""
    one_business_day = Q(category__deadline_profile=DeadlineProfile.ONE_BUSINESS_DAY)
    resolved = Q(closure_reason=ClosureReason.RESOLVED)
    # The one-business-day profile's stored deadline is one business day after receipt, so
    # the database compares; the other profiles store another deadline, so for them the
    # timestamps come back and the calendar works it out.
    in_time = Case(
        When(resolved & one_business_day & Q(closed_at__lte=F("response_due_at")), then=1),
        default=0,
    )
    on_another_profile = resolved & ~one_business_day
    rows = (
        Complaint.objects.filter(closed_at__gte=month_starts[0], closed_at__lte=now)
        .order_by()
        .values_list(
            _month_index("closed_at", month_starts),
            _ElapsedMilliseconds(F("closed_at"), F("received_at")),
            in_time,
            Case(When(on_another_profile, then=F("received_at")), default=None),
            Case(When(on_another_profile, then=F("closed_at")), default=None),
        )
    )
    for month, took, resolved_in_time, received_at, closed_at in rows:
        if received_at is not None:
            resolved_in_time = closed_at <= calendar.add_business_days(received_at, 1)
        tally = tallies[month]
        tally.closed += 1
        tally.closures.append(took)
        tally.resolved_in_time += resolved_in_time


def public_statistics_cached(*, months: int = 12) -> PublicStatistics:
    """`public_statistics()` computed at most once per `CACHE_TIMEOUT` for each `months`."""
    key = CACHE_KEY.format(months=months)
    figures = cache.get(key)
    if figures is None:
        figures = public_statistics(months=months)
        cache.set(key, figures, CACHE_TIMEOUT)
    return figures


def _is_small(count: int, min_count: int) -> bool:
    return 0 < count < min_count


def _withheld(counts: list[int], total: int, min_count: int) -> tuple[list[bool], bool]:
    """Which monthly counts, and whether the total, to withhold (see the module docstring)."""
    hidden = [_is_small(count, min_count) for count in counts]
    total_hidden = _is_small(total, min_count)
    if hidden.count(True) == 1 and not total_hidden:
        # The total is at least min_count and the withheld month is below it, so another
        # non-zero month exists.
        shown = [i for i, count in enumerate(counts) if count and not hidden[i]]
        hidden[min(shown, key=counts.__getitem__)] = True
    return hidden, total_hidden


def _median(milliseconds: list[int], unit: int, min_count: int) -> float | None:
    if len(milliseconds) < max(min_count, 1):
        return None
    return round(statistics.median(milliseconds) / unit, 1)


def _figures(tally: _Tally, received_hidden: bool, closed_hidden: bool, min_count: int) -> dict:
    closed_known = not closed_hidden and tally.closed >= max(min_count, 1)
    return {
        "received": None if received_hidden else tally.received,
        "received_suppressed": received_hidden,
        "closed": None if closed_hidden else tally.closed,
        "closed_suppressed": closed_hidden,
        "median_first_response_hours": (
            None if received_hidden else _median(tally.first_responses, HOUR, min_count)
        ),
        "median_closure_days": _median(tally.closures, DAY, min_count) if closed_known else None,
        "resolved_within_one_business_day": (
            round(tally.resolved_in_time / tally.closed, 3) if closed_known else None
        ),
    }


def _satisfaction(start: datetime, now: datetime, min_count: int) -> SatisfactionFigures:
    surveys = SatisfactionSurvey.objects.filter(
        submitted_at__gte=start, submitted_at__lte=now
    ).aggregate(
        responses=Count("pk"),
        resolution=Avg("resolution_score"),
        process=Avg("process_score"),
    )
    responses = surveys["responses"]
    hidden = _is_small(responses, min_count)
    shown = responses >= max(min_count, 1)
    return SatisfactionFigures(
        responses=None if hidden else responses,
        responses_suppressed=hidden,
        average_resolution_score=round(float(surveys["resolution"]), 2) if shown else None,
        average_process_score=round(float(surveys["process"]), 2) if shown else None,
    )
