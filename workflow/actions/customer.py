"""What the complainant may do (DESIGN.md "Customer actions"; the portal and the customer API)."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .. import services
from ..models import Complaint
from ..selectors import cached_routes_for
from ..states import ClosureReason, Status
from . import forms
from .base import CUSTOMER, Action, open_refusal, translated
from .registry import register


class CustomerAction(Action):
    audience = CUSTOMER


def with_document(complaint: Complaint, user, file) -> Complaint:
    """Add the document sent with a message or an answer, if any (inside the caller's
    transaction: `InvalidInput`/`TooLarge` undo the message too)."""
    if file is not None:
        services.add_attachment(complaint=complaint, actor=user, file=file)
    return complaint


@register
class Accept(CustomerAction):
    """R13: accept the proposed resolution."""

    name = "accept"
    label = _("Öneriyi kabul ediyorum")
    form_class = forms.AcceptForm
    transition = "to_implementing"

    def execute(self, complaint, user, cleaned_data):
        return services.accept_resolution(complaint=complaint, actor=user)


@register
class Reject(CustomerAction):
    """R14: reject it with a reason; the alternative routes are shown."""

    name = "reject"
    label = _("Öneriyi kabul etmiyorum")
    form_class = forms.RejectForm
    transition = "to_rejected"

    def execute(self, complaint, user, cleaned_data):
        return services.reject_resolution(
            complaint=complaint, actor=user, reason=cleaned_data["reason"]
        )


@register
class Answer(CustomerAction):
    """R7: answer staff's question."""

    name = "answer"
    label = _("Yanıtı gönder")
    form_class = forms.AnswerForm
    transition = "resume_investigation"

    @transaction.atomic  # a refused document takes its answer back with it
    def execute(self, complaint, user, cleaned_data):
        complaint = services.answer_information(
            complaint=complaint, actor=user, answer=cleaned_data["answer"]
        )
        return with_document(complaint, user, cleaned_data.get("file"))


@register
class Messages(CustomerAction):
    """R4/R12: write to staff about an open complaint. While staff wait for information
    (R7), the message is the answer to their question."""

    name = "messages"
    label = _("Mesajı gönder")
    form_class = forms.MessageForm

    def state_refusal(self, complaint):
        return open_refusal(complaint)

    @transaction.atomic  # a refused document takes its message back with it
    def execute(self, complaint, user, cleaned_data):
        if complaint.status == Status.AWAITING_CUSTOMER:
            complaint = services.answer_information(
                complaint=complaint, actor=user, answer=cleaned_data["text"]
            )
        else:
            complaint = services.add_note(
                complaint=complaint, actor=user, text=cleaned_data["text"]
            )
        return with_document(complaint, user, cleaned_data.get("file"))


@register
class Withdraw(CustomerAction):
    name = "withdraw"
    label = _("Şikâyeti geri çek")
    form_class = forms.WithdrawForm
    transition = "close_withdrawn"

    def execute(self, complaint, user, cleaned_data):
        return services.withdraw(
            complaint=complaint, actor=user, reason=cleaned_data.get("reason", "")
        )


def has_survey(complaint: Complaint) -> bool:
    try:
        return complaint.survey is not None
    except ObjectDoesNotExist:
        return False


@register
class Survey(CustomerAction):
    """R11/R15: rate the resolution and the process once the complaint is closed; once."""

    name = "survey"
    label = _("Değerlendirmeyi gönder")
    form_class = forms.SurveyForm

    def state_refusal(self, complaint):
        if complaint.status != Status.CLOSED:
            return translated(gettext_noop("Anket, şikâyet kapatıldığında açılır."))
        if has_survey(complaint):
            return translated(gettext_noop("Anket zaten dolduruldu."))
        return None

    def form_kwargs(self, complaint):
        return {"closure_reason": complaint.closure_reason}

    def execute(self, complaint, user, cleaned_data):
        return services.submit_survey(complaint=complaint, actor=user, **cleaned_data)


def routes_available(complaint: Complaint) -> bool:
    """Whether any alternative route applies to the complaint's category. The staff querysets
    annotate it; the customer's pages and API note it from the routes they read for the page
    (`selectors.note_routes_available`), so a list does not ask once per complaint. Otherwise
    (a single complaint, e.g. an action's POST) the cached active routes answer."""
    known = getattr(complaint, "routes_available", None)
    if known is not None:
        return known
    return bool(cached_routes_for(complaint.category_id))


@register
class RecordRoute(CustomerAction):
    """R14: "I applied to X on <date>, reference <ref>", once routes were offered."""

    name = "route"
    label = _("Başvurumu kaydet")
    form_class = forms.RouteApplicationForm

    def state_refusal(self, complaint):
        rejected = (
            complaint.status == Status.REJECTED
            or complaint.closure_reason == ClosureReason.FINAL_DECISION
        )
        if not rejected or not routes_available(complaint):
            return translated(
                gettext_noop("Alternatif yollar, bir çözüm reddedildikten sonra sunulur.")
            )
        return None

    def form_kwargs(self, complaint):
        # the routes the page read for itself (`note_routes_available`), else the cached list
        routes = getattr(complaint, "noted_routes", None)
        if routes is None:
            routes = cached_routes_for(complaint.category_id)
        return {"routes": routes}

    def execute(self, complaint, user, cleaned_data):
        return services.record_route_application(complaint=complaint, actor=user, **cleaned_data)
