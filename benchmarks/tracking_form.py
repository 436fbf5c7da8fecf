"""Time the tracking-form PDF (R8): prints figures, asserts nothing.

.venv/bin/python benchmarks/tracking_form.py

For 50 and 100 customer-visible events it renders the form and, for comparison, a plain page
of the same length (the same text as paragraphs, same font, no tables or styling), and prints
both times and their ratio. The complaint and its events are built in memory (nothing is
read from or written to a database), so the figures do not depend on demo data.
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

from portal.pdf import render_pdf, tracking_form_context, tracking_form_html  # noqa: E402
from workflow.models import Category, Complaint, ComplaintEvent  # noqa: E402
from workflow.states import EventKind, Status, Visibility  # noqa: E402

RUNS = 5
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


def sample(count: int) -> tuple[Complaint, list[ComplaintEvent]]:
    category = Category(slug="billing", name_tr="Fatura", name_en="Billing")
    complaint = Complaint(
        pk=1,
        reference="MMN-2026-000123",
        subject="Fatura tutarı hatalı",
        category=category,
        channel="portal",
        status=Status.INVESTIGATING,
        received_at=START,
    )
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
    return complaint, events


def plain_page(complaint: Complaint, events: list[ComplaintEvent]) -> str:
    """The same words as the form, as plain paragraphs: the floor any layout is compared to."""
    with translation.override("tr"), timezone.override("Europe/Istanbul"):
        context = tracking_form_context(complaint, events)
    paragraphs = [
        " · ".join(
            escape(str(part))
            for part in (e.at, e.kind_label, e.from_label, e.to_label, e.text, e.actor)
            if part
        )
        for e in context["timeline"]
    ]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        '<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><style>'
        '@page { size: A4; margin: 18mm 16mm 20mm 16mm } html { font-family: "DejaVu Sans", '
        "sans-serif; font-size: 9pt; line-height: 1.35 }</style></head><body>"
        f"<h1>{escape(complaint.reference)}</h1>{body}</body></html>"
    )


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
    render_pdf(plain_page(*sample(5)))  # warm-up: fonts, templates
    print(f"tracking-form PDF, median of {RUNS} renders (HTML ready; WeasyPrint only):")
    for count in (50, 100):
        complaint, events = sample(count)
        form, form_cpu = timed(tracking_form_html(complaint, "tr", events))
        plain, plain_cpu = timed(plain_page(complaint, events))
        print(
            f"  {count:3d} events: form {form * 1000:4.0f} ms (CPU {form_cpu * 1000:4.0f} ms), "
            f"plain page of the same length {plain * 1000:4.0f} ms (CPU {plain_cpu * 1000:4.0f}"
            f" ms); ratio {form / plain:.2f}x (CPU {form_cpu / plain_cpu:.2f}x)"
        )


if __name__ == "__main__":
    main()
