"""The console's home page (/admin/): a panel per work queue for complaint staff, scoped to
what each may see, in Istanbul time, with a constant number of queries (issue 10)."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from tests.factories import DatedComplaintFactory
from tests.staff.roles import *  # noqa: F403  (fixtures)
from workflow.models import CorrectiveAction, Notification
from workflow.states import SlaState, Status

pytestmark = pytest.mark.django_db

ISTANBUL = ZoneInfo("Europe/Istanbul")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ISTANBUL)  # a Tuesday
DUE = datetime(2026, 3, 11, 16, 30, tzinfo=ISTANBUL)  # 13:30 UTC

ALL_PANELS = [
    "memnun-mine",
    "memnun-unassigned",
    "memnun-at-risk",
    "memnun-breached",
    "memnun-rejected",
    "memnun-final-decisions",
    "memnun-overdue-actions",
    "memnun-dead-notifications",
]


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def panels_on(html: str) -> list[str]:
    """The dashboard's queue panels, in order (Wagtail's panel: `<section id="<id>-section">`)."""
    return re.findall(r'<section[^>]* id="(memnun-[a-z-]+)-section"', html)


def panel(html: str, panel_id: str) -> str:
    """The HTML of one panel (up to the next section)."""
    start = html.index(f'id="{panel_id}-section"')
    end = html.find("<section", start + 1)
    return html[start : end if end > 0 else len(html)]


def count_in(html: str, panel_id: str) -> int:
    return int(re.search(r'data-count="(\d+)"', panel(html, panel_id)).group(1))


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_quality_manager_gets_every_panel(client, quality_manager):
    assert panels_on(dashboard(client, quality_manager)) == ALL_PANELS


def test_a_unit_manager_gets_the_approvals_and_overdue_actions_but_not_the_outbox(
    client, unit_manager_a
):
    assert panels_on(dashboard(client, unit_manager_a)) == [
        p for p in ALL_PANELS if p != "memnun-dead-notifications"
    ]


def test_a_handler_gets_the_complaint_queues_only(client, handler_a):
    assert panels_on(dashboard(client, handler_a)) == ALL_PANELS[:5]


def test_a_content_editor_gets_nothing_of_it(client, content_editor, category_a):
    DatedComplaintFactory(category=category_a, sla_state=SlaState.BREACHED)
    html = dashboard(client, content_editor)
    assert panels_on(html) == []
    assert "Süresi geçen" not in html
    assert "MMN-" not in html


def test_each_queue_counts_and_lists_the_users_open_complaints(
    client, handler_a, category_a, category_b
):
    mine = DatedComplaintFactory(
        category=category_a,
        status=Status.INVESTIGATING,
        assignee=handler_a,
        subject="Bana atanan",
        response_due_at=DUE,
    )
    unassigned = DatedComplaintFactory(category=category_a, subject="Atanmamış")
    at_risk = DatedComplaintFactory(
        category=category_a, status=Status.ACKNOWLEDGED, sla_state=SlaState.AT_RISK
    )
    breached = DatedComplaintFactory(
        category=category_a, status=Status.INVESTIGATING, sla_state=SlaState.BREACHED
    )
    rejected = DatedComplaintFactory(category=category_a, status=Status.REJECTED)
    # not in any queue: closed (even if once assigned and breached), or another unit's
    closed = DatedComplaintFactory(
        category=category_a,
        closed=True,
        closed_at=NOW,
        assignee=handler_a,
        sla_state=SlaState.BREACHED,
    )
    other_unit = DatedComplaintFactory(
        category=category_b, status=Status.INVESTIGATING, sla_state=SlaState.BREACHED
    )

    html = dashboard(client, handler_a)

    assert count_in(html, "memnun-mine") == 1
    assert mine.reference in panel(html, "memnun-mine")
    assert "Bana atanan" in panel(html, "memnun-mine")
    # the due time in Istanbul time (16:30), not UTC (13:30)
    assert "16:30" in panel(html, "memnun-mine")
    assert "13:30" not in panel(html, "memnun-mine")
    assert f'href="/admin/complaints/{mine.reference}/"' in panel(html, "memnun-mine")
    # every open complaint of the unit without an assignee (received ones included)
    assert count_in(html, "memnun-unassigned") == 4
    assert unassigned.reference in panel(html, "memnun-unassigned")
    assert count_in(html, "memnun-at-risk") == 1
    assert at_risk.reference in panel(html, "memnun-at-risk")
    assert count_in(html, "memnun-breached") == 1
    assert breached.reference in panel(html, "memnun-breached")
    assert count_in(html, "memnun-rejected") == 1
    assert rejected.reference in panel(html, "memnun-rejected")
    assert closed.reference not in html
    assert other_unit.reference not in html


def test_see_all_links_use_the_queues_filters(client, quality_manager, category_a):
    DatedComplaintFactory(
        category=category_a,
        status=Status.INVESTIGATING,
        sla_state=SlaState.BREACHED,
        assignee=quality_manager,
    )
    DatedComplaintFactory(category=category_a, status=Status.ACKNOWLEDGED, sla_state="at_risk")
    DatedComplaintFactory(category=category_a, status=Status.REJECTED)
    html = dashboard(client, quality_manager)

    assert 'href="/admin/complaints/?assignee=me&amp;open=yes"' in panel(html, "memnun-mine")
    unassigned = panel(html, "memnun-unassigned")
    assert 'href="/admin/complaints/?assignee=none&amp;open=yes"' in unassigned
    assert 'href="/admin/complaints/?sla=at_risk&amp;open=yes"' in panel(html, "memnun-at-risk")
    assert 'href="/admin/complaints/?sla=breached&amp;open=yes"' in panel(html, "memnun-breached")
    assert 'href="/admin/complaints/reviews/"' in panel(html, "memnun-rejected")
    assert "Tümünü gör" in panel(html, "memnun-breached")
    assert "Tümünü gör" not in panel(html, "memnun-dead-notifications")  # nothing to see


def test_final_decisions_are_the_managers_to_approve_never_their_own(
    client, unit_manager_a, quality_manager, category_a
):
    theirs = DatedComplaintFactory(
        category=category_a,
        status=Status.REJECTED,
        final_decision_text="Nihai karar",
        final_decision_proposed_by=quality_manager,
        final_decision_proposed_at=NOW,
    )
    own = DatedComplaintFactory(
        category=category_a,
        status=Status.REJECTED,
        final_decision_text="Nihai karar",
        final_decision_proposed_by=unit_manager_a,
        final_decision_proposed_at=NOW,
    )

    html = dashboard(client, unit_manager_a)

    assert count_in(html, "memnun-final-decisions") == 1
    assert theirs.reference in panel(html, "memnun-final-decisions")
    assert own.reference not in panel(html, "memnun-final-decisions")
    # a pending final decision waits for approval, not for another review
    assert count_in(html, "memnun-rejected") == 0


def test_overdue_corrective_actions_and_dead_notifications(
    client, quality_manager, unit_manager_a, category_a, category_b
):
    in_a = DatedComplaintFactory(category=category_a, status=Status.INVESTIGATING)
    in_b = DatedComplaintFactory(category=category_b, status=Status.INVESTIGATING)
    late_a = CorrectiveAction.objects.create(
        kind="corrective", title="Şablon düzeltilecek", due_date=date(2026, 3, 5)
    )
    late_a.complaints.add(in_a)
    late_b = CorrectiveAction.objects.create(
        kind="preventive", title="Eğitim verilecek", due_date=date(2026, 3, 1)
    )
    late_b.complaints.add(in_b)
    CorrectiveAction.objects.create(kind="correction", title="Zamanında", due_date=date(2026, 4, 1))
    Notification.objects.create(
        complaint=in_a, recipient_email="x@example.com", template="received", status="dead"
    )
    Notification.objects.create(
        complaint=in_a, recipient_email="y@example.com", template="received", status="sent"
    )

    manager_html = dashboard(client, quality_manager)
    assert count_in(manager_html, "memnun-overdue-actions") == 2
    assert "9 gün gecikti" in panel(manager_html, "memnun-overdue-actions")
    assert count_in(manager_html, "memnun-dead-notifications") == 1
    assert in_a.reference in panel(manager_html, "memnun-dead-notifications")
    assert 'href="/admin/notifications/?status=dead"' in manager_html

    unit_html = dashboard(client, unit_manager_a)
    assert count_in(unit_html, "memnun-overdue-actions") == 1  # their unit's only
    assert "Şablon düzeltilecek" in panel(unit_html, "memnun-overdue-actions")
    assert "Eğitim verilecek" not in unit_html


def test_the_dashboard_in_english(client, handler_a, category_a):
    DatedComplaintFactory(category=category_a, status=Status.INVESTIGATING, assignee=handler_a)
    client.force_login(handler_a)
    profile = UserProfile.get_for_user(handler_a)
    profile.preferred_language = "en"
    profile.save()
    html = client.get("/admin/").content.decode()
    assert "Assigned to me" in html
    assert "See all" in html
    assert "Bana atananlar" not in html


@pytest.mark.parametrize(("language", "words"), [("tr", "2'den fazla"), ("en", "More than 2")])
def test_a_count_past_the_queues_cap_reads_more_than_the_cap(
    client, handler_a, category_a, monkeypatch, language, words
):
    monkeypatch.setattr("staff.panels.QUEUE_COUNT_CAP", 2)
    for _ in range(3):
        DatedComplaintFactory(
            category=category_a, status=Status.INVESTIGATING, sla_state=SlaState.BREACHED
        )
    DatedComplaintFactory(category=category_a, status=Status.INVESTIGATING, assignee=handler_a)
    profile = UserProfile.get_for_user(handler_a)
    profile.preferred_language = language
    profile.save()

    html = dashboard(client, handler_a)

    breached = panel(html, "memnun-breached")
    assert count_in(html, "memnun-breached") == 2
    assert words in breached
    # a count within the cap is exact, as before
    assert "More than" not in panel(html, "memnun-mine")
    assert "fazla" not in panel(html, "memnun-mine")
    assert count_in(html, "memnun-mine") == 1


def queries_for(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["handler_a", "quality_manager"])
def test_the_query_count_does_not_grow_with_the_rows(request, client, role, category_a):
    user = request.getfixturevalue(role)

    def fill(n):
        for _ in range(n):
            complaint = DatedComplaintFactory(
                category=category_a,
                status=Status.INVESTIGATING,
                assignee=user,
                sla_state=SlaState.BREACHED,
            )
            DatedComplaintFactory(category=category_a, status=Status.REJECTED)
            action = CorrectiveAction.objects.create(
                kind="corrective", title="Geç", due_date=date(2026, 3, 1), owner=user
            )
            action.complaints.add(complaint)
            Notification.objects.create(
                complaint=complaint, recipient_email="x@example.com", template="t", status="dead"
            )

    fill(1)
    one = queries_for(client, user)
    fill(4)
    five = queries_for(client, user)
    fill(15)
    twenty = queries_for(client, user)
    assert five == twenty
    # a panel showing its whole queue (fewer than five) needs no count
    assert one < five


def wagtail_panel_names(client, user) -> set[str]:
    """The panels Wagtail's home view builds for `user` (its own and the hooks')."""
    from django.test import RequestFactory
    from wagtail.admin.views.home import HomeView

    request = RequestFactory().get("/admin/")
    request.user = user
    request.session = client.session
    view = HomeView()
    view.setup(request)
    return {getattr(panel, "name", type(panel).__name__) for panel in view.get_panels()}


PAGE_EDITING = {"recent_edits", "locked_pages", "user_objects_in_workflow_moderation"}


def test_complaint_staff_who_edit_no_page_do_not_get_wagtails_page_editing_panels(
    client, handler_a
):
    names = wagtail_panel_names(client, handler_a)
    assert "QueuePanel" in names
    assert not names & PAGE_EDITING
    assert "workflow_objects_to_moderate" not in names  # they review no page either


def test_complaint_staff_who_also_edit_pages_keep_them(client, handler_a):
    from django.contrib.auth.models import Group

    from cms_pages.permissions import CONTENT_EDITORS_GROUP

    handler_a.groups.add(Group.objects.get(name=CONTENT_EDITORS_GROUP))
    names = wagtail_panel_names(client, handler_a)
    assert "QueuePanel" in names
    assert names >= PAGE_EDITING


def test_a_content_editor_keeps_wagtails_panels(client, content_editor):
    names = wagtail_panel_names(client, content_editor)
    assert names >= PAGE_EDITING
    assert "QueuePanel" not in names


def test_complaint_staff_who_review_pages_keep_the_review_panel(client, handler_a):
    from django.contrib.auth.models import Group

    from cms_pages.permissions import POLICY_APPROVERS_GROUP

    handler_a.groups.add(Group.objects.get(name=POLICY_APPROVERS_GROUP))
    assert "workflow_objects_to_moderate" in wagtail_panel_names(client, handler_a)


def test_a_content_editor_keeps_the_review_panel(client, content_editor):
    assert "workflow_objects_to_moderate" in wagtail_panel_names(client, content_editor)
