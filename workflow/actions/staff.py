"""What complaint staff may do (DESIGN.md "Staff actions"; the console and the staff API)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from .. import services
from ..errors import NotPermitted
from ..rules import can_reassign, is_final_decision_proposer, may_decide_final
from ..selectors import needs_corrective_action
from ..states import Status
from . import forms
from .base import NOT_NOW, STAFF, Action, open_refusal
from .registry import register


class StaffAction(Action):
    audience = STAFF


@register
class Acknowledge(StaffAction):
    """R5: the complainant was told the complaint was received."""

    name = "acknowledge"
    label = _("Alındığını bildir")
    form_class = forms.AcknowledgeForm
    transition = "to_acknowledged"

    def execute(self, complaint, user, cleaned_data):
        return services.acknowledge(complaint=complaint, actor=user, **cleaned_data)


@register
class Assign(StaffAction):
    """R3: route to a unit (and a person); from `acknowledged` the investigation starts."""

    name = "assign"
    label = _("Yönlendir")
    form_class = forms.AssignForm

    def role_refusal(self, complaint, user):
        """Any of the unit's staff starts the investigation there (from `acknowledged`);
        moving it to another unit or person is a manager's. Which unit is the service's call
        (`services.assign`), as it depends on the unit chosen."""
        refusal = super().role_refusal(complaint, user)
        if (
            refusal is None
            and complaint.status != Status.ACKNOWLEDGED
            and not can_reassign(user, complaint)
        ):
            return NotPermitted(
                gettext(
                    "Şikâyeti yeniden atamayı yalnız birim yöneticisi ya da kalite "
                    "yöneticisi yapabilir."
                )
            )
        return refusal

    def state_refusal(self, complaint):
        return open_refusal(complaint)

    def execute(self, complaint, user, cleaned_data):
        return services.assign(complaint=complaint, actor=user, **cleaned_data)


@register
class RequestInformation(StaffAction):
    """R7: ask the complainant for details."""

    name = "request_information"
    label = _("Bilgi iste")
    form_class = forms.RequestInformationForm
    transition = "to_awaiting_customer"

    def execute(self, complaint, user, cleaned_data):
        return services.request_information(complaint=complaint, actor=user, **cleaned_data)


@register
class Resume(StaffAction):
    """R7: investigate on without (or after) the answer."""

    name = "resume"
    label = _("İncelemeye devam et")
    form_class = forms.NoteForm
    transition = "resume_investigation"

    def execute(self, complaint, user, cleaned_data):
        return services.resume(complaint=complaint, actor=user, **cleaned_data)


@register
class SetEstimate(StaffAction):
    """R10: the estimated resolution time the customer is told."""

    name = "set_estimate"
    label = _("Tahmini çözüm zamanını bildir")
    form_class = forms.SetEstimateForm

    def state_refusal(self, complaint):
        if complaint.status == Status.IMPLEMENTING:
            return gettext("Çözüm zaten uygulanıyor.")
        return open_refusal(complaint)

    def execute(self, complaint, user, cleaned_data):
        return services.set_estimate(complaint=complaint, actor=user, **cleaned_data)


@register
class ProposeResolution(StaffAction):
    """R12: propose a decision or action (from `acknowledged`: a quick fix)."""

    name = "propose_resolution"
    label = _("Çözüm öner")
    form_class = forms.ProposeResolutionForm
    transition = "to_resolution_proposed"

    def execute(self, complaint, user, cleaned_data):
        return services.propose_resolution(complaint=complaint, actor=user, **cleaned_data)


@register
class MarkImplemented(StaffAction):
    """R13/R11: the accepted resolution was carried out; the complaint closes."""

    name = "mark_implemented"
    label = _("Uygulandı, kapat")
    form_class = forms.NoteForm
    transition = "close_resolved"

    def state_refusal(self, complaint):
        refusal = super().state_refusal(complaint)
        if refusal is None and needs_corrective_action(complaint):
            return gettext(
                "Kök neden analizi gereken bir şikâyet, düzeltici faaliyet tanımlanmadan "
                "kapatılamaz."
            )
        return refusal

    def execute(self, complaint, user, cleaned_data):
        return services.mark_implemented(complaint=complaint, actor=user, **cleaned_data)


@register
class ReviewRejection(StaffAction):
    """R14: investigate again, propose a revised resolution, or close with a final decision."""

    name = "review_rejection"
    label = _("Reddi değerlendir")
    form_class = forms.ReviewRejectionForm

    def state_refusal(self, complaint):
        if complaint.status != Status.REJECTED:
            return str(NOT_NOW)
        if complaint.has_pending_final_decision:  # R14 four eyes: approve or return it first
            return gettext(
                "Bu şikâyet için onay bekleyen bir nihai karar var; önce onaylanmalı ya da "
                "iade edilmelidir."
            )
        return None

    def execute(self, complaint, user, cleaned_data):
        return services.review_rejection(complaint=complaint, actor=user, **cleaned_data)


@register
class AddNote(StaffAction):
    """R4/R12: an internal note (any time) or a message to the customer (open complaints)."""

    name = "add_note"
    label = _("Not ekle")
    form_class = forms.AddNoteForm

    def execute(self, complaint, user, cleaned_data):
        return services.add_note(complaint=complaint, actor=user, **cleaned_data)


@register
class Reopen(StaffAction):
    """A closed complaint is investigated again."""

    name = "reopen"
    label = _("Yeniden aç")
    form_class = forms.ReopenForm
    transition = "reopen"

    def execute(self, complaint, user, cleaned_data):
        return services.reopen(complaint=complaint, actor=user, **cleaned_data)


@register
class AddCorrectiveAction(StaffAction):
    """R9 (and R6: a root-cause complaint needs one before it closes): any open complaint."""

    name = "add_corrective_action"
    label = _("Düzeltici faaliyet ekle")
    form_class = forms.CorrectiveActionForm

    def state_refusal(self, complaint):
        return open_refusal(complaint)

    def form_kwargs(self, complaint):
        return {"complaint": complaint}

    def execute(self, complaint, user, cleaned_data):
        values = dict(cleaned_data)
        existing = values.pop("existing", None)
        if existing is not None:  # link it; the new action's fields are not used
            return services.add_corrective_action(
                complaint=complaint, actor=user, existing=existing
            )
        return services.add_corrective_action(complaint=complaint, actor=user, **values)


@register
class RecordAcceptance(StaffAction):
    """R13: the complainant accepted the proposal by phone, face to face or post."""

    name = "record_acceptance"
    label = _("Müşterinin kabulünü kaydet")
    form_class = forms.RecordAcceptanceForm
    transition = "to_implementing"

    def execute(self, complaint, user, cleaned_data):
        return services.record_acceptance(complaint=complaint, actor=user, **cleaned_data)


@register
class RecordRejection(StaffAction):
    """R14: the complainant rejected the proposal by phone, face to face or post."""

    name = "record_rejection"
    label = _("Müşterinin reddini kaydet")
    form_class = forms.RecordRejectionForm
    transition = "to_rejected"

    def execute(self, complaint, user, cleaned_data):
        return services.record_rejection(complaint=complaint, actor=user, **cleaned_data)


class FinalDecisionAction(StaffAction):
    """R14 four eyes: a unit manager of the complaint's unit or a quality manager, never the
    proposer, approves or returns a pending final decision (`services.review`)."""

    def role_refusal(self, complaint, user):
        refusal = super().role_refusal(complaint, user)
        if refusal is not None:
            return refusal
        if not may_decide_final(user, complaint):
            return NotPermitted(
                gettext(
                    "Nihai kararı yalnız şikâyetin biriminin yöneticisi ya da bir kalite "
                    "yöneticisi onaylayabilir veya iade edebilir."
                )
            )
        if is_final_decision_proposer(user, complaint):
            return NotPermitted(
                gettext(
                    "Nihai kararı öneren kişi onu onaylayamaz ya da iade edemez; ikinci bir "
                    "yönetici gerekir."
                )
            )
        return None

    def state_refusal(self, complaint):
        if not complaint.has_pending_final_decision or not can_proceed(
            complaint.close_with_final_decision
        ):
            return gettext("Onay bekleyen bir nihai karar yok.")
        return None


@register
class ApproveFinalDecision(FinalDecisionAction):
    """R14: the second manager approves; the complaint closes and the customer is told."""

    name = "approve_final_decision"
    label = _("Nihai kararı onayla")
    form_class = forms.NoteForm

    def execute(self, complaint, user, cleaned_data):
        return services.approve_final_decision(complaint=complaint, actor=user, **cleaned_data)


@register
class ReturnFinalDecision(FinalDecisionAction):
    """R14: the second manager sends it back to the proposer; it stays `rejected`."""

    name = "return_final_decision"
    label = _("Nihai kararı iade et")
    form_class = forms.ReturnFinalDecisionForm

    def execute(self, complaint, user, cleaned_data):
        return services.return_final_decision(complaint=complaint, actor=user, **cleaned_data)
