"""Time the public site's pages and the public statistics: prints figures, asserts nothing.

.venv/bin/python benchmarks/public_pages.py          # after `make demo` (dev database)
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

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from workflow.models import Complaint  # noqa: E402
from workflow.statistics import public_statistics  # noqa: E402

RUNS = 10


def main() -> None:
    pages = [page for page in Page.objects.live().public().filter(depth__gt=1) if page.url]
    if not pages:
        sys.exit("No pages: run `make demo` (or load_demo_data) first.")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':<58} {'queries':>7} {'median ms':>9} {'max ms':>7}")
    for url in [*(page.url for page in pages), "/search/?q=politika", "/en/search/?q=policy"]:
        client.get(url)  # warm-up: templates, site root paths, cached statistics
        reset_queries()  # DEBUG keeps at most 9000 queries: make room for this page's
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            response.content  # noqa: B018 - rendered inside the capture
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{url:<58} {len(queries):>7} {statistics.median(timings):>9.1f} {max(timings):>7.1f}"
        )

    count = Complaint.objects.count()
    started = time.perf_counter()
    public_statistics()
    elapsed = time.perf_counter() - started
    print(f"public_statistics() over {count} complaints, uncached: {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
