import os
import shutil
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import transaction
from django.utils import translation

from tests.demo import load_demo_data
from tests.factories import CategoryFactory, CustomerFactory, StaffFactory


@pytest.fixture
def customer(db):
    return CustomerFactory()


@pytest.fixture
def other_customer(db):
    return CustomerFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def category(db):
    return CategoryFactory(slug="billing", name_tr="Fatura", name_en="Billing")


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """Start from an already-migrated SQLite file when MEMNUN_TEST_DB_TEMPLATE names one.

    Migrating a new test database takes about 30 s (some 250 migrations, most of them
    Wagtail's); `make test-dates` runs four sessions, so it migrates one file once and each
    session's workers start from a copy of it. Django then keeps the database (there is
    nothing left to migrate) instead of creating it; the copy is deleted when the session
    ends. Without the variable, or on PostgreSQL, pytest-django's own behaviour.
    """
    template = os.environ.get("MEMNUN_TEST_DB_TEMPLATE")
    database = settings.DATABASES["default"]
    if not template or database["ENGINE"] != "django.db.backends.sqlite3":
        yield request.config.getvalue("reuse_db")
        return
    copy = database["TEST"]["NAME"]
    shutil.copyfile(template, copy)
    yield True
    for path in (copy, f"{copy}-journal", f"{copy}-wal", f"{copy}-shm"):
        if os.path.exists(path):
            os.remove(path)


@pytest.fixture(scope="class")
def demo_output(django_db_setup, django_db_blocker):
    """`load_demo_data` run once for a class of tests that read what it made; its output.

    Loading the demo takes 5-10 s. The data is written inside a transaction that stays open
    while the class runs and is rolled back after it; each test runs in a savepoint of it, as
    tests always do, so what one test changes the next does not see. Tests that need an empty
    database first, or run the loader themselves, stay outside such a class.
    """
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            output = load_demo_data()
        except BaseException:
            outer.__exit__(*sys.exc_info())  # rolled back; the class's tests error
            raise
    try:
        yield output
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True, scope="session")
def _frozen_today():
    """Run the session on another "today" when MEMNUN_TEST_NOW is set (`make test-dates`).

    MEMNUN_TEST_NOW is a local date-time (2026-12-31T23:30:00) read in MEMNUN_TEST_TZ (an IANA
    zone, UTC unless set); time-machine moves the clock there and, the destination being in
    that zone, sets the process's local time zone too, so both the date and the server's zone
    change. The clock keeps ticking from there. Without the variable nothing changes.
    """
    moment = os.environ.get("MEMNUN_TEST_NOW")
    if not moment:
        yield None
        return
    zone = ZoneInfo(os.environ.get("MEMNUN_TEST_TZ", "UTC"))
    destination = datetime.fromisoformat(moment).replace(tzinfo=zone)
    with time_machine.travel(destination, tick=True):
        yield destination


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits, throttles and used TOTP codes live in the cache; the console's sidebar, and
    copies of the cached navigation and routes, in the process: every test starts clean."""
    from django.core.cache import cache

    from cms_pages.navigation import forget_local
    from staff import sidebar
    from workflow.selectors import forget_local_routes

    def forget_everything():
        cache.clear()
        sidebar.forget()
        forget_local()  # the processes' own copies of what the cache holds
        forget_local_routes()

    forget_everything()
    yield
    forget_everything()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request made with `Accept-Language: en`
    leaves English active in the thread, which would leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


class Clock:
    """`time.monotonic` for a module that keeps copies for a while (navigation, active
    routes): `monkeypatch.setattr(module, "time", clock)`, then move `clock.now` by hand."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()
