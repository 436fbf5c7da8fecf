"""The console's work queues in a real browser (Debian's Chromium): the dashboard panels, the
queue's bulk assignment, the document form on the complaint page, the rejection review page and
the overdue corrective actions page. Every form shown is filled and submitted, and each step
checks what the person sees afterwards. The data comes from the factories and the services
(tests/workflow/helpers.py); people sign in through the login form (`browse`)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from tests.e2e.signed_in import *  # noqa: F403  (the `browse` fixture)
from tests.e2e.test_staff_console import state_on
from tests.factories import (
    AlternativeRouteFactory,
    CategoryFactory,
    CustomerFactory,
    EmailAddressFactory,
    HandlerFactory,
    QualityManagerFactory,
    UnitFactory,
)
from tests.workflow.attachment_files import HTML, PDF
from tests.workflow.helpers import REJECTION, complaint_in, reload
from workflow import services
from workflow.models import Attachment
from workflow.states import ClosureReason, Status

REVISED = "Ücret beş iş günü içinde kartınıza iade edilecek."


@pytest.fixture
def people(live_site):
    """Two units: Technical Support with two handlers, Billing with its own handler; a
    quality manager; a customer; an external alternative route (R14)."""
    support = UnitFactory(slug="teknik-destek", name_tr="Teknik Destek", name_en="Tech Support")
    billing = UnitFactory(slug="fatura", name_tr="Fatura Birimi", name_en="Billing")
    AlternativeRouteFactory()
    verified = lambda user: EmailAddressFactory(user=user).user  # noqa: E731
    return {
        "support": support,
        "billing": billing,
        "support_category": CategoryFactory(
            slug="sertifika", name_tr="Sertifika", name_en="Certificate", default_unit=support
        ),
        "billing_category": CategoryFactory(
            slug="fatura", name_tr="Fatura", name_en="Invoice", default_unit=billing
        ),
        "handler": verified(
            HandlerFactory(units=[support], first_name="Deniz", last_name="Yıldız")
        ),
        "colleague": verified(HandlerFactory(units=[support], first_name="Ece", last_name="Kara")),
        "billing_handler": verified(
            HandlerFactory(units=[billing], first_name="Mert", last_name="Can")
        ),
        "quality": verified(QualityManagerFactory(first_name="Kemal", last_name="Öz")),
        "customer": verified(CustomerFactory()),
    }


def acknowledged(people, category_key: str, subject: str):
    """A complaint of `category_key`'s unit, acknowledged and assigned to nobody yet."""
    return complaint_in(
        Status.ACKNOWLEDGED,
        customer=people["customer"],
        staff=people["quality"],
        category=people[category_key],
        subject=subject,
    )


def panel(page, heading: str):
    """A dashboard panel, found by its heading as a screen reader finds it."""
    return page.get_by_role("region", name=heading, exact=True)


def queue_row(page, reference: str):
    return page.locator("table.listing tbody tr").filter(has_text=reference)


def test_a_handler_goes_from_the_dashboard_panel_to_the_queue_and_assigns_two(people, browse):
    first = acknowledged(people, "support_category", "Sertifika indirilemiyor")
    second = acknowledged(people, "support_category", "E-imza kartı okunmuyor")
    elsewhere = acknowledged(people, "billing_category", "Fatura iki kez kesildi")
    withdrawn = complaint_in(  # closed, assigned to nobody: in no work queue
        Status.CLOSED,
        closure=ClosureReason.WITHDRAWN,
        customer=people["customer"],
        staff=people["quality"],
        category=people["support_category"],
    )
    handler = browse(people["handler"])

    handler.goto("/admin/")
    unassigned = panel(handler, "Birimimde atanmamış")
    expect(unassigned).to_contain_text("2 şikâyet")
    expect(unassigned).to_contain_text(first.reference)
    expect(unassigned).not_to_contain_text(elsewhere.reference)
    unassigned.get_by_role("link", name="Tümünü gör").click()

    expect(handler).to_have_url(re.compile(r"/admin/complaints/\?assignee=none&open=yes$"))
    rows = handler.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)  # what the panel counted
    expect(handler.locator("main")).not_to_contain_text(withdrawn.reference)
    expect(queue_row(handler, first.reference)).to_contain_text("Sertifika indirilemiyor")
    expect(handler.locator("main")).not_to_contain_text(elsewhere.reference)

    handler.get_by_label(f"{first.reference} şikâyetini seç").check()
    handler.get_by_label(f"{second.reference} şikâyetini seç").check()
    bulk = handler.locator("form#bulk-assign")
    bulk.locator("[name=unit]").select_option(label="Teknik Destek")
    bulk.locator("[name=assignee]").select_option(label="Ece Kara")
    bulk.get_by_role("button", name="Seçilenleri ata").click()

    expect(handler.locator(".messages")).to_contain_text("2 şikâyet atandı.")
    # back on the filtered queue, where nothing is unassigned any more
    expect(handler).to_have_url(re.compile(r"/admin/complaints/\?assignee=none&open=yes$"))
    expect(handler.locator("main")).not_to_contain_text(first.reference)
    handler.goto("/admin/complaints/")
    for complaint in (first, second):
        row = queue_row(handler, complaint.reference)
        expect(row).to_contain_text("Ece Kara")
        expect(row).to_contain_text("İnceleniyor")
        assert reload(complaint).assignee == people["colleague"]
    expect(handler.locator("main")).not_to_contain_text(elsewhere.reference)

    # another unit's complaint: not found by the search, and its page answers 404
    handler.goto(f"/admin/complaints/?q={elsewhere.reference}")
    expect(handler.locator("main")).not_to_contain_text(elsewhere.reference)
    response = handler.goto(f"/admin/complaints/{elsewhere.reference}/")
    assert response.status == 404
    assert reload(elsewhere).assignee is None


def test_a_handler_adds_a_pdf_and_a_html_file_is_refused(people, browse, tmp_path):
    complaint = complaint_in(
        Status.INVESTIGATING,
        customer=people["customer"],
        staff=people["quality"],
        category=people["support_category"],
    )
    pdf = tmp_path / "fatura.pdf"
    pdf.write_bytes(PDF)
    html = tmp_path / "sayfa.html"
    html.write_bytes(HTML)
    handler = browse(people["handler"])

    handler.goto(f"/admin/complaints/{complaint.reference}/")
    documents = handler.locator("#attachments")
    expect(documents).to_contain_text("Belge yok.")
    form = documents.locator("#add-attachment")
    form.locator("summary").click()
    form.get_by_label("Belge").set_input_files(str(pdf))
    form.get_by_label("Kim görsün?").select_option("customer")
    form.get_by_role("button", name="Belge ekle").click()

    expect(handler.locator(".messages")).to_contain_text("Belge eklendi.")
    listed = handler.locator("#attachments ul li")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("fatura.pdf")

    form = handler.locator("#add-attachment")
    form.locator("summary").click()
    form.get_by_label("Belge").set_input_files(str(html))
    form.get_by_role("button", name="Belge ekle").click()

    expect(handler.locator(".messages")).to_contain_text("Belge eklenemedi")
    form = handler.locator("#add-attachment")
    expect(form).to_have_attribute("open", "")  # the form stays open with its error
    expect(form).to_contain_text("Bu dosya türü kabul edilmiyor.")
    expect(handler.locator("#attachments ul li")).to_have_count(1)
    expect(handler.locator("#attachments")).not_to_contain_text("sayfa.html")
    names = list(Attachment.objects.filter(complaint=complaint).values_list("original_name"))
    assert names == [("fatura.pdf",)]


def test_a_quality_manager_reviews_a_rejection_from_the_review_page(people, browse):
    complaint = complaint_in(
        Status.REJECTED,
        customer=people["customer"],
        staff=people["quality"],
        category=people["billing_category"],
        subject="Yenileme ücreti iki kez alındı",
    )
    quality = browse(people["quality"])

    quality.goto("/admin/")
    panel(quality, "İnceleme bekleyen retler").get_by_role("link", name="Tümünü gör").click()
    expect(quality).to_have_url(re.compile(r"/admin/complaints/reviews/$"))
    row = quality.locator("table[data-queue=rejections] tbody tr").filter(
        has_text=complaint.reference
    )
    expect(row).to_contain_text("Yenileme ücreti iki kez alındı")
    expect(row).to_contain_text(REJECTION)  # the customer's reason
    expect(row).to_contain_text("Tüketici Hakem Heyeti")  # the route offered
    row.get_by_role("link", name=complaint.reference).click()

    here = f"/admin/complaints/{complaint.reference}/"
    expect(quality).to_have_url(
        re.compile(rf"{here}\?open=review_rejection#action-review_rejection$")
    )
    review = quality.locator("#action-review_rejection")
    expect(review).to_have_attribute("open", "")  # the link opens the review form
    review.locator("[name=decision]").select_option("revise")
    review.locator("[name=text]").fill(REVISED)
    review.get_by_role("button", name="Reddi değerlendir").click()

    expect(quality.locator(".messages")).to_contain_text("Yapıldı")
    expect(state_on(quality)).to_have_text("Çözüm önerildi")
    expect(quality.locator("#timeline-title ~ ol")).to_contain_text(REVISED)
    quality.goto("/admin/complaints/reviews/")
    expect(quality.locator("main")).not_to_contain_text(complaint.reference)
    expect(quality.locator("main")).to_contain_text("İnceleme bekleyen bir ret yok.")


def test_a_quality_manager_sees_an_overdue_corrective_action(people, browse):
    ten_days_ago = timezone.localtime() - timedelta(days=10)
    with time_machine.travel(ten_days_ago, tick=False):
        complaint = complaint_in(
            Status.INVESTIGATING,
            customer=people["customer"],
            staff=people["quality"],
            category=people["support_category"],
        )
        services.add_corrective_action(
            complaint=complaint,
            actor=people["quality"],
            kind="corrective",
            description="Sertifika indirme sayfasının zaman aşımı uzatılacak.",
            title="Zaman aşımı uzatılacak",
            owner=people["handler"],
            due_date=timezone.localdate() + timedelta(days=3),
        )
    quality = browse(people["quality"])

    quality.goto("/admin/")
    overdue_panel = panel(quality, "Gecikmiş düzeltici faaliyetler")
    expect(overdue_panel).to_contain_text("1 faaliyet")
    expect(overdue_panel).to_contain_text("7 gün gecikti")
    overdue_panel.get_by_role("link", name="Tümünü gör").click()

    expect(quality).to_have_url(re.compile(r"/admin/corrective-actions/overdue/$"))
    row = quality.locator("table[data-queue=overdue-corrective-actions] tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Zaman aşımı uzatılacak")
    expect(row).to_contain_text("Deniz Yıldız")
    expect(row.locator("td").nth(4)).to_have_text("7 gün")
    row.get_by_role("link", name=complaint.reference).click()

    expect(quality).to_have_url(re.compile(rf"/admin/complaints/{complaint.reference}/$"))
    expect(quality.locator("#timeline-title ~ ol")).to_contain_text("Zaman aşımı uzatılacak")


def test_the_queue_and_the_dashboard_in_english(people, browse):
    complaint = acknowledged(people, "support_category", "Sertifika indirilemiyor")
    profile = UserProfile.get_for_user(people["handler"])
    profile.preferred_language = "en"
    profile.save()
    handler = browse(people["handler"])

    handler.goto("/admin/")
    unassigned = panel(handler, "Unassigned in my units")
    expect(unassigned).to_contain_text("Unassigned in my units")
    expect(unassigned).to_contain_text("1 complaint")
    expect(handler.locator("main")).not_to_contain_text("Birimimde atanmamış")
    unassigned.get_by_role("link", name="See all").click()

    expect(handler).to_have_url(re.compile(r"/admin/complaints/\?assignee=none&open=yes$"))
    table = handler.locator("table.listing")
    for label in ("Reference", "Assigned to", "Status"):
        expect(table.locator("thead")).to_contain_text(label)
    expect(queue_row(handler, complaint.reference)).to_contain_text("Acknowledged")
    handler.get_by_label(f"Select complaint {complaint.reference}").check()
    bulk = handler.locator("form#bulk-assign")
    expect(bulk).to_contain_text("Assign the selected complaints")
    bulk.locator("[name=unit]").select_option(label="Tech Support")
    bulk.get_by_role("button", name="Assign selected").click()

    expect(handler.locator(".messages")).to_contain_text("1 complaint assigned.")
    handler.goto("/admin/complaints/")
    expect(queue_row(handler, complaint.reference)).to_contain_text("Under investigation")
