"""The customer's pages and API answers run the same number of queries for one complaint (or
event) as for twenty: nothing is read per row (benchmarks/pages.py measures their speed)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.data_exports import prepare, request_data_export
from tests.factories import AlternativeRouteFactory, CategoryFactory
from tests.workflow import attachment_files as files
from tests.workflow.helpers import complaint_in
from workflow import services
from workflow.states import ClosureReason, Severity, Status, Visibility

pytestmark = pytest.mark.django_db

# every per-complaint path of the list and the export: routes shown (rejected, final decision),
# a proposal waiting, a survey given, documents, an information request, plain received
MIX = [
    (Status.REJECTED, ClosureReason.RESOLVED),
    (Status.RESOLUTION_PROPOSED, ClosureReason.RESOLVED),
    (Status.CLOSED, ClosureReason.RESOLVED),
    (Status.CLOSED, ClosureReason.FINAL_DECISION),
    (Status.AWAITING_CUSTOMER, ClosureReason.RESOLVED),
    (Status.IMPLEMENTING, ClosureReason.RESOLVED),
    (Status.RECEIVED, ClosureReason.RESOLVED),
]


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


@pytest.fixture
def category(db):
    # low severity: twenty similar complaints never call for a root-cause investigation (R6),
    # which could not close without a corrective action
    return CategoryFactory(slug="billing", default_severity=Severity.LOW)


@pytest.fixture(autouse=True)
def route(category):
    return AlternativeRouteFactory()  # applies to every category: routes are listed


def add_complaints(count, *, customer, staff, category, start=0):
    made = []
    for number in range(start, start + count):
        status, closure = MIX[number % len(MIX)]
        complaint = complaint_in(
            status, customer=customer, staff=staff, category=category, closure=closure
        )
        if status == Status.CLOSED and closure == ClosureReason.RESOLVED:
            services.submit_survey(
                complaint=complaint, actor=customer, resolution_score=4, process_score=4
            )
        if status != Status.CLOSED:  # documents are added to open complaints only
            services.add_attachment(
                complaint=complaint, actor=customer, file=files.upload("kanit.pdf", files.PDF)
            )
        made.append(complaint)
    return made


def add_events(complaint, count, *, customer, staff):
    """Customer-visible events of every reader-facing kind, and internal notes in between."""
    for number in range(count):
        if number % 3 == 0:
            services.add_note(complaint=complaint, actor=customer, text=f"Ek bilgi {number}")
        elif number % 3 == 1:
            services.add_note(
                complaint=complaint,
                actor=staff,
                text=f"Müşteriye not {number}",
                visibility=Visibility.CUSTOMER,
            )
        else:
            services.add_note(
                complaint=complaint,
                actor=staff,
                text=f"İç not {number}",
                visibility=Visibility.INTERNAL,
            )


def queries(client, url, expected_rows=None) -> int:
    """The queries of one request, after a first one has filled the per-process caches (the
    site's root paths, content types) that later requests never read again."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)
        else:
            response.content  # noqa: B018 - read inside the capture
    if expected_rows is not None:
        body = response.json()
        rows = body["results"] if isinstance(body, dict) and "results" in body else body
        assert len(rows) == expected_rows
    return len(captured)


LISTS = {"/portal/": None, "/api/v1/complaints/": "paged"}
EXPORTS = ["/portal/my-data/", "/api/v1/me/export/"]
ONE_COMPLAINT = [
    "/portal/complaints/{}/",
    "/api/v1/complaints/{}/",
    "/api/v1/complaints/{}/events/",
]


def zip_queries(user) -> int:
    """The queries of the worker's build of the "my data" ZIP, once a first build has
    rendered and kept the tracking forms (which it does once per complaint)."""
    warm, _ = request_data_export(user=user, language="tr")
    assert prepare(warm.pk) == "ready"
    export, _ = request_data_export(user=user, language="tr")
    with CaptureQueriesContext(connection) as captured:
        assert prepare(export.pk) == "ready"
    return len(captured)


def list_queries(client, rows) -> dict[str, int]:
    counts = {url: queries(client, url, rows if paged else None) for url, paged in LISTS.items()}
    return counts | {url: queries(client, url) for url in EXPORTS}


def test_lists_and_exports_do_not_read_per_complaint(signed_in, customer, staff, category):
    add_complaints(1, customer=customer, staff=staff, category=category)
    one = list_queries(signed_in, 1) | {"zip": zip_queries(customer)}

    add_complaints(18, customer=customer, staff=staff, category=category, start=1)
    assert list_queries(signed_in, 19) | {"zip": zip_queries(customer)} == one

    # a full page (20 in the portal, 25 in the API) adds the count its page links need, once
    add_complaints(6, customer=customer, staff=staff, category=category, start=19)
    full = list_queries(signed_in, 25) | {"zip": zip_queries(customer)}
    assert full == one | {url: one[url] + 1 for url in LISTS}


def test_a_complaint_and_its_timeline_do_not_read_per_event(signed_in, customer, staff, category):
    complaint = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    services.add_attachment(
        complaint=complaint, actor=customer, file=files.upload("kanit.pdf", files.PDF)
    )
    urls = [path.format(complaint.reference) for path in ONE_COMPLAINT]
    few = {url: queries(signed_in, url) for url in urls}
    visible_before = complaint.events.exclude(visibility=Visibility.INTERNAL).count()

    add_events(complaint, 30, customer=customer, staff=staff)
    services.add_attachment(
        complaint=complaint, actor=customer, file=files.upload("ikinci.pdf", files.PDF)
    )
    assert complaint.events.exclude(visibility=Visibility.INTERNAL).count() >= visible_before + 20
    assert {url: queries(signed_in, url) for url in urls} == few


def test_documents_are_read_only_for_complaints_with_one_the_customer_sees(
    signed_in, customer, staff, category
):
    complaint = complaint_in(Status.IMPLEMENTING, customer=customer, staff=staff, category=category)
    complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    urls = [
        "/portal/",
        "/api/v1/complaints/",
        f"/portal/complaints/{complaint.reference}/",
        f"/api/v1/complaints/{complaint.reference}/",
    ]
    none = {url: queries(signed_in, url) for url in urls}

    # a staff-only document is not the customer's to see: still nothing to read
    services.add_attachment(
        complaint=complaint,
        actor=staff,
        file=files.upload("ic-rapor.pdf", files.PDF),
        visibility=Visibility.INTERNAL,
    )
    assert {url: queries(signed_in, url) for url in urls} == none

    services.add_attachment(
        complaint=complaint, actor=customer, file=files.upload("kanit.pdf", files.PDF)
    )
    read = {url: queries(signed_in, url) for url in urls}
    # one query for the documents (the list shows none of them: it reads none)
    assert read == none | {url: none[url] + 1 for url in urls[1:]}

    listed = signed_in.get("/api/v1/complaints/").json()["results"]
    names = {row["reference"]: [a["name"] for a in row["attachments"]] for row in listed}
    assert names[complaint.reference] == ["kanit.pdf"]
    page = signed_in.get(f"/portal/complaints/{complaint.reference}/").content.decode()
    assert "kanit.pdf" in page
    assert "ic-rapor.pdf" not in page
