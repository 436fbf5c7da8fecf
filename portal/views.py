"""Customer portal pages (DESIGN.md "customer portal"): server-rendered, no JavaScript needed.

Views read through `workflow.selectors` and change a complaint only through
`workflow.services`; a customer only ever reaches complaints inside
`complaints_for_customer`, so another customer's complaint is a 404.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView

from workflow import services
from workflow.errors import (
    ComplaintNotFound,
    ConcurrentChange,
    InvalidInput,
    NotPermitted,
    TransitionNotAllowed,
)
from workflow.localization import localized, route_text
from workflow.models import Complaint, ComplaintEvent, ResolutionProposal
from workflow.rules import is_customer
from workflow.selectors import (
    applicable_routes,
    complaints_for_customer,
    current_proposal,
    customer_facing_actor,
    customer_visible_attachments,
    events_for_customer,
    routes_stage,
)
from workflow.services.profile import profile_of
from workflow.states import ClosureReason, EventKind, Status

from . import forms
from .throttles import MESSAGE_THROTTLES, ComplaintCreateThrottle, refuse_if_throttled

NOT_NOW = _("Bu işlem şikâyetin şu anki durumunda yapılamaz.")
CHANGED_MEANWHILE = _("Şikâyet siz işlem yaparken değişti. Sayfadaki son durumu kontrol edin.")
FIX_ERRORS = _("İşlem yapılamadı: formdaki hataları düzeltin.")

# What happens next, as the customer sees it; True when it is their turn to act.
NEXT_STEPS = {
    Status.RECEIVED: (_("Şikâyetinizin alındığı size bildirilecek"), False),
    Status.ACKNOWLEDGED: (_("İlgili birime yönlendirilecek"), False),
    Status.INVESTIGATING: (_("Ekibimiz inceliyor"), False),
    Status.AWAITING_CUSTOMER: (_("Sorumuzu yanıtlayın"), True),
    Status.RESOLUTION_PROPOSED: (_("Çözüm önerisini kabul edin veya reddedin"), True),
    Status.REJECTED: (_("Ret gerekçeniz değerlendiriliyor"), False),
    Status.IMPLEMENTING: (_("Kabul ettiğiniz çözüm uygulanıyor"), False),
}


def has_survey(complaint: Complaint) -> bool:
    try:
        return complaint.survey is not None
    except ObjectDoesNotExist:
        return False


def next_step(complaint: Complaint) -> tuple[str, bool]:
    if complaint.status != Status.CLOSED:
        return NEXT_STEPS[complaint.status]
    if has_survey(complaint):
        return _("Yapmanız gereken bir şey yok"), False
    return _("Memnuniyet anketini doldurun"), True


def customer_complaints(user):
    return complaints_for_customer(user).select_related("survey")


def get_customer_complaint(request, reference: str) -> Complaint:
    # Looked up inside the customer's own complaints only: anyone else's is a 404.
    return get_object_or_404(customer_complaints(request.user), reference=reference)


class CustomerRequiredMixin(LoginRequiredMixin):
    """Signed-in customers only; staff handle complaints in the staff console."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not is_customer(user):
            if user.is_staff:
                return redirect("/admin/")
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ComplaintListView(CustomerRequiredMixin, ListView):
    template_name = "portal/complaint_list.html"
    context_object_name = "complaints"
    paginate_by = 20

    def get_queryset(self):
        return customer_complaints(self.request.user).order_by("-received_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [(item, *next_step(item)) for item in context["object_list"]]
        return context


class FileComplaintView(CustomerRequiredMixin, FormView):
    """File a complaint through the portal (R2); the service routes it and starts the clock."""

    template_name = "portal/complaint_form.html"
    form_class = forms.ComplaintForm

    def get_initial(self):
        # R5: the contact preferences saved in the profile
        profile = profile_of(self.request.user)
        return {
            "preferred_contact_method": profile.preferred_contact_method,
            "phone": profile.phone,
        }

    def form_valid(self, form):
        refused = refuse_if_throttled(
            self.request, self, [ComplaintCreateThrottle], back_url=reverse("portal:complaints")
        )
        if refused:
            return refused
        data = form.cleaned_data
        try:
            complaint = services.file_complaint(
                actor=self.request.user,
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                preferred_contact_method=data["preferred_contact_method"],
                contact_phone=data["phone"],
                language=self.request.LANGUAGE_CODE,
                attachments=data["attachments"],
            )
        except InvalidInput as error:
            forms.add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("Şikâyetiniz alındı. Başvuru numaranız: %(reference)s")
            % {"reference": complaint.reference},
        )
        return redirect("portal:detail", reference=complaint.reference)


# --- the detail page -------------------------------------------------------------------------


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


def timeline_entry(event: ComplaintEvent, *, user, routes: dict) -> TimelineEntry:
    """One customer-visible event; an assignment shows the unit, never the staff member."""
    data = event.data or {}
    own = user.pk and event.actor_id == user.pk and event.kind != EventKind.ASSIGNMENT
    actor = gettext("Siz") if own else customer_facing_actor(event)
    text, details = event.text, []
    if event.kind == EventKind.ASSIGNMENT:
        text = text or gettext("Şikâyetiniz %(unit)s birimine yönlendirildi.") % {"unit": actor}
    elif event.kind == EventKind.ESTIMATE and data.get("estimated_resolution_at"):
        details.append((_("Tahmini çözüm zamanı"), parse_datetime(data["estimated_resolution_at"])))
    elif event.kind == EventKind.ROUTE_RECORD:
        route = routes.get(data.get("route"))
        name = localized(route, "name") if route else data.get("route_name")
        details += [
            (_("Başvurulan yol"), name),
            (_("Başvuru tarihi"), parse_date(data.get("applied_on") or "")),
        ]
        if data.get("external_reference"):
            details.append((_("Başvuru numarası"), data["external_reference"]))
    elif event.kind == EventKind.SURVEY:
        details += [
            (_("Çözüm puanı"), data.get("resolution_score")),
            (_("Süreç puanı"), data.get("process_score")),
        ]
    return TimelineEntry(
        at=event.created_at,
        kind=event.kind,
        kind_label=event.get_kind_display(),
        from_label=event.get_from_status_display() if event.from_status else "",
        to_label=event.get_to_status_display() if event.to_status else "",
        text=text,
        actor=actor,
        details=details,
    )


# The forms of the detail page; each posts to the action of the same name.
FORM_CLASSES = {
    "accept": forms.AcceptForm,
    "reject": forms.RejectForm,
    "answer": forms.AnswerForm,
    "message": forms.MessageForm,
    "withdraw": forms.WithdrawForm,
    "survey": forms.SurveyForm,
    "route": forms.RouteApplicationForm,
}


def make_form(name: str, complaint: Complaint, data=None):
    kwargs = {"auto_id": f"{name}-%s"}  # several forms share a page: keep the ids unique
    if name == "route":
        kwargs["routes"] = applicable_routes(complaint.category_id)
    if name == "survey":
        kwargs["closure_reason"] = complaint.closure_reason
    return FORM_CLASSES[name](data, **kwargs)


def forms_shown(complaint: Complaint, *, routes_offered: bool) -> dict[str, bool]:
    """Which action forms the page offers now (the services still decide what is allowed)."""
    return {
        "accept": complaint.status == Status.RESOLUTION_PROPOSED,
        "reject": complaint.status == Status.RESOLUTION_PROPOSED,
        "answer": complaint.status == Status.AWAITING_CUSTOMER,
        # while staff wait for an answer, the answer form is the way to write to them
        "message": complaint.is_open and complaint.status != Status.AWAITING_CUSTOMER,
        "withdraw": complaint.is_open,
        "survey": complaint.status == Status.CLOSED and not has_survey(complaint),
        "route": routes_offered
        and (
            complaint.status == Status.REJECTED
            or complaint.closure_reason == ClosureReason.FINAL_DECISION
        ),
    }


def render_detail(request, complaint: Complaint, *, bound=None, status: int = 200):
    """The detail page with the forms that apply to the complaint's state now.

    `bound` replaces the blank form of an action that failed, so its errors and what the
    customer typed are shown again.
    """
    bound = bound or {}
    proposal = current_proposal(complaint)
    if proposal is not None and proposal.decision == ResolutionProposal.Decision.SUPERSEDED:
        proposal = None
    stage = routes_stage(complaint)
    applicable = list(applicable_routes(complaint.category_id))
    routes = applicable if stage else []
    question = None
    if complaint.status == Status.AWAITING_CUSTOMER:
        question = complaint.information_requests.filter(answered_at__isnull=True).last()
    page_forms = {
        f"{name}_form": bound[name] if name in bound else make_form(name, complaint)
        for name, shown in forms_shown(complaint, routes_offered=bool(routes)).items()
        if shown
    }
    routes_by_pk = {route.pk: route for route in applicable}  # route records keep their names
    timeline = [
        timeline_entry(event, user=request.user, routes=routes_by_pk)
        for event in events_for_customer(complaint)
    ]
    context = {
        "complaint": complaint,
        "proposal": proposal,
        "question": question,
        "routes": [
            {**route_text(route), "kind_label": route.get_kind_display()} for route in routes
        ],
        "routes_stage": stage,
        "timeline": timeline,
        "next_step": next_step(complaint),
        **page_forms,
        "attachments": customer_visible_attachments(complaint),
        "attachment_form": bound.get("attachment")
        or (forms.AttachmentForm() if complaint.is_open else None),
    }
    return render(request, "portal/complaint_detail.html", context, status=status)


class ComplaintDetailView(CustomerRequiredMixin, View):
    def get(self, request, reference):
        return render_detail(request, get_customer_complaint(request, reference))


def back_to_top(reference: str):
    """The detail page, scrolled to where the messages are.

    The forms post to `.../<action>/#<their section>` so that a page re-rendered with errors
    opens at the form; without a fragment of its own, the redirect would inherit that one.
    """
    return redirect(reverse("portal:detail", args=[reference]) + "#main")


@method_decorator(require_POST, name="dispatch")
class ComplaintActionView(CustomerRequiredMixin, View):
    """POST one action's form; the service does the change (or refuses, changing nothing)."""

    action: str
    success_message: str
    throttles: list = []  # portal.throttles classes; refused with the 429 page

    def perform(self, complaint: Complaint, data: dict) -> None:
        raise NotImplementedError

    def post(self, request, reference):
        complaint = get_customer_complaint(request, reference)
        refused = refuse_if_throttled(
            request, self, self.throttles, back_url=reverse("portal:detail", args=[reference])
        )
        if refused:
            return refused
        form = make_form(self.action, complaint, request.POST)
        if form.is_valid():
            try:
                self.perform(complaint, form.cleaned_data)
            except InvalidInput as error:
                forms.add_service_errors(form, error)
            except ConcurrentChange:
                messages.error(request, CHANGED_MEANWHILE)
                return back_to_top(reference)
            except TransitionNotAllowed:
                messages.error(request, NOT_NOW)
                return back_to_top(reference)
            except NotPermitted:
                raise PermissionDenied
            except ComplaintNotFound:
                raise Http404
            else:
                messages.success(request, self.success_message)
                return back_to_top(reference)
        elif not self.offered_now(complaint):
            # the form is not on the page any more (the state moved on): say so instead
            messages.error(request, NOT_NOW)
            return back_to_top(reference)
        messages.error(request, FIX_ERRORS)
        return render_detail(request, complaint, bound={self.action: form}, status=400)

    def offered_now(self, complaint: Complaint) -> bool:
        routes_offered = (
            routes_stage(complaint) is not None
            and applicable_routes(complaint.category_id).exists()
        )
        return forms_shown(complaint, routes_offered=routes_offered)[self.action]


class AcceptView(ComplaintActionView):
    action = "accept"
    success_message = _("Çözümü kabul ettiniz. Uygulandığında size haber vereceğiz.")

    def perform(self, complaint, data):
        services.accept_resolution(complaint=complaint, actor=self.request.user)


class RejectView(ComplaintActionView):
    action = "reject"
    success_message = _(
        "Ret gerekçeniz kaydedildi. Başvurabileceğiniz diğer yollar aşağıda listelenmiştir."
    )

    def perform(self, complaint, data):
        services.reject_resolution(
            complaint=complaint, actor=self.request.user, reason=data["reason"]
        )


class AnswerView(ComplaintActionView):
    action = "answer"
    success_message = _("Yanıtınız iletildi; incelemeye devam ediyoruz.")

    def perform(self, complaint, data):
        services.answer_information(
            complaint=complaint, actor=self.request.user, answer=data["answer"]
        )


class MessageView(ComplaintActionView):
    action = "message"
    success_message = _("Mesajınız iletildi.")
    throttles = MESSAGE_THROTTLES  # the same counters as POST /api/v1/complaints/<ref>/messages/

    def perform(self, complaint, data):
        # As in the API: while staff wait for information, a message is the answer (R7).
        if complaint.status == Status.AWAITING_CUSTOMER:
            services.answer_information(
                complaint=complaint, actor=self.request.user, answer=data["text"]
            )
        else:
            services.add_note(complaint=complaint, actor=self.request.user, text=data["text"])


class WithdrawView(ComplaintActionView):
    action = "withdraw"
    success_message = _("Şikâyetiniz geri çekildi ve kapatıldı.")

    def perform(self, complaint, data):
        services.withdraw(complaint=complaint, actor=self.request.user, reason=data["reason"])


class SurveyView(ComplaintActionView):
    action = "survey"
    success_message = _("Değerlendirmeniz için teşekkür ederiz.")

    def perform(self, complaint, data):
        services.submit_survey(complaint=complaint, actor=self.request.user, **data)


class RouteApplicationView(ComplaintActionView):
    action = "route"
    success_message = _("Başvurunuz kaydedildi.")

    def perform(self, complaint, data):
        services.record_route_application(complaint=complaint, actor=self.request.user, **data)
