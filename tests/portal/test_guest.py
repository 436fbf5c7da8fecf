"""Complaining without an account: the public form, the tracking link we e-mail, and
claiming the complaint into an account (/portal/guest/..., /portal/track/<token>/)."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.template import RequestContext, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import CustomerFactory, EmailAddressFactory
from tests.workflow.helpers import file, nothing_changes, reload
from workflow import services
from workflow.models import Complaint, ContactChannel, Notification
from workflow.states import Status

pytestmark = pytest.mark.django_db

FORM_URL = "/portal/guest/file/"
THANKS_URL = "/portal/guest/thanks/"
GUEST_EMAIL = "ayse.yilmaz@example.com"
NOT_SAVED = "Şikâyetiniz kaydedilmedi"


@pytest.fixture
def guest_data(category):
    return {
        "contact_name": "Ayşe Yılmaz",
        "contact_email": GUEST_EMAIL,
        "phone": "",
        "preferred_contact_method": "email",
        "category": category.pk,
        "subject": "Sertifikam iptal edilmedi",
        "description": "İptal talebimi iki gün önce ilettim, sertifika hâlâ geçerli görünüyor.",
        "privacy_notice": "on",
        "website": "",
    }


@pytest.fixture
def guest_complaint(category):
    return file(None, category, contact_name="Ayşe Yılmaz", contact_email=GUEST_EMAIL)


@pytest.fixture
def claimant(client):
    """Signed in with a verified account under the address the complaint was filed with."""
    user = EmailAddressFactory(user=CustomerFactory(email=GUEST_EMAIL)).user
    client.force_login(user)
    return user


def page(response) -> str:
    return response.content.decode()


def track_url(complaint: Complaint) -> str:
    return f"/portal/track/{complaint.tracking_token}/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def unlabelled_inputs(html: str) -> list[str]:
    """Ids of visible form controls that no <label for=...> names."""
    controls = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html)
    hidden = set(re.findall(r'<input type="hidden"[^>]*\bid="([^"]+)"', html))
    labelled = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', html))
    return [control for control in controls if control not in hidden | labelled]


# --- filing ----------------------------------------------------------------------------------


def test_a_guest_files_a_complaint_and_gets_the_tracking_link_by_email(
    client, guest_data, category, django_capture_on_commit_callbacks
):
    form = page(client.get(FORM_URL))
    assert "Adınız soyadınız" in form
    assert "Fatura" in form  # the active category
    assert "Aydınlatma metnini okudum" in form
    assert "6698 sayılı Kişisel Verilerin Korunması Kanunu" in form
    assert unlabelled_inputs(form) == []

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, guest_data)

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    complaint = Complaint.objects.get()
    assert complaint.customer is None
    assert complaint.channel == "web_form"
    assert complaint.status == Status.RECEIVED
    assert (complaint.contact_name, complaint.contact_email) == ("Ayşe Yılmaz", GUEST_EMAIL)
    assert complaint.language == "tr"
    assert Notification.objects.filter(
        complaint=complaint, template="received", recipient_email=GUEST_EMAIL
    ).exists()
    (received,) = [message for message in mail.outbox if message.to == [GUEST_EMAIL]]
    assert complaint.reference in received.subject
    assert f"/portal/track/{complaint.tracking_token}/" in received.body
    assert "Hesabıma bağla" in received.body  # how to claim it into an account

    thanks = page(client.get(THANKS_URL))
    assert f"Başvuru numaranız: {complaint.reference}" in thanks
    assert GUEST_EMAIL in thanks
    assert complaint.tracking_token not in thanks

    tracking = page(client.get(track_url(complaint)))
    assert "Sertifikam iptal edilmedi" in tracking


@pytest.mark.parametrize(
    ("language", "greeting"), [("tr", "Sayın başvuru sahibimiz,"), ("en", "Dear customer,")]
)
def test_guest_emails_carry_no_text_from_the_form(
    client, guest_data, category, staff, django_capture_on_commit_callbacks, language, greeting
):
    """Nobody confirmed the address: the form must not make us mail anyone attacker-written
    text (phishing relay). Only the reference, our own wording and the tracking link go out."""
    phishing = {
        "contact_name": "Hesabınız askıya alındı, doğrulayın: https://evil.example/giris",
        "subject": "Acil: şifrenizi http://phish.example/yenile adresinde yenileyin",
        "description": "Ödemeniz başarısız oldu, https://evil.example/odeme adresine gidin.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, {**guest_data, **phishing, "language": language})
    complaint = Complaint.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.acknowledge(complaint=complaint, actor=staff, method="email")

    to_guest = [message for message in mail.outbox if message.to == [GUEST_EMAIL]]
    assert len(to_guest) == 2  # received, acknowledged
    for message in to_guest:
        text = message.subject + message.body
        assert complaint.reference in message.subject
        assert greeting in message.body
        assert f"/portal/track/{reload(complaint).tracking_token}/" in message.body
        for needle in ["evil.example", "phish.example", "askıya", "şifrenizi", "Ödemeniz"]:
            assert needle not in text
    # staff still see what was written, in their own inbox
    (to_staff,) = [m for m in mail.outbox if m.to == [category.default_unit.email]]
    assert phishing["subject"] in to_staff.body


def test_a_customer_with_an_account_is_greeted_by_name_with_the_subject(
    customer, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file(customer, category, subject="Fatura tutarı hatalı")

    (received,) = [message for message in mail.outbox if message.to == [customer.email]]
    assert f"Sayın {complaint.contact_name}," in received.body
    assert '"Fatura tutarı hatalı" konulu şikâyetiniz' in received.body


def test_the_back_link_returns_to_the_page_the_form_was_on(client, guest_data):
    client.post(FORM_URL, {**guest_data, "return_to": "/sikayet-formu/?kaynak=ana-sayfa"})
    assert 'href="/sikayet-formu/?kaynak=ana-sayfa"' in page(client.get(THANKS_URL))


@pytest.mark.parametrize(
    "return_to", ["https://evil.example/phish", "//evil.example/", "javascript:alert(1)"]
)
def test_the_back_link_never_leads_to_another_site(client, guest_data, return_to):
    client.post(FORM_URL, {**guest_data, "return_to": return_to})
    thanks = page(client.get(THANKS_URL))
    assert "evil.example" not in thanks
    assert "javascript:" not in thanks
    assert 'href="/"' in thanks


def test_the_thanks_page_without_a_filing_sends_to_the_form(client):
    response = client.get(THANKS_URL)
    assert response.status_code == 302
    assert response["Location"] == FORM_URL


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"contact_email": ""}, "Bu alan zorunludur."),
        ({"contact_email": "not-an-address"}, "Geçerli bir e-posta adresi girin."),
        (
            {"privacy_notice": ""},
            "Şikâyetinizi alabilmemiz için aydınlatma metnini okuduğunuzu onaylayın.",
        ),
        ({"website": "http://spam.example"}, "Form gönderilemedi. Lütfen yeniden gönderin."),
        (
            {"preferred_contact_method": "phone"},
            "Telefonla aranmak istiyorsanız bir telefon numarası yazın.",
        ),
    ],
    ids=["no-email", "bad-email", "no-consent", "honeypot", "phone-without-number"],
)
def test_bad_input_shows_the_errors_and_files_nothing(
    client, guest_data, change, error, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, {**guest_data, **change})

    assert response.status_code == 200
    html = page(response)
    assert NOT_SAVED in html
    assert error in html
    assert "Sertifikam iptal edilmedi" in html  # what the visitor typed is kept
    assert "spam.example" not in html  # a bot's honeypot text is never echoed
    assert Complaint.objects.count() == 0
    assert mail.outbox == []


def test_an_english_visitor_gets_the_form_the_complaint_and_the_email_in_english(
    client, guest_data, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    form = page(client.get(FORM_URL))
    assert '<html lang="en">' in form
    assert "Billing" in form
    assert "Category" in form

    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, guest_data)

    complaint = Complaint.objects.get()
    assert complaint.language == "en"
    (received,) = [message for message in mail.outbox if message.to == [GUEST_EMAIL]]
    assert received.subject.endswith("We have received your complaint")
    assert f"/portal/track/{complaint.tracking_token}/" in received.body
    assert "Add to my account" in received.body
    assert '<html lang="en">' in page(client.get(THANKS_URL))


def test_the_form_on_an_english_page_files_in_english_whatever_the_browser_says(client, guest_data):
    """The CMS page at /en/... posts to /portal/ (no language prefix): the form says."""
    response = client.post(
        FORM_URL, {**guest_data, "language": "en"}, HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9"
    )
    assert response.status_code == 302
    assert Complaint.objects.get().language == "en"
    assert '<html lang="en">' in page(client.get(THANKS_URL))


def test_a_signed_in_customer_is_pointed_to_their_own_form(client, customer):
    client.force_login(customer)
    assert 'href="/portal/complaints/new/"' in page(client.get(FORM_URL))


# --- the form embedded in CMS pages ----------------------------------------------------------


def render_tag(source: str, path: str = "/sikayet-formu/") -> str:
    request = RequestFactory().get(path)
    return Template("{% load portal_guest %}" + source).render(RequestContext(request, {}))


def test_the_template_tag_renders_the_same_form_posting_to_the_portal(category):
    html = render_tag('{% guest_complaint_form return_to="/sikayet-formu/" %}')

    assert 'action="/portal/guest/file/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<input type="hidden" name="return_to" value="/sikayet-formu/">' in html
    assert 'name="website"' in html
    assert re.search(r'<div class="honeypot" hidden>', html)
    assert "Fatura" in html
    assert unlabelled_inputs(html) == []
    for name in ("contact_name", "contact_email", "subject", "description", "privacy_notice"):
        assert f'<label for="guest-{name}"' in html


def test_the_template_tag_drops_a_return_address_on_another_site():
    html = render_tag('{% guest_complaint_form return_to="https://evil.example/" %}')
    assert "evil.example" not in html


# --- the tracking page -----------------------------------------------------------------------


def test_the_tracking_page_shows_the_complaint_as_the_complainant_sees_it(
    client, guest_complaint, staff
):
    services.acknowledge(complaint=guest_complaint, actor=staff, method="email")
    services.add_note(
        complaint=guest_complaint, actor=staff, text="İÇ NOT: eski müşteri", visibility="internal"
    )
    services.add_note(complaint=guest_complaint, actor=staff, text="Merhaba, inceliyoruz.")

    response = client.get(track_url(guest_complaint))

    assert response.status_code == 200
    html = page(response)
    assert guest_complaint.reference in html
    assert guest_complaint.subject in html
    assert "Alındığı bildirildi" in html  # the status label
    assert "İlk yanıt için son tarih" in html
    assert "Merhaba, inceliyoruz." in html
    assert "İÇ NOT" not in html
    assert f'href="/accounts/login/?next=%2Fportal%2Ftrack%2F{guest_complaint.tracking_token}' in (
        html
    )
    assert "/claim/" not in html  # nothing to press before signing in


def test_the_tracking_page_stays_out_of_search_engines_and_referers(client, guest_complaint):
    response = client.get(track_url(guest_complaint))
    assert "noindex" in response["X-Robots-Tag"]
    # the token never goes to another site in a Referer; this site's own forms keep working
    # (under "no-referrer" a browser posts the claim form with "Origin: null": a CSRF 403)
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in page(response)
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_tracking_link_explains_what_to_do_even_with_debug_on(
    client, settings, guest_complaint
):
    settings.DEBUG = True  # as `make run` serves it: still the product's page, not Django's
    ContactChannel.objects.create(
        kind="phone", name_tr="Çağrı merkezi", name_en="Call centre", value="0850 000 00 00"
    )

    response = client.get("/portal/track/not-a-real-token/")

    assert response.status_code == 404
    assert "portal/track_not_found.html" in [template.name for template in response.templates]
    html = page(response)
    assert "<h1>Bu takip bağlantısı geçerli değil</h1>" in html
    assert 'href="/accounts/login/?next=%2Fportal%2F"' in html  # sign in to "my complaints"
    assert "Başvuru numaranızla" in html
    assert "0850 000 00 00" in html  # the channels to ask by reference
    assert "DEBUG = True" not in html
    assert response["Referrer-Policy"] == "same-origin"


def test_the_old_link_of_a_claimed_complaint_leads_to_the_same_page_in_english(
    client, settings, guest_complaint, claimant
):
    settings.DEBUG = True
    old_link = track_url(guest_complaint)
    services.claim_complaint(actor=claimant, tracking_token=guest_complaint.tracking_token)
    client.logout()

    response = client.get(old_link, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    html = page(response)
    assert "<h1>This tracking link does not work</h1>" in html
    assert "the complaint was added to an account" in html
    assert guest_complaint.subject not in html


def test_the_tracking_page_query_count_does_not_grow_with_the_timeline(
    client, guest_complaint, staff, django_assert_max_num_queries
):
    services.acknowledge(complaint=guest_complaint, actor=staff, method="email")
    services.add_note(complaint=guest_complaint, actor=staff, text="İlk mesaj")
    with CaptureQueriesContext(connection) as few:
        assert client.get(track_url(guest_complaint)).status_code == 200
    for number in range(10):
        services.add_note(complaint=guest_complaint, actor=staff, text=f"Mesaj {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(track_url(guest_complaint))

    assert "Mesaj 9" in page(response)


def test_a_complaint_already_in_an_account_links_to_the_portal(client, customer, category):
    complaint = file(customer, category)

    html = page(client.get(track_url(complaint)))

    assert "Bu şikâyet bir hesaba bağlı" in html
    assert f'href="/portal/complaints/{complaint.reference}/"' in html
    assert "Hesabıma bağla" not in html


# --- claiming --------------------------------------------------------------------------------


def claim_url(complaint: Complaint) -> str:
    return track_url(complaint) + "claim/"


def test_claiming_needs_signing_in_first(client, guest_complaint):
    response = client.post(claim_url(guest_complaint))

    assert response.status_code == 302
    assert response["Location"] == (
        f"/accounts/login/?next=/portal/track/{guest_complaint.tracking_token}/"
    )
    assert reload(guest_complaint).customer is None


def test_the_claim_form_passes_the_csrf_check_as_a_browser_posts_it(guest_complaint, claimant):
    """What Chromium sends under the tracking page's Referrer-Policy: its own origin."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(claimant)
    browser.get(track_url(guest_complaint))
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value

    refused = browser.post(
        claim_url(guest_complaint), {"csrfmiddlewaretoken": token}, HTTP_ORIGIN="null"
    )
    assert refused.status_code == 403  # what "no-referrer" made browsers send
    assert reload(guest_complaint).customer is None

    response = browser.post(
        claim_url(guest_complaint),
        {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
        HTTP_REFERER=f"http://testserver{track_url(guest_complaint)}",
    )

    assert response.status_code == 302
    assert response["Location"] == f"/portal/complaints/{guest_complaint.reference}/"
    assert reload(guest_complaint).customer == claimant


def test_claiming_into_the_account_with_the_verified_address(client, guest_complaint, claimant):
    tracking = page(client.get(track_url(guest_complaint)))
    assert f'action="{claim_url(guest_complaint)}"' in tracking
    assert "Hesabıma bağla" in tracking
    old_link = track_url(guest_complaint)

    response = client.post(claim_url(guest_complaint), follow=True)

    assert response.redirect_chain == [(f"/portal/complaints/{guest_complaint.reference}/", 302)]
    assert f"{guest_complaint.reference} numaralı şikâyet artık hesabınızda." in messages_of(
        response
    )
    assert "Şikâyet, başvuru sahibinin hesabına bağlandı." in page(response)  # on the timeline
    assert reload(guest_complaint).customer == claimant
    assert client.get(old_link).status_code == 404
    assert guest_complaint.reference in page(client.get("/portal/"))


@pytest.mark.parametrize("verified", [False, True], ids=["unverified", "different-address"])
def test_claiming_with_the_wrong_account_is_refused(client, guest_complaint, verified):
    if verified:
        user = EmailAddressFactory().user  # verified, but another address
        expected = "doğrulanmış bir hesapla sahiplenebilirsiniz"
    else:
        user = EmailAddressFactory(user=CustomerFactory(email=GUEST_EMAIL), verified=False).user
        expected = "Önce e-posta adresinizi doğrulayın"
    client.force_login(user)

    with nothing_changes(guest_complaint):
        response = client.post(claim_url(guest_complaint), follow=True)

    assert response.redirect_chain == [(track_url(guest_complaint), 302)]
    assert any(expected in message for message in messages_of(response))
    assert reload(guest_complaint).customer is None
    assert guest_complaint.reference not in page(client.get("/portal/"))


def test_staff_cannot_claim(client, guest_complaint, staff):
    EmailAddressFactory(user=staff, email=GUEST_EMAIL)
    client.force_login(staff)

    with nothing_changes(guest_complaint):
        response = client.post(claim_url(guest_complaint), follow=True)

    assert "Şikâyeti yalnız bir müşteri hesabına bağlayabilirsiniz." in messages_of(response)
    assert reload(guest_complaint).customer is None


def test_an_already_claimed_complaint_cannot_be_claimed(client, customer, category, claimant):
    complaint = file(customer, category)

    with nothing_changes(complaint):
        response = client.post(claim_url(complaint), follow=True)

    assert "Bu şikâyet zaten bir hesaba bağlı." in messages_of(response)
    assert reload(complaint).customer == customer


def test_claiming_answers_only_post(client, guest_complaint, claimant):
    assert client.get(claim_url(guest_complaint)).status_code == 405
    assert reload(guest_complaint).customer is None


def test_claiming_with_an_unknown_link_is_not_found(client, claimant):
    assert client.post("/portal/track/not-a-real-token/claim/").status_code == 404
