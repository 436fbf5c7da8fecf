"""What complaint staff do to a complaint (R3–R14). One function per action."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext

from ..errors import InvalidInput, NotPermitted, TransitionNotAllowed
from ..models import Complaint, InformationRequest, ResolutionProposal, Unit
from ..notifications import notify_customer, notify_staff
from ..rules import can_reassign, is_complaint_staff, is_quality_manager
from ..selectors import needs_corrective_action
from ..states import ClosureReason, ContactMethod, EventKind, Status
from ._base import (
    apply_transition,
    atomic,
    field_error,
    lock_for_staff,
    optional_text,
    record_event,
    record_status_change,
    require_open,
    required_text,
    save,
    set_closed,
)

Decision = ResolutionProposal.Decision


@atomic
def acknowledge(*, complaint: Complaint, actor, method: str, note: str = "") -> Complaint:
    """R5: tell the complainant the complaint was received, by their preferred method.

    For phone and face-to-face the event records who told them and when.
    """
    complaint = lock_for_staff(complaint, actor)
    if method not in ContactMethod.values:
        raise field_error("method", gettext("Bilinmeyen iletişim yolu."))
    note = optional_text(note, "note")
    before, _ = apply_transition(complaint, complaint.to_acknowledged)
    complaint.acknowledged_at = timezone.now()
    save(complaint, "acknowledged_at")
    record_status_change(
        complaint,
        before,
        actor=actor,
        text=note,
        data={
            "method": method,
            "told_by": actor.pk,
            "told_at": complaint.acknowledged_at.isoformat(),
        },
    )
    notify_customer(complaint, "acknowledged", method=method, note=note)
    return complaint


def _resolve_unit(unit: Unit | str) -> Unit:
    slug = unit.slug if isinstance(unit, Unit) else unit
    found = Unit.objects.filter(slug=slug or "", is_active=True).first()
    if found is None:
        raise field_error("unit", gettext("Bilinmeyen birim."))
    return found


def _resolve_assignee(assignee, unit: Unit):
    """Complaint staff who will see the complaint in `unit`: a member of it, or a quality
    manager (who sees every unit)."""
    if assignee in (None, ""):
        return None
    if isinstance(assignee, str):
        assignee = get_user_model().objects.filter(email__iexact=assignee).first()
    if assignee is None or not is_complaint_staff(assignee):
        raise InvalidInput(
            gettext("Atanan kişi şikâyet personeli olmalıdır."),
            errors={"assignee": [gettext("Bu e-posta adresiyle bir şikâyet personeli yok.")]},
        )
    if not (is_quality_manager(assignee) or unit.members.filter(pk=assignee.pk).exists()):
        raise field_error("assignee", gettext("Atanan kişi bu birimin personeli değil."))
    return assignee


def _require_may_assign(actor, complaint: Complaint, unit: Unit) -> None:
    """Starting the investigation in the complaint's own unit is any of its staff's job;
    moving it to another unit, or reassigning it once handled, is a manager's (R3)."""
    first_in_own_unit = complaint.status == Status.ACKNOWLEDGED and unit.pk == complaint.unit_id
    if not (first_in_own_unit or can_reassign(actor, complaint)):
        raise NotPermitted(
            gettext(
                "Şikâyeti yeniden atamayı yalnız birim yöneticisi ya da kalite yöneticisi "
                "yapabilir."
            )
        )


@atomic
def assign(*, complaint: Complaint, actor, unit: Unit | str, assignee=None) -> Complaint:
    """R3: route to a unit (and optionally a person); from `acknowledged` this starts the
    investigation. Every assignment is an event; the customer sees the unit only."""
    complaint = lock_for_staff(complaint, actor)
    require_open(complaint)
    unit = _resolve_unit(unit)
    _require_may_assign(actor, complaint, unit)
    assignee = _resolve_assignee(assignee, unit)
    before = complaint.status
    if complaint.status == Status.ACKNOWLEDGED:
        apply_transition(complaint, complaint.to_investigating)
    complaint.unit, complaint.assignee = unit, assignee
    save(complaint, "unit", "assignee")
    record_event(
        complaint,
        kind=EventKind.ASSIGNMENT,
        actor=actor,
        from_status=before,
        to_status=complaint.status,
        data={
            "unit": unit.slug,
            "unit_name_tr": unit.name_tr,
            "unit_name_en": unit.name_en,
            "assignee_id": assignee.pk if assignee else None,
        },
    )
    notify_customer(complaint, "assigned", unit_tr=unit.name_tr, unit_en=unit.name_en)
    if assignee is not None and assignee != actor:
        notify_staff(complaint, "staff_assigned")
    return complaint


@atomic
def request_information(*, complaint: Complaint, actor, question: str) -> Complaint:
    """R7: ask the complainant for details; the clock waits for their answer."""
    complaint = lock_for_staff(complaint, actor)
    question = required_text(question, "question")
    before, _ = apply_transition(complaint, complaint.to_awaiting_customer)
    save(complaint)
    InformationRequest.objects.create(
        complaint=complaint, question=question, asked_by=actor, asked_at=timezone.now()
    )
    record_status_change(
        complaint, before, actor=actor, text=question, kind=EventKind.INFORMATION_REQUEST
    )
    notify_customer(complaint, "information_requested", question=question)
    return complaint


@atomic
def resume(*, complaint: Complaint, actor, note: str = "") -> Complaint:
    """R7: continue investigating without (or after) the customer's answer."""
    complaint = lock_for_staff(complaint, actor)
    note = optional_text(note, "note")
    before, _ = apply_transition(complaint, complaint.resume_investigation)
    save(complaint)
    record_status_change(complaint, before, actor=actor, text=note)
    notify_customer(complaint, "investigation_resumed", note=note)
    return complaint


@atomic
def set_estimate(
    *, complaint: Complaint, actor, estimated_resolution_at: datetime, message: str = ""
) -> Complaint:
    """R10: a complaint not resolved within one business day carries an estimate the
    customer has been told."""
    complaint = lock_for_staff(complaint, actor)
    require_open(complaint)
    if complaint.status == Status.IMPLEMENTING:
        raise TransitionNotAllowed(gettext("Çözüm zaten uygulanıyor."))
    if not isinstance(estimated_resolution_at, datetime) or timezone.is_naive(
        estimated_resolution_at
    ):
        raise field_error(
            "estimated_resolution_at", gettext("Saat dilimiyle birlikte bir tarih ve saat girin.")
        )
    if estimated_resolution_at <= timezone.now():
        raise field_error(
            "estimated_resolution_at", gettext("Tahmini çözüm zamanı gelecekte olmalıdır.")
        )
    message = optional_text(message, "message")
    complaint.estimated_resolution_at = estimated_resolution_at
    complaint.estimate_communicated_at = timezone.now()
    save(complaint, "estimated_resolution_at", "estimate_communicated_at")
    record_event(
        complaint,
        kind=EventKind.ESTIMATE,
        actor=actor,
        text=message,
        data={"estimated_resolution_at": estimated_resolution_at.isoformat()},
    )
    notify_customer(
        complaint,
        "estimate",
        estimated_resolution_at=estimated_resolution_at.isoformat(),
        message=message,
    )
    return complaint


def new_proposal(complaint: Complaint, actor, text: str) -> ResolutionProposal:
    """The new proposal, the pending one superseded; the caller saves the complaint with
    `newest_proposal` (models.Complaint), in the same save as its transition."""
    complaint.proposals.filter(decision=Decision.PENDING).update(decision=Decision.SUPERSEDED)
    proposal = ResolutionProposal.objects.create(
        complaint=complaint, text=text, proposed_by=actor, proposed_at=timezone.now()
    )
    complaint.newest_proposal = proposal
    return proposal


@atomic
def propose_resolution(*, complaint: Complaint, actor, text: str) -> Complaint:
    """R12: propose a decision or action to the complainant (from `acknowledged`: quick fix)."""
    complaint = lock_for_staff(complaint, actor)
    text = required_text(text, "text")
    before, _ = apply_transition(complaint, complaint.to_resolution_proposed)
    proposal = new_proposal(complaint, actor, text)
    save(complaint, "newest_proposal")
    record_status_change(
        complaint,
        before,
        actor=actor,
        text=text,
        kind=EventKind.PROPOSAL,
        data={"proposal_id": proposal.pk},
    )
    notify_customer(complaint, "resolution_proposed", proposal=text)
    return complaint


@atomic
def mark_implemented(*, complaint: Complaint, actor, note: str = "") -> Complaint:
    """R13/R11: the accepted resolution was carried out; the complaint closes and the
    customer is told and invited to the satisfaction survey. A root-cause investigation
    needs a corrective action first (R6, R9)."""
    complaint = lock_for_staff(complaint, actor)
    note = optional_text(note, "note")
    if complaint.status == Status.IMPLEMENTING and needs_corrective_action(complaint):
        raise TransitionNotAllowed(
            gettext(
                "Kök neden analizi gereken bir şikâyet, düzeltici faaliyet tanımlanmadan "
                "kapatılamaz."
            )
        )
    before, _ = apply_transition(complaint, complaint.close_resolved)
    now = timezone.now()
    set_closed(complaint, ClosureReason.RESOLVED, at=now)
    complaint.proposals.filter(decision=Decision.ACCEPTED, implemented_at__isnull=True).update(
        implemented_at=now, implementation_note=note
    )
    record_status_change(complaint, before, actor=actor, text=note)
    notify_customer(complaint, "closed_resolved", note=note)
    return complaint


@atomic
def reopen(*, complaint: Complaint, actor, reason: str) -> Complaint:
    """A closed complaint is investigated again (a new fact, a mistaken closure)."""
    complaint = lock_for_staff(complaint, actor)
    reason = required_text(reason, "reason")
    before, _ = apply_transition(complaint, complaint.reopen)
    complaint.closed_at = None
    complaint.closure_reason = ""
    save(complaint, "closed_at", "closure_reason")
    record_status_change(complaint, before, actor=actor, text=reason)
    notify_customer(complaint, "reopened", reason=reason)
    return complaint
