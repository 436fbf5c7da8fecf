"""The tracking-form PDF (R8) is rendered by the task worker and kept until the complaint
changes; a request serves the kept PDF or asks the worker for one, never renders it itself.
"""

from django.db.models import Max
from django.utils import timezone

from workflow.models import Complaint, ComplaintEvent

from .models import TrackingForm
from .tasks import render_tracking_form


def version_of(complaint: Complaint) -> str:
    """Changes whenever the complaint does: a new event, or any save of the complaint row."""
    last = ComplaintEvent.objects.filter(complaint_id=complaint.pk).aggregate(Max("sequence"))
    updated_at = Complaint.objects.values_list("updated_at", flat=True).get(pk=complaint.pk)
    return f"{last['sequence__max'] or 0}:{updated_at.timestamp():.6f}"


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
