"""Staff e-mails open the complaint's page in the console and list what the reader may do
there now: the labels of `available_actions(complaint, recipient)`, never an action the
console would not offer."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from tests.factories import CustomerFactory
from tests.staff.roles import *  # noqa: F403  (fixtures)
from tests.workflow.helpers import REJECTION, complaint_in, file, reload
from workflow import services
from workflow.actions import STAFF, available_actions, get_action
from workflow.models import Notification
from workflow.notifications import STAFF_COMPLAINT_PATH, render
from workflow.states import InvestigationLevel, Status

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Istanbul"))
SITE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=True):
        yield


def listed_actions(body: str) -> list[str]:
    """The "- label" lines under the e-mail's list of what can be done now."""
    return re.findall(r"^- (.+)$", body, flags=re.MULTILINE)


def labels(names) -> list[str]:
    with translation.override("tr"):
        return [str(get_action(name).label) for name in names]


def console_forms(client, user, complaint) -> list[str]:
    client.force_login(user)
    html = client.get(f"/admin/complaints/{complaint.reference}/").content.decode()
    return re.findall(r'<form[^>]* data-action="([a-z_]+)"', html)


def test_the_path_is_the_staff_complaint_url():
    assert STAFF_COMPLAINT_PATH.format(reference="MMN-2026-000001") == reverse(
        "staff_complaint", args=["MMN-2026-000001"]
    )


def test_a_rejection_e_mail_links_the_page_and_lists_the_assignees_actions(
    client, handler_a, quality_manager, category_a
):
    customer = CustomerFactory()
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED,
        customer=customer,
        staff=quality_manager,
        category=category_a,
        assignee=handler_a,
    )
    services.reject_resolution(complaint=complaint, actor=customer, reason=REJECTION)
    complaint = reload(complaint)
    alert = Notification.objects.get(complaint=complaint, template="staff_rejection_to_review")
    assert alert.recipient == handler_a

    _, body = render(alert)

    assert f"{SITE}/admin/complaints/{complaint.reference}/" in body
    assert "/admin/complaints/?" not in body
    offered = available_actions(complaint, handler_a, STAFF)
    assert "review_rejection" in offered
    assert "Şikâyet sayfasında şimdi yapabilecekleriniz:" in body
    assert listed_actions(body) == labels(offered)
    # exactly the forms the page the link opens shows to this person
    assert console_forms(client, handler_a, complaint) == offered


def test_a_unit_inbox_gets_what_a_handler_of_the_unit_may_do(
    client, handler_a, unit_manager_a, category_a
):
    complaint = file(CustomerFactory(), category_a)
    alert = Notification.objects.get(complaint=complaint, template="staff_new_complaint")
    assert alert.recipient is None  # the unit's inbox

    _, body = render(alert)

    assert "Birim personelinin şikâyet sayfasında şimdi yapabilecekleri:" in body
    handler_offered = available_actions(complaint, handler_a, STAFF)
    assert listed_actions(body) == labels(handler_offered)
    assert "Alındığını bildir" in listed_actions(body)
    # a handler cannot route a complaint nobody acknowledged yet (a manager can): not asked
    assert "assign" in available_actions(complaint, unit_manager_a, STAFF)
    assert "Yönlendir" not in listed_actions(body)
    assert "atayın" not in body
    assert console_forms(client, handler_a, complaint) == handler_offered


def test_an_accepted_root_cause_complaint_is_not_asked_to_close_before_an_action(
    handler_a, quality_manager, category_a
):
    customer = CustomerFactory()
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED,
        customer=customer,
        staff=quality_manager,
        category=category_a,
        assignee=handler_a,
    )
    type(complaint).objects.filter(pk=complaint.pk).update(
        investigation_level=InvestigationLevel.ROOT_CAUSE
    )
    services.accept_resolution(complaint=reload(complaint), actor=customer)
    alert = Notification.objects.get(complaint=complaint, template="staff_resolution_accepted")

    _, body = render(alert)

    assert "Uygulandı, kapat" not in listed_actions(body)  # a corrective action first (R6)
    assert "Düzeltici faaliyet ekle" in listed_actions(body)


def test_the_english_e_mail_lists_the_english_labels(handler_a, quality_manager, category_a):
    complaint = complaint_in(
        Status.INVESTIGATING,
        customer=CustomerFactory(),
        staff=quality_manager,
        category=category_a,
        assignee=handler_a,
    )
    alert = Notification.objects.get(complaint=complaint, template="staff_assigned")
    alert.language = "en"

    _, body = render(alert)

    assert "What you can do on the complaint page now:" in body
    assert "Propose a resolution" in listed_actions(body)
    assert f"Staff console: {SITE}/admin/complaints/{complaint.reference}/" in body
