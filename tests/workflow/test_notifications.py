"""Notification e-mails (R5, R11, R12): a template for every notification the services send,
delivery over a real SMTP server, retries that never lose a message, and the
`send_notifications` / `run_scheduler` commands."""

import ast
import json
import os
import re
import signal
import socket
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage as MimeMessage
from io import StringIO
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from workflow.management.commands import run_scheduler
from workflow.models import Notification
from workflow.notifications import complaint_context, deliver, deliver_due, render
from workflow.services import file_complaint
from workflow.templatetags.memnun_email import local_datetime

ROOT = Path(__file__).resolve().parents[2]
SERVICES_DIR = ROOT / "workflow" / "services"
EMAIL_DIR = ROOT / "templates" / "workflow" / "email"
LANGUAGES = ("tr", "en")

# Quotes and an ampersand: plain-text mail must show them as typed, not HTML-escaped.
SUBJECT = 'Faturamda "ek hizmet" ücreti & gecikme bedeli var'


# --- which notifications exist -------------------------------------------------------------


# Sent by `check_deadlines` (R10) as f"staff_deadline_{state}", with datetimes as ISO strings.
DEADLINE_NOTIFICATIONS = {
    (
        name,
        (
            ("estimated_resolution_at",),
            ("final_response_due_at",),
            ("response_due_at",),
            ("sla_state",),
        ),
    )
    for name in ("staff_deadline_at_risk", "staff_deadline_breached")
}
# Every name a service builds at run time (an f-string) must be one of these.
DYNAMIC_NAMES = {name for name, _ in DEADLINE_NOTIFICATIONS}


def _names(node: ast.AST) -> set[str]:
    """The template names an expression can evaluate to (dict keys are lookups, not results);
    an f-string stands for every name in DYNAMIC_NAMES it can produce."""
    if isinstance(node, ast.Constant):
        return {node.value} if isinstance(node.value, str) else set()
    if isinstance(node, ast.JoinedStr):
        pattern = "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else r"\w+"
            for part in node.values
        )
        return {name for name in DYNAMIC_NAMES if re.fullmatch(pattern, name)}
    children = node.values if isinstance(node, ast.Dict) else ast.iter_child_nodes(node)
    return set().union(*(_names(child) for child in children))


def service_notifications() -> set[tuple[str, tuple[tuple[str, ...], ...]]]:
    """(template, extra context keys) for every notify_customer / notify_staff call in
    workflow/services/*.py. Keys passed the same expression (`proposal=body, note=body`) are
    grouped: they carry one value, which the e-mail has to show once."""
    found = set()
    for path in sorted(SERVICES_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            assigned = {
                target.id: node.value
                for node in ast.walk(function)
                if isinstance(node, ast.Assign)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            for call in ast.walk(function):
                if not (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in ("notify_customer", "notify_staff", "notify_staff_member")
                ):
                    continue
                where = f"{path.name}:{call.lineno}"
                template = call.args[1]
                if isinstance(template, ast.Name):
                    template = assigned[template.id]
                names = _names(template)
                assert names, f"{where}: cannot tell which template this call sends"
                groups: dict[str, list[str]] = {}
                for keyword in call.keywords:
                    assert keyword.arg, f"{where}: pass extra context as named keywords"
                    groups.setdefault(ast.dump(keyword.value), []).append(keyword.arg)
                keys = tuple(sorted(tuple(sorted(group)) for group in groups.values()))
                found |= {(name, keys) for name in names}
    return found


NOTIFICATIONS = sorted(service_notifications() | DEADLINE_NOTIFICATIONS)
TEMPLATE_NAMES = sorted({name for name, _ in NOTIFICATIONS})
# Outbox e-mails about no complaint, queued outside the services (tested where they are sent).
OTHER_TEMPLATE_NAMES = {"data_export_ready": "portal.data_exports (tests/portal)"}

ROUTES = [
    {"name": "Tüketici Hakem Heyeti", "url": "https://tuketici.ticaret.gov.tr/"},
    {"name": "Bilgi Teknolojileri ve İletişim Kurumu", "url": "https://www.btk.gov.tr/"},
]
SAMPLE_VALUES = {
    "answer": "Fatura numaram 2026-11-0042; ödemeyi 3 Kasım'da yaptım.",
    "channel": "phone",
    "estimated_resolution_at": "2026-12-02T12:00:00+00:00",
    "final_response_due_at": "2026-12-20T14:59:00+00:00",
    "message": "Kaydınızı inceledik; ek hizmet 1 Kasım'da sizin onayınız olmadan açılmış.",
    "method": "phone",
    "note": "Fark tutarı 14 Kasım'da kartınıza iade edildi.",
    "process_score": 5,
    "proposal": 'Hatalı "ek hizmet" ücretini iade edip gecikme bedelini sileceğiz & özür dileriz.',
    "question": "Ödemeyi hangi tarihte ve hangi kanaldan yaptınız?",
    "reason": "İade tutarı eksik; gecikme bedeli hâlâ görünüyor.",
    "resolution_score": 4,
    "response_due_at": "2026-11-25T11:30:00+00:00",
    "route": "Tüketici Hakem Heyeti",
    "routes": ROUTES,
    "sla_state": "at_risk",
    "unit_en": "Billing",
    "unit_tr": "Faturalama",
}


SHOWN_DATES = {  # Istanbul is UTC+3 all year
    "2026-11-25T11:30:00+00:00": "25.11.2026 14:30",
    "2026-12-02T12:00:00+00:00": "02.12.2026 15:00",
    "2026-12-20T14:59:00+00:00": "20.12.2026 17:59",
}


def shown_as(key: str, value, language: str) -> list[str]:
    """What the reader must find in the e-mail for one context value."""
    if key in ("response_due_at", "estimated_resolution_at", "final_response_due_at"):
        return [SHOWN_DATES[value]]
    if key == "routes":
        return [part for route in value for part in (route["name"], route["url"])]
    if key in ("resolution_score", "process_score"):
        return [f"{value}/5"]
    if key in ("unit_tr", "unit_en"):
        return [value] if key.endswith(language) else []
    if key == "channel":
        return [{"tr": "Kanal: Telefon", "en": "Channel: Phone"}[language]]
    if key == "method":
        return [{"tr": "telefonla", "en": "by phone"}[language]]
    if key == "sla_state":
        return []  # the template itself says "at risk" or "breached"
    return [value]


def _id(notification) -> str:
    name, keys = notification
    return f"{name}({'+'.join('='.join(group) for group in keys)})"


@pytest.fixture
def strict_templates(settings):
    """A variable the template uses but the service never passes shows up in the output."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "string_if_invalid": "<<missing %s>>"}}
    ]


def file(customer, category, *, language: str = "tr"):
    return file_complaint(
        actor=customer,
        category=category,
        subject=SUBJECT,
        description="Kullanmadığım bir ek hizmet için ücret ve gecikme bedeli alındı.",
        preferred_contact_method="email",
        language=language,
    )


def rendered(complaint, template: str, language: str, **extra) -> tuple[str, str]:
    context = json.loads(json.dumps(complaint_context(complaint, **extra)))  # as stored
    return render(Notification(template=template, language=language, context=context))


def test_the_services_send_the_notifications_this_module_knows_about():
    """Guards the scan: if it found nothing, the template tests below would test nothing."""
    assert {
        "received",
        "acknowledged",
        "resolution_rejected",
        "closed_resolved",
        "closed_final_decision",
        "reinvestigating",
        "staff_new_complaint",
        "staff_deadline_breached",
    } <= set(TEMPLATE_NAMES)
    assert ("received", (("final_response_due_at",), ("response_due_at",))) in NOTIFICATIONS
    assert ("resolution_proposed", (("proposal",),)) in NOTIFICATIONS
    assert ("reinvestigating", (("note",),)) in NOTIFICATIONS


@pytest.mark.usefixtures("strict_templates")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notification", NOTIFICATIONS, ids=[_id(n) for n in NOTIFICATIONS])
def test_every_notification_renders_what_the_service_passes(
    notification, language, customer, category, settings
):
    template, key_groups = notification
    complaint = file(customer, category, language=language)
    extra = {key: SAMPLE_VALUES[group[0]] for group in key_groups for key in group}

    subject, body = rendered(complaint, template, language, **extra)

    assert subject.startswith(f"[{complaint.reference}] ")
    assert len(subject) > len(complaint.reference) + 8
    assert complaint.reference in body
    if template.startswith("staff_"):
        assert f"{settings.MEMNUN_SITE_URL}/admin/" in body
    else:
        assert complaint.contact_name in body
        assert f"{settings.MEMNUN_SITE_URL}/portal/complaints/{complaint.reference}/" in body
        assert SUBJECT in body
    for group in key_groups:
        for fragment in shown_as(group[0], SAMPLE_VALUES[group[0]], language):
            assert fragment in body, f"{group} not shown"
    text = subject + "\n" + body
    for leftover in ("<<missing", "None", "&quot;", "&amp;", "&#x27;", "{{", "{%", "\n\n\n"):
        assert leftover not in text, leftover


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_turkish_and_english_templates_differ(template, customer, category):
    complaint = file(customer, category)
    extra = dict(SAMPLE_VALUES)
    tr_subject, tr_body = rendered(complaint, template, "tr", **extra)
    en_subject, en_body = rendered(complaint, template, "en", **extra)
    assert tr_subject != en_subject
    assert tr_body != en_body


def test_there_is_no_template_the_services_never_send():
    for language in LANGUAGES:
        files = sorted(path.stem for path in (EMAIL_DIR / language).glob("*.txt"))
        assert files == sorted([*TEMPLATE_NAMES, *OTHER_TEMPLATE_NAMES]), language


@pytest.mark.usefixtures("strict_templates")
@pytest.mark.parametrize(
    ("template", "language", "not_set"),
    [
        ("staff_deadline_at_risk", "tr", "Tahmini çözüm zamanı: belirlenmedi"),
        ("staff_deadline_breached", "tr", "Tahmini çözüm zamanı: belirlenmedi"),
        ("staff_deadline_at_risk", "en", "Estimated resolution: not set"),
        ("staff_deadline_breached", "en", "Estimated resolution: not set"),
    ],
)
def test_deadline_alert_without_an_estimate_asks_for_one(
    template, language, not_set, customer, category
):
    complaint = file(customer, category)
    _, body = rendered(
        complaint,
        template,
        language,
        response_due_at=complaint.response_due_at.isoformat(),
        estimated_resolution_at=None,
        sla_state=template.removeprefix("staff_deadline_"),
    )
    assert not_set in body
    assert local_datetime(complaint.response_due_at.isoformat()) in body
    assert "R10" in body
    assert "None" not in body


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-25T11:30:00+00:00", "25.11.2026 14:30"),
        ("2026-11-25T11:30:00Z", "25.11.2026 14:30"),
        ("2026-01-05T23:15:00+00:00", "06.01.2026 02:15"),
        (datetime(2026, 11, 25, 11, 30, tzinfo=UTC), "25.11.2026 14:30"),
        (datetime(2026, 11, 25, 14, 30), "25.11.2026 14:30"),  # naive: already local time
        (None, ""),
        ("", ""),
        ("not a date", "not a date"),
    ],
)
def test_local_datetime_shows_istanbul_time(value, expected):
    assert local_datetime(value) == expected


# --- a real SMTP server ---------------------------------------------------------------------


class Inbox:
    """aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self.messages: list[MimeMessage] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[MimeMessage]:
        return [
            message
            for message in self.messages
            if address in [recipient.addr_spec for recipient in message["To"].addresses]
        ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(port: int):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_port(settings) -> int:
    """The mailer points at this port; nothing listens there until a test starts a server."""
    port = free_port()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    return port


@pytest.fixture
def inbox(smtp_port):
    with smtp_server(smtp_port) as inbox:
        yield inbox


def received_notification(complaint) -> Notification:
    return Notification.objects.get(complaint=complaint, template="received")


@pytest.mark.parametrize(
    ("language", "customer_subject"),
    [("tr", "Şikâyetiniz alındı"), ("en", "We have received your complaint")],
)
def test_filing_a_complaint_emails_the_complainant_and_the_unit_over_smtp(
    language, customer_subject, inbox, customer, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category, language=language)
        assert inbox.messages == []  # nothing leaves before the transaction commits

    [message] = inbox.to(customer.email)
    assert message["Subject"] == f"[{complaint.reference}] {customer_subject}"
    body = message.get_body(("plain",)).get_content()
    assert complaint.reference in body
    assert f"/portal/complaints/{complaint.reference}/" in body
    assert SUBJECT in body
    notification = received_notification(complaint)
    assert notification.status == Notification.State.SENT
    assert notification.sent_at is not None
    assert notification.attempts == 1
    assert notification.last_error == ""

    # The unit's shared inbox hears about it in Turkish, whatever the complainant's language.
    [alert] = inbox.to(category.default_unit.email)
    assert alert["Subject"] == f"[{complaint.reference}] Yeni şikâyet"
    assert complaint.reference in alert.get_body(("plain",)).get_content()


def test_smtp_down_keeps_the_notification_and_a_later_sweep_sends_it(
    smtp_port, customer, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category)

    notification = received_notification(complaint)
    assert notification.status == Notification.State.FAILED
    assert notification.attempts == 1
    assert "refused" in notification.last_error.lower()
    assert notification.next_attempt_at > timezone.now()
    assert notification.sent_at is None

    assert deliver_due() == {}  # not due yet: the backoff is respected
    first_retry_at = notification.next_attempt_at

    assert deliver_due(now=timezone.now() + timedelta(hours=1)) == {"failed": 2}
    notification.refresh_from_db()
    assert notification.status == Notification.State.FAILED
    assert notification.attempts == 2
    assert notification.next_attempt_at > first_retry_at  # backing off

    # not due again before its new backoff has passed...
    assert deliver_due(now=timezone.now() + timedelta(hours=1)) == {}
    with smtp_server(smtp_port) as inbox:  # ...and the mail server is back by then
        assert deliver_due(now=timezone.now() + timedelta(hours=2)) == {"sent": 2}

    [message] = inbox.to(customer.email)
    assert message["Subject"] == f"[{complaint.reference}] Şikâyetiniz alındı"
    assert complaint.reference in message.get_body(("plain",)).get_content()
    notification.refresh_from_db()
    assert notification.status == Notification.State.SENT
    assert notification.attempts == 3
    assert notification.sent_at is not None
    assert notification.last_error == ""
    assert notification.next_attempt_at is None


def test_after_max_attempts_a_notification_is_dead_until_staff_retry_it(
    smtp_port, customer, category, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category)  # attempt 1 fails
    later = timezone.now()
    for _ in range(settings.MEMNUN_NOTIFICATION_MAX_ATTEMPTS - 2):
        later += timedelta(days=1)  # longer than the longest backoff
        assert deliver_due(now=later) == {"failed": 2}
    assert deliver_due(now=later + timedelta(days=1)) == {"dead": 2}

    notification = received_notification(complaint)
    assert notification.status == Notification.State.DEAD
    assert notification.attempts == settings.MEMNUN_NOTIFICATION_MAX_ATTEMPTS
    assert notification.next_attempt_at is None
    assert notification.last_error
    assert deliver_due(now=later + timedelta(days=30)) == {}  # the sweep leaves dead rows alone

    out = StringIO()
    with smtp_server(smtp_port) as inbox:
        call_command("send_notifications", stdout=out)
        assert inbox.messages == []
        call_command("send_notifications", "--retry-dead", stdout=out)

    [message] = inbox.to(customer.email)
    assert complaint.reference in message["Subject"]
    notification.refresh_from_db()
    assert notification.status == Notification.State.SENT
    assert notification.attempts == 1
    assert out.getvalue().splitlines() == [
        "No notifications due.",
        "Reset 2 dead notification(s) to pending.",
        "Notifications: sent 2.",
    ]


def test_retry_dead_while_the_server_is_still_down_fails_again_without_losing_it(
    smtp_port, customer, category, settings, django_capture_on_commit_callbacks
):
    settings.MEMNUN_NOTIFICATION_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category)
    assert received_notification(complaint).status == Notification.State.DEAD

    call_command("send_notifications", "--retry-dead", stdout=StringIO())

    notification = received_notification(complaint)
    assert notification.status == Notification.State.DEAD
    assert notification.attempts == 1
    assert notification.last_error


def test_delivering_a_sent_notification_again_sends_nothing(
    inbox, customer, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category)
    notification = received_notification(complaint)
    assert notification.status == Notification.State.SENT

    assert deliver(notification.pk) == Notification.State.SENT
    assert deliver_due(now=timezone.now() + timedelta(days=1)) == {}
    call_command("send_notifications", stdout=StringIO())

    assert len(inbox.to(customer.email)) == 1
    sent_at = notification.sent_at
    notification.refresh_from_db()
    assert notification.attempts == 1
    assert notification.sent_at == sent_at


# --- the scheduler --------------------------------------------------------------------------


def test_run_scheduler_once_sends_due_notifications(inbox, customer, category):
    complaint = file(customer, category)  # the worker never ran: the rows wait in the outbox
    assert set(complaint.notifications.values_list("status", flat=True)) == {"pending"}

    call_command("run_scheduler", "--once", stdout=StringIO())

    [message] = inbox.to(customer.email)
    assert complaint.reference in message["Subject"]
    assert set(complaint.notifications.values_list("status", flat=True)) == {"sent"}


def test_a_failing_job_does_not_stop_the_scheduler(inbox, customer, category, monkeypatch, caplog):
    real_call_command = run_scheduler.call_command

    def broken_deadline_check(name, *args, **kwargs):
        if name == "check_deadlines":
            raise RuntimeError("deadline check broke")
        return real_call_command(name, *args, **kwargs)

    monkeypatch.setattr(run_scheduler, "call_command", broken_deadline_check)
    complaint = file(customer, category)

    call_command("run_scheduler", "--once", stdout=StringIO())

    assert len(inbox.to(customer.email)) == 1
    assert received_notification(complaint).status == Notification.State.SENT
    assert any(
        "check_deadlines" in record.getMessage() and record.exc_info for record in caplog.records
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_scheduler_stops_cleanly_on_a_signal(signum, inbox, customer, category, monkeypatch):
    real_call_command = run_scheduler.call_command
    timers = []

    def signal_after_first_round(name, *args, **kwargs):
        result = real_call_command(name, *args, **kwargs)
        if name == "send_notifications":  # arrives while the scheduler sleeps
            timers.append(threading.Timer(0.2, os.kill, (os.getpid(), signum)))
            timers[-1].start()
        return result

    def unhandled(signum, frame):
        raise AssertionError("the scheduler did not handle the signal")

    monkeypatch.setattr(run_scheduler, "call_command", signal_after_first_round)
    complaint = file(customer, category)
    previous = signal.signal(signum, unhandled)
    out = StringIO()
    started = time.monotonic()
    try:
        call_command("run_scheduler", "--interval", "20", stdout=out)
        elapsed = time.monotonic() - started
        assert signal.getsignal(signum) is unhandled  # the scheduler restored the handler
    finally:
        for timer in timers:
            timer.cancel()
        signal.signal(signum, previous)

    assert elapsed < 10  # it did not sleep out the interval
    assert len(timers) == 1  # one round only
    assert "Scheduler stopped." in out.getvalue()
    assert received_notification(complaint).status == Notification.State.SENT
