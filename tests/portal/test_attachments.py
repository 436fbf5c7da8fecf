"""Attachments through the customer API, the staff API, the portal and the tracking link."""

import pytest
from rest_framework.test import APIClient

from tests.workflow import attachment_files as files
from tests.workflow.helpers import complaint_in, file
from workflow import services
from workflow.models import Attachment, Complaint
from workflow.states import Status, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


@pytest.fixture
def complaint(customer, category):
    return file(customer, category)


def add(complaint, actor, name="fatura.pdf", content=files.PDF, **options):
    return services.add_attachment(
        complaint=complaint, actor=actor, file=files.upload(name, content), **options
    )


def api_url(complaint, suffix=""):
    return f"/api/v1/complaints/{complaint.reference}/attachments/{suffix}"


def test_api_upload_answers_201_and_the_complaint_lists_it(api, complaint):
    response = api.post(
        api_url(complaint), {"file": files.upload("banka.eml", files.EML)}, format="multipart"
    )
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert response.json() == {
        "id": attachment.pk,
        "name": "banka.eml",
        "size": len(files.EML),
        "content_type": "message/rfc822",
        "url": api_url(complaint, f"{attachment.pk}/"),
    }
    body = api.get(f"/api/v1/complaints/{complaint.reference}/").json()
    assert body["attachments"] == [response.json()]
    events = api.get(f"/api/v1/complaints/{complaint.reference}/events/").json()
    assert events[-1]["kind"] == "attachment"
    assert events[-1]["text"] == "banka.eml"


def test_api_refuses_html_with_400_and_oversize_with_413(api, complaint, settings):
    before = files.stored_files()
    html = api.post(
        api_url(complaint), {"file": files.upload("a.pdf", files.HTML)}, format="multipart"
    )
    assert html.status_code == 400
    assert "Bu dosya türü kabul edilmiyor" in html.json()["file"][0]
    settings.MEMNUN_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = api.post(
        api_url(complaint),
        {"file": files.upload("a.txt", b"a" * (1024 * 1024 + 1))},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert big.status_code == 413
    assert big.json()["detail"] == "The file is too large: one file may be at most 1 MB."
    missing = api.post(api_url(complaint), {}, format="multipart")
    assert missing.status_code == 400
    assert "file" in missing.json()
    assert files.stored_files() == before
    assert not Attachment.objects.exists()


def test_api_download_is_an_attachment_with_nosniff(api, complaint, customer):
    attachment = add(complaint, customer, name="Fatura Ağustos.pdf")
    response = api.get(api_url(complaint, f"{attachment.pk}/"), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''Fatura%20A%C4%9Fustos.pdf" in disposition


def test_another_customers_attachment_is_404_everywhere(
    complaint, customer, other_customer, client
):
    attachment = add(complaint, customer)
    other = APIClient()
    other.force_authenticate(other_customer)
    assert other.get(api_url(complaint, f"{attachment.pk}/")).status_code == 404
    assert (
        other.post(
            api_url(complaint), {"file": files.upload("x.pdf", files.PDF)}, format="multipart"
        ).status_code
        == 404
    )
    client.force_login(other_customer)
    portal_url = f"/portal/complaints/{complaint.reference}/attachments/{attachment.pk}/"
    assert client.get(portal_url).status_code == 404
    # the attachment under another complaint's reference is not found either
    mine = file(other_customer, complaint.category)
    assert (
        client.get(f"/portal/complaints/{mine.reference}/attachments/{attachment.pk}/").status_code
        == 404
    )
    assert Attachment.objects.count() == 1


def test_internal_documents_stay_with_staff(api, complaint, customer, staff):
    internal = add(complaint, staff, name="ic.pdf", visibility=Visibility.INTERNAL)
    assert api.get(api_url(complaint, f"{internal.pk}/")).status_code == 404
    assert api.get(f"/api/v1/complaints/{complaint.reference}/").json()["attachments"] == []
    events = api.get(f"/api/v1/complaints/{complaint.reference}/events/").json()
    assert "attachment" not in [event["kind"] for event in events]

    staff_api = APIClient()
    staff_api.force_authenticate(staff)
    detail = staff_api.get(f"/api/v1/staff/complaints/{complaint.reference}/").json()
    assert [a["name"] for a in detail["attachments"]] == ["ic.pdf"]
    download = staff_api.get(detail["attachments"][0]["url"])
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"


def test_staff_upload_through_the_staff_api(complaint, staff, customer):
    staff_api = APIClient()
    staff_api.force_authenticate(staff)
    response = staff_api.post(
        f"/api/v1/staff/complaints/{complaint.reference}/attachments/",
        {"file": files.upload("yanit.pdf", files.PDF), "visibility": "customer"},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert Attachment.objects.get().uploaded_by == staff
    customer_api = APIClient()
    customer_api.force_authenticate(customer)
    body = customer_api.get(f"/api/v1/complaints/{complaint.reference}/").json()
    assert [a["name"] for a in body["attachments"]] == ["yanit.pdf"]


def test_api_files_a_complaint_with_attachments_multipart(api, category):
    response = api.post(
        "/api/v1/complaints/",
        {
            "subject": "Kart aidatı",
            "description": "İade edilmedi.",
            "category": category.slug,
            "preferred_contact_method": "email",
            "attachments": [files.upload("a.pdf", files.PDF), files.upload("b.eml", files.EML)],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert [a["name"] for a in response.json()["attachments"]] == ["a.pdf", "b.eml"]


def test_portal_detail_lists_documents_and_adds_one(client, customer, complaint):
    client.force_login(customer)
    detail = f"/portal/complaints/{complaint.reference}/"
    response = client.post(
        detail + "attachments/", {"file": files.upload("kanit.png", files.PNG)}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Belgeniz eklendi." in page
    attachment = Attachment.objects.get()
    assert f'href="{detail}attachments/{attachment.pk}/"' in page
    assert "kanit.png" in page
    download = client.get(f"{detail}attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")


def test_portal_refusals_show_the_reason_and_store_nothing(client, customer, complaint, settings):
    client.force_login(customer)
    url = f"/portal/complaints/{complaint.reference}/attachments/"
    before = files.stored_files()
    refused = client.post(url, {"file": files.upload("x.svg", files.SVG)})
    assert refused.status_code == 400
    assert "Bu dosya türü kabul edilmiyor" in refused.content.decode()
    settings.MEMNUN_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = client.post(url, {"file": files.upload("x.txt", b"a" * (1024 * 1024 + 1))})
    assert big.status_code == 413
    assert "Dosya çok büyük" in big.content.decode()
    assert files.stored_files() == before


def test_portal_closed_complaint_offers_no_upload(client, customer, staff, category):
    complaint = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    client.force_login(customer)
    page = client.get(f"/portal/complaints/{complaint.reference}/").content.decode()
    assert 'attachments/"' not in page.split('id="attachments"')[1].split("</section>")[0]
    response = client.post(
        f"/portal/complaints/{complaint.reference}/attachments/",
        {"file": files.upload("a.pdf", files.PDF)},
    )
    assert response.status_code == 302
    assert not Attachment.objects.exists()


def test_portal_filing_form_takes_documents(client, customer, category):
    client.force_login(customer)
    response = client.post(
        "/portal/complaints/new/",
        {
            "category": category.pk,
            "subject": "Aidat",
            "description": "İade edilmedi.",
            "preferred_contact_method": "email",
            "attachments": [files.upload("a.pdf", files.PDF), files.upload("b.txt", files.TEXT)],
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert sorted(a.original_name for a in complaint.attachments.all()) == ["a.pdf", "b.txt"]
    form_page = client.get("/portal/complaints/new/").content.decode()
    assert 'enctype="multipart/form-data"' in form_page
    assert 'type="file"' in form_page


def test_guest_form_files_with_a_document_and_the_tracking_link_serves_it(client, category):
    response = client.post(
        "/portal/guest/file/",
        {
            "contact_name": "Ayşe Yılmaz",
            "contact_email": "ayse@example.com",
            "preferred_contact_method": "email",
            "category": category.pk,
            "subject": "Aidat",
            "description": "İade edilmedi.",
            "privacy_notice": "on",
            "attachments": files.upload("banka.eml", files.EML),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    complaint = Complaint.objects.get()
    attachment = complaint.attachments.get()
    track = f"/portal/track/{complaint.tracking_token}/"
    page = client.get(track).content.decode()
    assert f'href="{track}attachments/{attachment.pk}/"' in page
    download = client.get(f"{track}attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/portal/track/wrong-token/attachments/{attachment.pk}/").status_code == 404


def test_a_document_goes_with_the_answer_to_an_information_request(api, customer, staff, category):
    complaint = complaint_in(
        Status.AWAITING_CUSTOMER, customer=customer, staff=staff, category=category
    )
    response = api.post(
        f"/api/v1/complaints/{complaint.reference}/messages/",
        {"text": "Fatura ekte.", "file": files.upload("fatura.pdf", files.PDF)},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "investigating"
    assert [a["name"] for a in response.json()["attachments"]] == ["fatura.pdf"]


def test_a_refused_document_takes_its_message_back(api, complaint):
    events = complaint.events.count()
    response = api.post(
        f"/api/v1/complaints/{complaint.reference}/messages/",
        {"text": "Ekte.", "file": files.upload("a.pdf", files.HTML)},
        format="multipart",
    )
    assert response.status_code == 400
    assert complaint.events.count() == events
    assert not Attachment.objects.exists()


def test_the_answer_endpoint_takes_a_document_too(api, customer, staff, category):
    complaint = complaint_in(
        Status.AWAITING_CUSTOMER, customer=customer, staff=staff, category=category
    )
    response = api.post(
        f"/api/v1/complaints/{complaint.reference}/answer/",
        {"answer": "Dekont ekte.", "file": files.upload("dekont.pdf", files.PDF)},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "investigating"
    assert [a["name"] for a in response.json()["attachments"]] == ["dekont.pdf"]
    events = api.get(f"/api/v1/complaints/{complaint.reference}/events/").json()
    assert events[-1]["kind"] == "attachment"


def test_a_too_large_document_takes_its_answer_back_with_413(
    api, customer, staff, category, settings
):
    complaint = complaint_in(
        Status.AWAITING_CUSTOMER, customer=customer, staff=staff, category=category
    )
    events = complaint.events.count()
    settings.MEMNUN_ATTACHMENT_MAX_BYTES = 1024
    response = api.post(
        f"/api/v1/complaints/{complaint.reference}/answer/",
        {"answer": "Ekte.", "file": files.upload("x.txt", b"a" * 1025)},
        format="multipart",
    )
    assert response.status_code == 413
    complaint.refresh_from_db()
    assert complaint.status == Status.AWAITING_CUSTOMER
    assert complaint.events.count() == events
    assert not Attachment.objects.exists()


def test_portal_message_form_sends_a_document_with_the_message(client, customer, complaint):
    client.force_login(customer)
    detail = f"/portal/complaints/{complaint.reference}/"
    page = client.get(detail).content.decode()
    assert 'data-action="messages"' in page
    assert 'id="messages-file"' in page
    response = client.post(
        detail + "message/",
        {"text": "Ekran görüntüsü ekte.", "file": files.upload("ekran.png", files.PNG)},
        follow=True,
    )
    assert response.status_code == 200
    assert "Mesajınız iletildi." in response.content.decode()
    attachment = Attachment.objects.get()
    assert attachment.original_name == "ekran.png"
    assert complaint.events.filter(text="Ekran görüntüsü ekte.").exists()


def test_portal_message_with_a_refused_document_is_not_sent(client, customer, complaint):
    client.force_login(customer)
    events = complaint.events.count()
    response = client.post(
        f"/portal/complaints/{complaint.reference}/message/",
        {"text": "Ekte.", "file": files.upload("x.svg", files.SVG)},
    )
    assert response.status_code == 400
    assert "Bu dosya türü kabul edilmiyor" in response.content.decode()
    assert complaint.events.count() == events
    assert not Attachment.objects.exists()
