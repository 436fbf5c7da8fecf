"""Notification outbox (R5, R11, R12).

Services write a `Notification` row inside their transaction; after commit the task worker
is asked to deliver it. Delivery failures never lose the row: it is retried with exponential
backoff and, after `MEMNUN_NOTIFICATION_MAX_ATTEMPTS`, marked dead and shown to staff.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import branding
from .email_layout import html_email
from .models import Complaint, Notification

logger = logging.getLogger(__name__)

# The complaint's page in the staff console (`staff_complaint` in the staff app's admin URLs;
# `workflow` does not import `staff`, so the path is spelt here and a test keeps them equal).
STAFF_COMPLAINT_PATH = "/admin/complaints/{reference}/"

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=6)


def complaint_url(complaint: Complaint) -> str:
    """Where the complainant follows the complaint (R8): its portal page once it belongs to an
    account; otherwise (a guest, or staff intake for someone without an account) the tracking
    link, whose token is the only key they have. Claiming the complaint replaces the token."""
    if complaint.customer_id is None:
        return f"{settings.MEMNUN_SITE_URL}/portal/track/{complaint.tracking_token}/"
    return f"{settings.MEMNUN_SITE_URL}/portal/complaints/{complaint.reference}/"


def complaint_context(complaint: Complaint, **extra) -> dict:
    """The JSON-safe context every complaint e-mail gets."""
    return {
        "reference": complaint.reference,
        "subject": complaint.subject,
        "contact_name": complaint.contact_name,
        "status": complaint.status,
        "portal_url": complaint_url(complaint),
        "is_guest": complaint.customer_id is None,
        **extra,
    }


def queue_notification(
    *,
    template: str,
    recipient_email: str,
    language: str,
    context: dict,
    complaint: Complaint | None = None,
    recipient=None,
) -> Notification | None:
    """Write the outbox row now; ask the worker to deliver it once the transaction commits."""
    if not recipient_email:
        return None
    notification = Notification.objects.create(
        complaint=complaint,
        recipient=recipient,
        recipient_email=recipient_email,
        template=template,
        context=context,
        language=language if language in ("tr", "en") else "tr",
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: enqueue_delivery(notification.pk))
    return notification


def greeting_name(complaint: Complaint) -> str:
    """Whom the e-mail greets: the contact name given with the complaint, else the account's
    name; never an e-mail address or its local part (then the greeting has no name)."""
    name = complaint.contact_name.strip()
    if name and "@" not in name:
        return name
    return complaint.customer.get_full_name().strip() if complaint.customer else ""


def notify_customer(complaint: Complaint, template: str, **extra) -> Notification | None:
    email = complaint.contact_email or (complaint.customer.email if complaint.customer else "")
    context = complaint_context(complaint, **extra)
    context["contact_name"] = greeting_name(complaint)
    if complaint.customer_id is None:
        # Nobody has confirmed this address: whoever typed it into the public form could make
        # us mail anyone their own text (a phishing relay). Such e-mails carry only what the
        # company wrote; the templates then greet without a name and name no subject.
        context.update(contact_name="", subject="")
    return queue_notification(
        template=template,
        recipient_email=email,
        language=complaint.language,
        context=context,
        complaint=complaint,
        recipient=complaint.customer,
    )


def notify_staff(complaint: Complaint, template: str, **extra) -> Notification | None:
    """Tell the assignee, or the unit's shared inbox when nobody is assigned yet."""
    if complaint.assignee and complaint.assignee.email:
        email, user = complaint.assignee.email, complaint.assignee
    elif complaint.unit and complaint.unit.email:
        email, user = complaint.unit.email, None
    else:
        return None
    return _queue_for_staff(complaint, template, email, user, extra)


def notify_staff_member(complaint: Complaint, template: str, user, **extra) -> Notification | None:
    """Tell one staff member (e.g. the proposer of a returned final decision, R14)."""
    if user is None or not user.email:
        return None
    return _queue_for_staff(complaint, template, user.email, user, extra)


def staff_complaint_url(reference: str) -> str:
    """The complaint's page in the staff console, where staff act on it."""
    return settings.MEMNUN_SITE_URL + STAFF_COMPLAINT_PATH.format(reference=reference)


def _least_privileged_member(unit):
    """A unit inbox is read by the unit's members: the actions it lists are those of a
    handler of the unit (a manager may do more, never less)."""
    from .rules import is_quality_manager, is_unit_manager

    members = list(unit.members.filter(is_active=True).order_by("pk")[:20]) if unit else []
    plain = [m for m in members if not (is_unit_manager(m) or is_quality_manager(m))]
    return (plain or members or [None])[0]


def staff_actions_for(complaint: Complaint, user) -> list[str]:
    """What the e-mail's reader may do on the complaint page now (`available_actions`, the
    console's own list), so an e-mail never asks for something the console will not offer."""
    from .actions import STAFF, available_actions

    reader = user or _least_privileged_member(complaint.unit)
    return available_actions(complaint, reader, STAFF) if reader is not None else []


def _queue_for_staff(complaint: Complaint, template: str, email: str, user, extra: dict):
    context = complaint_context(complaint, **extra)
    # staff e-mails link the console; a guest's tracking link is theirs alone
    del context["portal_url"], context["is_guest"]
    context["actions"] = staff_actions_for(complaint, user)
    context["actions_for_unit"] = user is None
    return queue_notification(
        template=template,
        recipient_email=email,
        language=settings.LANGUAGE_CODE,
        context=context,
        complaint=complaint,
        recipient=user,
    )


def enqueue_delivery(notification_id: int) -> None:
    from .tasks import deliver_notification

    try:
        deliver_notification.enqueue(notification_id)
    except Exception:  # the row stays pending; `send_notifications` picks it up later
        logger.exception("Could not enqueue delivery of notification %s", notification_id)


def schedule_retry(notification_id: int, run_after) -> None:
    """Ask the worker to try again later, where the task backend can defer."""
    from .tasks import deliver_notification

    if not deliver_notification.get_backend().supports_defer:
        return  # the periodic `send_notifications` sweep retries it
    try:
        deliver_notification.using(run_after=run_after).enqueue(notification_id)
    except Exception:
        logger.exception("Could not schedule a retry of notification %s", notification_id)


def render(notification: Notification) -> tuple[str, str]:
    """Subject (first line of the template) and body, in the notification's language."""
    with translation.override(notification.language):
        text = render_to_string(
            f"workflow/email/{notification.language}/{notification.template}.txt",
            notification.context,
        ).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def render_html(
    notification: Notification, subject: str, body: str, brand: branding.Brand | None = None
) -> str:
    """The HTML part: the text in the company's e-mail layout (workflow/email_layout.py)."""
    with translation.override(notification.language):
        return html_email(subject=subject, text=body, brand=brand, language=notification.language)


def build_message(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail as sent: text and HTML parts, from the company's address."""
    brand = branding.brand()
    subject, body = render(notification)
    message = EmailMultiAlternatives(
        subject, body, from_email=brand.from_email, to=[notification.recipient_email]
    )
    message.attach_alternative(render_html(notification, subject, body, brand), "text/html")
    return message


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def deliver(notification_id: int, *, now=None) -> str:
    """Send one notification; returns its new status.

    Safe to call twice and from both the deferred retry task and the `deliver_due` sweep:
    a sent or dead row is left alone, and a failed row waits for its `next_attempt_at`.
    """
    now = now or timezone.now()
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None:
            return "missing"
        if notification.status in (Notification.State.SENT, Notification.State.DEAD) or (
            notification.status == Notification.State.FAILED
            and notification.next_attempt_at
            and notification.next_attempt_at > now
        ):
            return notification.status
        notification.attempts += 1
        try:
            build_message(notification).send()
        except Exception as error:  # SMTP down, refused, template error: keep and retry
            notification.last_error = f"{type(error).__name__}: {error}"[:2000]
            if notification.attempts >= settings.MEMNUN_NOTIFICATION_MAX_ATTEMPTS:
                notification.status = Notification.State.DEAD
                notification.next_attempt_at = None
            else:
                notification.status = Notification.State.FAILED
                notification.next_attempt_at = now + backoff(notification.attempts)
                retry_at = notification.next_attempt_at
                transaction.on_commit(lambda: schedule_retry(notification_id, retry_at))
            logger.warning("Notification %s failed: %s", notification.pk, notification.last_error)
        else:
            notification.status = Notification.State.SENT
            notification.sent_at = timezone.now()
            notification.next_attempt_at = None
            notification.last_error = ""
        notification.save(
            update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"]
        )
        return notification.status


def deliver_due(*, now=None, limit: int = 500) -> dict[str, int]:
    """Deliver every pending or failed notification whose next attempt is due."""
    now = now or timezone.now()
    due_ids = list(
        Notification.objects.filter(
            status__in=[Notification.State.PENDING, Notification.State.FAILED],
            next_attempt_at__lte=now,
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    counts: dict[str, int] = {}
    for pk in due_ids:
        status = deliver(pk, now=now)
        counts[status] = counts.get(status, 0) + 1
    return counts
