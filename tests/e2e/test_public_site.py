"""The public site in a real browser (Debian's Chromium): pages load cleanly in both languages
and pass axe-core, the language switch, filing a complaint without an account and following
it by the e-mailed link, and the keyboard's first stop."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from tests.factories import CustomerFactory, EmailAddressFactory
from workflow.models import Complaint

AXE = Axe()
BLOCKING_IMPACTS = {"serious", "critical"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GUEST_EMAIL = "ayse.yilmaz@example.com"

# What a visitor reads on the way through the guest form, in each language.
GUEST_FORM = {
    "tr": {
        "browser_locale": "tr-TR",
        "name": "Adınız soyadınız",
        "email": "E-posta adresiniz",
        "by_email": "E-posta",
        "category": "Kategori",
        "category_name": "Fatura",
        "subject": "Konu",
        "description": "Açıklama",
        "consent": "Aydınlatma metnini okudum",
        "submit": "Şikâyeti gönder",
        "received": "Başvuru numaranız:",
        "not_saved": "Şikâyetiniz kaydedilmedi",
        "consent_needed": "aydınlatma metnini okuduğunuzu onaylayın",
        "status": "Alındı",
    },
    "en": {
        "browser_locale": "en-GB",
        "name": "Your full name",
        "email": "Your e-mail address",
        "by_email": "E-mail",
        "category": "Category",
        "category_name": "Billing",
        "subject": "Subject",
        "description": "Description",
        "consent": "I have read the privacy notice",
        "submit": "Submit the complaint",
        "received": "Your reference number is",
        "not_saved": "Your complaint was not recorded",
        "consent_needed": "confirm that you have read the privacy notice",
        "status": "Received",
    },
}


def assert_accessible(page) -> None:
    """No axe-core violation a user would be blocked by (impact serious or critical)."""
    violations = AXE.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(
            f"  {node['target']}: {node['html']}\n    {node.get('failureSummary', '')}"
            for node in violation["nodes"]
        )
        for violation in blocking
    )
    assert not blocking, f"axe-core on {page.url}:\n{report}"


def assert_clean(seen, live_server) -> None:
    """Nothing went wrong in the browser and nothing was loaded from another origin."""
    own = live_server.url + "/"
    assert f"{own}static/css/memnun.css" in seen.requests  # the recording works
    assert [url for url in seen.requests if not url.startswith(own)] == []
    assert seen.errors == []


def png_width(png: bytes) -> int:
    assert png[:8] == PNG_SIGNATURE
    return int.from_bytes(png[16:20], "big")  # IHDR: the first chunk, width first


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("key", ["home", "policy"])
def test_page_loads_cleanly_and_passes_axe(
    live_site, live_server, page, seen, tmp_path, language, key
):
    site_page = live_site[language][key]

    response = page.goto(site_page.url)

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", language)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_count(1)
    expect(heading).to_be_visible()
    expect(heading).to_have_text(getattr(site_page, "hero_title", "") or site_page.title)
    assert_accessible(page)
    screenshot = tmp_path / f"{language}-{key}.png"
    page.screenshot(path=screenshot, full_page=True)
    png = screenshot.read_bytes()
    assert len(png) > 10_000
    assert png_width(png) >= 1000
    assert_clean(seen, live_server)


def test_the_language_switch_leads_to_the_english_policy(live_site, live_server, page, seen):
    page.goto(live_site["tr"]["policy"].url)

    page.get_by_role("button", name="EN – English").click()

    expect(page).to_have_url(live_server.url + live_site["en"]["policy"].url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="EN – English")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert_clean(seen, live_server)


def mails_to_guest() -> list:
    return [message for message in mail.outbox if message.to == [GUEST_EMAIL]]


def fill_guest_form(page, words: dict, *, consent: bool) -> None:
    page.get_by_label(words["name"], exact=True).fill("Ayşe Yılmaz")
    page.get_by_label(words["email"], exact=True).fill(GUEST_EMAIL)
    page.get_by_role("radio", name=words["by_email"], exact=True).check()
    page.get_by_label(words["category"], exact=True).select_option(label=words["category_name"])
    page.get_by_label(words["subject"], exact=True).fill("Sertifikam iptal edilmedi")
    page.get_by_label(words["description"], exact=True).fill(
        "İptal talebimi iki gün önce ilettim, sertifika hâlâ geçerli görünüyor."
    )
    page.get_by_label(words["consent"]).set_checked(consent)
    page.get_by_role("button", name=words["submit"]).click()


@pytest.mark.parametrize(
    ("language", "browser_locale"),
    [(language, words["browser_locale"]) for language, words in GUEST_FORM.items()],
)
def test_a_guest_files_a_complaint_and_follows_it_by_the_emailed_link(
    live_site, live_server, page, seen, category, language, browser_locale
):
    words = GUEST_FORM[language]
    form_page = live_site[language]["form"]
    page.goto(form_page.url)
    assert_accessible(page)

    fill_guest_form(page, words, consent=True)

    received = page.get_by_role("status")
    expect(received).to_contain_text(words["received"])
    reference = re.search(r"MMN-\d{4}-\d+", received.inner_text()).group()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    complaint = Complaint.objects.get(reference=reference)
    assert (complaint.contact_email, complaint.language) == (GUEST_EMAIL, language)
    (message,) = mails_to_guest()
    tracking_path = re.search(r"/portal/track/[\w-]+/", message.body).group()
    assert tracking_path == f"/portal/track/{complaint.tracking_token}/"

    page.goto(tracking_path)

    expect(page.locator(".complaint-header")).to_contain_text(reference)
    expect(page.locator(".complaint-header .badge")).to_have_text(words["status"])
    assert_accessible(page)

    # the same form without the privacy consent: an error, and nothing is filed
    page.goto(form_page.url)
    fill_guest_form(page, words, consent=False)

    expect(page.get_by_role("alert").first).to_contain_text(words["not_saved"])
    # beside the box, and as a link to it in the error summary
    expect(page.locator("#guest-privacy_notice_error")).to_contain_text(words["consent_needed"])
    expect(page.locator(".error-summary").get_by_role("link")).to_contain_text(
        [words["consent_needed"]]
    )
    assert_accessible(page)
    assert Complaint.objects.count() == 1
    assert len(mails_to_guest()) == 1
    assert_clean(seen, live_server)


def test_a_guest_signs_in_from_the_tracking_page_and_adds_the_complaint_to_the_account(
    live_site, live_server, page, seen, category
):
    words = GUEST_FORM["tr"]
    customer = EmailAddressFactory(user=CustomerFactory(email=GUEST_EMAIL)).user  # verified
    page.goto(live_site["tr"]["form"].url)
    fill_guest_form(page, words, consent=True)
    reference = re.search(r"MMN-\d{4}-\d+", page.get_by_role("status").inner_text()).group()
    (message,) = mails_to_guest()
    page.goto(re.search(r"/portal/track/[\w-]+/", message.body).group())

    claim = page.locator("#claim")
    claim.get_by_role("link", name="Giriş yap", exact=True).click()
    page.get_by_label("E-posta").fill(GUEST_EMAIL)
    page.get_by_label("Şifre").fill("secret-pass-123")
    page.get_by_role("button", name="Giriş yap", exact=True).click()
    expect(page.locator(".complaint-header")).to_contain_text(reference)  # back on the page
    claim.get_by_role("button", name="Hesabıma bağla").click()

    expect(page).to_have_url(f"{live_server.url}/portal/complaints/{reference}/")
    expect(page.get_by_text(f"{reference} numaralı şikâyet artık hesabınızda.")).to_be_visible()
    assert Complaint.objects.get(reference=reference).customer == customer
    assert_accessible(page)
    assert_clean(seen, live_server)


def test_the_first_tab_stop_is_the_skip_link(live_site, live_server, page, seen):
    page.goto("/")

    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="İçeriğe geç")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert_clean(seen, live_server)
