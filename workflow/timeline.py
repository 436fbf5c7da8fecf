"""One place that turns an event into what a reader sees (CONVENTIONS.md): the portal, the
guest tracking page, the tracking-form PDF and the customer API read it as the complainant;
the staff console and the staff API as staff.

The complainant never sees internal notes (R12) and sees the unit of an assignment, never the
staff member; staff see everything, with who did it.
"""

from dataclasses import dataclass, field

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .localization import localized
from .models import Complaint, ComplaintEvent
from .selectors import (
    cached_routes_for,
    customer_facing_actor,
    events_for_customer,
    events_for_staff,
)
from .states import EventKind, Visibility

CUSTOMER = "customer"  # the portal, the guest tracking page, the customer API
PDF = "pdf"  # the tracking form (R8): the complainant's view, printed
STAFF = "staff"  # the console and the staff API
AUDIENCES = (CUSTOMER, PDF, STAFF)


@dataclass
class TimelineEntry:
    at: object
    kind: str
    kind_label: str
    from_label: str
    to_label: str
    text: str
    actor: str
    details: list[tuple[str, object]] = field(default_factory=list)
    internal: bool = False
    # the text is what a person wrote (in the complaint's language), not a sentence we made up
    # in the reader's: pages mark it with the complaint's `lang`
    written: bool = True


def event_actor(event: ComplaintEvent, audience: str = CUSTOMER, user=None) -> str:
    if audience == STAFF:
        return event.actor_name
    own = user is not None and user.pk and event.actor_id == user.pk
    if own and event.kind != EventKind.ASSIGNMENT:
        return gettext("Siz")
    return customer_facing_actor(event)


def _details(event: ComplaintEvent, audience: str, routes: dict) -> list[tuple[str, object]]:
    data = event.data or {}
    if event.kind == EventKind.ESTIMATE and data.get("estimated_resolution_at"):
        return [(_("Tahmini çözüm zamanı"), parse_datetime(data["estimated_resolution_at"]))]
    if event.kind == EventKind.ROUTE_RECORD:
        route = routes.get(data.get("route"))
        details = [
            (_("Başvurulan yol"), localized(route, "name") if route else data.get("route_name")),
            (_("Başvuru tarihi"), parse_date(data.get("applied_on") or "")),
        ]
        if data.get("external_reference"):
            details.append((_("Başvuru numarası"), data["external_reference"]))
        return details
    if event.kind == EventKind.SURVEY:
        return [
            (_("Çözüm puanı"), data.get("resolution_score")),
            (_("Süreç puanı"), data.get("process_score")),
        ]
    if event.kind == EventKind.ASSIGNMENT and audience == STAFF:
        return [(_("Birim"), localized(data, "unit_name"))]
    return []


def event_text(event: ComplaintEvent, audience: str = CUSTOMER) -> str:
    """The event's text; for the complainant, an assignment without one says where their
    complaint went (staff read the unit among the details)."""
    if event.kind == EventKind.ASSIGNMENT and not event.text and audience != STAFF:
        unit = localized(event.data or {}, "unit_name")
        return gettext("Şikâyetiniz %(unit)s birimine yönlendirildi.") % {"unit": unit}
    return event.text


def timeline_entry(
    event: ComplaintEvent, *, audience: str = CUSTOMER, user=None, routes: dict | None = None
) -> TimelineEntry:
    """One event as `audience` reads it. `user` is the reader (their own events say "Siz");
    `routes` maps route ids to routes, so a route record shows the route's current name."""
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown audience {audience!r}")
    return TimelineEntry(
        at=event.created_at,
        kind=event.kind,
        kind_label=event.get_kind_display(),
        from_label=event.get_from_status_display() if event.from_status else "",
        to_label=event.get_to_status_display() if event.to_status else "",
        text=event_text(event, audience),
        written=bool(event.text),
        actor=event_actor(event, audience, user),
        details=_details(event, audience, routes or {}),
        internal=event.visibility == Visibility.INTERNAL,
    )


def names_routes(events) -> bool:
    """Whether any of `events` is a route record (the only entries that show a route's name)."""
    return any(event.kind == EventKind.ROUTE_RECORD for event in events)


def route_names_for(complaint: Complaint, events) -> dict:
    """{route id: route} for the route records among `events` (read only when there is one,
    from the cached active routes)."""
    if not names_routes(events):
        return {}
    return {route.pk: route for route in cached_routes_for(complaint.category_id)}


def timeline(complaint: Complaint, *, audience: str, user=None) -> list[TimelineEntry]:
    """The whole timeline of `complaint` as `audience` reads it, oldest first."""
    events = events_for_staff(complaint) if audience == STAFF else events_for_customer(complaint)
    routes = route_names_for(complaint, events)
    return [timeline_entry(event, audience=audience, user=user, routes=routes) for event in events]
