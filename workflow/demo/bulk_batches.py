"""Build batches of rows in worker processes while the main process writes the previous ones.

Building a complaint (its story, R10 deadline and hash-chained events) costs about 200 µs of
Python; writing it costs about half that. Worker processes build, the main process does every
database call (ids are reserved there, before a batch is handed out), so on two cores the
building and the writing overlap. Every batch has its own random seed, so the content does not
depend on which worker built it.
"""

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from random import Random

from workflow.deadlines import BusinessCalendar

from .bulk_drafts import DraftMaker
from .bulk_plan import Planner
from .bulk_rows import CategoryRef, Person, RowBuilder, Rows, UnitRef


@dataclass(frozen=True)
class Job:
    seed: int
    times: Sequence[float]  # POSIX receipt times, ascending
    references: Sequence[str]
    complaint_ids: Sequence[int]
    proposal_ids: Sequence[int]  # at most two proposals per complaint (one revision)
    request_ids: Sequence[int]  # at most one information request per complaint


@dataclass(frozen=True)
class BatchBuilder:
    """Everything a worker needs to turn a `Job` into rows; no database access."""

    now: datetime
    events_per_complaint: float
    categories: list[CategoryRef]
    units: list[UnitRef]
    staff: list[Person]
    customers: list[Person]
    complaints_per_day: float
    calendar: BusinessCalendar
    adapt_datetime: Callable
    adapt_json: Callable

    def __call__(self, job: Job) -> Rows:
        rng = Random(job.seed)
        maker = DraftMaker(
            rng=rng,
            planner=Planner(rng, self.now, self.events_per_complaint),
            categories=self.categories,
            staff=self.staff,
            customers=self.customers,
            complaints_per_day=self.complaints_per_day,
            calendar=self.calendar,
        )
        builder = RowBuilder(rng, self.staff, self.units, self.adapt_datetime, self.adapt_json)
        rows = Rows()
        proposal_ids, request_ids = iter(job.proposal_ids), iter(job.request_ids)
        for complaint_id, moment, reference in zip(
            job.complaint_ids, job.times, job.references, strict=True
        ):
            draft = maker.draft(datetime.fromtimestamp(moment, UTC), reference)
            builder.build(complaint_id, draft, proposal_ids, request_ids, rows)
        return rows


_builder: BatchBuilder | None = None


def _init_worker(builder: BatchBuilder) -> None:
    global _builder
    _builder = builder


def _build(job: Job) -> Rows:
    return _builder(job)


def build_batches(builder: BatchBuilder, jobs: Iterable[Job], workers: int) -> Iterator[Rows]:
    """Rows of each job, in order. `jobs` is consumed in this (the calling) thread only, so
    it may use the database; with `workers=0` everything runs here, one batch at a time."""
    if workers == 0:
        yield from map(builder, jobs)
        return
    # fork: the workers start with the already loaded code and data, and never touch the
    # inherited database connection (they only compute).
    context = multiprocessing.get_context("fork")
    window = 2 * workers  # batches being built while one is written
    with context.Pool(workers, initializer=_init_worker, initargs=(builder,)) as pool:
        pending: deque = deque()
        for job in jobs:
            pending.append(pool.apply_async(_build, (job,)))
            if len(pending) > window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
