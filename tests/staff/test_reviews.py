"""The rejected-resolution review queue (R14) and the overdue corrective actions page (R9):
what each role sees, the details shown, and a query count that does not grow with the rows."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staff import sidebar
from tests.factories import AlternativeRouteFactory, CustomerFactory, DatedComplaintFactory
from tests.staff.roles import *  # noqa: F403  (fixtures)
from tests.workflow.helpers import REJECTION, complaint_in, reload
from workflow import services
from workflow.models import CorrectiveAction, ResolutionProposal, RouteApplication
from workflow.states import Status

pytestmark = pytest.mark.django_db

ISTANBUL = ZoneInfo("Europe/Istanbul")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ISTANBUL)
REVIEWS = "/admin/complaints/reviews/"
OVERDUE = "/admin/corrective-actions/overdue/"


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def route(db):
    return AlternativeRouteFactory()


def rejected_in(category, quality_manager, route):
    customer = CustomerFactory()
    complaint = complaint_in(
        Status.REJECTED, customer=customer, staff=quality_manager, category=category
    )
    services.record_route_application(
        complaint=complaint,
        actor=customer,
        route=route,
        applied_on=date(2026, 3, 9),
        external_reference="THH-2026-77",
    )
    return reload(complaint)


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_a_handler_sees_their_units_rejections_with_the_details(
    client, handler_a, quality_manager, category_a, category_b, route
):
    mine = rejected_in(category_a, quality_manager, route)
    other = rejected_in(category_b, quality_manager, route)

    response = get(client, handler_a, REVIEWS)

    assert response.status_code == 200
    html = response.content.decode()
    link = f"/admin/complaints/{mine.reference}/?open=review_rejection"
    assert f'href="{link}#action-review_rejection"' in html
    assert REJECTION in html  # the customer's reason
    assert "Tüketici Hakem Heyeti" in html  # offered, and applied to
    assert "THH-2026-77" in html
    assert other.reference not in html
    assert 'id="final-decisions"' not in html  # a handler approves nothing
    # the link leads to the page that offers the review, with its form open
    page = client.get(link).content.decode()
    assert 'data-action="review_rejection"' in page
    assert '<details class="w-panel w-mb-4" id="action-review_rejection" open>' in page


def test_the_rejection_time_is_shown_in_istanbul_time(
    client, handler_a, quality_manager, category_a, route
):
    complaint = rejected_in(category_a, quality_manager, route)
    proposal = ResolutionProposal.objects.get(complaint=complaint)
    ResolutionProposal.objects.filter(pk=proposal.pk).update(
        decided_at=datetime(2026, 3, 9, 15, 45, tzinfo=ISTANBUL)  # 12:45 UTC
    )
    html = get(client, handler_a, REVIEWS).content.decode()
    assert "9 Mart 2026 15:45" in html
    assert "12:45" not in html


def test_a_final_decision_moves_to_the_approvals_of_another_manager(
    client, handler_a, unit_manager_a, quality_manager, category_a, route
):
    complaint = rejected_in(category_a, quality_manager, route)
    services.review_rejection(
        complaint=complaint, actor=handler_a, decision="final", text="Önerimiz geçerlidir."
    )

    manager_html = get(client, unit_manager_a, REVIEWS).content.decode()
    approvals = manager_html.split('id="final-decisions"')[1]
    assert complaint.reference in approvals
    assert "Önerimiz geçerlidir." in approvals
    link = f"/admin/complaints/{complaint.reference}/?open=approve_final_decision"
    assert f"{link}#action-approve_final_decision" in approvals
    assert complaint.reference not in manager_html.split('id="final-decisions"')[0]

    # the handler who proposed it no longer has it to review, and approves nothing
    assert complaint.reference not in get(client, handler_a, REVIEWS).content.decode()


def test_a_manager_does_not_approve_their_own_final_decision(
    client, unit_manager_a, quality_manager, category_a, route
):
    complaint = rejected_in(category_a, quality_manager, route)
    services.review_rejection(
        complaint=complaint, actor=unit_manager_a, decision="final", text="Önerimiz geçerlidir."
    )
    html = get(client, unit_manager_a, REVIEWS).content.decode()
    assert complaint.reference not in html
    assert complaint.reference in get(client, quality_manager, REVIEWS).content.decode()


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


def test_a_content_editor_and_a_customer_are_refused(client, content_editor):
    assert refused(get(client, content_editor, REVIEWS))
    assert refused(get(client, content_editor, OVERDUE))
    customer = get(client, CustomerFactory(), REVIEWS)
    assert customer.status_code == 302
    assert "/login/" in customer.url


def review_queries(client, user) -> int:
    client.force_login(user)
    sidebar.forget()  # each count builds the sidebar (staff/sidebar.py keeps it)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REVIEWS).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["handler_a", "quality_manager"])
def test_the_review_page_query_count_does_not_grow(request, client, role, category_a, route):
    user = request.getfixturevalue(role)
    proposer = request.getfixturevalue("unit_manager_a")

    def fill(n):
        for i in range(n):
            complaint = DatedComplaintFactory(category=category_a, status=Status.REJECTED)
            proposal = ResolutionProposal.objects.create(
                complaint=complaint,
                text="Öneri",
                proposed_at=NOW - timedelta(days=2),
                decision=ResolutionProposal.Decision.REJECTED,
                decided_at=NOW - timedelta(days=1),
                rejection_reason=f"Ret {i}",
            )
            proposal.routes_offered.add(route)
            RouteApplication.objects.create(
                complaint=complaint, route=route, applied_on=date(2026, 3, 9)
            )
            pending = DatedComplaintFactory(
                category=category_a,
                status=Status.REJECTED,
                final_decision_text="Karar",
                final_decision_proposed_by=proposer,
                final_decision_proposed_at=NOW,
            )
            ResolutionProposal.objects.create(
                complaint=pending,
                text="Öneri",
                proposed_at=NOW - timedelta(days=2),
                decision=ResolutionProposal.Decision.REJECTED,
                decided_at=NOW - timedelta(days=1),
                rejection_reason="Ret",
            )

    fill(1)
    one = review_queries(client, user)
    fill(19)
    assert review_queries(client, user) == one


# --- overdue corrective actions ----------------------------------------------------------------


def test_the_overdue_page_lists_owner_due_date_days_and_linked_complaints(
    client, quality_manager, unit_manager_a, handler_a, category_a, category_b
):
    in_a = DatedComplaintFactory(category=category_a, status=Status.INVESTIGATING)
    in_b = DatedComplaintFactory(category=category_b, status=Status.INVESTIGATING)
    late = CorrectiveAction.objects.create(
        kind="corrective", title="Şablon düzeltilecek", due_date=date(2026, 3, 3), owner=handler_a
    )
    late.complaints.add(in_a, in_b)
    other = CorrectiveAction.objects.create(
        kind="preventive", title="Eğitim verilecek", due_date=date(2026, 3, 1)
    )
    other.complaints.add(in_b)
    CorrectiveAction.objects.create(kind="correction", title="Gelecek", due_date=date(2026, 4, 1))
    CorrectiveAction.objects.create(
        kind="correction", title="Tamamlandı", due_date=date(2026, 3, 1), state="done"
    )

    html = get(client, quality_manager, OVERDUE).content.decode()
    assert "Şablon düzeltilecek" in html
    assert "Eğitim verilecek" in html
    assert "Gelecek" not in html
    assert "Tamamlandı" not in html
    assert handler_a.get_full_name() in html
    assert "7 gün" in html
    assert "9 gün" in html
    assert f'href="/admin/complaints/{in_a.reference}/"' in html
    assert f'href="/admin/complaints/{in_b.reference}/"' in html

    # a unit manager: their units' actions, linking only the complaints they may open
    html = get(client, unit_manager_a, OVERDUE).content.decode()
    assert "Şablon düzeltilecek" in html
    assert "Eğitim verilecek" not in html
    assert f'href="/admin/complaints/{in_a.reference}/"' in html
    assert in_b.reference not in html


def test_a_handler_may_not_open_the_overdue_page(client, handler_a):
    assert refused(get(client, handler_a, OVERDUE))


def overdue_queries(client, user) -> int:
    client.force_login(user)
    sidebar.forget()  # each count builds the sidebar (staff/sidebar.py keeps it)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(OVERDUE).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["unit_manager_a", "quality_manager"])
def test_the_overdue_page_query_count_does_not_grow(request, client, role, category_a):
    user = request.getfixturevalue(role)

    def fill(n):
        for _ in range(n):
            action = CorrectiveAction.objects.create(
                kind="corrective", title="Geç", due_date=date(2026, 3, 1), owner=user
            )
            action.complaints.add(
                DatedComplaintFactory(category=category_a, status=Status.INVESTIGATING),
                DatedComplaintFactory(category=category_a, status=Status.INVESTIGATING),
            )

    fill(1)
    one = overdue_queries(client, user)
    fill(19)
    assert overdue_queries(client, user) == one
