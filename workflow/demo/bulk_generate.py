"""Generate benchmark complaints in bulk: the documented exception to "only services write".

Calling the services a million times would take hours, so this builds the same rows they
would have written (valid state paths, hash-chained events, R10 deadlines, references from
`ReferenceCounter`) and writes them in batches, one transaction per batch.
"""

import bisect
import math
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from random import Random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from workflow.deadlines import BusinessCalendar
from workflow.groups import STAFF_GROUPS
from workflow.models import (
    Category,
    Complaint,
    ComplaintEvent,
    CorrectiveAction,
    InformationRequest,
    ReferenceCounter,
    ResolutionProposal,
    SatisfactionSurvey,
)
from workflow.selectors import applicable_routes
from workflow.services.intake import REFERENCE_PREFIX, format_reference

from . import bulk_rows as r
from . import bulk_texts as texts
from .bulk_batches import BatchBuilder, Job, build_batches
from .bulk_plan import DAY, HOUR
from .bulk_writer import BulkWriter, Table, writer_for_connection
from .reference_data import ensure_reference_data, root_cause_action
from .users import ensure_demo_users

MAX_NUMBER = 999_999  # MMN-<year>-<6 digits>
YEARLY_CAPACITY = 400_000  # default spread: no year gets close to the 6-digit limit
BENCH_CUSTOMER = "bench-customer-{:06d}@example.net"
# Relative chance of a complaint arriving in each local hour (a working day's shape).
HOURLY = [1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 15, 14, 11, 13, 14, 13, 11, 8, 6, 5, 4, 3, 2, 1]
WEEKEND_FACTOR = 0.35
ISTANBUL_OFFSET = 3 * HOUR  # for the arrival pattern only; years use the real time zone


class CapacityError(Exception):
    pass


@dataclass
class Result:
    complaints: int = 0
    events: int = 0
    other_rows: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def default_years(count: int) -> int:
    return max(2, math.ceil(count / YEARLY_CAPACITY))


def arrival_times(rng: Random, count: int, now: datetime, years: int) -> list[float]:
    """`count` sorted POSIX times over the last `years` years, busier in office hours."""
    end, span = now.timestamp(), years * 365 * DAY
    peak = max(HOURLY)
    times: list[float] = []
    while len(times) < count:
        moment = end - rng.random() * span
        local = moment + ISTANBUL_OFFSET
        weekday = (int(local // DAY) + 3) % 7  # 1970-01-01 was a Thursday (3)
        weight = HOURLY[int(local % DAY // HOUR)] / peak
        if weekday >= 5:
            weight *= WEEKEND_FACTOR
        if rng.random() < weight:
            times.append(moment)
    times.sort()
    return times


def _year_starts(first: float, last: float, tz) -> tuple[list[float], list[int]]:
    """POSIX times of 1 January 00:00 local time for the years spanned (references run per
    local year, as `workflow.services.intake.next_reference` numbers them)."""
    years = list(
        range(datetime.fromtimestamp(first, tz).year, datetime.fromtimestamp(last, tz).year + 1)
    )
    return [datetime(year, 1, 1, tzinfo=tz).timestamp() for year in years], years


@transaction.atomic
def reserve_reference_numbers(per_year: dict[int, int]) -> dict[int, int]:
    """Advance each year's counter past the numbers we need; returns the first number per year.

    Also looks at the highest reference already stored, so rows written without the counter
    (fixtures, an earlier import) are never collided with.
    """
    first = {}
    for year, needed in sorted(per_year.items()):
        ReferenceCounter.objects.get_or_create(year=year)
        counter = ReferenceCounter.objects.select_for_update().get(year=year)
        prefix = f"{REFERENCE_PREFIX}-{year}-"
        highest = (
            Complaint.objects.filter(reference__gte=prefix, reference__lt=prefix[:-1] + ".")
            .order_by("-reference")
            .values_list("reference", flat=True)
            .first()
        )
        used = max(counter.last_number, int(highest.rsplit("-", 1)[1]) if highest else 0)
        if used + needed > MAX_NUMBER:
            raise CapacityError(
                f"{year} would need numbers up to {used + needed}; spread the complaints over "
                "more years (--years)."
            )
        counter.last_number = used + needed
        counter.save(update_fields=["last_number"])
        first[year] = used + 1
    return first


def staff_people() -> list[r.Person]:
    """Complaint staff and managers act on the generated complaints (demo ones if none)."""
    query = get_user_model().objects.filter(
        Q(groups__name__in=STAFF_GROUPS), is_staff=True, is_active=True
    )
    if not query.exists():
        ensure_demo_users()
    people = [r.Person(user.pk, user.get_full_name() or user.get_username()) for user in query]
    return list({person.id: person for person in people}.values())


def bench_customers(writer: BulkWriter, rng: Random, wanted: int) -> list[r.Person]:
    """`wanted` customer accounts (created once, reused by later runs); they cannot log in."""
    user_model = get_user_model()
    query = user_model.objects.filter(username__startswith="bench-customer-")
    have = set(query.values_list("username", flat=True))
    missing = [n for n in range(1, wanted + 1) if BENCH_CUSTOMER.format(n) not in have]
    if missing:
        now = timezone.now()
        users = Table(
            user_model,
            ("password", "is_superuser", "username", "first_name", "last_name", "email",
             "is_staff", "is_active", "date_joined"),
        )  # fmt: skip
        rows = []
        for number in missing:
            email = BENCH_CUSTOMER.format(number)
            first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
            rows.append(
                ("!", False, email, first, last, email, False, True, writer.adapt_datetime(now))
            )  # "!": an unusable password (django.contrib.auth.hashers)
        with transaction.atomic():
            writer.insert(users, rows)
    values = query.order_by("pk").values_list("pk", "first_name", "last_name", "email")
    return [r.Person(pk, f"{first} {last}", email) for pk, first, last, email in values[:wanted]]


def category_refs(owner_id: int) -> list[r.CategoryRef]:
    """Every active category (the demo ones are created if missing) with its unit and routes."""
    ensure_reference_data()
    owner = get_user_model().objects.get(pk=owner_id)
    refs = []
    for category in Category.objects.filter(is_active=True).select_related("default_unit"):
        unit = category.default_unit
        refs.append(
            r.CategoryRef(
                id=category.pk,
                slug=category.slug,
                profile=category.deadline_profile,
                severity=category.default_severity,
                unit=r.UnitRef(unit.pk, unit.slug, unit.name_tr, unit.name_en),
                route_ids=tuple(route.pk for route in applicable_routes(category.pk)),
                action_ids=(root_cause_action(category, owner).pk,),
            )
        )
    return refs


TABLES = {
    "complaints": (Complaint, r.COMPLAINT_COLUMNS),
    "events": (ComplaintEvent, r.EVENT_COLUMNS),
    "proposals": (ResolutionProposal, r.PROPOSAL_COLUMNS),
    "information_requests": (InformationRequest, r.REQUEST_COLUMNS),
    "surveys": (SatisfactionSurvey, r.SURVEY_COLUMNS),
    "action_links": (CorrectiveAction.complaints.through, r.ACTION_LINK_COLUMNS),
    "routes_offered": (ResolutionProposal.routes_offered.through, r.ROUTES_OFFERED_COLUMNS),
}
OTHER_TABLES = [name for name in TABLES if name not in ("complaints", "events")]


def generate(
    *,
    count: int,
    batch_size: int = 5000,
    seed: int | None = None,
    events_per_complaint: float = 5.0,
    years: int | None = None,
    workers: int = 0,
    progress=None,
) -> Result:
    """Write `count` complaints with their events; `progress(n)` is called after each batch."""
    started = time.perf_counter()
    rng = Random(seed)
    now = timezone.now()
    years = years or default_years(count)
    writer = writer_for_connection()
    tables = {name: Table(model, columns) for name, (model, columns) in TABLES.items()}

    calendar = BusinessCalendar.from_settings()
    staff = staff_people()
    categories = category_refs(staff[0].id)
    times = arrival_times(rng, count, now, years)
    starts, year_list = _year_starts(times[0], times[-1], calendar.tz)
    year_of = [year_list[bisect.bisect_right(starts, moment) - 1] for moment in times]
    next_number = reserve_reference_numbers(Counter(year_of))
    references = []
    for year in year_of:
        references.append(format_reference(year, next_number[year]))
        next_number[year] += 1

    builder = BatchBuilder(
        now=now,
        events_per_complaint=events_per_complaint,
        categories=categories,
        units=list({category.unit.id: category.unit for category in categories}.values()),
        staff=staff,
        customers=bench_customers(writer, rng, max(20, min(count // 5, 200_000))),
        complaints_per_day=count / (years * 365),
        calendar=calendar,
        adapt_datetime=writer.adapt_datetime,
        adapt_json=writer.adapt_json,
    )

    def jobs():
        for start in range(0, count, batch_size):
            size = min(batch_size, count - start)
            yield Job(
                seed=rng.getrandbits(64),
                times=times[start : start + size],
                references=references[start : start + size],
                complaint_ids=writer.reserve_ids(tables["complaints"], size),
                proposal_ids=writer.reserve_ids(tables["proposals"], 2 * size),
                request_ids=writer.reserve_ids(tables["information_requests"], size),
            )

    result = Result()
    with writer.tuned():
        for rows in build_batches(builder, jobs(), workers):
            with transaction.atomic():
                for name, table in tables.items():
                    if batch := getattr(rows, name):
                        writer.insert(table, batch)
            result.complaints += len(rows.complaints)
            result.events += len(rows.events)
            for name in OTHER_TABLES:
                result.other_rows[name] += len(getattr(rows, name))
            if progress:
                progress(len(rows.complaints))
    result.seconds = time.perf_counter() - started
    return result
