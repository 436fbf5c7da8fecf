"""Bulk benchmark data: `generate_complaints --count 1000000`.

The one place complaints are written without the services (see `workflow.demo.bulk_generate`
for why and how the rows stay valid). For benchmarks and load tests, not for demos.
"""

import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from workflow.demo.bulk_generate import CapacityError, default_years, generate


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate N realistic complaints with hash-chained events for benchmarks "
        "(bulk inserts, not the services)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=positive_int, required=True)
        parser.add_argument(
            "--batch-size", type=positive_int, default=5000, help="complaints per transaction"
        )
        parser.add_argument("--seed", type=int, default=None, help="repeatable content")
        parser.add_argument(
            "--events-per-complaint",
            type=float,
            default=5.0,
            help="average events per complaint; a complaint's story may need more",
        )
        parser.add_argument(
            "--workers",
            type=non_negative_int,
            default=min(2, os.cpu_count() or 1),
            help="processes building rows while this one writes (0: build here)",
        )
        parser.add_argument(
            "--years",
            type=positive_int,
            default=None,
            help="spread received_at over this many years (default: at most ~400k a year)",
        )

    def handle(
        self, *args, count, batch_size, seed, events_per_complaint, years, workers, **options
    ):
        years = years or default_years(count)
        # No tqdm monitor thread: the row builders are forked, and forking a process that
        # runs other threads can deadlock the child.
        tqdm.monitor_interval = 0
        with tqdm(
            total=count,
            unit=" complaints",
            unit_scale=True,
            file=sys.stderr,
            disable=options["verbosity"] < 1,
        ) as bar:
            try:
                result = generate(
                    count=count,
                    batch_size=batch_size,
                    seed=seed,
                    events_per_complaint=events_per_complaint,
                    years=years,
                    workers=workers,
                    progress=bar.update,
                )
            except (CapacityError, NotImplementedError) as error:
                raise CommandError(str(error)) from error
        rows = result.complaints + result.events
        self.stdout.write(
            f"generated {result.complaints} complaints and {result.events} events in "
            f"{result.seconds:.1f} s ({rows / result.seconds:.0f} rows/s)"
        )
        others = ", ".join(f"{n} {name}" for name, n in sorted(result.other_rows.items()))
        self.stdout.write(f"  also: {others}; received over the last {years} year(s)")
        if connection.vendor == "postgresql":
            # Until autovacuum gets round to it, the planner would guess from empty tables'
            # statistics (e.g. thousands of events per complaint, and a parallel scan for a
            # timeline of eight): what is measured next would not be what production sees.
            started = time.monotonic()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.stdout.write(
                f"  planner statistics (ANALYZE) in {time.monotonic() - started:.1f} s"
            )
