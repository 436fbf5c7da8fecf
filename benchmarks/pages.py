"""Time the customer and staff pages over HTTP against a bare view: prints figures, asserts nothing.

DATABASE_URL=postgres://postgres@127.0.0.1:5432/memnun_bench .venv/bin/python benchmarks/pages.py
make bench-pages DATABASE_URL=...      # the same

Every target is served the same way: gunicorn (one worker, one thread, keep-alive) with the
production settings (`pages_settings`: DEBUG off, persistent database connections,
`CONN_MAX_AGE` 60 unless set, every middleware) over plain HTTP on 127.0.0.1. The only addition
is `/bench/bare/` (`pages_urls`), a view that returns "ok" through the same middleware: its
median is the floor every other median is divided by.

The people are real accounts of the database (after `generate_complaints`): the customer with
the most complaints, a complaint handler of a unit and a quality manager. Each gets a session as
after signing in (staff with the second factor done, as production requires); the requests send
its cookie. Every target gets `--warmup` untimed requests; then they are timed in rounds, one
request to each target per round (client side, request sent to body read), so that a busy moment
of a shared machine falls on all of them alike. The rounds stop after `--requests` or `--seconds`;
a target slower than `--slow` ms stops after 3. Other options: `--only` (target names, comma
separated), `--port`. Needs `gunicorn` (requirements.txt) and, for the figures to mean anything,
the planner statistics (`generate_complaints` runs ANALYZE).
"""

import argparse
import contextlib
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
# production settings refuse to start without these; the server process inherits them
os.environ["DJANGO_SETTINGS_MODULE"] = "pages_settings"
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("EMAIL_URL", "console://")
os.environ.setdefault("LOG_LEVEL", "WARNING")
if not os.environ.get("DATABASE_URL"):
    sys.exit("Set DATABASE_URL (the database `generate_complaints` filled); see the docstring.")

import django  # noqa: E402

django.setup()

from allauth.account.internal.flows.login import (  # noqa: E402
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.internal.userkit import user_id_to_str  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402

from workflow.groups import QUALITY_MANAGER_GROUP, STAFF_GROUP  # noqa: E402
from workflow.models import Complaint, Unit  # noqa: E402
from workflow.states import Status, Visibility  # noqa: E402


@dataclass(frozen=True)
class Target:
    name: str
    who: str  # "customer", "handler" or "manager": whose session
    url: str


def customer_and_complaint():
    """The customer with the most complaints, and their complaint with the most events."""
    row = (
        Complaint.objects.filter(customer__isnull=False, customer__is_staff=False)
        .values("customer")
        .annotate(n=Count("pk"))
        .order_by("-n", "customer")
        .first()
    )
    if row is None:
        sys.exit("No customer complaints: run benchmarks/generate_complaints.sh first.")
    customer = get_user_model().objects.get(pk=row["customer"])
    complaint = (
        Complaint.objects.filter(customer=customer)
        .annotate(n=Count("events", filter=~Q(events__visibility=Visibility.INTERNAL)))
        .order_by("-n", "pk")
        .first()
    )
    return customer, row["n"], complaint


def staff_member(group: str):
    user = (
        get_user_model()
        .objects.filter(groups__name=group, is_staff=True, is_active=True)
        .order_by("pk")
        .first()
    )
    if user is None:
        sys.exit(f"No active member of {group!r}: generate_complaints creates the demo staff.")
    return user


def session_cookie(user) -> str:
    """A session as after signing in; staff have used their second factor in it (production
    settings refuse staff pages otherwise)."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    if user.is_staff:
        records.append({"method": "mfa", "at": now, "type": "totp"})
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def targets(complaint, unit_complaint, search_word) -> list[Target]:
    """What is measured, in this order; add a line to measure another page."""
    ref, unit_ref, unit = complaint.reference, unit_complaint.reference, unit_complaint.unit.slug
    staff_api = "/api/v1/staff/complaints/"
    return [
        Target("bare view", "customer", "/bench/bare/"),
        Target("portal list", "customer", "/portal/"),
        Target("portal detail", "customer", f"/portal/complaints/{ref}/"),
        Target("customer API list", "customer", "/api/v1/complaints/"),
        Target("customer API detail", "customer", f"/api/v1/complaints/{ref}/"),
        Target("customer API events", "customer", f"/api/v1/complaints/{ref}/events/"),
        Target("bare view (handler)", "handler", "/bench/bare/"),
        Target("staff API queue (handler)", "handler", staff_api),
        Target("staff API queue (QM)", "manager", staff_api),
        Target(
            "staff API status+unit (QM)",
            "manager",
            f"{staff_api}?status={Status.INVESTIGATING}&unit={unit}",
        ),
        Target("staff API search (QM)", "manager", f"{staff_api}?q={quote(search_word)}"),
        Target("empty admin page (handler)", "handler", "/bench/admin/"),
        Target("console queue (handler)", "handler", "/admin/complaints/"),
        Target("console queue (QM)", "manager", "/admin/complaints/"),
        Target("console complaint (handler)", "handler", f"/admin/complaints/{unit_ref}/"),
        Target("console complaint (QM)", "manager", f"/admin/complaints/{ref}/"),
        Target("dashboard (handler)", "handler", "/admin/"),
        Target("dashboard (QM)", "manager", "/admin/"),
        Target("bare view (again)", "customer", "/bench/bare/"),
    ]


def people_and_pages() -> dict:
    """The accounts the targets are read as, and what `targets()` needs: the customer with the
    most complaints and their busiest complaint, a handler (made a member of a unit if they have
    none: generated databases leave units without members) and a quality manager."""
    call_command("createcachetable", verbosity=0)
    customer, count, complaint = customer_and_complaint()
    handler, manager = staff_member(STAFF_GROUP), staff_member(QUALITY_MANAGER_GROUP)
    if not handler.complaint_units.exists():
        unit = Unit.objects.filter(slug="technical-support").first() or Unit.objects.first()
        unit.members.add(handler)
        print(f"{handler.email} had no unit: made a member of {unit.slug}")
    unit_complaint = (
        Complaint.objects.filter(unit__members=handler).order_by("-received_at", "-pk").first()
    )
    search_word = max(complaint.subject.split(), key=len).strip(".,;:!?").lower()
    return {
        "customer": customer,
        "count": count,
        "handler": handler,
        "manager": manager,
        "targets": (complaint, unit_complaint, search_word),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "gthread",
        "--threads", "1", "--keep-alive", "30", "--pythonpath", str(ROOT / "benchmarks"),
        "--chdir", str(ROOT), "--log-level", "warning", "--no-control-socket",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit("gunicorn did not start (see its output above).")
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not answer within 60 s.")


class CpuClock:
    """CPU time (ms) the server spent: the gunicorn worker's threads and the PostgreSQL backend
    serving its connection, from /proc/<pid>/schedstat (nanoseconds on the CPU). Unlike the
    wall-clock time it hardly changes when other processes compete for the cores."""

    def __init__(self, server: subprocess.Popen):
        self.pids = []
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        if children.exists():
            self.pids = [int(pid) for pid in children.read_text().split()]  # the worker
        self.pids += self.database_backends()

    @staticmethod
    def database_backends() -> list[int]:
        from django.db import connection

        if connection.vendor != "postgresql":
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
            pids = [row[0] for row in cursor.fetchall()]
        connection.close()
        return [pid for pid in pids if Path(f"/proc/{pid}/schedstat").exists()]

    def __call__(self) -> dict[str, int]:
        """Nanoseconds on the CPU of each thread now."""
        times = {}
        for pid in self.pids:
            for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
                with contextlib.suppress(OSError, ValueError, IndexError):  # a thread ended
                    times[str(task)] = int(task.read_text().split()[0])
        return times

    @staticmethod
    def spent(before: dict[str, int], after: dict[str, int]) -> float:
        """ms between two readings; a thread that ended meanwhile is left out, a new one
        counts from zero."""
        return sum(ns - before.get(task, 0) for task, ns in after.items()) / 1e6


def get(connection, url: str, cookie: str, cpu=None) -> tuple[int, float, float]:
    cpu_before = cpu() if cpu else {}
    started = time.perf_counter()
    connection.request("GET", url, headers={"Cookie": cookie, "Accept-Language": "tr"})
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    return response.status, elapsed, cpu.spent(cpu_before, cpu()) if cpu else 0.0


def measure(connection, chosen, cookies, options, cpu):
    """Warm every target up, then time them in rounds, one request to each target per round,
    so that a busy moment of a shared machine falls on every target alike. A target slower
    than `--slow` ms leaves the rounds after 3 timed requests; the rounds stop after
    `--requests` or `--seconds`."""
    results = {}
    for target in chosen:
        status = 200
        for _ in range(options.warmup):
            status, elapsed, _cpu = get(connection, target.url, cookies[target.who])
            if status != 200 or elapsed > options.slow:
                break
        results[target] = (status, [], [])
    deadline = time.monotonic() + options.seconds
    for round_number in range(options.requests):
        if round_number >= 3 and time.monotonic() > deadline:
            break
        for target in chosen:
            status, timings, cpu_times = results[target]
            if status != 200 or (len(timings) >= 3 and statistics.median(timings) > options.slow):
                continue
            status, elapsed, cpu_ms = get(connection, target.url, cookies[target.who], cpu)
            if status == 200:
                results[target] = (status, [*timings, elapsed], [*cpu_times, cpu_ms])
            else:
                results[target] = (status, [], [])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="timed requests per target")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first")
    parser.add_argument("--seconds", type=float, default=300, help="the timed rounds stop then")
    parser.add_argument("--slow", type=float, default=2000, help="ms: 3 requests are enough")
    parser.add_argument("--only", default="", help="target names, comma separated")
    parser.add_argument("--port", type=int, default=0)
    options = parser.parse_args()

    people = people_and_pages()
    customer, handler, manager = people["customer"], people["handler"], people["manager"]
    complaint, _unit_complaint, search_word = people["targets"]
    cookies = {who: session_cookie(people[who]) for who in ("customer", "handler", "manager")}
    total = Complaint.objects.count()
    print(
        f"{total} complaints; customer {customer.email} ({people['count']} complaints, detail "
        f"{complaint.reference}, {complaint.events.count()} events); handler {handler.email}; "
        f"quality manager {manager.email}; search {search_word!r}; "
        f"CONN_MAX_AGE {settings.DATABASES['default']['CONN_MAX_AGE']}"
    )
    wanted = {name.strip() for name in options.only.split(",") if name.strip()}
    chosen = [t for t in targets(*people["targets"]) if not wanted or t.name in wanted]

    port = options.port or free_port()
    server = start_server(port)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        get(connection, "/bench/bare/", cookies["customer"])  # the worker connects to the database
        cpu = CpuClock(server)
        results = measure(connection, chosen, cookies, options, cpu)
        print(
            f"{'target':<30} {'n':>4} {'median ms':>9} {'p95 ms':>7} {'× bare':>6} "
            f"{'CPU ms':>7} {'× bare':>6}  url"
        )
        floor = cpu_floor = None
        for target, (status, timings, cpu_times) in results.items():
            if not timings:
                print(f"{target.name:<30} HTTP {status}  {target.url}")
                continue
            median = statistics.median(timings)
            p95 = statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0]
            cpu_ms = statistics.mean(cpu_times)
            if floor is None and target.url == "/bench/bare/":
                floor, cpu_floor = median, cpu_ms
            ratio = f"{median / floor:.1f}" if floor else "-"
            cpu_ratio = f"{cpu_ms / cpu_floor:.1f}" if cpu_floor else "-"
            print(
                f"{target.name:<30} {len(timings):>4} {median:>9.1f} {p95:>7.1f} {ratio:>6} "
                f"{cpu_ms:>7.1f} {cpu_ratio:>6}  {target.url}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
