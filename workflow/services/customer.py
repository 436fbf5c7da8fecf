"""What the complainant does (and what staff may record on their behalf, e.g. by phone)."""

from datetime import date, datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from ..errors import InvalidInput, NotPermitted, TransitionNotAllowed
from ..localization import localized
from ..models import (
    AlternativeRoute,
    Complaint,
    ResolutionProposal,
    RouteApplication,
    SatisfactionSurvey,
    new_tracking_token,
)
from ..notifications import notify_customer, notify_staff
from ..rules import is_complaint_staff, is_customer
from ..selectors import applicable_routes
from ..states import ClosureReason, EventKind, Status, Visibility
from ._base import (
    apply_transition,
    atomic,
    choose_one_of,
    lock,
    optional_text,
    record_event,
    record_status_change,
    require_complainant,
    require_complainant_or_staff,
    require_open,
    required_text,
    save,
    set_closed,
)

Decision = ResolutionProposal.Decision


def _pending_proposal(complaint: Complaint) -> ResolutionProposal | None:
    return complaint.proposals.filter(decision=Decision.PENDING).order_by("-proposed_at").first()


@atomic
def answer_information(*, complaint: Complaint, actor, answer: str) -> Complaint:
    """R7: the complainant answers staff's question (staff may record an answer given by
    phone or face to face); the investigation resumes."""
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    answer = required_text(answer, "answer", max_length=settings.MEMNUN_MESSAGE_MAX_LENGTH)
    before, _ = apply_transition(complaint, complaint.resume_investigation)
    save(complaint)
    request = complaint.information_requests.filter(answered_at__isnull=True).last()
    if request is not None:
        request.answer, request.answered_at, request.answered_by = answer, timezone.now(), actor
        request.save(update_fields=["answer", "answered_at", "answered_by"])
    record_status_change(
        complaint,
        before,
        actor=actor,
        text=answer,
        kind=EventKind.MESSAGE,
        data={"information_request_id": request.pk if request else None},
    )
    notify_staff(complaint, "staff_information_answered", answer=answer)
    return complaint


@atomic
def accept_resolution(*, complaint: Complaint, actor) -> Complaint:
    """R13: the complainant accepts; the resolution is to be carried out and recorded."""
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    return accepted(complaint, actor=actor)


def accepted(complaint: Complaint, *, actor, text: str = "", data: dict | None = None) -> Complaint:
    """The acceptance itself, on a locked and permission-checked complaint (shared with
    `record_acceptance`, where staff record an answer given by phone, face to face or post)."""
    before, _ = apply_transition(complaint, complaint.to_implementing)
    save(complaint)
    proposal = _pending_proposal(complaint)
    if proposal is not None:
        proposal.decision, proposal.decided_at = Decision.ACCEPTED, timezone.now()
        proposal.save(update_fields=["decision", "decided_at"])
    record_status_change(
        complaint,
        before,
        actor=actor,
        text=text,
        kind=EventKind.DECISION,
        data={
            "decision": "accepted",
            "proposal_id": proposal.pk if proposal else None,
            **(data or {}),
        },
    )
    notify_customer(complaint, "resolution_accepted")
    notify_staff(complaint, "staff_resolution_accepted")
    return complaint


@atomic
def reject_resolution(*, complaint: Complaint, actor, reason: str) -> Complaint:
    """R14: the rejection and its reason are recorded, the complaint stays open, and the
    customer is shown the internal and external alternative routes for the category."""
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    reason = required_text(reason, "reason")
    return rejected(complaint, actor=actor, reason=reason)


def rejected(complaint: Complaint, *, actor, reason: str, data: dict | None = None) -> Complaint:
    """The rejection itself, on a locked and permission-checked complaint with a checked
    reason (shared with `record_rejection`)."""
    before, _ = apply_transition(complaint, complaint.to_rejected)
    proposal = _pending_proposal(complaint)
    if proposal is not None:
        complaint.proposal_rejected = True  # what `routes_stage` reads (models.Complaint)
    save(complaint, "proposal_rejected")
    routes = list(applicable_routes(complaint.category_id))
    if proposal is not None:
        proposal.decision, proposal.decided_at = Decision.REJECTED, timezone.now()
        proposal.rejection_reason = reason
        proposal.save(update_fields=["decision", "decided_at", "rejection_reason"])
        proposal.routes_offered.set(routes)
    record_status_change(
        complaint,
        before,
        actor=actor,
        text=reason,
        kind=EventKind.DECISION,
        data={
            "decision": "rejected",
            "proposal_id": proposal.pk if proposal else None,
            "routes": [route.pk for route in routes],
            **(data or {}),
        },
    )
    notify_customer(
        complaint,
        "resolution_rejected",
        reason=reason,
        routes=[
            {"name": localized(route, "name", complaint.language), "url": route.url}
            for route in routes
        ],
    )
    notify_staff(complaint, "staff_rejection_to_review", reason=reason)
    return complaint


@atomic
def withdraw(*, complaint: Complaint, actor, reason: str = "") -> Complaint:
    """The complainant withdraws (staff may record a withdrawal made by phone)."""
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    reason = optional_text(reason, "reason")
    before, _ = apply_transition(complaint, complaint.close_withdrawn)
    set_closed(complaint, ClosureReason.WITHDRAWN)
    record_status_change(complaint, before, actor=actor, text=reason)
    notify_customer(complaint, "withdrawn", reason=reason)
    notify_staff(complaint, "staff_withdrawn", reason=reason)
    return complaint


@atomic
def add_note(
    *, complaint: Complaint, actor, text: str, visibility: str = Visibility.CUSTOMER
) -> Complaint:
    """R4/R12: a message between the complainant and staff, or an internal staff note.

    Staff may add internal notes to closed complaints; messages need an open complaint.
    """
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    text = required_text(text, "text", max_length=settings.MEMNUN_MESSAGE_MAX_LENGTH)
    if visibility not in Visibility.values:
        raise InvalidInput(
            gettext("Bilinmeyen görünürlük."),
            errors={"visibility": [choose_one_of(Visibility.values)]},
        )
    staff = is_complaint_staff(actor)
    if not staff:
        visibility = Visibility.CUSTOMER
    if visibility == Visibility.CUSTOMER:
        require_open(complaint)
    kind = EventKind.NOTE if visibility == Visibility.INTERNAL else EventKind.MESSAGE
    record_event(complaint, kind=kind, actor=actor, text=text, visibility=visibility)
    complaint.save(update_fields=["updated_at"])
    if visibility == Visibility.CUSTOMER:  # internal notes never leave the staff side
        if staff:
            notify_customer(complaint, "message_from_staff", message=text)
        else:
            notify_staff(complaint, "staff_message_from_customer", message=text)
    return complaint


@atomic
def submit_survey(
    *,
    complaint: Complaint,
    actor,
    resolution_score: int,
    process_score: int,
    comment: str = "",
) -> Complaint:
    """R11/R15: once closed, the complainant rates the resolution and the process, once."""
    complaint = lock(complaint)
    require_complainant(actor, complaint)
    errors = {
        name: [gettext("1 ile 5 arasında bir puan seçin.")]
        for name, value in (
            ("resolution_score", resolution_score),
            ("process_score", process_score),
        )
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5
    }
    if errors:
        raise InvalidInput(gettext("Puanlar 1 ile 5 arasındadır."), errors=errors)
    comment = optional_text(comment, "comment", max_length=5000)
    if complaint.status != Status.CLOSED:
        raise TransitionNotAllowed(gettext("Anket, şikâyet kapatıldığında açılır."))
    if SatisfactionSurvey.objects.filter(complaint=complaint).exists():
        raise TransitionNotAllowed(gettext("Anket zaten dolduruldu."))
    SatisfactionSurvey.objects.create(
        complaint=complaint,
        resolution_score=resolution_score,
        process_score=process_score,
        comment=comment,
        submitted_at=timezone.now(),
    )
    record_event(
        complaint,
        kind=EventKind.SURVEY,
        actor=actor,
        text=comment,
        data={"resolution_score": resolution_score, "process_score": process_score},
    )
    notify_staff(
        complaint,
        "staff_survey_received",
        resolution_score=resolution_score,
        process_score=process_score,
    )
    return complaint


@atomic
def record_route_application(
    *,
    complaint: Complaint,
    actor,
    route: AlternativeRoute | int,
    applied_on: date,
    external_reference: str = "",
    note: str = "",
) -> Complaint:
    """R14: the complainant records "I applied to X on <date>, reference <ref>"."""
    complaint = lock(complaint)
    require_complainant_or_staff(actor, complaint)
    if not (
        complaint.status == Status.REJECTED
        or complaint.closure_reason == ClosureReason.FINAL_DECISION
    ):
        raise TransitionNotAllowed(
            gettext("Alternatif yollar, bir çözüm reddedildikten sonra sunulur.")
        )
    route_obj = (
        applicable_routes(complaint.category_id).filter(pk=getattr(route, "pk", route)).first()
    )
    errors = {}
    if route_obj is None:
        errors["route"] = [gettext("Bu yol bu şikâyet için sunulmuyor.")]
    if (
        isinstance(applied_on, datetime)
        or not isinstance(applied_on, date)
        or applied_on > timezone.localdate()
    ):
        errors["applied_on"] = [gettext("Bugünden ileri olmayan bir tarih girin.")]
    if errors:
        raise InvalidInput(gettext("Başvuru kaydedilemedi."), errors=errors)
    external_reference = optional_text(external_reference, "external_reference", max_length=100)
    note = optional_text(note, "note", max_length=2000)
    RouteApplication.objects.create(
        complaint=complaint,
        route=route_obj,
        applied_on=applied_on,
        external_reference=external_reference,
        note=note,
    )
    record_event(
        complaint,
        kind=EventKind.ROUTE_RECORD,
        actor=actor,
        text=note,
        data={
            "route": route_obj.pk,
            "route_name": route_obj.name_tr,
            "applied_on": applied_on.isoformat(),
            "external_reference": external_reference,
        },
    )
    complaint.save(update_fields=["updated_at"])
    notify_staff(complaint, "staff_route_recorded", route=route_obj.name_tr)
    return complaint


@atomic
def claim_complaint(*, actor, tracking_token: str) -> Complaint:
    """R8/R12: a complaint filed without an account (the public web form, or staff intake
    for someone with no account) joins the complainant's account, so they can follow and
    answer it in the portal.

    Only a customer whose verified e-mail address is the complaint's contact address may
    claim it, and only once. The tracking link is replaced: the e-mailed link stops giving
    access without signing in.
    """
    if not is_customer(actor):
        raise NotPermitted(gettext("Şikâyeti yalnız bir müşteri hesabına bağlayabilirsiniz."))
    matches = Complaint.objects.filter(tracking_token=tracking_token)
    pk = matches.values_list("pk", flat=True).first() if tracking_token else None
    if pk is None:
        raise NotPermitted(gettext("Böyle bir şikâyet yok."))
    complaint = lock(pk)
    if complaint.customer_id is not None:
        raise NotPermitted(gettext("Bu şikâyet zaten bir hesaba bağlı."))
    addresses = EmailAddress.objects.filter(user=actor, email__iexact=complaint.contact_email)
    if not complaint.contact_email or not addresses.filter(verified=True).exists():
        if complaint.contact_email and addresses.exists():
            raise NotPermitted(
                gettext("Önce e-posta adresinizi doğrulayın, sonra yeniden deneyin.")
            )
        raise NotPermitted(
            gettext(
                "Bu şikâyeti, başvuruda yazılan e-posta adresiyle doğrulanmış bir hesapla "
                "sahiplenebilirsiniz."
            )
        )
    complaint.customer = actor
    complaint.tracking_token = new_tracking_token()
    save(complaint, "customer", "tracking_token")
    with translation.override(complaint.language):  # the complainant reads it, like a message
        text = gettext("Şikâyet, başvuru sahibinin hesabına bağlandı.")
    record_event(complaint, kind=EventKind.MESSAGE, actor=actor, text=text, data={"claimed": True})
    return complaint
