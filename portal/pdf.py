"""The "Complaint and Tracking Form" PDF (R8, DESIGN.md "Tracking form (R8)").

The form is rendered from `templates/portal/tracking_form.html` (CSS inline, local fonts only)
with WeasyPrint. Nothing remote is ever fetched while rendering: `NoRemoteFetcher` refuses
every URL except `data:` URLs.
"""

from collections.abc import Iterable
from types import SimpleNamespace

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetchingError

from workflow.models import Complaint, ComplaintEvent
from workflow.selectors import events_for_customer
from workflow.timeline import PDF, timeline_entry

COMPANY_NAME = "memnun"


class RemoteResourceRefused(URLFetchingError):
    """A URL other than `data:` was asked for while rendering the tracking form."""


class NoRemoteFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that only serves `data:` URLs and refuses everything else.

    WeasyPrint catches the (non-fatal) exception, logs a warning and renders without the
    resource, so a stray `<img src="http://...">` never causes a network request or a crash.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("allowed_protocols", ("data",))
        kwargs.setdefault("allow_redirects", False)
        super().__init__(**kwargs)

    def fetch(self, url, headers=None):
        if not url.lower().startswith("data:"):
            raise RemoteResourceRefused(f"Refused to fetch {url[:200]!r} for the tracking form")
        return super().fetch(url, headers)


def tracking_form_context(complaint: Complaint, events: Iterable[ComplaintEvent]) -> dict:
    """What the form shows; call with the form's language active."""
    # An assignment shows the unit, never the staff member (the portal's own presentation).
    owner = SimpleNamespace(pk=complaint.customer_id)
    timeline = [timeline_entry(event, audience=PDF, user=owner) for event in events]
    return {
        "company_name": COMPANY_NAME,
        "complaint": complaint,
        "timeline": timeline,
        "generated_at": timezone.now(),
        "time_zone": settings.MEMNUN_TIME_ZONE,
    }


def tracking_form_html(
    complaint: Complaint, language: str, events: Iterable[ComplaintEvent] | None = None
) -> str:
    """The form as HTML in `language` ("tr" or "en"); what WeasyPrint turns into the PDF.

    `events` defaults to the complaint's customer-visible events (R12).
    """
    if events is None:
        complaint = Complaint.objects.select_related("category").get(pk=complaint.pk)
        events = events_for_customer(complaint)
    with translation.override(language), timezone.override(settings.MEMNUN_TIME_ZONE):
        context = tracking_form_context(complaint, events)
        context["language"] = translation.get_language()
        return render_to_string("portal/tracking_form.html", context)


def render_pdf(html: str, fetcher: URLFetcher | None = None) -> bytes:
    """HTML to PDF bytes, fetching nothing remote."""
    return HTML(string=html, url_fetcher=fetcher or NoRemoteFetcher()).write_pdf()


def tracking_form_pdf(complaint: Complaint, language: str) -> bytes:
    """The "Complaint and Tracking Form" of `complaint` as PDF bytes, in `language`."""
    return render_pdf(tracking_form_html(complaint, language))
