"""The "Complaint and Tracking Form" PDF (R8, DESIGN.md "Tracking form (R8)").

The form is rendered from `templates/portal/tracking_form.html` (CSS inline, local fonts only)
with WeasyPrint. Nothing remote is ever fetched while rendering: `NoRemoteFetcher` refuses
every URL except `data:` URLs.
"""

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetchingError

from workflow import branding
from workflow.localization import route_text
from workflow.models import (
    AlternativeRoute,
    Attachment,
    Complaint,
    ComplaintEvent,
    ResolutionProposal,
)
from workflow.selectors import (
    applicable_routes,
    current_proposal,
    customer_visible_attachments,
    events_for_customer,
    routes_stage,
)
from workflow.states import ClosureReason, EventKind
from workflow.timeline import PDF, timeline_entry

LOGO = "img/logo.svg"


@cache
def logo_data_url() -> str:
    """The company's logo as a `data:` URL: the form never fetches anything, not even a file."""
    with open(finders.find(LOGO), "rb") as logo:
        return "data:image/svg+xml;base64," + base64.b64encode(logo.read()).decode()


def css_string(value: str):
    """`value` as a quoted CSS string for the page margins (<style> is raw text: no HTML
    escaping there, so quotes, backslashes and "<" are escaped the CSS way)."""
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", " ")
    )
    return mark_safe(f'"{escaped}"')  # noqa: S308 - escaped for a CSS string just above


@dataclass
class FormParts:
    """What the form shows besides the complaint row and its events; loaded by `parts_of`, or
    built in memory (benchmarks/tracking_form.py)."""

    attachments: list[Attachment] = field(default_factory=list)
    proposal: ResolutionProposal | None = None
    decision: ComplaintEvent | None = None  # the final decision, once approved (R14)
    routes: list[AlternativeRoute] = field(default_factory=list)  # routes offered (R14)


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


def parts_of(complaint: Complaint, events: list[ComplaintEvent]) -> FormParts:
    """Documents, the latest proposal, the final decision and the routes offered (R14)."""
    decision = None
    if complaint.closure_reason == ClosureReason.FINAL_DECISION:
        decision = next((e for e in reversed(events) if e.kind == EventKind.DECISION), None)
    routes: list[AlternativeRoute] = []
    if routes_stage(complaint):
        routes = list(applicable_routes(complaint.category_id))
        offered = (decision.data or {}).get("routes") if decision else None
        if offered:
            routes = list(AlternativeRoute.objects.filter(pk__in=offered))
    return FormParts(
        attachments=customer_visible_attachments(complaint),
        proposal=current_proposal(complaint),
        decision=decision,
        routes=routes,
    )


def tracking_form_context(
    complaint: Complaint,
    events: Iterable[ComplaintEvent],
    parts: FormParts | None = None,
    brand: branding.Brand | None = None,
) -> dict:
    """What the form shows; call with the form's language active."""
    parts = parts or FormParts()
    # An assignment shows the unit, never the staff member (the portal's own presentation).
    owner = SimpleNamespace(pk=complaint.customer_id)
    routes_by_pk = {route.pk: route for route in parts.routes}
    timeline = [
        timeline_entry(event, audience=PDF, user=owner, routes=routes_by_pk) for event in events
    ]
    brand = brand or branding.brand()
    return {
        "company_name": brand.name,
        "brand": brand,
        "logo": logo_data_url(),
        "complaint": complaint,
        "unit_name": complaint.unit.name if complaint.unit_id else "",
        "timeline": timeline,
        "attachments": parts.attachments,
        "proposal": parts.proposal,
        "decision": parts.decision,
        "routes": [
            {**route_text(route), "kind_label": route.get_kind_display()} for route in parts.routes
        ],
        "generated_at": timezone.now(),
        "time_zone": settings.MEMNUN_TIME_ZONE,
        "margin": {
            "company": css_string(brand.name),
            "title": css_string(f"{gettext('Şikâyet ve Takip Formu')} · {complaint.reference}"),
            "footer": css_string(" · ".join(filter(None, [brand.name, brand.address]))),
        },
    }


def tracking_form_html(
    complaint: Complaint,
    language: str,
    events: Iterable[ComplaintEvent] | None = None,
    parts: FormParts | None = None,
    brand: branding.Brand | None = None,
) -> str:
    """The form as HTML in `language` ("tr" or "en"); what WeasyPrint turns into the PDF.

    `events` defaults to the complaint's customer-visible events (R12), and then documents,
    proposal, decision and routes are read too; given events, `parts` says those.
    """
    if events is None:
        complaint = (
            Complaint.objects.select_related("category", "unit")
            .prefetch_related("attachments")
            .get(pk=complaint.pk)
        )
        events = list(events_for_customer(complaint))
        parts = parts_of(complaint, events)
    with translation.override(language), timezone.override(settings.MEMNUN_TIME_ZONE):
        context = tracking_form_context(complaint, events, parts, brand)
        context["language"] = translation.get_language()
        return render_to_string("portal/tracking_form.html", context)


def render_pdf(html: str, fetcher: URLFetcher | None = None) -> bytes:
    """HTML to PDF bytes, fetching nothing remote."""
    return HTML(string=html, url_fetcher=fetcher or NoRemoteFetcher()).write_pdf()


def tracking_form_pdf(complaint: Complaint, language: str) -> bytes:
    """The "Complaint and Tracking Form" of `complaint` as PDF bytes, in `language`."""
    return render_pdf(tracking_form_html(complaint, language))
