"""Reads with their joins done and their scope applied (CONVENTIONS.md)."""

import functools
import time
from datetime import date
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from .localization import localized
from .models import (
    DUE_AT,
    OPEN_COMPLAINT,
    AlternativeRoute,
    Attachment,
    Complaint,
    ComplaintEvent,
    ContactChannel,
    CorrectiveAction,
    Notification,
    ResolutionProposal,
    RouteApplication,
)
from .prepared import PreparedRead
from .rules import (
    STAFF_PERMISSION,
    complaint_unit_ids,
    is_complaint_staff,
    is_quality_manager,
    is_unit_manager,
)
from .states import (
    ClosureReason,
    EventKind,
    InvestigationLevel,
    SlaState,
    Status,
    Visibility,
)


def applicable_routes(category_id: int | None) -> QuerySet[AlternativeRoute]:
    """R14: active routes that apply to the category (a route with no category applies to all)."""
    return (
        AlternativeRoute.objects.filter(is_active=True)
        .filter(Q(categories__isnull=True) | Q(categories=category_id))
        .distinct()
        .order_by("kind", "sort_order", "pk")
    )


def routes_applying_to(routes: list[AlternativeRoute], category_id: int | None) -> list:
    """`applicable_routes` worked out in memory from `active_routes()`: a list that shows the
    routes of several categories reads them once, not once per category."""
    return [
        route for route in routes if not route.category_ids or category_id in route.category_ids
    ]


def cached_routes_for(category_id: int | None) -> list[AlternativeRoute]:
    """`applicable_routes(category_id)` from the cached active routes: no query once the cache
    holds them. What a page shows or offers; a service that records a route application still
    checks it against the database."""
    return routes_applying_to(active_routes(), category_id)


# plain values, not model instances, in the cache: unpickling routes with their prefetched
# categories (querysets included) cost more than the two queries it saved
ACTIVE_ROUTES_KEY = "memnun:active-routes:v2"
ROUTE_COLUMNS = [field.attname for field in AlternativeRoute._meta.concrete_fields]


# How long a process keeps the rows it read from the shared cache before asking it again: a
# change made in this process shows at once (`forget_active_routes`), one made in another
# process within this many seconds.
ACTIVE_ROUTES_LOCAL_SECONDS = 5.0
_local_routes: dict = {}  # "rows": (until, rows), this process's copy


def active_routes() -> list[AlternativeRoute]:
    """Every active route, in `applicable_routes`' order, each with `category_ids` (the
    categories it applies to; none: every category). Kept in the cache (one read instead of
    two queries for every list of complaints that shows routes) until a route or its
    categories change (`forget_active_routes`, connected in `WorkflowConfig.ready`), and in
    the process for `ACTIVE_ROUTES_LOCAL_SECONDS`."""
    now = time.monotonic()
    kept = _local_routes.get("rows")  # one lookup: another thread may clear it meanwhile
    if kept is not None and kept[0] > now:
        rows = kept[1]
    else:
        rows = _shared_route_rows()
        _local_routes["rows"] = (now + ACTIVE_ROUTES_LOCAL_SECONDS, rows)
    routes = []
    for values, category_ids in rows:
        route = AlternativeRoute.from_db(None, ROUTE_COLUMNS, values)
        route.category_ids = category_ids
        routes.append(route)
    return routes


def _shared_route_rows() -> list:
    rows = cache.get(ACTIVE_ROUTES_KEY)
    if rows is None:
        routes = (
            AlternativeRoute.objects.filter(is_active=True)
            .prefetch_related("categories")
            .order_by("kind", "sort_order", "pk")
        )
        rows = [
            (
                [getattr(route, column) for column in ROUTE_COLUMNS],
                frozenset(category.pk for category in route.categories.all()),
            )
            for route in routes
        ]
        cache.set(ACTIVE_ROUTES_KEY, rows, 24 * 60 * 60)
    return rows


def forget_active_routes(**kwargs) -> None:
    """A route, its categories or a category changed: read them again next time (now, and
    after the transaction commits, so a list read in between cannot keep the old ones)."""
    forget_local_routes()
    cache.delete(ACTIVE_ROUTES_KEY)

    def after_commit():
        forget_local_routes()
        cache.delete(ACTIVE_ROUTES_KEY)

    transaction.on_commit(after_commit)


def forget_local_routes() -> None:
    """Drop this process's copy: the next read asks the shared cache."""
    _local_routes.clear()


def complaint_staff_users() -> QuerySet:
    """Active accounts that are complaint staff (`rules.is_complaint_staff`): is_staff and a
    staff group's (or their own) `handle_complaint` permission, or a superuser. Customers and
    content editors are not among them.

    Read from the active staff accounts only (the partial index `memnun_user_active_staff_idx`,
    migration 0012), each asked whether it holds the permission: no join of every account with
    its groups and permissions, and no DISTINCT over the result (at 200,000 customer accounts
    that was 30-50 ms on every page with an assignee list)."""
    app_label, codename = STAFF_PERMISSION.split(".")
    user_model = get_user_model()
    permission = Permission.objects.filter(
        codename=codename, content_type__app_label=app_label
    ).values("pk")
    via_group = user_model.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__permissions__in=permission
    )
    direct = user_model.user_permissions.through.objects.filter(
        user_id=OuterRef("pk"), permission__in=permission
    )
    return user_model.objects.filter(
        Q(is_superuser=True) | Exists(via_group) | Exists(direct), is_active=True, is_staff=True
    ).order_by("first_name", "last_name", "email")


STAFF_RELATIONS = ("category", "unit", "assignee", "customer", "survey", "newest_proposal")
# the customer's pages and API show neither the unit nor the assignee, and the customer is the
# reader: fewer joins to plan and run for every complaint a customer opens
CUSTOMER_RELATIONS = ("category", "survey", "newest_proposal")


def _with_relations(queryset: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """Everything a staff page or API answer reads, `available_actions` included (the survey,
    whether any alternative route applies), without a query per complaint."""
    routes = AlternativeRoute.objects.filter(is_active=True).filter(
        Q(categories__isnull=True) | Q(categories=OuterRef("category_id"))
    )
    return (
        queryset.select_related(*STAFF_RELATIONS)
        .prefetch_related("attachments")
        .annotate(routes_available=Exists(routes))
    )


def note_routes_available(complaint: Complaint, routes: list[AlternativeRoute]) -> None:
    """Record on `complaint` whether any route applies (`routes`: those of its category, as
    read for the page), as the selectors' `routes_available` annotation would, and the routes
    themselves (`noted_routes`: the route form's options, without reading them again)."""
    complaint.routes_available = bool(routes)
    complaint.noted_routes = routes


def complaints_for_customer(user) -> QuerySet[Complaint]:
    """The customer's own complaints only (another customer's complaint is a 404)."""
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    # the newest proposal is joined (`newest_proposal`): no query of the proposals. The
    # customer's pages and API show the routes themselves and note from them whether any
    # applies (`note_routes_available`): no subquery for it. Documents are read only for the
    # complaints that have any the customer sees (`has_attachments`, `read_attachments`):
    # most have none, and the prefetch cost a query on every page and answer.
    return _customer_complaints().filter(customer=user)


@functools.cache
def _customer_complaints() -> QuerySet[Complaint]:
    """What `complaints_for_customer` narrows to one customer, built once per process: the
    `Exists` annotation alone took 0.13 ms to resolve on every page and answer, a clone takes
    0.03 ms. Never evaluated itself (`filter` returns a new queryset), so it holds no rows."""
    shown = Attachment.objects.filter(complaint=OuterRef("pk"), visibility=Visibility.CUSTOMER)
    return Complaint.objects.select_related(*CUSTOMER_RELATIONS).annotate(
        has_attachments=Exists(shown)
    )


def customer_first_page(user, size: int) -> list[Complaint]:
    """The customer's newest `size` complaints, as `complaints_for_customer(user)[:size]`
    reads them (the first page of their list), with SQL compiled once per process."""
    if not getattr(user, "is_authenticated", False):
        return []
    return _first_page_read(size)(customer_id=user.pk)


def customer_complaint(user, reference: str) -> Complaint | None:
    """The customer's complaint `reference` (None: there is none among theirs), as
    `complaints_for_customer(user).get(reference=reference)` reads it, with SQL compiled once
    per process."""
    if not getattr(user, "is_authenticated", False):
        return None
    found = _complaint_read(customer_id=user.pk, reference=str(reference))
    return found[0] if found else None


@functools.cache
def _first_page_read(size: int) -> PreparedRead:
    return PreparedRead(
        lambda customer_id: _customer_complaints().filter(customer_id=customer_id)[:size],
        customer_id=int,
    )


_complaint_read = PreparedRead(
    lambda customer_id, reference: (
        _customer_complaints().filter(customer_id=customer_id, reference=reference).order_by()[:1]
    ),
    customer_id=int,
    reference=str,
)


def read_attachments(complaints) -> None:
    """Read, in one query, the documents of those `complaints` that have any the reader sees
    (`has_attachments`, annotated by `complaints_for_customer`); the others show none without
    a query (`attachments_of`)."""
    wanted = [complaint for complaint in complaints if getattr(complaint, "has_attachments", False)]
    if wanted:
        prefetch_related_objects(wanted, "attachments")  # skips those read with them already


def attachments_of(complaint: Complaint) -> list[Attachment]:
    """The complaint's documents, of every visibility (the prefetched ones when read so;
    none, without a query, when `has_attachments` says the reader has none to see)."""
    if getattr(complaint, "has_attachments", None) is False:
        return []
    return list(complaint.attachments.all())


# what a row of the portal's list shows: no description, no prefetched proposals or documents
PORTAL_LIST_FIELDS = ("reference", "subject", "language", "status", "received_at", "survey__id")


def customer_list(user) -> QuerySet[Complaint]:
    """The portal's list of the customer's complaints, newest first: the columns a row shows
    and whether the survey is in (the next step of a closed complaint), in one query."""
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    return _customer_list(user.pk)


def customer_list_first_page(user, size: int) -> list[Complaint]:
    """`customer_list(user)[:size]` (the first page of the portal's list), with SQL compiled
    once per process."""
    if not getattr(user, "is_authenticated", False):
        return []
    return _list_first_page_read(size)(customer_id=user.pk)


def _customer_list(customer_id: int) -> QuerySet[Complaint]:
    return (
        Complaint.objects.filter(customer_id=customer_id)
        .select_related("survey")
        .only(*PORTAL_LIST_FIELDS)
        .order_by("-received_at", "-pk")
    )


@functools.cache
def _list_first_page_read(size: int) -> PreparedRead:
    return PreparedRead(lambda customer_id: _customer_list(customer_id)[:size], customer_id=int)


def complaints_for_staff(user) -> QuerySet[Complaint]:
    """What a staff member may see (`rules.can_see_complaint`): a quality manager every
    complaint, a handler or unit manager those of their own unit(s). The queue, the detail,
    search and every staff action go through this scope, so another unit's complaint is 404."""
    if not is_complaint_staff(user):
        return Complaint.objects.none()
    return _with_relations(_staff_scope(user))


def staff_api_queue(user) -> QuerySet[Complaint]:
    """The staff API's queue: the same scope, with what its rows carry (category, unit,
    assignee, newest proposal, documents, and the linked corrective actions' ids, for the staff
    actions' checks); the customer and the survey are not joined (the row gives the customer's
    id, which the complaint row holds) and the customer's route check is not asked."""
    linked = Prefetch(
        "corrective_actions",
        queryset=CorrectiveAction.objects.only("pk"),
        to_attr="linked_corrective_actions",
    )
    return (
        _staff_scope(user)
        .select_related("category", "unit", "assignee", "newest_proposal")
        .prefetch_related("attachments", linked)
    )


def staff_queue(user) -> QuerySet[Complaint]:
    """The console queue's rows: the same scope as `complaints_for_staff`, with only what a
    row shows (unit and assignee) joined: no proposals, documents or routes read for a list
    that shows none of them."""
    return _staff_scope(user).select_related("unit", "assignee")


def final_decisions_awaiting_approval(user) -> QuerySet[Complaint]:
    """R14 four eyes: the pending final decisions this user may approve (not their own)."""
    if not (is_quality_manager(user) or is_unit_manager(user)):
        return Complaint.objects.none()
    # a unit manager sees only their own units' complaints, and may decide on each of them
    return (
        complaints_for_staff(user)
        .filter(final_decision_proposed_at__isnull=False)
        .exclude(final_decision_proposed_by=user)
        .order_by("final_decision_proposed_at", "pk")
    )


def needs_corrective_action(complaint: Complaint) -> bool:
    """R6/R9: a root-cause investigation cannot close before a corrective action is linked.
    (A list's queryset prefetches `linked_corrective_actions`, so it does not ask per row.)"""
    if complaint.investigation_level != InvestigationLevel.ROOT_CAUSE:
        return False
    linked = getattr(complaint, "linked_corrective_actions", None)
    if linked is None:
        return not complaint.corrective_actions.exists()
    return not linked


def overdue_corrective_actions(today: date) -> QuerySet[CorrectiveAction]:
    """R9: open actions whose due date has passed, the most overdue first."""
    return (
        CorrectiveAction.objects.filter(state=CorrectiveAction.State.OPEN, due_date__lt=today)
        .select_related("owner")
        .prefetch_related("complaints")
        .order_by("due_date", "pk")
    )


def events_for_customer(complaint: Complaint) -> QuerySet[ComplaintEvent]:
    """Every event except internal notes (R12), oldest first."""
    return complaint.events.exclude(visibility=Visibility.INTERNAL).order_by("sequence")


def customer_events(complaint: Complaint) -> list[ComplaintEvent]:
    """`events_for_customer(complaint)` as a list, with SQL compiled once per process (the
    complaint page and the API's events read it on every visit)."""
    events = _events_read(complaint_id=complaint.pk)
    for event in events:
        event.complaint = complaint  # as the related manager gives it: no query to reach it
    return events


_events_read = PreparedRead(
    lambda complaint_id: (
        ComplaintEvent.objects.filter(complaint_id=complaint_id)
        .exclude(visibility=Visibility.INTERNAL)
        .order_by("sequence")
    ),
    complaint_id=int,
)


def customer_facing_actor(event: ComplaintEvent) -> str:
    """Who the customer is shown as having acted: for an assignment the unit, never the staff
    member (DESIGN.md "Events"); otherwise the actor's display name."""
    if event.kind == EventKind.ASSIGNMENT:
        return localized(event.data or {}, "unit_name")
    return event.actor_name


def events_for_staff(complaint: Complaint) -> QuerySet[ComplaintEvent]:
    return complaint.events.select_related("actor").order_by("sequence")


def current_proposal(complaint: Complaint) -> ResolutionProposal | None:
    """The newest proposal, as the complaint row keeps it (`newest_proposal`, kept by the
    services and joined by the selectors of the customer's and the staff's pages)."""
    return complaint.newest_proposal


class RoutesStage(StrEnum):
    """Why the alternative routes (R14) are shown to the customer now."""

    AWAITING_REVIEW = "awaiting_review"  # the proposal was rejected; staff review it
    REINVESTIGATING = "reinvestigating"  # rejected, and staff investigate again
    NEW_PROPOSAL = "new_proposal"  # rejected, and a revised proposal waits for an answer
    FINAL_DECISION = "final_decision"  # closed with a final decision


def routes_stage(complaint: Complaint) -> RoutesStage | None:
    """R14: the routes are shown from a rejection until the complaint moves past it; None when
    nothing was rejected, or a later proposal was accepted, or it closed resolved or withdrawn.
    The page says what is true now from this, never "you did not accept" after an acceptance.
    """
    if complaint.status == Status.REJECTED:
        return RoutesStage.AWAITING_REVIEW
    if complaint.status == Status.CLOSED:
        if complaint.closure_reason == ClosureReason.FINAL_DECISION:
            return RoutesStage.FINAL_DECISION
        return None
    if not complaint.proposal_rejected:  # kept by the services (models.Complaint)
        return None
    newest = current_proposal(complaint)
    if newest is not None and newest.decision == ResolutionProposal.Decision.ACCEPTED:
        return None
    if complaint.status == Status.RESOLUTION_PROPOSED:
        return RoutesStage.NEW_PROPOSAL
    return RoutesStage.REINVESTIGATING


def public_contact_channels() -> QuerySet[ContactChannel]:
    """The intake channels (R2) the public site lists, in the editors' order."""
    return ContactChannel.objects.filter(is_active=True)


def public_alternative_routes() -> QuerySet[AlternativeRoute]:
    """Every active alternative route (R14), with the categories it applies to."""
    return AlternativeRoute.objects.filter(is_active=True).prefetch_related("categories")


def complaint_for_tracking_token(token: str) -> Complaint | None:
    """R8: the complaint a tracking link opens without signing in, or None.

    The token is the only key: anyone holding the link sees what the complainant sees.
    """
    if not token:
        return None
    return _with_relations(Complaint.objects.filter(tracking_token=token)).first()


def attachments_for_customer(user) -> QuerySet[Attachment]:
    """Documents on the customer's own complaints that the customer may see."""
    if not getattr(user, "is_authenticated", False):
        return Attachment.objects.none()
    return Attachment.objects.filter(complaint__customer=user, visibility=Visibility.CUSTOMER)


def attachments_for_staff(user) -> QuerySet[Attachment]:
    if not is_complaint_staff(user):
        return Attachment.objects.none()
    return Attachment.objects.all()


def customer_visible_attachments(complaint: Complaint) -> list[Attachment]:
    """The complaint's documents the complainant sees (from the prefetch when there is one)."""
    return [a for a in attachments_of(complaint) if a.visibility == Visibility.CUSTOMER]


def complaints_for_export(user) -> QuerySet[Complaint]:
    """Everything held about the customer's complaints, in a fixed number of queries (KVKK
    export): what they may see of the timeline, their documents, survey and route records."""
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(customer=user)
        .select_related("category", "survey")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=ComplaintEvent.objects.exclude(visibility=Visibility.INTERNAL).order_by(
                    "sequence"
                ),
                to_attr="customer_events",
            ),
            Prefetch(
                "attachments",
                queryset=Attachment.objects.filter(visibility=Visibility.CUSTOMER),
                to_attr="customer_attachments",
            ),
            Prefetch(
                "route_applications",
                queryset=RouteApplication.objects.select_related("route").order_by("pk"),
            ),
        )
        .order_by("received_at", "pk")
    )


# --- the staff console's dashboard and review queues ------------------------------------------


def _staff_scope(user) -> QuerySet[Complaint]:
    """The complaints `user` may see, without the page's joins: what counts and short lists
    start from. A handler's or unit manager's units are read once (one small query), so every
    count filters on `unit_id IN (...)` and uses an index instead of joining the members."""
    if not is_complaint_staff(user):
        return Complaint.objects.none()
    if is_quality_manager(user):
        return Complaint.objects.all()
    # read once per user object (rules.complaint_unit_ids): a page asks for its scope often
    return Complaint.objects.filter(unit_id__in=sorted(complaint_unit_ids(user)))


def with_due_at(queryset: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """`due_at`: the earliest deadline the complaint is held to now (R10): the estimated
    resolution time the customer was told, else the first-response due time, and the
    category's final deadline when that is earlier."""
    return queryset.annotate(due_at=DUE_AT)


class DashboardQueue(StrEnum):
    """The console's home-page panels (issue 10), in the order they are shown."""

    MINE = "mine"
    UNASSIGNED = "unassigned"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    REJECTED = "rejected"
    FINAL_DECISIONS = "final_decisions"
    OVERDUE_ACTIONS = "overdue_actions"
    DEAD_NOTIFICATIONS = "dead_notifications"


def rejections_to_review(user) -> QuerySet[Complaint]:
    """R14: rejected resolutions waiting for staff's review (reinvestigate, revise or propose a
    final decision); one whose final decision waits for approval is in the approval queue."""
    return _staff_scope(user).filter(
        status=Status.REJECTED, final_decision_proposed_at__isnull=True
    )


def pending_final_decisions(user) -> QuerySet[Complaint]:
    """R14 four eyes, as a lean queue: the pending final decisions `user` may approve (a unit
    manager in their units, a quality manager anywhere; never their own proposal)."""
    if not (is_quality_manager(user) or is_unit_manager(user)):
        return Complaint.objects.none()
    return (
        _staff_scope(user)
        .filter(status=Status.REJECTED, final_decision_proposed_at__isnull=False)
        .exclude(final_decision_proposed_by=user)
    )


def dashboard_queues(user) -> dict[str, QuerySet]:
    """The querysets behind the dashboard panels `user` gets (none for anyone who is not
    complaint staff, e.g. a content editor). Complaint queues are open complaints only, each
    filter on an indexed column (`assignee`, `(unit, status)`, `(sla_state, status)`,
    `(status, received_at)`), so closed rows are never scanned."""
    if not is_complaint_staff(user):
        return {}
    open_complaints = _staff_scope(user).filter(OPEN_COMPLAINT)
    queues: dict[str, QuerySet] = {
        DashboardQueue.MINE: open_complaints.filter(assignee=user),
        DashboardQueue.UNASSIGNED: open_complaints.filter(assignee__isnull=True),
        DashboardQueue.AT_RISK: open_complaints.filter(sla_state=SlaState.AT_RISK),
        DashboardQueue.BREACHED: open_complaints.filter(sla_state=SlaState.BREACHED),
        DashboardQueue.REJECTED: rejections_to_review(user),
    }
    if is_quality_manager(user) or is_unit_manager(user):
        queues[DashboardQueue.FINAL_DECISIONS] = pending_final_decisions(user)
        queues[DashboardQueue.OVERDUE_ACTIONS] = overdue_corrective_actions_for(
            user, timezone.localdate()
        )
    if is_quality_manager(user):
        queues[DashboardQueue.DEAD_NOTIFICATIONS] = Notification.objects.filter(
            status=Notification.State.DEAD
        ).order_by("-created_at", "-pk")
    return queues


def dashboard_top(queue: str, queryset: QuerySet, *, limit: int = 5) -> list:
    """The first `limit` rows of a dashboard queue with what its panel shows, in one query."""
    if queue == DashboardQueue.OVERDUE_ACTIONS:
        return list(queryset.select_related("owner").order_by("due_date", "pk")[:limit])
    if queue == DashboardQueue.DEAD_NOTIFICATIONS:
        return list(queryset.select_related("complaint")[:limit])
    # a complaint panel's row shows the reference, the subject (in its language) and `due_at`;
    # the status is read by the model as it loads (django-fsm's ConcurrentTransitionMixin)
    rows = with_due_at(queryset.only("reference", "subject", "language", "status"))
    if queue == DashboardQueue.FINAL_DECISIONS:
        return list(rows.order_by("final_decision_proposed_at", "pk")[:limit])
    return list(rows.order_by(F("due_at").asc(nulls_last=True), "pk")[:limit])


def overdue_corrective_actions_for(user, today: date) -> QuerySet[CorrectiveAction]:
    """R9: the overdue open actions a manager follows: a quality manager every one; a unit
    manager those linked to a complaint of their units or owned by them. Nobody else."""
    overdue = overdue_corrective_actions(today)
    if is_quality_manager(user):
        return overdue
    if not is_unit_manager(user):
        return CorrectiveAction.objects.none()
    in_my_units = CorrectiveAction.complaints.through.objects.filter(
        correctiveaction_id=OuterRef("pk"),
        complaint__unit_id__in=user.complaint_units.values("pk"),
    )
    return overdue.filter(Q(Exists(in_my_units)) | Q(owner=user))


def overdue_corrective_actions_page(user, today: date) -> QuerySet[CorrectiveAction]:
    """The overdue actions with their owner and the linked complaints `user` may open."""
    visible = _staff_scope(user).order_by("reference")
    return overdue_corrective_actions_for(user, today).prefetch_related(
        Prefetch("complaints", queryset=visible, to_attr="visible_complaints")
    )


def _review_relations(queryset: QuerySet[Complaint]) -> QuerySet[Complaint]:
    proposals = ResolutionProposal.objects.order_by("-proposed_at", "-pk").prefetch_related(
        "routes_offered"
    )
    return with_due_at(
        queryset.select_related(
            "category", "unit", "assignee", "final_decision_proposed_by", "newest_proposal"
        )
    ).prefetch_related(
        Prefetch("proposals", queryset=proposals, to_attr="proposals_newest_first"),
        Prefetch(
            "route_applications",
            queryset=RouteApplication.objects.select_related("route").order_by("applied_on", "pk"),
        ),
    )


def rejections_to_review_page(user) -> QuerySet[Complaint]:
    """R14 review queue: each rejected complaint with its rejected proposal (reason, routes
    offered), the customer's route applications and its deadline, oldest rejection first."""
    return _review_relations(rejections_to_review(user)).order_by(
        F("due_at").asc(nulls_last=True), "pk"
    )


def final_decisions_page(user) -> QuerySet[Complaint]:
    """R14 four eyes: the final decisions awaiting `user`'s approval, with the same details."""
    return _review_relations(pending_final_decisions(user)).order_by(
        "final_decision_proposed_at", "pk"
    )


def last_rejected_proposal(complaint: Complaint) -> ResolutionProposal | None:
    """The proposal the customer rejected last (from `proposals_newest_first`)."""
    proposals = getattr(complaint, "proposals_newest_first", None)
    if proposals is None:
        proposals = list(complaint.proposals.order_by("-proposed_at", "-pk"))
    return next((p for p in proposals if p.decision == ResolutionProposal.Decision.REJECTED), None)
