"""The tracking-form PDF (R8) is rendered by the task worker and kept until the complaint
changes; a request serves the kept PDF or asks the worker for one, never renders it itself.
"""

from collections.abc import Iterable, Iterator

from django.db.models import Max
from django.utils import timezone

from workflow.models import Complaint

from .models import TrackingForm
from .tasks import render_tracking_form


def versions_of(complaint_ids: Iterable[int]) -> dict[int, str]:
    """Each complaint's version, in one query: it changes whenever the complaint does (a new
    event, or any save of the complaint row)."""
    rows = (
        Complaint.objects.filter(pk__in=list(complaint_ids))
        .annotate(last_sequence=Max("events__sequence"))
        .values_list("pk", "last_sequence", "updated_at")
    )
    return {pk: f"{last or 0}:{updated_at.timestamp():.6f}" for pk, last, updated_at in rows}


def version_of(complaint: Complaint) -> str:
    return versions_of([complaint.pk])[complaint.pk]


def current_pdfs(complaint_ids: Iterable[int], language: str) -> Iterator[tuple[int, bytes]]:
    """(complaint id, PDF) for each of these complaints whose kept form is current, in a fixed
    number of queries whatever their number; rows are streamed, one PDF in memory at a time."""
    versions = versions_of(complaint_ids)
    kept = TrackingForm.objects.filter(complaint_id__in=list(versions), language=language)
    for complaint_id, version, pdf in kept.values_list("complaint_id", "version", "pdf").iterator(
        chunk_size=20
    ):
        if versions[complaint_id] == version:
            yield complaint_id, bytes(pdf)


def current_pdf(complaint: Complaint, language: str) -> bytes | None:
    pdf = (
        TrackingForm.objects.filter(
            complaint_id=complaint.pk, language=language, version=version_of(complaint)
        )
        .values_list("pdf", flat=True)
        .first()
    )
    return bytes(pdf) if pdf is not None else None


def tracking_form_pdf(complaint: Complaint, language: str) -> bytes | None:
    """The current PDF, or None after asking the worker to render it (retry shortly).

    With the immediate task backend (tests) the render happens inside `enqueue`, so the PDF
    is there at once.
    """
    pdf = current_pdf(complaint, language)
    if pdf is None:
        render_tracking_form.enqueue(complaint.pk, language)
        pdf = current_pdf(complaint, language)
    return pdf


def render_and_keep(complaint_id: int, language: str) -> str:
    """Render the form unless the current one is already kept; returns what it did."""
    from .pdf import tracking_form_pdf as render  # WeasyPrint loads slowly: only here

    complaint = Complaint.objects.filter(pk=complaint_id).first()
    if complaint is None:
        return "missing"
    # read before rendering, so the PDF is never older than the version it is kept under
    version = version_of(complaint)
    if TrackingForm.objects.filter(
        complaint_id=complaint_id, language=language, version=version
    ).exists():
        return "current"
    pdf = render(complaint, language)
    TrackingForm.objects.update_or_create(
        complaint_id=complaint_id,
        language=language,
        defaults={"version": version, "pdf": pdf, "rendered_at": timezone.now()},
    )
    return "rendered"
