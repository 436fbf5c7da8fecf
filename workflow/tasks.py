"""Background tasks run by the database-backed worker (`manage.py db_worker`)."""

from django.tasks import task

from . import notifications


@task()
def deliver_notification(notification_id: int) -> str:
    return notifications.deliver(notification_id)
