"""The periodic jobs of `make run` (Procfile "scheduler"): the management commands named in
`MEMNUN_SCHEDULED_COMMANDS` (check deadlines, delete expired "my data" ZIPs, send due
notifications) every `--interval` seconds. A failing job is logged and retried next round; the
loop only ends on SIGINT/SIGTERM (or after one round with `--once`)."""

import logging
import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(BaseCommand):
    help = "Run the commands of MEMNUN_SCHEDULED_COMMANDS every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=60.0, help="Seconds between rounds (default 60)."
        )
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")

    def handle(self, *args, interval: float, once: bool, **options):
        self.stopping = False
        self.verbosity = options["verbosity"]
        if once:
            self.run_round()
            return
        previous = {signum: signal.signal(signum, self.request_stop) for signum in STOP_SIGNALS}
        try:
            while True:
                self.run_round()
                self.sleep(interval)
                if self.stopping:
                    break
                # The database may have dropped an idle connection while we slept.
                close_old_connections()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        if self.verbosity >= 1:
            self.stdout.write("Scheduler stopped.")

    def run_round(self) -> None:
        for job in settings.MEMNUN_SCHEDULED_COMMANDS:
            if self.stopping:
                return
            try:
                call_command(job, verbosity=self.verbosity, stdout=self.stdout, stderr=self.stderr)
            except Exception:  # one broken job must not stop the others or the loop
                logger.exception("Scheduled job %s failed", job)

    def sleep(self, seconds: float) -> None:
        """Sleep in short steps so a stop signal ends the wait promptly."""
        deadline = time.monotonic() + seconds
        while not self.stopping and (remaining := deadline - time.monotonic()) > 0:
            time.sleep(min(remaining, 0.5))

    def request_stop(self, signum, frame) -> None:
        if self.stopping:  # a second signal: stop now, even in the middle of a job
            raise SystemExit(1)
        self.stopping = True
        logger.info("Received %s; stopping after the current job.", signal.strsignal(signum))
