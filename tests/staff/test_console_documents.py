"""On the console's complaint page staff add a document (the attachment service: type from the
content, size limits) and link an existing corrective action (the registry's form)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import CustomerFactory
from tests.staff.roles import *  # noqa: F403  (fixtures)
from tests.workflow.attachment_files import HTML, PDF
from tests.workflow.helpers import complaint_in, nothing_changes, reload
from workflow.models import Attachment, ComplaintEvent, CorrectiveAction
from workflow.states import EventKind, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_a(quality_manager, category_a):
    def make(status):
        return complaint_in(
            status, customer=CustomerFactory(), staff=quality_manager, category=category_a
        )

    return make


def upload_url(complaint):
    return f"/admin/complaints/{complaint.reference}/attachments/"


def test_a_handler_adds_an_internal_document(client, handler_a, in_a):
    complaint = in_a(Status.INVESTIGATING)
    client.force_login(handler_a)
    page = client.get(f"/admin/complaints/{complaint.reference}/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'data-form="add_attachment"' in page

    response = client.post(
        upload_url(complaint),
        {"file": SimpleUploadedFile("fatura.pdf", PDF), "visibility": "internal"},
        follow=True,
    )

    assert response.redirect_chain[-1][0].endswith(
        f"/admin/complaints/{complaint.reference}/#attachments"
    )
    attachment = Attachment.objects.get(complaint=complaint)
    assert (attachment.original_name, attachment.visibility) == ("fatura.pdf", "internal")
    assert attachment.content_type == "application/pdf"
    assert complaint.events.filter(kind=EventKind.ATTACHMENT).exists()
    html = response.content.decode()
    assert "Belge eklendi." in html
    assert "fatura.pdf" in html


def test_a_refused_type_is_shown_in_the_form_and_nothing_is_stored(client, handler_a, in_a):
    complaint = in_a(Status.INVESTIGATING)
    client.force_login(handler_a)

    with nothing_changes(complaint):
        response = client.post(
            upload_url(complaint),
            {"file": SimpleUploadedFile("fatura.pdf", HTML), "visibility": "customer"},
        )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Belge eklenemedi" in html
    form = re.search(r'<details[^>]*id="add-attachment"[^>]*>.*?</details>', html, re.S).group(0)
    assert " open" in form.split(">")[0]  # the form is open, with the error beside the file
    assert "error-message" in form or "field--error" in form
    assert not Attachment.objects.filter(complaint=complaint).exists()


def test_a_file_over_the_size_limit_is_413_with_the_error(client, handler_a, in_a, settings):
    settings.MEMNUN_ATTACHMENT_MAX_BYTES = 10
    complaint = in_a(Status.INVESTIGATING)
    client.force_login(handler_a)

    response = client.post(
        upload_url(complaint), {"file": SimpleUploadedFile("a.pdf", PDF), "visibility": "internal"}
    )

    assert response.status_code == 413
    assert not Attachment.objects.filter(complaint=complaint).exists()


def test_another_units_complaint_is_404(client, handler_b, in_a):
    complaint = in_a(Status.INVESTIGATING)
    client.force_login(handler_b)

    response = client.post(
        upload_url(complaint), {"file": SimpleUploadedFile("a.pdf", PDF), "visibility": "internal"}
    )

    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_a_closed_complaint_offers_no_upload(client, handler_a, in_a):
    complaint = in_a(Status.CLOSED)
    client.force_login(handler_a)
    page = client.get(f"/admin/complaints/{complaint.reference}/").content.decode()
    assert 'data-form="add_attachment"' not in page


# --- linking an existing corrective action (R9) -----------------------------------------------


def test_the_form_offers_existing_actions_and_links_one(client, handler_a, in_a):
    first = in_a(Status.INVESTIGATING)
    second = in_a(Status.INVESTIGATING)
    action = CorrectiveAction.objects.create(kind="preventive", title="Fatura şablonu düzeltilecek")
    action.complaints.add(first)
    verified = CorrectiveAction.objects.create(kind="correction", title="Bitti", state="verified")
    client.force_login(handler_a)

    page = client.get(f"/admin/complaints/{second.reference}/").content.decode()
    assert f'<option value="{action.pk}">Fatura şablonu düzeltilecek' in page
    assert f'value="{verified.pk}"' not in page  # a verified action is finished

    response = client.post(
        f"/admin/complaints/{second.reference}/?action=add_corrective_action",
        {"existing": action.pk},
        follow=True,
    )

    assert response.status_code == 200
    assert set(action.complaints.all()) == {first, second}
    event = ComplaintEvent.objects.get(complaint=second, kind=EventKind.CORRECTIVE_ACTION)
    assert event.data["linked_existing"] is True
    assert event.data["corrective_action_id"] == action.pk
    assert CorrectiveAction.objects.count() == 2  # nothing new was created
    # already linked: no longer offered on this complaint
    page = client.get(f"/admin/complaints/{second.reference}/").content.decode()
    assert f'<option value="{action.pk}">' not in page


def test_a_new_action_still_needs_its_kind_and_description(client, handler_a, in_a):
    complaint = in_a(Status.INVESTIGATING)
    client.force_login(handler_a)

    with nothing_changes(complaint):
        response = client.post(
            f"/admin/complaints/{complaint.reference}/?action=add_corrective_action", {}
        )

    assert response.status_code == 400
    assert response.content.decode().count("Yeni bir faaliyet için bu alan zorunludur.") == 2
    assert not CorrectiveAction.objects.exists()
    assert reload(complaint).corrective_actions.count() == 0


def test_the_api_links_an_existing_action_by_id(handler_a, in_a):
    from rest_framework.test import APIClient

    complaint = in_a(Status.INVESTIGATING)
    action = CorrectiveAction.objects.create(kind="corrective", title="Kök neden giderilecek")
    api = APIClient()
    api.force_authenticate(handler_a)

    response = api.post(
        f"/api/v1/staff/complaints/{complaint.reference}/actions/add_corrective_action/",
        {"existing": action.pk},
        format="json",
    )

    assert response.status_code == 200
    assert list(action.complaints.all()) == [complaint]
