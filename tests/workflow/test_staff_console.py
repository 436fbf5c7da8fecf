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
