from django.core.management.base import BaseCommand

from workflow.services import check_deadlines


class Command(BaseCommand):
    help = "Mark open complaints at risk or breached (R10) and alert their assignees."

    def handle(self, *args, **options):
        changed = check_deadlines()
        self.stdout.write(
            "check_deadlines: " + ", ".join(f"{state}={count}" for state, count in changed.items())
        )
