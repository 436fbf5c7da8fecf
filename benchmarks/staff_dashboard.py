"""Time the staff console's work queues: prints figures, asserts nothing.

The dashboard (`/admin/`), the review queue (`/admin/complaints/reviews/`) and the overdue
corrective actions (`/admin/corrective-actions/overdue/`) as a handler, a unit manager and a
quality manager (the demo accounts), with their query counts, and the plan of the dashboard's
counts. Run it on a bulk database:

    benchmarks/generate_complaints.sh sqlite
    DATABASE_URL=sqlite:////tmp/memnun-bench.sqlite3 .venv/bin/python benchmarks/staff_dashboard.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from workflow.models import Complaint  # noqa: E402
from workflow.selectors import dashboard_queues  # noqa: E402
from workflow.states import OPEN_STATUSES  # noqa: E402

RUNS = 5
PEOPLE = ["personel@example.com", "birim.yonetici@example.com", "yonetici@example.com"]
PAGES = ["/admin/", "/admin/complaints/reviews/", "/admin/corrective-actions/overdue/"]


def main() -> None:
    users = get_user_model().objects.filter(email__in=PEOPLE)
    if users.count() < len(PEOPLE):
        sys.exit("The demo staff accounts are missing: run load_demo_data or generate_complaints.")
    total = Complaint.objects.count()
    open_count = Complaint.objects.filter(status__in=OPEN_STATUSES).count()
    print(f"{connection.vendor}: {total} complaints, {open_count} open")
    print(f"{'page':<36} {'user':<28} {'status':>6} {'queries':>7} {'median ms':>9} {'max ms':>7}")
    for email in PEOPLE:
        user = users.get(email=email)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        for url in PAGES:
            client.get(url)  # warm-up
            timings = []
            for _ in range(RUNS):
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
            print(
                f"{url:<36} {email:<28} {response.status_code:>6} {len(queries):>7} "
                f"{statistics.median(timings):>9.1f} {max(timings):>7.1f}"
            )
    print("\nplans of the dashboard's counts (quality manager):")
    for queue, queryset in dashboard_queues(users.get(email=PEOPLE[-1])).items():
        plan = queryset.order_by().explain().replace("\n", " | ")
        print(f"  {queue:<20} {plan[:160]}")


if __name__ == "__main__":
    main()
