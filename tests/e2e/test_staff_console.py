"""The staff console in a real browser (Debian's Chromium), with the customer in the portal in a
second browser context: every step is a form shown on a page and submitted there, never an API
call. A phone complaint from intake to a four-eyes final decision; a rejected proposal revised,
accepted, carried out with a corrective action and closed; and a manager who proposed a final
decision is not offered its approval.

With MEMNUN_SCREENSHOTS=<directory> set (e.g. docs/screenshots) the run also saves PNGs of the
console's dashboard, queue, intake page and complaint page there (1280x900)."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORT
from tests.factories import (
    AlternativeRouteFactory,
    CategoryFactory,
    CustomerFactory,
    EmailAddressFactory,
    HandlerFactory,
    QualityManagerFactory,
    UnitFactory,
    UnitManagerFactory,
)
from tests.workflow.helpers import complaint_in
from workflow.models import Complaint
from workflow.states import ClosureReason, Status

PASSWORD = "secret-pass-123"
CUSTOMER_EMAIL = "ayse.kaya@example.com"
QUESTION = "Faturanın numarasını ve tarihini yazar mısınız?"
ANSWER = "Fatura no. 2026-114, 3 Mart tarihli."
PROPOSAL = "Hatalı ücret bir sonraki faturanızdan düşülecek."
REJECTION = "Mahsup değil, ücretin iadesini istiyorum."
FINAL_DECISION = "Sözleşmeniz iadeye değil mahsuba olanak veriyor; önerimiz geçerlidir."
REVISED = "Ücret beş iş günü içinde kartınıza iade edilecek."


@pytest.fixture
def people(live_site):
    """A unit with a handler and a unit manager, a quality manager, a customer with an
    account, a category routed to the unit and an external route (R14)."""
    unit = UnitFactory(slug="musteri-hizmetleri", name_tr="Müşteri Hizmetleri")
    category = CategoryFactory(
        slug="fatura", name_tr="Fatura", name_en="Billing", default_unit=unit
    )
    AlternativeRouteFactory()
    verified = lambda user: EmailAddressFactory(user=user).user  # noqa: E731
    return {
        "unit": unit,
        "category": category,
        "handler": verified(HandlerFactory(units=[unit], first_name="Deniz", last_name="Yıldız")),
        "manager": verified(UnitManagerFactory(units=[unit], first_name="Selin", last_name="Ak")),
        "quality": verified(QualityManagerFactory(first_name="Kemal", last_name="Öz")),
        "customer": verified(CustomerFactory(username=CUSTOMER_EMAIL, email=CUSTOMER_EMAIL)),
    }


@pytest.fixture
def browse(browser, live_server):
    """A new browser context signed in as `user` (each person their own cookies)."""
    contexts = []

    def open_as(user):
        context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT, locale="tr-TR")
        contexts.append(context)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("E-posta").fill(user.email)
        page.get_by_label("Şifre").fill(PASSWORD)
        page.get_by_role("button", name="Giriş yap", exact=True).click()
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    """Only when asked (MEMNUN_SCREENSHOTS), so a test run leaves the tree as it was."""
    directory = os.environ.get("MEMNUN_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(directory) / name))


def state_on(page):
    """The complaint's state as the console's facts show it."""
    return page.locator("xpath=//dt[normalize-space()='Durum']/following-sibling::dd[1]")


def act(page, reference: str, action: str, fields: dict | None = None, *, state: str) -> None:
    """Open the action's panel on the complaint page, fill its form, submit it, and see the
    complaint in `state`."""
    page.goto(f"/admin/complaints/{reference}/")
    panel = page.locator(f"#action-{action}")
    panel.locator("summary").click()
    for name, value in (fields or {}).items():
        field = panel.locator(f"[name='{name}']")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    panel.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Yapıldı")
    expect(state_on(page)).to_have_text(state)


def log_by_intake(page, category, **fields) -> str:
    """Fill the console's intake form; the new complaint's reference."""
    page.goto("/admin/complaints/")
    page.get_by_role("link", name="Yeni şikâyet kaydı").first.click()
    expect(page).to_have_url(re.compile(r"/admin/complaints/intake/$"))
    values = {
        "channel": "phone",
        "contact_name": "Ayşe Kaya",
        "contact_email": CUSTOMER_EMAIL.upper(),
        "phone": "+90 532 000 00 00",
        "preferred_contact_method": "phone",
        "category": category.slug,
        "subject": "Fatura tutarı hatalı",
        "description": "Kullanmadığım bir hizmet için ücret alındı.",
        **fields,
    }
    form = page.locator("form[data-intake-form]")
    for name, value in values.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    screenshot(page, "console-intake-tr.png")
    form.get_by_role("button", name="Şikâyeti kaydet").click()
    expect(page).to_have_url(re.compile(r"/admin/complaints/MMN-\d{4}-\d{6}/$"))
    expect(page.locator(".messages")).to_contain_text("kaydedildi")
    return re.search(r"MMN-\d{4}-\d{6}", page.url).group()


def portal(page, reference: str, *, state: str):
    page.goto(f"/portal/complaints/{reference}/")
    expect(page.locator(".complaint-header .badge")).to_have_text(state)
    return page


def estimate_in_three_days() -> str:
    return (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")


def test_a_phone_complaint_from_intake_to_an_approved_final_decision(people, browse):
    handler, manager = browse(people["handler"]), browse(people["manager"])
    customer = browse(people["customer"])

    reference = log_by_intake(handler, people["category"])
    expect(handler.locator(".messages")).to_contain_text("+90 532 000 00 00 numarasını arayıp")
    expect(state_on(handler)).to_have_text("Alındı")
    complaint = Complaint.objects.get(reference=reference)
    assert complaint.customer == people["customer"]  # found by e-mail, any letter case
    assert complaint.contact_email == CUSTOMER_EMAIL
    assert complaint.events.get().actor == people["handler"]

    act(handler, reference, "acknowledge", {"method": "phone"}, state="Alındığı bildirildi")
    act(
        handler,
        reference,
        "assign",
        {"unit": "musteri-hizmetleri", "assignee": people["handler"].email},
        state="İnceleniyor",
    )
    act(
        handler,
        reference,
        "request_information",
        {"question": QUESTION},
        state="Müşteriden bilgi bekleniyor",
    )

    handler.goto("/admin/")  # the dashboard, with an open complaint assigned to the handler
    expect(handler.locator("main")).to_contain_text("Deniz Yıldız")
    screenshot(handler, "console-dashboard-tr.png")

    answer = portal(customer, reference, state="Müşteriden bilgi bekleniyor").locator("#answer")
    expect(answer).to_contain_text(QUESTION)
    answer.locator("[name=answer]").fill(ANSWER)
    answer.get_by_role("button", name="Yanıtı gönder").click()
    expect(customer.locator(".complaint-header .badge")).not_to_have_text(
        "Müşteriden bilgi bekleniyor"
    )

    handler.goto(f"/admin/complaints/{reference}/")
    expect(handler.locator("#timeline-title ~ ol")).to_contain_text(ANSWER)
    if handler.locator("#action-resume").count():  # the answer did not resume it already
        act(handler, reference, "resume", state="İnceleniyor")
    expect(state_on(handler)).to_have_text("İnceleniyor")
    act(
        handler,
        reference,
        "set_estimate",
        {"estimated_resolution_at": estimate_in_three_days(), "message": "Üç gün içinde."},
        state="İnceleniyor",
    )
    act(handler, reference, "propose_resolution", {"text": PROPOSAL}, state="Çözüm önerildi")

    proposal = portal(customer, reference, state="Çözüm önerildi").locator("#proposal")
    expect(proposal).to_contain_text(PROPOSAL)
    proposal.locator("[name=reason]").fill(REJECTION)
    proposal.get_by_role("button", name="Öneriyi kabul etmiyorum").click()
    expect(customer.locator(".complaint-header .badge")).to_have_text("Çözüm reddedildi")
    expect(customer.locator("#routes")).to_contain_text("Tüketici Hakem Heyeti")

    act(
        handler,
        reference,
        "review_rejection",
        {"decision": "final", "text": FINAL_DECISION},
        state="Çözüm reddedildi",  # four eyes: it waits for a manager
    )
    expect(handler.locator("#action-approve_final_decision")).to_have_count(0)
    portal(customer, reference, state="Çözüm reddedildi")
    expect(customer.locator("main")).not_to_contain_text(FINAL_DECISION)  # not yet approved

    act(manager, reference, "approve_final_decision", {"note": "Uygun."}, state="Kapatıldı")
    manager.reload()  # past the "done" message
    expect(state_on(manager)).to_have_text("Kapatıldı")
    screenshot(manager, "console-complaint-tr.png")
    complaint.refresh_from_db()
    assert complaint.closure_reason == ClosureReason.FINAL_DECISION

    portal(customer, reference, state="Kapatıldı")
    expect(customer.locator("main")).to_contain_text(FINAL_DECISION)
    routes = customer.locator("#routes")
    expect(routes).to_contain_text("nihai kararımızla kapatıldı")
    expect(routes).to_contain_text("Tüketici Hakem Heyeti")

    manager.goto("/admin/complaints/")
    expect(manager.locator("main")).to_contain_text(reference)
    screenshot(manager, "console-queue-tr.png")


def test_a_revised_proposal_is_accepted_carried_out_and_closed(people, browse):
    handler, customer = browse(people["handler"]), browse(people["customer"])
    reference = log_by_intake(
        handler,
        people["category"],
        channel="email",
        preferred_contact_method="email",
        subject="Sertifika yenileme ücreti iki kez alındı",
    )
    expect(handler.locator(".messages")).to_contain_text("e-postayla gönderiliyor")

    act(handler, reference, "acknowledge", {"method": "email"}, state="Alındığı bildirildi")
    act(handler, reference, "assign", {"unit": "musteri-hizmetleri"}, state="İnceleniyor")
    act(handler, reference, "propose_resolution", {"text": PROPOSAL}, state="Çözüm önerildi")

    proposal = portal(customer, reference, state="Çözüm önerildi").locator("#proposal")
    proposal.locator("[name=reason]").fill(REJECTION)
    proposal.get_by_role("button", name="Öneriyi kabul etmiyorum").click()
    expect(customer.locator(".complaint-header .badge")).to_have_text("Çözüm reddedildi")

    act(
        handler,
        reference,
        "review_rejection",
        {"decision": "revise", "text": REVISED},
        state="Çözüm önerildi",
    )

    proposal = portal(customer, reference, state="Çözüm önerildi").locator("#proposal")
    expect(proposal).to_contain_text(REVISED)
    proposal.get_by_role("button", name="Öneriyi kabul ediyorum").click()
    expect(customer.locator(".complaint-header .badge")).to_have_text("Çözüm uygulanıyor")

    act(
        handler,
        reference,
        "add_corrective_action",
        {"kind": "corrective", "description": "Yenileme ödemesinde çift tahsilat kontrolü."},
        state="Çözüm uygulanıyor",
    )
    expect(handler.locator("#timeline-title ~ ol")).to_contain_text("çift tahsilat kontrolü")
    act(handler, reference, "mark_implemented", {"note": "İade yapıldı."}, state="Kapatıldı")
    expect(handler.locator("main")).to_contain_text("Çözüldü")

    portal(customer, reference, state="Kapatıldı")
    assert Complaint.objects.get(reference=reference).closure_reason == ClosureReason.RESOLVED


def test_the_proposer_of_a_final_decision_is_not_offered_its_approval(people, browse):
    complaint = complaint_in(
        Status.REJECTED,
        customer=people["customer"],
        staff=people["quality"],
        category=people["category"],
    )
    manager = browse(people["manager"])

    act(
        manager,
        complaint.reference,
        "review_rejection",
        {"decision": "final", "text": FINAL_DECISION},
        state="Çözüm reddedildi",
    )

    expect(manager.locator("#action-approve_final_decision")).to_have_count(0)
    expect(manager.locator("#action-return_final_decision")).to_have_count(0)
    quality = browse(people["quality"])
    quality.goto(f"/admin/complaints/{complaint.reference}/")
    expect(quality.locator("#action-approve_final_decision")).to_have_count(1)
