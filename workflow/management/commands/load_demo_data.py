"""Load the demo: units, categories, routes, users, the public site's pages and complaints.

Idempotent: reference data is keyed on slugs (routes on their URL), users on their e-mail
(their passwords are reset to DEMO_PASSWORD), and a demo complaint is filed only if no
complaint with its subject, channel and complainant (account or contact details) exists yet.
"""

from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from workflow.demo import scenarios_portal, scenarios_staff, scenarios_staff_closed
from workflow.demo.complaints import DemoComplaints
from workflow.demo.reference_data import ensure_reference_data
from workflow.demo.users import DEFAULT_PASSWORD, DEMO_USERS, demo_password, ensure_demo_users

SCENARIOS = [
    *scenarios_portal.SCENARIOS,
    *scenarios_staff.SCENARIOS,
    *scenarios_staff_closed.SCENARIOS,
]


class Command(BaseCommand):
    help = (
        "Load demo units, categories, routes, users, site pages (TR + EN) and complaints in "
        "every state (idempotent)."
    )

    def handle(self, *args, **options):
        reference = ensure_reference_data()
        password = demo_password()
        users = ensure_demo_users(password)
        # Other apps' demo content (the CMS's pages), named in settings so that the
        # workflow does not import them.
        for loader in settings.MEMNUN_DEMO_CONTENT_LOADERS:
            for line in import_string(loader)(users=users):
                self.stdout.write(line)
        demo_complaints = DemoComplaints(users)
        created, skipped = demo_complaints.load(SCENARIOS)

        demo = demo_complaints.existing(SCENARIOS)
        by_state = Counter(
            f"{status}/{reason}" if reason else status
            for status, reason in demo.values_list("status", "closure_reason")
        )
        write = self.stdout.write
        write(
            f"Reference data: {len(reference.units)} units, {len(reference.categories)} "
            f"categories, {len(reference.routes)} alternative routes."
        )
        write(f"Demo complaints: {created} created, {skipped} already present.")
        for state, count in sorted(by_state.items()):
            write(f"  {state:<28} {count}")
        # A password chosen through DEMO_PASSWORD is not echoed to the terminal or the logs.
        shown = password if password == DEFAULT_PASSWORD else "(DEMO_PASSWORD)"
        write(self.style.SUCCESS("Demo logins:"))
        for spec in DEMO_USERS:
            write(f"  {spec.email:<28} {shown:<16} {spec.note}")
