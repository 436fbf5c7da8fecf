"""Turn a planned complaint into the rows the services would have written for it.

Each step of the plan becomes the event its service records (same kind, statuses, text and
data shape), chained by `workflow.audit.event_hash`; the complaint row ends in the state,
closure and timestamps the steps lead to, with the proposal, information-request, survey and
corrective-action rows that go with them.
"""

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random

from workflow.audit import event_hash
from workflow.states import ClosureReason, EventKind, InvestigationLevel, Status, Visibility

from . import bulk_texts as texts
from .bulk_plan import Plan

S = Status
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"


@dataclass(frozen=True, slots=True)
class Person:
    id: int | None
    name: str
    email: str = ""


@dataclass(frozen=True, slots=True)
class UnitRef:
    id: int
    slug: str
    name_tr: str
    name_en: str


@dataclass(frozen=True, slots=True)
class CategoryRef:
    id: int
    slug: str
    profile: str
    severity: int
    unit: UnitRef
    route_ids: tuple[int, ...]
    action_ids: tuple[int, ...]  # corrective actions a root-cause complaint is linked to


@dataclass(slots=True)
class Draft:
    """Everything about one complaint decided before its rows are built."""

    reference: str
    received_at: datetime
    logged_at: datetime
    response_due_at: datetime
    final_response_due_at: datetime | None
    category: CategoryRef
    channel: str
    customer: Person | None
    filer: Person | None  # who filed: the customer, staff, or nobody (guest web form)
    contact_name: str
    contact_email: str
    contact_phone: str
    preferred: str
    language: str
    severity: int
    level: str
    subject: str
    description: str
    plan: Plan


@dataclass
class Rows:
    complaints: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    proposals: list[list] = field(default_factory=list)
    information_requests: list[list] = field(default_factory=list)
    surveys: list[tuple] = field(default_factory=list)
    action_links: list[tuple] = field(default_factory=list)
    routes_offered: list[tuple] = field(default_factory=list)


class RowBuilder:
    def __init__(
        self,
        rng: Random,
        staff: list[Person],
        units: list[UnitRef],
        adapt_datetime: Callable,
        adapt_json: Callable,
    ):
        self.rng = rng
        self.staff = staff
        self.units = units
        self.dt = adapt_datetime
        self.json = adapt_json

    def build(
        self,
        complaint_id: int,
        draft: Draft,
        proposal_ids: Iterator[int],
        request_ids: Iterator[int],
        rows: Rows,
    ) -> None:
        rng, dt, lang = self.rng, self.dt, draft.language
        category, customer = draft.category, draft.customer
        staff = rng.choice(self.staff)
        unit, assignee = category.unit, None
        status, closure = "", ""
        acknowledged_at = estimate = estimate_told_at = closed_at = None
        proposal = request = None
        proposal_rejected = False
        events = rows.events
        prev_hash = ""
        sequence = 0

        def record(kind, at, actor, text="", data=None, before="", after="", internal=False):
            nonlocal prev_hash, sequence
            sequence += 1
            data = data or {}
            actor_id, actor_name = (actor.id, actor.name) if actor else (None, "")
            visibility = Visibility.INTERNAL if internal else Visibility.CUSTOMER
            digest = event_hash(
                prev_hash=prev_hash,
                complaint_id=complaint_id,
                sequence=sequence,
                kind=kind,
                from_status=before,
                to_status=after,
                visibility=visibility,
                text=text,
                data=data,
                actor_id=actor_id,
                actor_name=actor_name,
                created_at=at,
            )
            events.append(
                (
                    complaint_id, sequence, kind, before, after, visibility, text,
                    self.json(data), actor_id, actor_name, dt(at), prev_hash, digest,
                )
            )  # fmt: skip
            prev_hash = digest

        # The complainant acts for themselves; without an account staff record it by phone.
        complainant = customer or staff
        for step, at in zip(draft.plan.steps, draft.plan.times, strict=True):
            before = status
            if step == "received":
                status = S.RECEIVED
                record(
                    EventKind.STATUS_CHANGE, at, draft.filer, after=status,
                    data={"channel": draft.channel, "unit": unit.slug, "level": draft.level},
                )  # fmt: skip
            elif step == "ack":
                status, acknowledged_at = S.ACKNOWLEDGED, at
                data = {"method": draft.preferred, "told_by": staff.id, "told_at": at.isoformat()}
                record(EventKind.STATUS_CHANGE, at, staff, "", data, before, status)
            elif step == "assign":
                if status == S.ACKNOWLEDGED:
                    status = S.INVESTIGATING
                if rng.random() < 0.08:  # re-routed to another unit (R3)
                    unit = rng.choice(self.units)
                assignee = rng.choice(self.staff)
                data = {
                    "unit": unit.slug,
                    "unit_name_tr": unit.name_tr,
                    "unit_name_en": unit.name_en,
                    "assignee_id": assignee.id,
                }
                record(EventKind.ASSIGNMENT, at, staff, "", data, before, status)
            elif step == "ask":
                status = S.AWAITING_CUSTOMER
                question = rng.choice(texts.QUESTIONS[lang])
                request = [
                    next(request_ids),
                    complaint_id,
                    question,
                    staff.id,
                    dt(at),
                    "",
                    None,
                    None,
                ]
                rows.information_requests.append(request)
                record(EventKind.INFORMATION_REQUEST, at, staff, question, None, before, status)
            elif step == "answer":
                status = S.INVESTIGATING
                answer = rng.choice(texts.ANSWERS[lang])
                request[5:8] = [answer, dt(at), complainant.id]
                data = {"information_request_id": request[0]}
                record(EventKind.MESSAGE, at, complainant, answer, data, before, status)
            elif step == "estimate":
                estimate_told_at = at
                estimate = at + timedelta(days=rng.randint(2, 10))
                data = {"estimated_resolution_at": estimate.isoformat()}
                record(EventKind.ESTIMATE, at, staff, rng.choice(texts.ESTIMATES[lang]), data)
            elif step in ("propose", "revise"):
                status = S.RESOLUTION_PROPOSED
                text = rng.choice(texts.PROPOSALS[lang])
                proposal = [next(proposal_ids), complaint_id, text, staff.id, dt(at), PENDING]
                proposal += [None, "", None, ""]
                rows.proposals.append(proposal)
                if step == "propose":
                    data = {"proposal_id": proposal[0]}
                    record(EventKind.PROPOSAL, at, staff, text, data, before, status)
                else:
                    data = {"decision": "revise", "proposal_id": proposal[0]}
                    record(EventKind.DECISION, at, staff, text, data, before, status)
            elif step == "accept":
                status = S.IMPLEMENTING
                proposal[5:7] = [ACCEPTED, dt(at)]
                data = {"decision": "accepted", "proposal_id": proposal[0]}
                record(EventKind.DECISION, at, complainant, "", data, before, status)
            elif step == "reject":
                status = S.REJECTED
                reason = rng.choice(texts.REJECTIONS[lang])
                proposal[5:8] = [REJECTED, dt(at), reason]
                proposal_rejected = True
                rows.routes_offered += [(proposal[0], route) for route in category.route_ids]
                data = {
                    "decision": "rejected",
                    "proposal_id": proposal[0],
                    "routes": list(category.route_ids),
                }
                record(EventKind.DECISION, at, complainant, reason, data, before, status)
            elif step == "reinvestigate":
                status = S.INVESTIGATING
                record(EventKind.DECISION, at, staff, "", {"decision": step}, before, status)
            elif step == "final":
                status, closed_at, closure = S.CLOSED, at, ClosureReason.FINAL_DECISION
                data = {"decision": "final", "routes": list(category.route_ids)}
                text = rng.choice(texts.FINAL_DECISIONS[lang])
                record(EventKind.DECISION, at, staff, text, data, before, status)
            elif step == "implemented":
                status, closed_at, closure = S.CLOSED, at, ClosureReason.RESOLVED
                note = rng.choice(texts.IMPLEMENTED[lang])
                proposal[8:10] = [dt(at), note]
                if draft.level == InvestigationLevel.ROOT_CAUSE:  # R9 before closure
                    rows.action_links.append((rng.choice(category.action_ids), complaint_id))
                record(EventKind.STATUS_CHANGE, at, staff, note, None, before, status)
            elif step == "withdraw":
                status, closed_at, closure = S.CLOSED, at, ClosureReason.WITHDRAWN
                reason = rng.choice(texts.WITHDRAWALS[lang])
                record(EventKind.STATUS_CHANGE, at, complainant, reason, None, before, status)
            elif step == "survey":
                low = closure == ClosureReason.FINAL_DECISION
                scores = (
                    (rng.randint(1, 3), rng.randint(2, 4))
                    if low
                    else (rng.randint(3, 5), rng.randint(3, 5))
                )
                comment = rng.choice(texts.SURVEY_COMMENTS[lang])
                rows.surveys.append((complaint_id, *scores, comment, dt(at)))
                data = {"resolution_score": scores[0], "process_score": scores[1]}
                record(EventKind.SURVEY, at, customer, comment, data)
            elif step == "message":
                by_customer = customer is not None and rng.random() < 0.5
                pool = texts.CUSTOMER_MESSAGES if by_customer else texts.STAFF_MESSAGES
                text = rng.choice(pool[lang])
                record(EventKind.MESSAGE, at, customer if by_customer else staff, text)
            elif step == "note":
                record(EventKind.NOTE, at, staff, rng.choice(texts.NOTES), internal=True)
            else:
                raise ValueError(f"Unknown step {step!r}")

        last_at = max(draft.plan.times[-1], draft.logged_at)
        rows.complaints.append(
            (
                complaint_id, draft.reference, customer.id if customer else None,
                draft.contact_name, draft.contact_email, draft.contact_phone, draft.preferred,
                draft.channel, category.id, unit.id, assignee.id if assignee else None,
                draft.subject, draft.description, draft.severity, draft.level, status,
                draft.language, dt(draft.received_at), dt(acknowledged_at),
                dt(draft.response_due_at), dt(draft.final_response_due_at), dt(estimate),
                dt(estimate_told_at), dt(closed_at),
                closure, "on_track", None, secrets.token_urlsafe(24), dt(draft.logged_at),
                dt(last_at), proposal[0] if proposal else None, proposal_rejected,
            )
        )  # fmt: skip


COMPLAINT_COLUMNS = (
    "id", "reference", "customer_id", "contact_name", "contact_email", "contact_phone",
    "preferred_contact_method", "channel", "category_id", "unit_id", "assignee_id", "subject",
    "description", "severity", "investigation_level", "status", "language", "received_at",
    "acknowledged_at", "response_due_at", "final_response_due_at", "estimated_resolution_at",
    "estimate_communicated_at", "closed_at", "closure_reason", "sla_state", "policy_version",
    "tracking_token", "created_at", "updated_at", "newest_proposal_id", "proposal_rejected",
)  # fmt: skip
EVENT_COLUMNS = (
    "complaint_id", "sequence", "kind", "from_status", "to_status", "visibility", "text",
    "data", "actor_id", "actor_name", "created_at", "prev_hash", "hash",
)  # fmt: skip
PROPOSAL_COLUMNS = (
    "id", "complaint_id", "text", "proposed_by_id", "proposed_at", "decision", "decided_at",
    "rejection_reason", "implemented_at", "implementation_note",
)  # fmt: skip
REQUEST_COLUMNS = (
    "id", "complaint_id", "question", "asked_by_id", "asked_at", "answer", "answered_at",
    "answered_by_id",
)  # fmt: skip
SURVEY_COLUMNS = ("complaint_id", "resolution_score", "process_score", "comment", "submitted_at")
ACTION_LINK_COLUMNS = ("correctiveaction_id", "complaint_id")
ROUTES_OFFERED_COLUMNS = ("resolutionproposal_id", "alternativeroute_id")
