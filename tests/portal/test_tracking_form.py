"""The "Complaint and Tracking Form" PDF (R8): portal and API downloads, content, no fetching."""

import re

import pytest
from rest_framework.test import APIClient

from portal import pdf
from portal.models import TrackingForm
from portal.pdf import (
    NoRemoteFetcher,
    RemoteResourceRefused,
    render_pdf,
    tracking_form_html,
    tracking_form_pdf,
)
from portal.tracking_forms import render_and_keep
from tests.factories import AlternativeRouteFactory
from tests.workflow import attachment_files as files
from tests.workflow.helpers import FINAL_DECISION, PROPOSAL, complaint_in
from workflow import services
from workflow.states import ClosureReason, Status

pytestmark = pytest.mark.django_db

INTERNAL = "Müşteri iki kez aradı, GİZLİ iç not."
MESSAGE = "Faturamın kopyasını ekledim; şğıİçöü."


@pytest.fixture
def complaint(customer, staff, category):
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )
    services.add_note(complaint=complaint, actor=customer, text=MESSAGE)
    services.add_note(complaint=complaint, actor=staff, text=INTERNAL, visibility="internal")
    return complaint


@pytest.fixture
def portal(client, customer):
    client.force_login(customer)
    return client


@pytest.fixture
def api(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


def portal_url(complaint):
    return f"/portal/complaints/{complaint.reference}/tracking-form.pdf"


def api_url(complaint):
    return f"/api/v1/complaints/{complaint.reference}/tracking-form.pdf"


def assert_pdf_download(response, complaint):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert complaint.reference in disposition
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000


# --- content -------------------------------------------------------------------------------


def test_html_has_the_complaint_and_customer_visible_events_but_no_internal_note(complaint):
    html = tracking_form_html(complaint, "tr")
    assert "Şikâyet ve Takip Formu" in html
    assert "memnun" in html
    assert complaint.reference in html
    assert complaint.subject in html
    assert "Fatura" in html  # category
    assert "Müşteri portalı" in html  # channel
    assert MESSAGE in html
    assert PROPOSAL in html
    assert "Çözüm önerildi" in html  # status label of a transition
    assert INTERNAL not in html


def test_events_are_oldest_first_and_assignment_shows_the_unit_not_the_staff_member(
    complaint, staff
):
    html = tracking_form_html(complaint, "tr")
    assert html.index(MESSAGE) > html.index(PROPOSAL)
    assignment = complaint.events.get(kind="assignment")
    unit_name = assignment.data["unit_name_tr"]
    row = html[html.index("event--assignment") :].split("</div>")[0]
    assert unit_name in row
    assert staff.get_full_name() not in row


def test_english_and_turkish_titles(complaint):
    english = tracking_form_html(complaint, "en")
    assert "Complaint and Tracking Form" in english
    assert "Şikâyet ve Takip Formu" not in english
    assert 'lang="en"' in english
    turkish = tracking_form_html(complaint, "tr")
    assert "Şikâyet ve Takip Formu" in turkish
    assert 'lang="tr"' in turkish


def test_closure_reason_is_shown_once_closed(customer, staff, category):
    closed = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    html = tracking_form_html(closed, "en")
    assert "Closure reason" in html
    assert closed.get_closure_reason_display() in html or "Resolved" in html


def test_a_long_history_is_complete_in_the_form(complaint, customer):
    # speed is measured by benchmarks/tracking_form.py, not asserted here
    for number in range(25):
        services.add_note(complaint=complaint, actor=customer, text=f"Ek bilgi {number}")
    html = tracking_form_html(complaint, "tr")
    assert all(f"Ek bilgi {number}<" in html for number in range(25))
    pdf = tracking_form_pdf(complaint, "tr")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000


# --- no remote resources ---------------------------------------------------------------------


class CountingFetcher(NoRemoteFetcher):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.asked: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        self.asked.append(url)
        try:
            return super().fetch(url, headers)
        except Exception:
            self.refused.append(url)
            raise


def test_the_fetcher_refuses_remote_urls_without_a_request(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr("socket.socket.connect", no_network)
    monkeypatch.setattr("socket.create_connection", no_network)
    fetcher = CountingFetcher()
    html = (
        '<html><body><p>x</p><img src="http://127.0.0.1:9/x.png">'
        '<link rel="stylesheet" href="https://example.com/s.css"></body></html>'
    )
    pdf = render_pdf(html, fetcher)
    assert pdf.startswith(b"%PDF")
    assert "http://127.0.0.1:9/x.png" in fetcher.asked
    assert fetcher.refused == fetcher.asked
    assert fetcher.refused


def test_the_real_form_asks_for_nothing_but_its_own_logo_inline(complaint):
    fetcher = CountingFetcher()
    assert render_pdf(tracking_form_html(complaint, "tr"), fetcher).startswith(b"%PDF")
    assert [url[:26] for url in fetcher.asked] == ["data:image/svg+xml;base64,"]
    assert fetcher.refused == []


def test_the_fetcher_serves_data_urls():
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
        "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
    fetcher = CountingFetcher()
    assert render_pdf(f'<img src="{pixel}">', fetcher).startswith(b"%PDF")
    assert fetcher.asked == [pixel]
    assert fetcher.refused == []
    with pytest.raises(RemoteResourceRefused, match="Refused"):
        NoRemoteFetcher().fetch("file:///etc/passwd")


# --- downloads -------------------------------------------------------------------------------


def test_portal_download(portal, complaint):
    assert_pdf_download(portal.get(portal_url(complaint)), complaint)


def test_detail_page_links_to_the_tracking_form(portal, complaint):
    response = portal.get(f"/portal/complaints/{complaint.reference}/")
    assert portal_url(complaint) in response.content.decode()
    assert "Takip formunu indir (PDF)" in response.content.decode()


def test_api_download_with_session(client, customer, complaint):
    client.force_login(customer)
    assert_pdf_download(client.get(api_url(complaint)), complaint)


def test_api_download_accepting_pdf(api, complaint):
    response = api.get(api_url(complaint), HTTP_ACCEPT="application/pdf")
    assert_pdf_download(response, complaint)


def test_api_download_in_english(api, complaint):
    response = api.get(api_url(complaint), HTTP_ACCEPT_LANGUAGE="en")
    assert_pdf_download(response, complaint)


def test_another_customers_complaint_is_404_on_both(client, other_customer, complaint):
    client.force_login(other_customer)
    assert client.get(portal_url(complaint)).status_code == 404
    assert client.get(api_url(complaint)).status_code == 404
    api = APIClient()
    api.force_authenticate(other_customer)
    assert api.get(api_url(complaint)).status_code == 404


def test_unknown_reference_is_404(api, portal):
    assert api.get("/api/v1/complaints/MMN-1999-000001/tracking-form.pdf").status_code == 404
    assert portal.get("/portal/complaints/MMN-1999-000001/tracking-form.pdf").status_code == 404


def test_anonymous_is_sent_to_login_or_refused(client, complaint):
    response = client.get(portal_url(complaint))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get(api_url(complaint)).status_code in (401, 403)


def test_staff_cannot_download_through_the_customer_api(staff, complaint):
    api = APIClient()
    api.force_authenticate(staff)
    assert api.get(api_url(complaint)).status_code == 403


def test_api_schema_documents_the_pdf(api):
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    operation = response.json()["paths"]["/api/v1/complaints/{reference}/tracking-form.pdf"]
    content = operation["get"]["responses"]["200"]["content"]
    assert content["application/pdf"]["schema"] == {"type": "string", "format": "binary"}
    assert "404" in operation["get"]["responses"]


# --- rendered by the worker, kept until the complaint changes --------------------------------


@pytest.fixture
def renders(monkeypatch):
    """The HTML of each render (the worker's job), while still rendering for real."""
    htmls = []
    real = pdf.render_pdf

    def recording(html, fetcher=None):
        htmls.append(html)
        return real(html, fetcher)

    monkeypatch.setattr(pdf, "render_pdf", recording)
    return htmls


def test_the_pdf_is_kept_until_the_complaint_changes(api, complaint, customer, renders):
    first = api.get(api_url(complaint))
    second = api.get(api_url(complaint))

    assert_pdf_download(first, complaint)
    assert second.content == first.content
    assert len(renders) == 1
    kept = TrackingForm.objects.get(complaint=complaint)
    assert kept.language == "tr"

    services.add_note(complaint=complaint, actor=customer, text="Yeni bir ek bilgi.")
    third = api.get(api_url(complaint))

    assert_pdf_download(third, complaint)
    assert third.content != first.content
    assert len(renders) == 2
    assert "Yeni bir ek bilgi." not in renders[0]
    assert "Yeni bir ek bilgi." in renders[1]
    assert TrackingForm.objects.get(complaint=complaint).version != kept.version


def test_each_language_is_kept_separately(api, complaint, renders):
    api.get(api_url(complaint), HTTP_ACCEPT_LANGUAGE="en")
    api.get(api_url(complaint), HTTP_ACCEPT_LANGUAGE="tr")
    api.get(api_url(complaint), HTTP_ACCEPT_LANGUAGE="en")

    assert len(renders) == 2
    assert 'lang="en"' in renders[0]
    assert 'lang="tr"' in renders[1]
    assert TrackingForm.objects.filter(complaint=complaint).count() == 2


class QueuedTask:
    """A task backend whose worker has not run yet: enqueue only records."""

    def __init__(self):
        self.queued = []

    def enqueue(self, *args):
        self.queued.append(args)


@pytest.fixture
def worker_behind(monkeypatch):
    queue = QueuedTask()
    monkeypatch.setattr("portal.tracking_forms.render_tracking_form", queue)
    return queue


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("tr", "Takip formu hazırlanıyor; birkaç saniye sonra yeniden deneyin."),
        ("en", "The tracking form is being prepared; please try again in a few seconds."),
    ],
)
def test_the_api_answers_202_while_the_worker_renders(
    api, complaint, worker_behind, language, message
):
    response = api.get(api_url(complaint), HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 202
    assert response["Retry-After"] == "3"
    assert response.json() == {"detail": message}
    assert worker_behind.queued == [(complaint.pk, language)]

    render_and_keep(complaint.pk, language)  # the worker's turn
    assert_pdf_download(api.get(api_url(complaint), HTTP_ACCEPT_LANGUAGE=language), complaint)
    assert len(worker_behind.queued) == 1


def test_the_portal_shows_a_page_that_refreshes_while_the_worker_renders(
    portal, complaint, worker_behind
):
    response = portal.get(portal_url(complaint))

    assert response.status_code == 202
    assert response["Retry-After"] == "3"
    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Takip formu hazırlanıyor" in page
    assert f'href="{portal_url(complaint)}"' in page

    render_and_keep(complaint.pk, "tr")
    assert_pdf_download(portal.get(portal_url(complaint)), complaint)


def test_the_worker_renders_once_per_version(complaint, renders):
    assert render_and_keep(complaint.pk, "tr") == "rendered"
    assert render_and_keep(complaint.pk, "tr") == "current"
    assert render_and_keep(0, "tr") == "missing"
    assert len(renders) == 1


# --- the company's document ------------------------------------------------------------------


@pytest.fixture
def company(settings):
    settings.MEMNUN_SITE_NAME = "Kalkan Güven"
    settings.MEMNUN_COMPANY_ADDRESS = "Esentepe Mah. Kalkan Sok. No: 12, Şişli / İstanbul"


@pytest.mark.usefixtures("company")
@pytest.mark.parametrize(
    ("language", "pages", "labels"),
    [
        (
            "tr",
            '"Sayfa " counter(page) " / " counter(pages)',
            ["Başvuran", "Kategori", "Sorumlu birim", "Ekler", "Çözüm ve karar"],
        ),
        (
            "en",
            '"Page " counter(page) " of " counter(pages)',
            ["Complainant", "Category", "Responsible unit", "Attachments", "Resolution"],
        ),
    ],
)
def test_the_form_is_the_companys_document_with_every_particular(
    complaint, customer, language, pages, labels
):
    services.add_attachment(
        complaint=complaint, actor=customer, file=files.upload("fatura-kopyasi.pdf", files.PDF)
    )
    html = tracking_form_html(complaint, language)
    assert "Kalkan Güven" in html
    assert "Esentepe Mah. Kalkan Sok. No: 12, Şişli / İstanbul" in html
    assert '<img src="data:image/svg+xml;base64,' in html  # the logo, inline
    assert pages in html  # page numbers with the words, in the page's bottom-right corner
    for label in labels:
        assert label in html
    assert complaint.contact_name in html
    assert complaint.contact_email in html
    assert complaint.category.name_tr in html or complaint.category.name_en in html
    assert complaint.unit.name_tr in html or complaint.unit.name_en in html
    assert complaint.description in html
    assert "fatura-kopyasi.pdf" in html  # the document's name and size, never its content
    assert f"{len(files.PDF)}" in html
    assert files.PDF.decode("latin-1")[:20] not in html
    assert PROPOSAL in html  # the proposal waiting for an answer


@pytest.mark.usefixtures("company")
def test_a_final_decision_shows_the_decision_and_the_routes_offered(customer, staff, category):
    route = AlternativeRouteFactory(
        name_tr="Tüketici Hakem Heyeti", name_en="Consumer Arbitration Committee"
    )
    route.categories.add(category)
    closed = complaint_in(
        Status.CLOSED,
        customer=customer,
        staff=staff,
        category=category,
        closure=ClosureReason.FINAL_DECISION,
    )
    turkish = tracking_form_html(closed, "tr")
    assert "Nihai karar" in turkish
    assert FINAL_DECISION in turkish
    assert "Size sunulan diğer başvuru yolları" in turkish
    assert "Tüketici Hakem Heyeti" in turkish
    english = tracking_form_html(closed, "en")
    assert "Final decision" in english
    assert "Other routes offered to you" in english
    assert "Consumer Arbitration Committee" in english
    assert tracking_form_pdf(closed, "en").startswith(b"%PDF")


HEX = re.compile(r"(?<![\w-])color:\s*(#[0-9a-fA-F]{6})")


def _grey_contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG contrast of two colours once printed in grey (luminance is what survives)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_colour_stays_readable_in_black_and_white(complaint):
    html = tracking_form_html(complaint, "tr")
    colours = set(HEX.findall(html))
    assert colours  # the scan found the text colours
    for colour in colours:
        # on white and on the tinted section headings / table labels
        for background in ("#ffffff", "#e6f2ed", "#f4f6f8"):
            assert _grey_contrast(colour, background) >= 4.5, (colour, background)
