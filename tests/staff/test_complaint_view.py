"""The console's complaint page (/admin/complaints/<reference>/): the facts, the staff timeline
and a form for each action the registry allows now; submitting one runs the action."""

import re

import pytest

from tests.workflow.helpers import QUESTION, complaint_in, nothing_changes, reload
from workflow import services
from workflow.actions import available_actions
from workflow.states import Status

pytestmark = pytest.mark.django_db


def page_url(complaint, action=""):
    return f"/admin/complaints/{complaint.reference}/" + (f"?action={action}" if action else "")


def forms_on(html: str) -> list[str]:
    return re.findall(r'<form[^>]* data-action="([a-z_]+)"', html)


def test_the_page_shows_the_timeline_and_a_form_per_available_action(
    client, staff, customer, category
):
    complaint = complaint_in(
        Status.AWAITING_CUSTOMER, customer=customer, staff=staff, category=category
    )
    services.add_note(complaint=complaint, actor=staff, text="Müşteri VIP", visibility="internal")
    client.force_login(staff)

    response = client.get(page_url(complaint))

    html = response.content.decode()
    assert response.status_code == 200
    assert forms_on(html) == available_actions(complaint, staff, "staff")
    assert forms_on(html) == ["assign", "resume", "set_estimate", "add_note"]
    assert QUESTION in html
    assert "Müşteri VIP" in html  # internal notes too
    assert staff.get_full_name() in html  # who did it


def test_submitting_an_action_runs_it_and_says_so(client, staff, customer, category):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    client.force_login(staff)

    response = client.post(
        page_url(complaint, "propose_resolution"),
        {"text": "Ücret iade edilecek."},
        follow=True,
    )

    assert response.redirect_chain == [(page_url(complaint), 302)]
    assert reload(complaint).status == Status.RESOLUTION_PROPOSED
    assert "Yapıldı: Çözüm öner." in [str(m) for m in response.context["messages"]]
    assert "Ücret iade edilecek." in response.content.decode()  # on the timeline
    assert "propose_resolution" not in forms_on(response.content.decode())


def test_bad_input_is_shown_in_the_form_and_changes_nothing(client, staff, customer, category):
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    client.force_login(staff)

    with nothing_changes(complaint):
        response = client.post(page_url(complaint, "propose_resolution"), {"text": "  "})

    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'<details[^>]*id="action-propose_resolution"[^>]* open', html)
    assert "Bu alan zorunludur." in html


def test_an_action_not_allowed_now_is_refused(client, staff, customer, category):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    client.force_login(staff)

    with nothing_changes(complaint):
        response = client.post(page_url(complaint, "reopen"), {"reason": "Yeni bilgi"}, follow=True)
        unknown = client.post(page_url(complaint, "accept"), {})

    assert "Bu işlem şikâyetin şu anki durumunda yapılamaz." in [
        str(m) for m in response.context["messages"]
    ]
    assert unknown.status_code == 404  # a customer action is no staff action


def test_customers_cannot_open_the_page(client, staff, customer, category):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    client.force_login(customer)

    response = client.get(page_url(complaint))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_queue_links_each_complaint_to_its_page(client, staff, customer, category):
    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    client.force_login(staff)

    listing = client.get("/admin/complaints/").content.decode()

    assert f'href="{page_url(complaint)}"' in listing
