"""The console's complaint page (/admin/complaints/<reference>/): the facts, the staff timeline
and a form for each action the registry allows now; submitting one runs the action."""

import re

import pytest

from tests.factories import CategoryFactory, HandlerFactory, UnitFactory, UnitManagerFactory
from tests.workflow.helpers import QUESTION, complaint_in, nothing_changes, reload
from workflow import services
from workflow.actions import available_actions
from workflow.states import ClosureReason, Status

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
    assert forms_on(html) == [
        "assign",
        "resume",
        "set_estimate",
        "add_note",
        "add_corrective_action",
    ]
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


def test_a_second_manager_approves_a_final_decision_on_the_page(client, staff, customer):
    unit = UnitFactory(slug="unit-a")
    handler = HandlerFactory(units=[unit])
    manager = UnitManagerFactory(units=[unit])
    category = CategoryFactory(slug="category-a", default_unit=unit)
    complaint = complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)
    services.review_rejection(
        complaint=complaint, actor=handler, decision="final", text="Önerimiz geçerlidir."
    )
    client.force_login(handler)
    assert "approve_final_decision" not in forms_on(
        client.get(page_url(complaint)).content.decode()
    )
    client.force_login(manager)
    assert "approve_final_decision" in forms_on(client.get(page_url(complaint)).content.decode())

    response = client.post(
        page_url(complaint, "approve_final_decision"), {"note": "Uygun."}, follow=True
    )

    assert response.redirect_chain == [(page_url(complaint), 302)]
    complaint = reload(complaint)
    assert (complaint.status, complaint.closure_reason) == (
        Status.CLOSED,
        ClosureReason.FINAL_DECISION,
    )
    assert "Yapıldı: Nihai kararı onayla." in [str(m) for m in response.context["messages"]]
    assert "approve_final_decision" not in forms_on(response.content.decode())


def test_a_handler_moving_a_complaint_to_another_unit_sees_why_not(client, staff, customer):
    unit, other = UnitFactory(slug="unit-a"), UnitFactory(slug="unit-b")
    handler = HandlerFactory(units=[unit])
    category = CategoryFactory(slug="category-a", default_unit=unit)
    complaint = complaint_in(Status.ACKNOWLEDGED, customer=customer, staff=staff, category=category)
    client.force_login(handler)

    with nothing_changes(complaint):
        response = client.post(page_url(complaint, "assign"), {"unit": other.slug})

    assert response.status_code == 403
    assert "yalnız birim yöneticisi ya da kalite yöneticisi" in response.content.decode()


def test_a_manager_who_moves_it_out_of_their_units_goes_back_to_the_queue(client, staff, customer):
    unit, other = UnitFactory(slug="unit-a"), UnitFactory(slug="unit-b")
    manager = UnitManagerFactory(units=[unit])
    category = CategoryFactory(slug="category-a", default_unit=unit)
    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    client.force_login(manager)

    response = client.post(page_url(complaint, "assign"), {"unit": other.slug})

    assert response.status_code == 302
    assert response["Location"] == "/admin/complaints/"
    assert reload(complaint).unit == other
