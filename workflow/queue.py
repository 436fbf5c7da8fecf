"""The staff queue's reads: its sort, its search and its received-date range.

The console queue and the staff API apply these same functions to `complaints_for_staff(user)`,
so both sort, search and filter alike and neither widens the user's scope.

Speed (issue 10): the default sort is open complaints first, then the R10 clock,
`response_due_at` (always set), then `received_at` and `pk`, served by the indexes
`complaint_due_idx`, `complaint_unit_due_idx`, `complaint_status_due_idx`,
`complaint_sla_due_idx` and `complaint_assignee_due_idx`; a page of 20-50 rows reads the index in
order and stops, it never sorts the table. The full-text search on PostgreSQL uses the GIN
expression index `complaint_search_idx` (migration 0010), whose expression is `SEARCH_VECTOR`
below, word for word: change one, change the other.
"""

import re
from datetime import date, datetime, time, timedelta

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import IS_CLOSED, Complaint

# IS_CLOSED (models.py): true for a closed complaint (`closed_at` is set exactly then: a check
# constraint). The deadline orders put open complaints first: a closed one's deadline has long
# passed, and a work queue that starts with last year's closed complaints is no queue. The
# indexes of migration 0010 lead with this same expression.

# ordering name (the `ordering` parameter of the console and the API) -> ORDER BY
ORDERINGS: dict[str, tuple] = {
    "due": (IS_CLOSED.asc(), "response_due_at", "received_at", "pk"),
    "-due": (IS_CLOSED.asc(), "-response_due_at", "-received_at", "-pk"),
    "received": ("received_at", "pk"),
    "-received": ("-received_at", "-pk"),
}
DEFAULT_ORDERING = "due"

REFERENCE = re.compile(r"^\s*(MMN-\d{4}-\d{6})\s*$", re.IGNORECASE)
# the words of a search: letters and digits (any script), plus the characters an e-mail
# address or a reference carries inside a word
WORD = re.compile(r"[\w@.+-]+")
SEARCH_CONFIG = "simple"  # names, e-mail addresses and two languages: no stemming
SEARCH_VECTOR = SearchVector(
    "reference",
    "subject",
    "description",
    "contact_name",
    "contact_email",
    config=SEARCH_CONFIG,
)


# the same order for searched querysets, by expressions no index provides (see search_queue)
IS_CLOSED_UNINDEXED = ExpressionWrapper(
    Q(closed_at__isnull=False) & Q(response_due_at__isnull=False), output_field=BooleanField()
)
SEARCH_ORDERINGS: dict[str, tuple] = {
    "due": (IS_CLOSED_UNINDEXED.asc(), "response_due_at", "received_at", "pk"),
    "-due": (IS_CLOSED_UNINDEXED.asc(), "-response_due_at", "-received_at", "-pk"),
    "received": (Coalesce("received_at", "response_due_at").asc(), "pk"),
    "-received": (Coalesce("received_at", "response_due_at").desc(), "-pk"),
}


def order_queue(queryset: QuerySet[Complaint], ordering: str | None) -> QuerySet[Complaint]:
    """The queue in the named order; open ones first, earliest deadline first, unless told
    otherwise."""
    name = ordering if ordering in ORDERINGS else DEFAULT_ORDERING
    orderings = SEARCH_ORDERINGS if "search" in queryset.query.annotations else ORDERINGS
    queryset = queryset.order_by(*orderings[name])
    queryset.query.queue_ordering = name
    return queryset


def _ordering_name(queryset: QuerySet[Complaint]) -> str:
    return getattr(queryset.query, "queue_ordering", DEFAULT_ORDERING)


def search_queue(queryset: QuerySet[Complaint], text: str) -> QuerySet[Complaint]:
    """Complaints matching `text`, within the queryset's own scope.

    A whole reference (MMN-YYYY-NNNNNN) is an equality lookup on the unique index. Otherwise
    every word must match the start of a word in the reference, subject, description, contact
    name or e-mail: PostgreSQL's full-text search (GIN index), `icontains` elsewhere (SQLite).
    """
    text = (text or "").strip()
    if not text:
        return queryset
    reference = REFERENCE.match(text)
    if reference:
        return queryset.filter(reference=reference.group(1).upper())
    words = WORD.findall(text)
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        searched = queryset.annotate(search=SEARCH_VECTOR).filter(search=_prefix_query(words))
        # Ordered by the deadline index, PostgreSQL would walk it and rebuild each
        # complaint's tsvector until a page is full (seconds for a common word in a small
        # unit); ordered by the same values in a form no index gives, it takes the matches
        # from the GIN index and sorts only them.
        return order_queue(searched, _ordering_name(queryset))
    for word in words:
        queryset = queryset.filter(
            Q(reference__icontains=word)
            | Q(subject__icontains=word)
            | Q(description__icontains=word)
            | Q(contact_name__icontains=word)
            | Q(contact_email__icontains=word)
        )
    return queryset


def _prefix_query(words: list[str]) -> SearchQuery:
    """Every word as a prefix (`ahm` finds Ahmet); quoted, so no word is read as an operator."""
    terms = " & ".join("'{}':*".format(word.replace("'", "''").replace("\\", "")) for word in words)
    return SearchQuery(terms, search_type="raw", config=SEARCH_CONFIG)


def start_of_day(day: date) -> datetime:
    """Midnight in the company's time zone: a date range on `received_at` stays a range
    (an index range scan), never a per-row conversion to a date."""
    return timezone.make_aware(datetime.combine(day, time.min))


def received_between(
    queryset: QuerySet[Complaint], first: date | None, last: date | None
) -> QuerySet[Complaint]:
    """Received on `first` or later and on `last` or earlier, both whole days in Istanbul.
    A bound at the very edge of the calendar (year 1, 9999) bounds nothing: it could not be
    converted to UTC."""
    if first is not None and first > date.min + timedelta(days=1):
        queryset = queryset.filter(received_at__gte=start_of_day(first))
    if last is not None and last < date.max - timedelta(days=1):
        queryset = queryset.filter(received_at__lt=start_of_day(last + timedelta(days=1)))
    return queryset
