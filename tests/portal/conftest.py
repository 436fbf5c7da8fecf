"""Fixtures shared by the portal tests."""

import pytest

from tests.workflow import attachment_files as files
from tests.workflow.helpers import complaint_in, file
from workflow import services
from workflow.states import Status, Visibility


@pytest.fixture
def history(customer, other_customer, staff, category):
    """Complaints of the customer in several states, and one of another customer."""
    mine = [
        complaint_in(status, customer=customer, staff=staff, category=category)
        for status in (Status.RECEIVED, Status.AWAITING_CUSTOMER, Status.CLOSED)
    ]
    services.add_note(complaint=mine[0], actor=customer, text="Ek bilgi: fatura no 42")
    services.add_note(
        complaint=mine[0], actor=staff, text="İÇ NOT gizli", visibility=Visibility.INTERNAL
    )
    services.add_attachment(
        complaint=mine[0], actor=customer, file=files.upload("kanit.pdf", files.PDF)
    )
    services.add_attachment(
        complaint=mine[0],
        actor=staff,
        file=files.upload("ic-belge.pdf", files.PDF),
        visibility=Visibility.INTERNAL,
    )
    services.submit_survey(
        complaint=mine[2], actor=customer, resolution_score=4, process_score=5, comment="İyi"
    )
    theirs = file(other_customer, category, subject="Başkasının şikâyeti")
    services.add_attachment(
        complaint=theirs, actor=other_customer, file=files.upload("baska.pdf", files.PDF)
    )
    return mine, theirs
