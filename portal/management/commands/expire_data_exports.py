"""Delete the "my data" ZIPs past their download period, and give up on lost requests: for
cron and `run_scheduler` (MEMNUN_SCHEDULED_COMMANDS)."""

from django.core.management.base import BaseCommand

from portal.data_exports import expire_data_exports


class Command(BaseCommand):
    help = (
        "Delete prepared personal-data ZIPs whose download period (MEMNUN_DATA_EXPORT_DAYS) "
        "has ended, and mark requests pending for hours as failed."
    )

    def handle(self, *args, **options):
        counts = expire_data_exports()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Data exports: {counts['expired']} expired, {counts['failed']} given up."
            )
