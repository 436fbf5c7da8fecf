"""Send every notification that is due, once: for cron, the scheduler, and staff by hand."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from workflow.models import Notification
from workflow.notifications import deliver_due


class Command(BaseCommand):
    help = (
        "Deliver pending notifications and retry failed ones whose next attempt is due. "
        "With --retry-dead, dead notifications are given a fresh set of attempts first "
        "(after the mail server has been fixed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-dead",
            action="store_true",
            help="Reset dead notifications to pending (attempts 0) before sending.",
        )

    def handle(self, *args, retry_dead: bool = False, **options):
        if retry_dead:
            revived = Notification.objects.filter(status=Notification.State.DEAD).update(
                status=Notification.State.PENDING, attempts=0, next_attempt_at=timezone.now()
            )
            self.log(f"Reset {revived} dead notification(s) to pending.", options)
        counts = deliver_due()
        if not counts:
            self.log("No notifications due.", options)
            return
        summary = ", ".join(f"{status} {count}" for status, count in sorted(counts.items()))
        self.log(f"Notifications: {summary}.", options)

    def log(self, message: str, options: dict) -> None:
        if options["verbosity"] >= 1:
            self.stdout.write(message)
