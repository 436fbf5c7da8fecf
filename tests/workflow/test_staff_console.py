"""Staff console (Wagtail admin): the outbox is visible, so a dead e-mail is never silent."""

from workflow.models import Notification


def dead_notification():
    return Notification.objects.create(
        recipient_email="kayip@example.com",
        template="received",
        status=Notification.State.DEAD,
        attempts=6,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )


def test_staff_see_dead_notifications_with_their_error(client, staff):
    notification = dead_notification()
    client.force_login(staff)
    listing = client.get("/admin/notifications/", {"status": "dead"})
    assert listing.status_code == 200
    assert "kayip@example.com" in listing.content.decode()
    detail = client.get(f"/admin/notifications/inspect/{notification.pk}/")
    assert detail.status_code == 200
    assert "SMTPServerDisconnected" in detail.content.decode()


def test_customers_cannot_open_the_console(client, customer):
    dead_notification()
    client.force_login(customer)
    response = client.get("/admin/notifications/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_manage_reference_data_snippets(client, staff, category):
    client.force_login(staff)
    response = client.get("/admin/snippets/workflow/category/")
    assert response.status_code == 200
    assert category.name_tr in response.content.decode()


def test_staff_see_the_complaint_queue_and_can_only_read_it(client, staff, customer, category):
    from tests.workflow.helpers import complaint_in
    from workflow.states import Status

    complaint = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    client.force_login(staff)
    listing = client.get("/admin/complaints/", {"status": "investigating"})
    assert listing.status_code == 200
    assert complaint.reference in listing.content.decode()
    detail = client.get(f"/admin/complaints/inspect/{complaint.pk}/")
    assert detail.status_code == 200
    assert complaint.subject in detail.content.decode()
    # state changes go through the services only: no add, edit or delete in the console
    assert client.get("/admin/complaints/new/").status_code in (302, 403)
    response = client.post(f"/admin/complaints/edit/{complaint.pk}/", {"subject": "x"})
    assert response.status_code in (302, 403)
    complaint.refresh_from_db(fields=["subject"])
    assert complaint.subject != "x"


def test_complaint_queue_query_count_is_constant(
    client, staff, customer, category, django_assert_max_num_queries
):
    from tests.workflow.helpers import complaint_in
    from workflow.states import Status

    client.force_login(staff)
    complaint_in(Status.INVESTIGATING, customer=customer, staff=staff, category=category)
    client.get("/admin/complaints/")  # warm caches (site, permissions)
    with django_assert_max_num_queries(30) as few:
        client.get("/admin/complaints/")
    for _ in range(6):
        complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/admin/complaints/").status_code == 200


def test_customers_do_not_reach_the_complaint_queue(client, customer):
    client.force_login(customer)
    assert client.get("/admin/complaints/").status_code == 302


def test_staff_e_mails_link_to_the_complaint_page(client, staff, customer, category):
    from tests.workflow.helpers import complaint_in
    from workflow.notifications import render
    from workflow.states import Status

    complaint = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    alert = complaint.notifications.get(template="staff_new_complaint")
    _, body = render(alert)
    link = next(line for line in body.splitlines() if "/admin/complaints/" in line).split()[-1]
    client.force_login(staff)
    assert link == f"http://127.0.0.1:8000/admin/complaints/{complaint.reference}/"
    page = client.get(link.removeprefix("http://127.0.0.1:8000"))
    assert page.status_code == 200
    assert complaint.reference in page.content.decode()


def test_the_console_shows_istanbul_time(client, staff, category):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.factories import ComplaintFactory

    # 13:57 in Istanbul is 10:57 UTC; staff read 13:57 in the queue and the complaint's page
    received = datetime(2026, 11, 20, 13, 57, tzinfo=ZoneInfo("Europe/Istanbul"))
    complaint = ComplaintFactory(category=category, received_at=received)
    client.force_login(staff)
    for url in ("/admin/complaints/", f"/admin/complaints/inspect/{complaint.pk}/"):
        html = client.get(url).content.decode()
        assert "20 Kasım 2026 13:57" in html
        assert "10:57" not in html


def test_corrective_action_owners_are_complaint_staff_only(client, staff, customer):
    from django.contrib.auth.models import Group

    from cms_pages.permissions import CONTENT_EDITORS_GROUP
    from tests.factories import UserFactory
    from workflow.models import CorrectiveAction

    editor = UserFactory(is_staff=True, email="editor@example.com")
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS_GROUP))
    client.force_login(staff)

    form = client.get("/admin/snippets/workflow/correctiveaction/add/").content.decode()
    assert f'value="{staff.pk}"' in form
    assert f'value="{customer.pk}"' not in form
    assert f'value="{editor.pk}"' not in form

    from tests.factories import ComplaintFactory

    complaint = ComplaintFactory(customer=customer)
    data = {
        "kind": "corrective",
        "title": "Yenileme hatırlatması",
        "state": "open",
        "complaints": [complaint.pk],
    }
    refused = client.post(
        "/admin/snippets/workflow/correctiveaction/add/", {**data, "owner": customer.pk}
    )
    assert refused.status_code == 200
    assert "owner" in refused.context["form"].errors
    assert not CorrectiveAction.objects.exists()
    accepted = client.post(
        "/admin/snippets/workflow/correctiveaction/add/", {**data, "owner": staff.pk}
    )
    assert accepted.status_code == 302
    assert CorrectiveAction.objects.get().owner == staff


def test_the_turkish_console_names_every_complaint_field_in_turkish(client, staff, category):
    import re

    from tests.factories import ComplaintFactory

    complaint = ComplaintFactory(category=category)
    client.force_login(staff)

    html = client.get(f"/admin/complaints/inspect/{complaint.pk}/").content.decode()

    for label in ("Kategori", "Birim", "Sorumlu personel", "Süre durumu", "Kapanış zamanı"):
        assert label in html
    labels = re.findall(r"<dt>\s*(.*?)\s*</dt>", html)
    values = re.findall(r"<dd>\s*(.*?)\s*</dd>", html, flags=re.S)
    for english in ("Category", "Unit", "Assignee", "Sla state", "Closed at"):
        assert english not in labels
    assert "None" not in values
    assert "—" in values  # an empty field (closed at) is a dash
