"""Garbage collection for a long-running web process (config/wsgi.py).

Python's cyclic collector scans every container object it tracks when it collects the oldest
generation: in a worker with Django, Wagtail and DRF loaded that is some 210,000 objects, and
such a collection took 120–160 ms of one request (measured in process: about once every 100
requests of the customer API list or the portal's complaint page, which is what a p95 shows).
The code, settings, URL patterns and compiled templates a worker loads live as long as the
process, so once the first request has loaded them they are moved out of the collector's sight
(`gc.freeze()`, as the Python documentation advises for long-running servers); what later
requests leave behind is collected as before. (A larger threshold for the youngest generation
was tried too: it changed the medians by less than their noise and made each collection
longer, so Python's own thresholds stay.)

MEMNUN_GC_FREEZE=0 leaves the collector as Python sets it.
"""

import gc
import os

from django.core.signals import request_finished

DISPATCH_UID = "memnun-gc-freeze"


def enabled() -> bool:
    return os.environ.get("MEMNUN_GC_FREEZE", "1").lower() not in ("0", "false", "no")


def install() -> None:
    """Freeze what the process has loaded once its first request is served."""
    if enabled():
        request_finished.connect(freeze_once, dispatch_uid=DISPATCH_UID)


def freeze_once(**kwargs) -> None:
    request_finished.disconnect(dispatch_uid=DISPATCH_UID)
    gc.collect()
    gc.freeze()
