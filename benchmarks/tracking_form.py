"""Time the tracking-form PDF (R8): prints figures, asserts nothing.

.venv/bin/python benchmarks/tracking_form.py

For a complaint with 50 and with 100 customer-visible events and 5 attachments it renders the
form and, for comparison, a plain HTML page of the same length: the same words as
paragraphs, same font, no tables, no styling, topped up or cut to the same number of pages.
It prints both times, their ratio and both page counts. The complaint, its events and
documents are built in memory (nothing is read from or written to a database), so the
figures do not depend on demo data.
"""

import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.utils import timezone, translation  # noqa: E402
from weasyprint import HTML  # noqa: E402

from portal.pdf import (  # noqa: E402
    FormParts,
    NoRemoteFetcher,
    render_pdf,
    tracking_form_context,
    tracking_form_html,
)
from workflow.branding import Brand  # noqa: E402
from workflow.models import Attachment, Category, Complaint, ComplaintEvent, Unit  # noqa: E402
from workflow.states import EventKind, Status, Visibility  # noqa: E402

RUNS = 5
ATTACHMENTS = 5
BRAND = Brand(
    name="Kalkan Güven",
    site_url="https://destek.kalkanguven.example",
    address="Esentepe Mah. Kalkan Sok. No: 12, 34394 Şişli / İstanbul",
    from_email="Kalkan Güven <sikayet@kalkanguven.example>",
)
START = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
TEXTS = [
    "Faturamda kullanmadığım bir hizmet için ücret görünüyor; ayrıntıları ekte paylaşıyorum.",
    "Talebinizi aldık. İlgili birimimiz kayıtları inceliyor; sonucu size en kısa sürede "
    "bildireceğiz. Bu süreçte ek bilgiye ihtiyaç duyarsak sizinle iletişime geçeceğiz.",
    "Sertifika yenileme başvurum üç gündür onay bekliyor. Kart okuyucum güncel, sürücüler "
    "yüklü; hata mesajının ekran görüntüsünü de gönderdim. Lütfen durumu kontrol eder misiniz?",
    "",
]
STEPS = [
    (EventKind.MESSAGE, "", ""),
    (EventKind.STATUS_CHANGE, Status.INVESTIGATING, Status.AWAITING_CUSTOMER),
    (EventKind.MESSAGE, "", ""),
    (EventKind.STATUS_CHANGE, Status.AWAITING_CUSTOMER, Status.INVESTIGATING),
]


def sample(count: int) -> tuple[Complaint, list[ComplaintEvent], FormParts]:
    category = Category(slug="billing", name_tr="Fatura", name_en="Billing")
    complaint = Complaint(
        pk=1,
        reference="MMN-2026-000123",
        subject="Fatura tutarı hatalı",
        description=TEXTS[0] + " " + TEXTS[2],
        category=category,
        unit=Unit(pk=1, slug="billing", name_tr="Faturalama", name_en="Billing"),
        contact_name="Ayşe Yılmaz",
        contact_email="ayse.yilmaz@example.com",
        contact_phone="+90 532 000 00 00",
        preferred_contact_method="email",
        channel="portal",
        status=Status.INVESTIGATING,
        received_at=START,
        response_due_at=START + timedelta(hours=9),
    )
    attachments = [
        Attachment(
            pk=index + 1,
            complaint=complaint,
            original_name=f"fatura-{index + 1:02d}.pdf",
            size=48_000 * (index + 1),
            content_type="application/pdf",
            visibility=Visibility.CUSTOMER,
            uploaded_at=START + timedelta(minutes=index),
        )
        for index in range(ATTACHMENTS)
    ]
    events = []
    for index in range(count):
        kind, from_status, to_status = STEPS[index % len(STEPS)]
        events.append(
            ComplaintEvent(
                complaint=complaint,
                sequence=index + 1,
                kind=kind,
                from_status=from_status,
                to_status=to_status,
                visibility=Visibility.CUSTOMER,
                text=TEXTS[index % len(TEXTS)],
                actor_name="Ayşe Yılmaz" if index % 2 else "Müşteri Hizmetleri",
                created_at=START + timedelta(hours=3 * index),
            )
        )
    return complaint, events, FormParts(attachments=attachments)


def pages(html: str) -> int:
    return len(HTML(string=html, url_fetcher=NoRemoteFetcher()).render().pages)


def plain_page(complaint: Complaint, events: list[ComplaintEvent], parts: FormParts, length):
    """The same words as the form, as plain paragraphs, topped up (the words again) or cut
    until it has `length` pages: the floor any layout is compared to."""
    with translation.override("tr"), timezone.override("Europe/Istanbul"):
        context = tracking_form_context(complaint, events, parts, BRAND)
    words = [complaint.subject, complaint.description]
    words += [f"{a.original_name} {a.size} {a.uploaded_at}" for a in parts.attachments]
    words += [
        " · ".join(
            str(part)
            for part in (e.at, e.kind_label, e.from_label, e.to_label, e.text, e.actor)
            if part
        )
        for e in context["timeline"]
    ]

    def page(count: int) -> str:
        body = "".join(f"<p>{escape(words[i % len(words)])}</p>" for i in range(count))
        return (
            '<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><style>'
            '@page { size: A4; margin: 20mm 16mm 20mm 16mm } html { font-family: "DejaVu Sans",'
            " sans-serif; font-size: 8.8pt; line-height: 1.4 }</style></head><body>"
            f"<h1>{escape(complaint.reference)}</h1>{body}</body></html>"
        )

    count = len(words)
    while pages(page(count)) < length:
        count += 5
    while count > 1 and pages(page(count - 1)) >= length:
        count -= 1
    return page(count)


def timed(html: str) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of rendering `html` (WeasyPrint is single-threaded
    and CPU-bound; CPU time stays comparable on a machine shared with other work)."""
    wall, cpu = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        render_pdf(html)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    render_pdf(tracking_form_html(*sample(5)[:1], "tr", *sample(5)[1:], BRAND))  # warm-up
    print(
        f"tracking-form PDF with {ATTACHMENTS} attachments, median of {RUNS} renders "
        "(HTML ready; WeasyPrint only):"
    )
    for count in (50, 100):
        complaint, events, parts = sample(count)
        form_html = tracking_form_html(complaint, "tr", events, parts, BRAND)
        form_pages = pages(form_html)
        plain_html = plain_page(complaint, events, parts, form_pages)
        form, form_cpu = timed(form_html)
        plain, plain_cpu = timed(plain_html)
        print(
            f"  {count:3d} events: form {form * 1000:4.0f} ms (CPU {form_cpu * 1000:4.0f} ms, "
            f"{form_pages} pages), plain page {plain * 1000:4.0f} ms (CPU "
            f"{plain_cpu * 1000:4.0f} ms, {pages(plain_html)} pages); ratio {form / plain:.2f}x "
            f"(CPU {form_cpu / plain_cpu:.2f}x)"
        )


if __name__ == "__main__":
    main()
