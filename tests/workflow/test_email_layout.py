"""Every e-mail speaks in the company's voice: each notification kind has a text part and an
HTML part in the shared layout (site name, the site's colours, the footer with the company's
postal address and the portal link), in Turkish and English, greets people by name and is
sent from the company's address."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.utils.html import escape
from PIL import Image
from wagtail.models import Site

from tests.factories import CustomerFactory
from tests.workflow.test_notifications import (
    LANGUAGES,
    NOTIFICATIONS,
    SAMPLE_VALUES,
    SUBJECT,
    _id,
    file,
)
from workflow import branding
from workflow.email_layout import html_email, paragraphs
from workflow.models import ContactChannel, Notification
from workflow.notifications import (
    build_message,
    complaint_context,
    deliver,
    greeting_name,
    notify_customer,
)

pytestmark = pytest.mark.django_db

COMPANY = "Kalkan Güven"
ADDRESS = "Esentepe Mah. Kalkan Sok. No: 12, 34394 Şişli / İstanbul"


@pytest.fixture
def company(settings):
    """The company as editors set it up: the Wagtail Site's name and a face-to-face desk."""
    settings.MEMNUN_SITE_NAME = ""
    settings.MEMNUN_COMPANY_ADDRESS = ""
    settings.DEFAULT_FROM_EMAIL = "sikayet@kalkanguven.example"
    Site.objects.filter(is_default_site=True).update(site_name=COMPANY)
    ContactChannel.objects.create(
        kind="face_to_face", name_tr="Merkez ofis", name_en="Head office", value=ADDRESS
    )


def message_for(complaint, template: str, language: str, **extra):
    context = json.loads(json.dumps(complaint_context(complaint, **extra)))  # as stored
    notification = Notification(
        template=template, language=language, context=context, recipient_email="a@example.com"
    )
    return build_message(notification)


@pytest.mark.usefixtures("company")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notification", NOTIFICATIONS, ids=[_id(n) for n in NOTIFICATIONS])
def test_every_notification_has_a_text_and_an_html_part_in_the_company_layout(
    notification, language, customer, category, settings
):
    template, key_groups = notification
    complaint = file(customer, category, language=language)
    extra = {key: SAMPLE_VALUES[group[0]] for group in key_groups for key in group}

    message = message_for(complaint, template, language, **extra)

    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert message.from_email == f"{COMPANY} <sikayet@kalkanguven.example>"
    assert f'<html lang="{language}">' in html
    assert COMPANY in html
    assert ADDRESS in html
    assert branding.PRIMARY in html  # the site's colour, inline
    assert f'href="{settings.MEMNUN_SITE_URL}/portal/"' in html
    assert complaint.reference in html
    if not template.startswith("staff_"):
        assert f'href="{complaint_context(complaint)["portal_url"]}"' in html
        assert escape(SUBJECT) in html  # escaped once, shown as typed
    for leftover in ("{{", "{%", "None", "<<missing", "&amp;amp;"):
        assert leftover not in html, leftover
        assert leftover not in message.body, leftover
    for external in ("<style", "<link"):  # inline CSS
        assert external not in html
    # the one thing fetched: the PNG logo (mail clients show no SVG) at the site's address
    assert re.findall(r'src="([^"]*)"', html) == [f"{settings.MEMNUN_SITE_URL}/static/img/logo.png"]
    assert f'alt="{COMPANY}"' in html
    footer = {"tr": "Müşteri portalı", "en": "Customer portal"}[language]
    assert footer in html
    # Every paragraph of the text is in the HTML.
    for block in re.split(r"\n\s*\n", message.body.strip()):
        first_line = block.strip().splitlines()[0]
        if not first_line.startswith("http"):
            assert escape(first_line.split()[0]) in html


def test_a_link_on_its_own_line_becomes_a_button_and_other_text_is_escaped():
    blocks = paragraphs(
        "Dear <b>Ayşe</b>,\n\nSee the link below:\nhttps://example.com/portal/x/\n\nThanks & bye"
    )
    assert blocks[0] == {"html": "Dear &lt;b&gt;Ayşe&lt;/b&gt;,"}
    assert blocks[1] == {"html": "See the link below:"}
    assert blocks[2] == {"button": "https://example.com/portal/x/"}
    assert blocks[3] == {"html": "Thanks &amp; bye"}


def test_without_a_site_name_the_setting_or_wagtails_default_names_the_company(settings):
    Site.objects.update(site_name="")
    settings.MEMNUN_SITE_NAME = ""
    settings.WAGTAIL_SITE_NAME = "memnun"
    assert branding.site_name() == "memnun"
    settings.MEMNUN_SITE_NAME = "Örnek A.Ş."
    assert branding.site_name() == "Örnek A.Ş."
    settings.DEFAULT_FROM_EMAIL = "Şikâyet Masası <masa@example.com>"
    assert branding.from_email() == "Şikâyet Masası <masa@example.com>"


@pytest.mark.usefixtures("company")
def test_delivered_notification_is_multipart_from_the_company(
    customer, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category)
    notification = Notification.objects.get(complaint=complaint, template="received")
    assert deliver(notification.pk) == Notification.State.SENT
    [sent] = [m for m in mail.outbox if m.to == [customer.email]]
    assert sent.from_email == f"{COMPANY} <sikayet@kalkanguven.example>"
    assert sent.alternatives[0].mimetype == "text/html"
    assert f"Sayın {customer.get_full_name()}," in sent.body


def test_people_are_greeted_by_name_never_by_their_address(category):
    nameless = CustomerFactory(first_name="", last_name="", email="kaan.demir@example.com")
    complaint = file(nameless, category)
    complaint.contact_name = nameless.email  # what intake stores for a nameless account
    assert greeting_name(complaint) == ""
    message = build_message(notify_customer(complaint, "reopened", reason="Yeni bilgi geldi."))
    greeting = message.body.splitlines()[0]
    assert greeting == "Sayın başvuru sahibimiz,"
    assert "kaan" not in message.alternatives[0][0].split("<h1")[1].split("</p>")[0]

    named = CustomerFactory(first_name="Ayşe", last_name="Yılmaz")
    complaint = file(named, category)
    complaint.contact_name = named.email
    assert greeting_name(complaint) == "Ayşe Yılmaz"
    message = build_message(notify_customer(complaint, "reopened", reason="Yeni bilgi geldi."))
    assert message.body.splitlines()[0] == "Sayın Ayşe Yılmaz,"


@pytest.mark.usefixtures("company")
def test_the_header_shows_the_png_logo_beside_the_company_name(settings):
    settings.MEMNUN_SITE_URL = "https://sikayet.kalkanguven.example"
    html = html_email(subject="Konu", text="Metin.")
    header = html.split("<h1")[0]
    assert (
        '<img src="https://sikayet.kalkanguven.example/static/img/logo.png" width="36" '
        f'height="36" alt="{COMPANY}"'
    ) in header
    assert f">{COMPANY}</td>" in header  # the name stays beside the logo
    logo = finders.find("img/logo.png")
    assert logo is not None
    with Image.open(logo) as image:
        assert image.format == "PNG"
        assert image.size == (72, 72)  # twice the size it is shown at


def test_the_logo_comes_from_the_static_files_host_when_it_has_one(settings):
    settings.STATIC_URL = "https://cdn.example/static/"
    brand = branding.Brand(
        name="Örnek", site_url="https://sikayet.example", address="", from_email="a@example.com"
    )
    assert brand.logo_url == "https://cdn.example/static/img/logo.png"
