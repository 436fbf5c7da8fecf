"""Background tasks run by the database-backed worker (`manage.py db_worker`)."""

from django.tasks import task

from . import notifications


@task()
def deliver_notification(notification_id: int) -> str:
    return notifications.deliver(notification_id)


@task()
def deliver_due_notifications() -> dict:
    """Retry sweep: the worker runs it after each failure and `send_notifications` runs it too."""
    return notifications.deliver_due()
