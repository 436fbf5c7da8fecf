"""The portal and the account pages in a real browser (Debian's Chromium): no WCAG 2.x A/AA
violation found by axe-core on any of them, in Turkish and in English, including their failed
forms; nothing scrolls sideways at 320 px; filing, accepting and rejecting work with the keyboard
alone, and a failed form puts the keyboard on its error summary, whose links lead to the fields.
"""

import re
import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from cms_pages.models import ComplaintFormPage
from tests.factories import AlternativeRouteFactory, EmailAddressFactory
from tests.workflow.helpers import complaint_in
from workflow.models import Complaint
from workflow.states import ClosureReason, Status

AXE = Axe()
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 900}
LONG_ROUTE_URL = "https://www.example.gov.tr/tuketici-hakem-heyetleri/basvuru-formu-ve-belgeler"

WORDS = {
    "tr": {
        "problem": "Sorun var",
        "optional": "(isteğe bağlı)",
        "filed": "Şikâyetiniz alındı. Başvuru numaranız:",
        "accept": "Öneriyi kabul ediyorum",
        "reject": "Öneriyi kabul etmiyorum",
        "send_message": "Mesajı gönder",
        "save": "Kaydet",
        "menu": "Menü",
        "privacy": "Kişisel verilerinizin işlenmesi hakkında aydınlatma metni",
        "submit_guest": "Şikâyeti gönder",
        "sign_out_others": "Diğer Oturumlardan Çıkış Yap",
        "prepare_data": "Verilerimi hazırla",
        "download_data": "Verilerimi indir (ZIP)",
        "data_zip": "memnun-verilerim.zip",
    },
    "en": {
        "problem": "There is a problem",
        "optional": "(optional)",
        "filed": "We have received your complaint. Your reference number is",
        "accept": "I accept the proposal",
        "reject": "I do not accept the proposal",
        "send_message": "Send the message",
        "save": "Save",
        "menu": "Menu",
        "privacy": "Privacy notice on the processing of your personal data",
        "submit_guest": "Submit the complaint",
        "sign_out_others": "Sign Out Other Sessions",
        "prepare_data": "Prepare my data",
        "download_data": "Download my data (ZIP)",
        "data_zip": "memnun-my-data.zip",
    },
}


def assert_no_wcag_violations(page) -> None:
    """axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation, whatever its impact."""
    options = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}
    violations = AXE.run(page, options=options).response["violations"]
    report = "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"  {node['target']}: {node['html'][:200]}" for node in violation["nodes"])
        for violation in violations
    )
    assert not violations, f"axe-core on {page.url}:\n{report}"


def assert_reflows(page) -> None:
    """At 320 CSS px wide nothing scrolls sideways (WCAG 1.4.10), then back to the desktop."""
    page.set_viewport_size(NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(WIDE)
    assert width <= NARROW["width"], f"{page.url} is {width} px wide at 320 px"


def check(page) -> None:
    assert_no_wcag_violations(page)
    assert_reflows(page)


def assert_no_browser_errors(seen) -> None:
    """Nothing went wrong in the page; a failed form answers 400, which Chromium logs."""
    failed_form = "the server responded with a status of 400 (Bad Request)"
    assert [error for error in seen.errors if failed_form not in error] == []


def use_language(page, live_server, language: str) -> None:
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )


def sign_in(page, user) -> None:
    """Through allauth's login form, as a person would (factories' password)."""
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill("secret-pass-123")
    page.locator("#id_password").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def expect_error_summary(page, language: str):
    """The summary is there, announced, and has the keyboard."""
    summary = page.locator(".error-summary")
    expect(summary).to_have_count(1)
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.get_by_role("heading", name=WORDS[language]["problem"])).to_be_visible()
    expect(summary).to_be_focused()
    return summary


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


@pytest.fixture
def customer_with_email(customer):
    EmailAddressFactory(user=customer, email=customer.email)  # verified, primary
    return customer


@pytest.fixture
def complaints(live_site, customer_with_email, staff, category):
    """A complaint of the customer's in each state the detail page shows differently."""
    AlternativeRouteFactory(url=LONG_ROUTE_URL).categories.add(category)

    def make(status, **options):
        return complaint_in(
            status, customer=customer_with_email, staff=staff, category=category, **options
        )

    return {
        "received": make(Status.RECEIVED),
        "awaiting_customer": make(Status.AWAITING_CUSTOMER),
        "resolution_proposed": make(Status.RESOLUTION_PROPOSED),
        "rejected": make(Status.REJECTED),
        "closed": make(Status.CLOSED, closure=ClosureReason.FINAL_DECISION),
    }


@pytest.mark.parametrize("language", ["tr", "en"])
def test_every_portal_page_and_its_failed_forms_pass_axe_and_reflow(
    live_server, page, seen, complaints, customer_with_email, language
):
    words = WORDS[language]
    use_language(page, live_server, language)
    sign_in(page, customer_with_email)

    page.goto("/portal/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    check(page)

    # the detail page in several states; a failed message shows its summary there
    for complaint in complaints.values():
        page.goto(f"/portal/complaints/{complaint.reference}/")
        expect(page.locator("h1")).to_have_attribute("lang", complaint.language)
        check(page)
        message_form = page.locator("form[data-action=messages]")
        if message_form.count():
            message_form.get_by_role("button", name=words["send_message"]).click()
            summary = expect_error_summary(page, language)
            check(page)
            summary.get_by_role("link").first.click()
            expect(page.locator("#messages-text")).to_be_focused()

    # the filing form, and the same form failed
    page.goto("/portal/complaints/new/")
    expect(page.get_by_text(words["optional"]).first).to_be_visible()
    check(page)
    page.locator("#id_subject").fill("Fatura iki kez kesildi")
    page.locator("#id_subject").press("Enter")
    summary = expect_error_summary(page, language)
    expect(summary.get_by_role("link")).to_have_count(2)  # category and description
    check(page)

    page.goto("/portal/profile/")
    check(page)
    page.locator("#id_first_name").fill("")
    page.get_by_role("button", name=words["save"]).click()
    expect_error_summary(page, language)
    check(page)

    # my data: ask for the ZIP, see it ready after a reload (the worker e-mails too), download
    page.goto("/portal/my-data/")
    check(page)
    page.get_by_role("button", name=words["prepare_data"]).click()
    expect(page).to_have_url(re.compile(r"/portal/my-data/$"))
    page.reload()
    download_link = page.get_by_role("link", name=words["download_data"])
    expect(download_link).to_be_visible()
    check(page)
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == words["data_zip"]
    with zipfile.ZipFile(download.path()) as archive:
        names = set(archive.namelist())
    assert "data.json" in names
    assert {
        f"tracking-forms/{complaint.reference}-tracking-form.pdf"
        for complaint in complaints.values()
    } <= names

    page.goto("/accounts/2fa/")
    check(page)
    for path in ("/accounts/email/", "/accounts/password/change/", "/accounts/2fa/totp/activate/"):
        page.goto(path)
        check(page)
        page.locator("main form").last.locator("[type=submit]").last.click()
        expect_error_summary(page, language)
        check(page)

    other_device = Client()  # a second session, signed in through the login form
    response = other_device.post(
        "/accounts/login/", {"login": customer_with_email.email, "password": "secret-pass-123"}
    )
    assert response.status_code == 302
    page.goto("/accounts/sessions/")
    expect(page.locator("main tbody tr")).to_have_count(2)
    check(page)
    page.get_by_role("button", name=words["sign_out_others"]).click()
    expect(page).to_have_url(re.compile(r"/accounts/sessions/$"))
    expect(page.locator("main tbody tr")).to_have_count(1)
    check(page)
    assert_no_browser_errors(seen)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_signed_out_pages_and_their_failed_forms_pass_axe_and_reflow(
    live_server, page, seen, live_site, category, staff, customer_with_email, language
):
    words = WORDS[language]
    use_language(page, live_server, language)
    AlternativeRouteFactory(url=LONG_ROUTE_URL).categories.add(category)

    page.goto(live_site[language]["process"].url)
    check(page)

    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        page.goto(path)
        check(page)
        page.locator("main form [type=submit]").first.click()
        expect_error_summary(page, language)
        check(page)

    # the guest form on its CMS page: a failed post keeps the page and its privacy notice
    form_page = live_site[language]["form"]
    ComplaintFormPage.objects.filter(pk=form_page.pk).update(
        privacy_notice="<p>Verilerinizi KVKK'ya uygun işleriz.</p>"
    )
    page.goto(form_page.url)
    check(page)
    page.locator("#guest-subject").fill("Sertifikam iptal edilmedi")
    page.get_by_role("button", name=words["submit_guest"]).click()
    summary = expect_error_summary(page, language)
    expect(page.get_by_role("heading", name=words["privacy"])).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(form_page.title)
    expect(page.locator("#guest-subject")).to_have_value("Sertifikam iptal edilmedi")
    check(page)
    summary.get_by_role("link").first.press("Enter")
    expect(page.locator("#guest-contact_name")).to_be_focused()
    assert Complaint.objects.count() == 0

    # a signed-in customer's complaint by its tracking link
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED,
        customer=customer_with_email,
        staff=staff,
        category=category,
    )
    page.goto(f"/portal/track/{complaint.tracking_token}/")
    check(page)
    assert_no_browser_errors(seen)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_menu_folds_into_a_disclosure_on_a_narrow_screen(
    live_server, page, seen, live_site, language
):
    use_language(page, live_server, language)
    page.set_viewport_size(NARROW)
    page.goto(live_site[language]["home"].url)
    menu = page.get_by_role("navigation", name=re.compile("Ana menü|Main menu"))
    toggle = menu.locator("summary")
    expect(toggle).to_have_text(WORDS[language]["menu"])
    process_title = live_site[language]["process"].title
    process_link = menu.get_by_role("link", name=process_title, exact=True)
    expect(process_link).to_be_hidden()

    tab_to(page, ".site-nav__toggle")
    page.keyboard.press("Enter")

    expect(process_link).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert_no_wcag_violations(page)
    page.set_viewport_size(WIDE)
    expect(toggle).to_be_hidden()
    expect(menu.get_by_role("link", name=process_title, exact=True)).to_have_count(1)
    assert_no_browser_errors(seen)


def test_filing_with_the_keyboard_alone(
    live_site, live_server, page, seen, customer_with_email, category
):
    sign_in(page, customer_with_email)
    page.goto("/portal/complaints/new/")
    keyboard = page.keyboard

    # the skip link, then into the form; Enter in a text box sends the form
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="İçeriğe geç")).to_be_focused()
    keyboard.press("Enter")
    tab_to(page, "#id_subject")
    keyboard.type("Fatura iki kez kesildi")
    keyboard.press("Enter")

    summary = expect_error_summary(page, "tr")
    keyboard.press("Tab")
    expect(summary.get_by_role("link", name=re.compile("^Kategori"))).to_be_focused()
    keyboard.press("Enter")
    expect(page.locator("#id_category")).to_be_focused()
    keyboard.press("ArrowDown")  # the first category
    tab_to(page, "#id_description")
    keyboard.type("Ekim faturası iki kez tahsil edildi.")
    expect(page.locator("#id_subject")).to_have_value("Fatura iki kez kesildi")  # kept
    tab_to(page, "main form button[type=submit]")
    keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text(WORDS["tr"]["filed"])
    expect(page.locator("main")).to_be_focused()  # on the page's content: the message first
    complaint = Complaint.objects.get()
    assert (complaint.customer, complaint.category, complaint.subject) == (
        customer_with_email,
        category,
        "Fatura iki kez kesildi",
    )
    expect(page).to_have_url(re.compile(rf"/portal/complaints/{complaint.reference}/#main$"))
    assert_no_browser_errors(seen)


@pytest.fixture
def proposal_open(live_site, live_server, page, customer_with_email, staff, category):
    """A proposed resolution on the customer's complaint page, signed in (the keyboard tests
    of accepting and rejecting start here)."""
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED,
        customer=customer_with_email,
        staff=staff,
        category=category,
    )
    sign_in(page, customer_with_email)
    page.goto(f"/portal/complaints/{complaint.reference}/")
    return complaint


def test_accepting_a_proposal_with_the_keyboard_alone(page, seen, proposal_open):
    complaint = proposal_open
    tab_to(page, "form[data-action=accept] button")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_be_visible()
    expect(page.locator("main")).to_be_focused()
    assert Complaint.objects.get(pk=complaint.pk).status == Status.IMPLEMENTING
    assert_no_browser_errors(seen)


def test_rejecting_a_proposal_with_the_keyboard_alone(page, seen, proposal_open):
    complaint = proposal_open
    keyboard = page.keyboard

    # without a reason first: the summary takes the keyboard and leads back to the box
    tab_to(page, "form[data-action=reject] button")
    keyboard.press("Enter")
    summary = expect_error_summary(page, "tr")
    assert Complaint.objects.get(pk=complaint.pk).status == Status.RESOLUTION_PROPOSED
    keyboard.press("Tab")
    expect(summary.get_by_role("link")).to_be_focused()
    keyboard.press("Enter")
    expect(page.locator("#reject-reason")).to_be_focused()
    expect(page.locator("#reject-reason")).to_have_attribute(
        "aria-describedby", re.compile("reject-reason_error")
    )
    keyboard.type("Ücretin iadesini istiyorum, mahsup değil.")
    keyboard.press("Tab")
    expect(page.get_by_role("button", name=WORDS["tr"]["reject"])).to_be_focused()
    keyboard.press("Enter")

    expect(page.get_by_role("status")).to_be_visible()
    assert Complaint.objects.get(pk=complaint.pk).status == Status.REJECTED
    assert_no_browser_errors(seen)
