"""E-mails to a guest (no account) point at the tracking page and say how to act there."""

import pytest

from tests.workflow.helpers import PROPOSAL, _step, file, reload
from workflow.models import Notification
from workflow.notifications import render

pytestmark = pytest.mark.django_db


def _proposal_email(complaint, staff, customer=None) -> str:
    for name in ["acknowledge", "assign", "propose_resolution"]:
        complaint = _step(name, complaint, customer=customer, staff=staff)
    notification = Notification.objects.get(complaint=complaint, template="resolution_proposed")
    _subject, body = render(notification)
    assert PROPOSAL in body
    return body


@pytest.mark.parametrize(
    ("language", "note"),
    [("tr", "Hesabıma bağla"), ("en", "Add to my account")],
)
def test_a_guest_is_told_to_claim_the_complaint_before_answering(staff, category, language, note):
    complaint = file(
        None,
        category,
        contact_name="Misafir",
        contact_email="misafir@example.com",
        language=language,
    )

    body = _proposal_email(complaint, staff)

    assert f"/portal/track/{reload(complaint).tracking_token}/" in body
    assert note in body


def test_a_customer_gets_the_portal_link_and_no_claim_note(staff, customer, category):
    complaint = file(customer, category)

    body = _proposal_email(complaint, staff, customer)

    assert f"/portal/complaints/{complaint.reference}/" in body
    assert "Hesabıma bağla" not in body
