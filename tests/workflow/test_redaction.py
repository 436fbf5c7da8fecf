"""A guest's tracking token is a key: the outbox in the console and every log line show it
masked (runserver's and gunicorn's access logs included)."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger as GunicornLogger

from tests.workflow.helpers import file
from workflow.models import Notification
from workflow.redaction import mask_tracking_tokens

TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345"


def test_the_token_is_masked_in_plain_and_url_encoded_paths_and_only_once():
    text = (
        f"https://memnun.example.com/portal/track/{TOKEN}/ and "
        f"/accounts/login/?next=%2Fportal%2Ftrack%2F{TOKEN}"
    )

    masked = mask_tracking_tokens(text)

    assert TOKEN not in masked
    assert masked == (
        "https://memnun.example.com/portal/track/AbCd****/ and "
        "/accounts/login/?next=%2Fportal%2Ftrack%2FAbCd****"
    )
    assert mask_tracking_tokens(masked) == masked
    assert mask_tracking_tokens("/portal/complaints/MMN-2026-000001/") == (
        "/portal/complaints/MMN-2026-000001/"
    )


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def collect():
    handlers = []

    def attach(name):
        handler = Collect()
        logging.getLogger(name).addHandler(handler)
        handlers.append((name, handler))
        return handler

    yield attach
    for name, handler in handlers:
        logging.getLogger(name).removeHandler(handler)


def test_runserver_access_log_masks_the_token(collect):
    lines = collect("django.server").lines

    # the call django.core.servers.basehttp.WSGIRequestHandler.log_message makes
    logging.getLogger("django.server").info(
        '"%s" %s %s', f"GET /portal/track/{TOKEN}/ HTTP/1.1", "200", "5120"
    )

    assert lines == ['"GET /portal/track/AbCd****/ HTTP/1.1" 200 5120']


def test_not_found_warnings_and_application_logs_mask_the_token(collect):
    request_lines = collect("django.request").lines
    logging.getLogger("django.request").warning("Not Found: %s", f"/portal/track/{TOKEN}/")
    assert request_lines == ["Not Found: /portal/track/AbCd****/"]

    # anything else reaches the root console handler, whose filter masks it
    console = next(h for h in logging.getLogger().handlers if h.filters)
    record = logging.LogRecord(
        "workflow.notifications", logging.WARNING, __file__, 1, "Link: %s",
        (f"/portal/track/{TOKEN}/",), None,
    )  # fmt: skip
    assert console.filter(record)
    assert record.getMessage() == "Link: /portal/track/AbCd****/"


def test_gunicorn_access_log_masks_the_path_and_the_referrer(tmp_path):
    access_log = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(access_log))
    gunicorn_logger = GunicornLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/portal/track/{TOKEN}/",
        "PATH_INFO": f"/portal/track/{TOKEN}/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://memnun.example.com/portal/track/{TOKEN}/",
        "HTTP_USER_AGENT": "test",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    try:
        gunicorn_logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(0))
    finally:
        for log in (gunicorn_logger.access_log, gunicorn_logger.error_log):
            for handler in list(log.handlers):
                log.removeHandler(handler)
                handler.close()

    line = access_log.read_text()
    assert "GET /portal/track/AbCd****/ HTTP/1.1" in line
    assert '"https://memnun.example.com/portal/track/AbCd****/"' in line
    assert TOKEN not in line


@pytest.mark.django_db
def test_the_console_outbox_shows_a_guests_tracking_link_masked(client, staff, category):
    complaint = file(None, category, contact_name="Ayşe Yılmaz", contact_email="ayse@example.com")
    notification = complaint.notifications.get(template="received")
    assert complaint.tracking_token in notification.context["portal_url"]
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.State.DEAD,
        last_error=f"SMTPDataError: rejected /portal/track/{complaint.tracking_token}/",
    )
    client.force_login(staff)

    pages = [
        client.get("/admin/notifications/"),
        client.get(f"/admin/notifications/inspect/{notification.pk}/"),
        client.get(f"/admin/notifications/edit/{notification.pk}/"),
    ]

    assert [page.status_code for page in pages] == [200, 200, 200]
    inspect = pages[1].content.decode()
    assert f"/portal/track/{complaint.tracking_token[:4]}****/" in inspect
    assert "SMTPDataError: rejected" in inspect
    for page in pages:
        assert complaint.tracking_token not in page.content.decode()
