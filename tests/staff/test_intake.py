"""The console's intake page (/admin/complaints/intake/, R2): staff log a phone, e-mail,
face-to-face or social-media complaint; an existing customer is found by e-mail; the page says
what the complainant was sent (R5) and opens the new complaint."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages

from cms_pages.permissions import CONTENT_EDITORS_GROUP
from tests.factories import (
    CategoryFactory,
    CustomerFactory,
    HandlerFactory,
    QualityManagerFactory,
    UnitFactory,
    UserFactory,
)
from tests.workflow import attachment_files as files
from workflow import services
from workflow.models import Complaint, ComplaintEvent, Notification
from workflow.states import Channel, EventKind, Status

pytestmark = pytest.mark.django_db

URL = "/admin/complaints/intake/"
ISTANBUL = ZoneInfo("Europe/Istanbul")
# a Tuesday afternoon in Istanbul: the clock of every test here
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=ISTANBUL)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def unit():
    return UnitFactory(slug="musteri-hizmetleri", name_tr="Müşteri Hizmetleri")


@pytest.fixture
def category(unit):
    return CategoryFactory(slug="fatura", name_tr="Fatura", name_en="Billing", default_unit=unit)


@pytest.fixture
def handler(unit):
    return HandlerFactory(units=[unit], first_name="Deniz", last_name="Yıldız")


def phone_call(category, /, **fields) -> dict:
    """A phone call taken at 14:20 Istanbul time, logged later (the form's fields)."""
    return {
        "channel": Channel.PHONE,
        "received_at": "2026-03-10T14:20",
        "contact_name": "Ali Veli",
        "contact_email": "",
        "phone": "+90 212 000 00 00",
        "preferred_contact_method": "phone",
        "category": category.slug,
        "subject": "Çağrı merkezinde uzun bekleme",
        "description": "40 dakika hatta bekletildim.",
        "severity": "",
        "language": "tr",
        **fields,
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_handler_logs_a_phone_call_and_lands_on_the_new_complaint(client, handler, category):
    client.force_login(handler)

    form = client.get(URL)
    response = client.post(URL, phone_call(category))

    assert form.status_code == 200
    assert "Deniz Yıldız" in form.content.decode()  # who takes it, shown before saving
    assert 'value="2026-03-10T15:00"' in form.content.decode()  # defaults to now, Istanbul
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/complaints/{complaint.reference}/"
    assert complaint.status == Status.RECEIVED
    assert complaint.channel == Channel.PHONE
    assert complaint.customer is None  # nobody with an account: a contact-only complaint
    assert complaint.received_at == datetime(2026, 3, 10, 14, 20, tzinfo=ISTANBUL)
    event = ComplaintEvent.objects.get(complaint=complaint)
    assert (event.kind, event.actor, event.to_status) == (
        EventKind.STATUS_CHANGE,
        handler,
        Status.RECEIVED,
    )
    # no e-mail address: nothing is mailed; staff are told to call back and record it
    assert not Notification.objects.filter(complaint=complaint, template="received").exists()
    (message,) = messages_of(response)
    assert "e-posta gönderilmedi" in message
    assert "+90 212 000 00 00 numarasını arayıp" in message
    assert "“Alındığını bildir”" in message


def test_a_quality_manager_may_log_a_complaint_for_any_unit(client, category):
    manager = QualityManagerFactory()
    client.force_login(manager)

    response = client.post(
        URL,
        phone_call(
            category,
            channel=Channel.EMAIL,
            contact_email="ali@example.com",
            preferred_contact_method="email",
        ),
    )

    complaint = Complaint.objects.get()
    assert response.url == f"/admin/complaints/{complaint.reference}/"
    assert complaint.events.get().actor == manager
    notification = Notification.objects.get(complaint=complaint, template="received")
    assert notification.recipient_email == "ali@example.com"
    (message,) = messages_of(response)
    assert "ali@example.com adresine e-postayla gönderiliyor" in message
    assert "Alındığını bildir" not in message  # the e-mail is the way they asked for


def test_an_existing_customer_is_found_by_e_mail_whatever_the_letter_case(
    client, handler, category
):
    customer = CustomerFactory(username="ayse@example.com", email="Ayse@Example.com")
    client.force_login(handler)

    client.post(
        URL,
        phone_call(
            category, contact_email="AYSE@example.COM", preferred_contact_method="face_to_face"
        ),
    )

    complaint = Complaint.objects.get()
    assert complaint.customer == customer  # they follow it in the portal
    assert Complaint.objects.filter(customer=customer).count() == 1


def test_a_staff_account_with_that_e_mail_is_not_made_the_complainant(client, handler, category):
    colleague = HandlerFactory()
    client.force_login(handler)

    client.post(URL, phone_call(category, contact_email=colleague.email.upper()))

    assert Complaint.objects.get().customer is None


def test_received_at_in_the_future_is_refused_and_nothing_is_saved(client, handler, category):
    client.force_login(handler)

    response = client.post(URL, phone_call(category, received_at="2026-03-10T15:30"))

    assert response.status_code == 400
    assert "Başvuru zamanı gelecekte olamaz." in response.content.decode()
    assert Complaint.objects.count() == 0
    assert Notification.objects.count() == 0


def test_field_errors_are_shown_beside_the_fields_and_the_input_is_kept(client, handler, category):
    client.force_login(handler)

    response = client.post(
        URL, phone_call(category, phone="", contact_email="", subject="", category="yok")
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("error-message") >= 2  # subject and category, beside their fields
    assert "40 dakika hatta bekletildim." in html  # what was typed is not lost
    assert Complaint.objects.count() == 0


def test_the_service_rules_come_back_on_the_form(client, handler, category):
    """A call-back without a number is the service's rule, shown on the phone field."""
    client.force_login(handler)

    response = client.post(URL, phone_call(category, phone=""))

    assert response.status_code == 400
    assert "Telefonla aranmak istiyorsanız bir telefon numarası yazın." in (
        response.content.decode()
    )
    assert Complaint.objects.count() == 0


def test_a_document_comes_with_the_complaint(client, handler, category):
    client.force_login(handler)

    client.post(URL, {**phone_call(category), "attachment": files.upload("fatura.pdf", files.PDF)})

    complaint = Complaint.objects.get()
    assert [a.original_name for a in complaint.attachments.all()] == ["fatura.pdf"]


def test_a_content_editor_is_refused(client, category):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS_GROUP))
    client.force_login(editor)

    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, phone_call(category))

    assert response.status_code in (302, 403)
    assert Complaint.objects.count() == 0


def test_an_anonymous_visitor_is_sent_to_the_login(client, category):
    response = client.post(URL, phone_call(category))

    assert response.status_code == 302
    assert "/login/" in response.url
    assert Complaint.objects.count() == 0


def test_the_queue_and_the_menu_offer_the_intake(client, handler):
    client.force_login(handler)

    html = client.get("/admin/complaints/").content.decode()

    assert f'href="{URL}"' in html  # the queue's button
    assert f'"url": "{URL}"' in html  # the menu item (the sidebar's data)
    assert "Yeni şikâyet kaydı" in html


def test_the_page_in_english(client, handler, category):
    client.force_login(handler)

    response = client.get(URL, headers={"accept-language": "en"})

    html = response.content.decode()
    assert "New complaint" in html
    assert "Preferred contact method" in html
    assert "Billing" in html  # the category's English name


def test_the_new_complaints_page_names_people_and_writes_turkish_capitals(
    client, handler, category
):
    customer = CustomerFactory(username="ayse@example.com", email="ayse@example.com")
    client.force_login(handler)
    client.post(URL, phone_call(category, contact_email="AYSE@EXAMPLE.COM"))
    complaint = Complaint.objects.get()
    services.acknowledge(complaint=complaint, actor=handler, method="phone")
    services.assign(
        complaint=complaint, actor=handler, unit=category.default_unit, assignee=handler
    )

    html = client.get(f"/admin/complaints/{complaint.reference}/").content.decode()

    assert complaint.contact_email == customer.email  # as the account holds it
    assert "<dd>Deniz Yıldız</dd>" in html  # the assignee by name, not by username
    assert "İnceleme düzeyi" in html
    assert "İlk yanıt son zamanı" in html
    assert "Inceleme" not in html
