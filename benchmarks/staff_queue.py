"""Time the staff queue (console and API) and print the query plans: prints figures, asserts
nothing.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/staff_queue.py [--explain]

Needs the demo users (`load_demo_data`) and many complaints (`generate_complaints`). Each
case is the queue's first page for a quality manager (every unit) and for a handler (own
units only), unfiltered, filtered and searched; `--explain` prints PostgreSQL's
`EXPLAIN ANALYZE` of the page's query and of its (capped) count.
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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils.translation import activate  # noqa: E402

from staff.pagination import CappedCountPaginator  # noqa: E402
from staff.queue_filters import StaffQueueApiFilterSet  # noqa: E402
from workflow.models import Complaint  # noqa: E402
from workflow.queue import order_queue  # noqa: E402
from workflow.selectors import complaints_for_staff  # noqa: E402

RUNS = 5
USERS = {"quality manager": "yonetici@example.com", "handler": "personel@example.com"}
CASES = {
    "unfiltered": {},
    "status=investigating": {"status": "investigating"},
    "sla=breached": {"sla": "breached"},
    "unit=billing": {"unit": "billing"},
    "assignee=none": {"assignee": "none"},
    "received 2026-03": {"received_from": "2026-03-01", "received_to": "2026-03-31"},
    "q=fatura": {"q": "fatura"},
    "ordering=-received": {"ordering": "-received"},
}


def timed(client: Client, url: str, params: dict) -> tuple[float, int]:
    client.get(url, params)  # warm
    times, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, params)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
        queries = len(captured)
    return statistics.median(times), queries


def explain(user, params: dict) -> None:
    class Request:  # what the filter set reads of a request
        pass

    request = Request()
    request.user = user
    queryset = order_queue(complaints_for_staff(user), None)
    queryset = StaffQueueApiFilterSet(params, queryset, request=request).qs
    page = queryset.values("pk")[:25]
    print("    page:", page.explain(analyze=True).replace("\n", "\n      "), sep="\n      ")
    paginator = CappedCountPaginator(queryset, 25)
    counted = paginator.object_list.order_by().values("pk")[: paginator.count_cap + 1]
    start = time.perf_counter()
    capped = paginator.count
    took = (time.perf_counter() - start) * 1000
    print(f"    capped count: {capped} in {took:.1f} ms")
    print("    count:", counted.explain(analyze=True).replace("\n", "\n      "), sep="\n      ")


def main() -> None:
    activate("tr")
    total = Complaint.objects.count()
    print(f"{total} complaints, {connection.vendor}")
    for role, email in USERS.items():
        user = get_user_model().objects.get(email=email)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        scope = complaints_for_staff(user).count()
        print(f"\n{role} ({email}), {scope} complaints in scope")
        print(f"  {'case':24} {'API ms':>8} {'q':>3} {'console ms':>11} {'q':>3}")
        for name, params in CASES.items():
            api_ms, api_queries = timed(client, "/api/v1/staff/complaints/", params)
            console_ms, console_queries = timed(client, "/admin/complaints/", params)
            print(
                f"  {name:24} {api_ms:8.1f} {api_queries:3} {console_ms:11.1f} {console_queries:3}"
            )
            if "--explain" in sys.argv and connection.vendor == "postgresql":
                explain(user, params)


if __name__ == "__main__":
    main()
