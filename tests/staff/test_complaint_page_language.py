"""The console marks what people wrote with the complaint's language (`lang`): on the complaint
page the subject (in the page's heading too), the description and the texts of the timeline;
the subject in the queue, on the review page and in the dashboard's panels. The console's own
words stay in the reader's language."""

import re

import pytest

from tests.staff.roles import *  # noqa: F403  (fixtures)
from tests.workflow.helpers import QUESTION, REJECTION, complaint_in
from workflow import services
from workflow.states import Status

pytestmark = pytest.mark.django_db

SUBJECT = "Certificate renewal charged twice"
DESCRIPTION = "I was charged twice for the same renewal."
NOTE = "Müşteri iki kez aradı."


@pytest.fixture
def english_complaint(customer, quality_manager, category_a):
    complaint = complaint_in(
        Status.AWAITING_CUSTOMER,
        customer=customer,
        staff=quality_manager,
        category=category_a,
        subject=SUBJECT,
        description=DESCRIPTION,
        language="en",
    )
    services.add_note(complaint=complaint, actor=quality_manager, text=NOTE, visibility="internal")
    return complaint


def test_what_people_wrote_carries_the_complaints_language(client, handler_a, english_complaint):
    client.force_login(handler_a)

    html = client.get(f"/admin/complaints/{english_complaint.reference}/").content.decode()

    assert re.search(r'<html[^>]* lang="tr"', html)  # the console speaks the reader's language
    assert f'<dd lang="en" data-subject>{SUBJECT}</dd>' in html
    assert f'<h1 class="w-sr-only">{english_complaint.reference}: <span lang="en">{SUBJECT}' in html
    assert re.search(rf'<div lang="en" data-description>\s*<p>{DESCRIPTION}</p>', html)
    timeline = html.split('id="timeline-title"')[1]
    for text in (QUESTION, NOTE):  # the staff's question, an internal note
        assert re.search(rf'<div lang="en">\s*<p>{re.escape(text)}</p>', timeline)
    assert not re.search(r'lang="tr"[^>]*>\s*<p>', timeline)  # nothing marked otherwise


def test_a_turkish_complaint_is_marked_turkish(
    client, handler_a, customer, quality_manager, category_a
):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=quality_manager, category=category_a
    )
    client.force_login(handler_a)

    html = client.get(f"/admin/complaints/{complaint.reference}/").content.decode()

    assert f'<dd lang="tr" data-subject>{complaint.subject}</dd>' in html
    assert '<div lang="tr" data-description>' in html


@pytest.fixture
def english_rejected(customer, quality_manager, category_a):
    """A rejected complaint written in English (the customer's reason too)."""
    return complaint_in(
        Status.REJECTED,
        customer=customer,
        staff=quality_manager,
        category=category_a,
        subject=SUBJECT,
        language="en",
    )


def test_the_review_page_marks_the_subject_and_the_customers_reason(
    client, handler_a, english_rejected
):
    complaint = english_rejected
    client.force_login(handler_a)

    html = client.get("/admin/complaints/reviews/").content.decode()

    assert complaint.reference in html
    assert f'<div lang="en">{SUBJECT}</div>' in html
    assert f'<td lang="en">{REJECTION}</td>' in html


def test_the_queue_and_the_dashboard_mark_each_subject_with_its_complaints_language(
    client, quality_manager, customer, category_a, english_rejected
):
    english = english_rejected
    turkish = complaint_in(
        Status.REJECTED, customer=customer, staff=quality_manager, category=category_a
    )
    client.force_login(quality_manager)

    queue = client.get("/admin/complaints/").content.decode()
    assert re.search(r'<html[^>]* lang="tr"', queue)
    assert f'<td lang="en">{SUBJECT}</td>' in queue
    assert f'<td lang="tr">{turkish.subject}</td>' in queue

    dashboard = client.get("/admin/").content.decode()
    rejected = dashboard.split('id="memnun-rejected-section"')[1].split("<section")[0]
    assert english.reference in rejected
    assert f'<td lang="en">{SUBJECT}</td>' in rejected
    assert f'<td lang="tr">{turkish.subject}</td>' in rejected
