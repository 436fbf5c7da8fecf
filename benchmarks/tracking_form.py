"""Time the tracking-form PDF (R8) for the demo complaints: prints figures, asserts nothing.

.venv/bin/python benchmarks/tracking_form.py          # after `make demo` (dev database)
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

from portal.pdf import tracking_form_pdf  # noqa: E402
from workflow.models import Complaint  # noqa: E402


def main() -> None:
    complaints = list(Complaint.objects.order_by("pk")[:20])
    if not complaints:
        sys.exit("No complaints: run `make demo` (or load_demo_data) first.")
    tracking_form_pdf(complaints[0], "tr")  # warm-up: fonts, templates
    timings, sizes = [], []
    for complaint in complaints:
        started = time.perf_counter()
        pdf = tracking_form_pdf(complaint, complaint.language)
        timings.append(time.perf_counter() - started)
        sizes.append(len(pdf))
    events = [c.events.count() for c in complaints]
    print(
        f"tracking-form PDF: {len(complaints)} complaints, {min(events)}-{max(events)} events; "
        f"median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms, "
        f"median size {statistics.median(sizes) / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
