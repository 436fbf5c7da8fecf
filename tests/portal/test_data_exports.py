"""The "my data" ZIP (KVKK art. 11) is prepared by the task worker: the customer asks on
/portal/my-data/, is e-mailed when it is ready, downloads it there until it expires, and the
scheduler's sweep deletes it then. The request never builds the archive itself."""

import io
import json
import logging
import zipfile
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.files.storage import storages
from django.core.management import call_command
from django.tasks import task_backends

from portal.models import DataExport, TrackingForm
from portal.tracking_forms import tracking_form_pdf
from tests.workflow import attachment_files as files
from workflow import services
from workflow.models import Notification

pytestmark = pytest.mark.django_db

IST = ZoneInfo("Europe/Istanbul")
ASKED = datetime(2026, 3, 2, 10, 0, tzinfo=IST)
PAGE = "/portal/my-data/"
MY_DATA_URL = f"{settings.MEMNUN_SITE_URL}{PAGE}"  # where the e-mail sends them


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


def ask(client, django_capture_on_commit_callbacks, language: str = "tr"):
    """Press "Prepare my data"; the (immediate) worker runs once the request has committed."""
    client.cookies["django_language"] = language
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE)
    assert response.status_code == 302
    assert response["Location"] == PAGE
    return client.get(PAGE)


def download_url(export: DataExport) -> str:
    return f"/portal/my-data/export/{export.pk}/download/"


def download(client, export: DataExport):
    response = client.get(download_url(export))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["X-Content-Type-Options"] == "nosniff"
    return response, zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_page_offers_to_prepare_the_data_and_the_worker_builds_it(
    signed_in, customer, history, django_capture_on_commit_callbacks
):
    mine, theirs = history
    page = signed_in.get(PAGE).content.decode()
    assert "Verilerimi hazırla" in page
    assert "/download/" not in page

    with time_machine.travel(ASKED, tick=False):
        page = ask(signed_in, django_capture_on_commit_callbacks)
        export = DataExport.objects.get(user=customer)
        response, archive = download(signed_in, export)
    assert export.state == DataExport.State.READY
    assert export.expires_at == ASKED + timedelta(days=7)
    assert storages["data_exports"].exists(export.file.name)
    text = page.content.decode()
    assert "Verilerinizi hazırlıyoruz." in text  # the message of the POST
    assert download_url(export) in text
    assert "9 Mart 2026 10:00" in text  # until when, in Turkish time
    assert "Verilerimi yeniden hazırla" in text
    [message] = [m for m in mail.outbox if m.to == [customer.email]]
    assert message.subject == "Verileriniz indirilmeye hazır"
    assert "7 gün boyunca" in message.body
    assert MY_DATA_URL in message.body

    assert response["Content-Disposition"] == 'attachment; filename="memnun-verilerim.zip"'
    assert response["Cache-Control"] == "private, no-store"
    attachment = mine[0].attachments.get(original_name="kanit.pdf")
    document = f"attachments/{mine[0].reference}/{attachment.pk}-kanit.pdf"
    forms = [f"tracking-forms/{c.reference}-tracking-form.pdf" for c in mine]
    assert sorted(archive.namelist()) == sorted([document, "data.json", *forms])
    assert archive.read(document) == files.PDF
    data = json.loads(archive.read("data.json"))
    assert [c["reference"] for c in data["complaints"]] == [c.reference for c in mine]
    # one tracking form per complaint of theirs: the one kept, in the page's language
    for complaint, name in zip(mine, forms, strict=True):
        pdf = archive.read(name)
        assert pdf.startswith(b"%PDF")
        assert pdf == bytes(TrackingForm.objects.get(complaint=complaint, language="tr").pdf)
        assert pdf == tracking_form_pdf(complaint, "tr")  # what the portal's download gives
    assert not TrackingForm.objects.filter(complaint=theirs).exists()
    joined = b"".join(archive.read(name) for name in archive.namelist())
    assert theirs.reference.encode() not in joined
    assert b"baska.pdf" not in joined
    assert b"\xc4\xb0\xc3\x87 NOT gizli" not in joined  # "İÇ NOT gizli", an internal note
    assert b"ic-belge.pdf" not in joined


def test_the_request_only_records_and_enqueues_the_worker_builds(
    signed_in, customer, history, django_capture_on_commit_callbacks, settings
):
    """With a queue that holds tasks (as the database worker's does), pressing the button
    twice renders no PDF and enqueues one build; the worker's run of it makes it ready."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    queue = task_backends["default"]
    page = ask(signed_in, django_capture_on_commit_callbacks).content.decode()
    ask(signed_in, django_capture_on_commit_callbacks)

    export = DataExport.objects.get(user=customer)
    assert [(r.task.name, r.args) for r in queue.results] == [("prepare_data_export", [export.pk])]
    assert not TrackingForm.objects.exists()
    assert export.state == DataExport.State.PENDING
    assert 'data-export-state="pending"' in page

    assert queue.results[0].task.call(*queue.results[0].args) == DataExport.State.READY
    export.refresh_from_db()
    assert export.state == DataExport.State.READY
    assert TrackingForm.objects.count() == len(history[0])


def test_the_customer_is_emailed_in_their_language_when_it_is_ready(
    signed_in, customer, history, django_capture_on_commit_callbacks
):
    services.update_profile(actor=customer, language="en")
    ask(signed_in, django_capture_on_commit_callbacks)

    [message] = [m for m in mail.outbox if m.to == [customer.email]]
    assert message.subject == "Your data is ready to download"
    assert f"Dear {customer.get_full_name()}," in message.body
    assert "within 7 days" in message.body
    assert MY_DATA_URL in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert f'href="{MY_DATA_URL}"' in html
    notification = Notification.objects.get(template="data_export_ready")
    assert (notification.status, notification.recipient) == ("sent", customer)


def test_the_zip_is_named_and_its_forms_written_in_the_language_it_was_asked_in(
    signed_in, customer, history, django_capture_on_commit_callbacks
):
    mine, _theirs = history
    page = ask(signed_in, django_capture_on_commit_callbacks, "en").content.decode()
    assert "Your file is ready" in page
    export = DataExport.objects.get(user=customer)
    assert export.language == "en"
    response, archive = download(signed_in, export)
    assert response["Content-Disposition"] == 'attachment; filename="memnun-my-data.zip"'
    assert TrackingForm.objects.filter(language="en").count() == len(mine)
    for complaint in mine:
        kept = TrackingForm.objects.get(complaint=complaint, language="en")
        assert archive.read(f"tracking-forms/{complaint.reference}-tracking-form.pdf") == bytes(
            kept.pdf
        )


def test_only_its_owner_may_download_it(
    client, customer, other_customer, history, django_capture_on_commit_callbacks
):
    client.force_login(customer)
    ask(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=customer)

    client.force_login(other_customer)
    assert client.get(download_url(export)).status_code == 404
    assert download_url(export) not in client.get(PAGE).content.decode()

    client.logout()
    response = client.get(download_url(export))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_second_request_while_one_is_pending_starts_nothing(
    signed_in, customer, django_capture_on_commit_callbacks
):
    pending = DataExport.objects.create(user=customer, language="tr", created_at=ASKED)
    page = ask(signed_in, django_capture_on_commit_callbacks).content.decode()
    # no second row, and no task ran: the immediate worker would have made it ready
    assert list(DataExport.objects.values_list("pk", "state")) == [(pending.pk, "pending")]
    assert "Verileriniz zaten hazırlanıyor." in page
    assert 'data-export-state="pending"' in page
    assert "2 Mart 2026 10:00" in page  # when it was asked for
    assert "Verilerimi hazırla" not in page
    assert signed_in.get(download_url(pending)).status_code == 404


def test_an_expired_zip_is_not_served_and_the_sweep_deletes_it(
    signed_in, customer, history, django_capture_on_commit_callbacks
):
    with time_machine.travel(ASKED, tick=False):
        ask(signed_in, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=customer)
    name = export.file.name

    with time_machine.travel(ASKED + timedelta(days=7, seconds=1), tick=False):
        assert signed_in.get(download_url(export)).status_code == 404
        page = signed_in.get(PAGE).content.decode()
        assert download_url(export) not in page
        assert 'data-export-state="expired"' in page
        assert storages["data_exports"].exists(name)  # until the sweep comes by

        out = StringIO()
        call_command("run_scheduler", "--once", stdout=out)
    assert "Data exports: 1 expired, 0 given up." in out.getvalue()
    export.refresh_from_db()
    assert (export.state, export.file.name) == (DataExport.State.EXPIRED, "")
    assert not storages["data_exports"].exists(name)


def test_the_sweep_leaves_a_zip_within_its_period_alone(
    signed_in, customer, history, django_capture_on_commit_callbacks
):
    with time_machine.travel(ASKED, tick=False):
        ask(signed_in, django_capture_on_commit_callbacks)
        export = DataExport.objects.get(user=customer)
        download(signed_in, export)
    with time_machine.travel(ASKED + timedelta(days=6, hours=23), tick=False):
        call_command("expire_data_exports", stdout=StringIO())
        download(signed_in, export)
    export.refresh_from_db()
    assert export.state == DataExport.State.READY


def test_a_new_zip_replaces_the_previous_one(
    signed_in, customer, history, django_capture_on_commit_callbacks
):
    ask(signed_in, django_capture_on_commit_callbacks)
    first = DataExport.objects.get(user=customer)
    ask(signed_in, django_capture_on_commit_callbacks)
    second = DataExport.objects.exclude(pk=first.pk).get(user=customer)
    first_name = first.file.name
    first.refresh_from_db()
    assert (first.state, second.state) == (DataExport.State.EXPIRED, DataExport.State.READY)
    assert not storages["data_exports"].exists(first_name)
    assert signed_in.get(download_url(first)).status_code == 404
    download(signed_in, second)


def test_a_failed_build_is_shown_logged_and_can_be_tried_again(
    signed_in, customer, history, django_capture_on_commit_callbacks, caplog
):
    mine, _theirs = history
    document = mine[0].attachments.get(original_name="kanit.pdf")
    storages["attachments"].delete(document.file.name)  # lost from storage: the build fails

    with caplog.at_level(logging.ERROR, logger="portal.data_exports"):
        page = ask(signed_in, django_capture_on_commit_callbacks).content.decode()
    export = DataExport.objects.get(user=customer)
    assert (export.state, export.file.name) == (DataExport.State.FAILED, "")
    assert any(f"Data export {export.pk} failed" in r.getMessage() for r in caplog.records)
    assert 'data-export-state="failed"' in page
    assert "Lütfen yeniden deneyin." in page
    assert "Yeniden dene" in page
    assert signed_in.get(download_url(export)).status_code == 404
    assert not [m for m in mail.outbox if m.to == [customer.email]]

    storages["attachments"].save(document.file.name, io.BytesIO(files.PDF))
    ask(signed_in, django_capture_on_commit_callbacks)
    retried = DataExport.objects.exclude(pk=export.pk).get(user=customer)
    assert retried.state == DataExport.State.READY
    download(signed_in, retried)


def test_a_request_lost_by_the_worker_is_given_up_so_it_can_be_asked_again(
    customer, other_customer
):
    lost = DataExport.objects.create(user=customer, language="tr", created_at=ASKED)
    recent = DataExport.objects.create(
        user=other_customer, language="tr", created_at=ASKED + timedelta(hours=5)
    )
    with time_machine.travel(ASKED + timedelta(hours=6, seconds=1), tick=False):
        out = StringIO()
        call_command("expire_data_exports", stdout=out)
    assert "Data exports: 0 expired, 1 given up." in out.getvalue()
    lost.refresh_from_db()
    recent.refresh_from_db()
    assert lost.state == DataExport.State.FAILED
    assert recent.state == DataExport.State.PENDING


def test_the_page_in_english_and_before_any_request(signed_in):
    signed_in.cookies["django_language"] = "en"
    page = signed_in.get(PAGE).content.decode()
    assert "Prepare my data" in page
    assert "for 7 days" in page
    assert 'method="post"' in page
    assert "csrfmiddlewaretoken" in page
