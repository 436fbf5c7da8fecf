"""Customer portal pages (DESIGN.md "customer portal"): server-rendered, no JavaScript needed.

Views read through `workflow.selectors` and change a complaint only through
`workflow.services`; a customer only ever reaches complaints inside
`complaints_for_customer`, so another customer's complaint is a 404.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template import engines
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView

from workflow import services
from workflow.actions import CUSTOMER, Action, all_actions, available_actions, get_action
from workflow.actions.customer import has_survey
from workflow.errors import (
    ComplaintNotFound,
    ConcurrentChange,
    InvalidInput,
    NotPermitted,
    TooLarge,
    TransitionNotAllowed,
)
from workflow.localization import route_text
from workflow.models import Complaint, ResolutionProposal
from workflow.pagination import CountWhenNeededPaginator, first_page
from workflow.rules import is_customer
from workflow.selectors import (
    cached_routes_for,
    current_proposal,
    customer_complaint,
    customer_events,
    customer_list,
    customer_list_first_page,
    customer_visible_attachments,
    note_routes_available,
    routes_stage,
)
from workflow.services.profile import profile_of
from workflow.states import Status
from workflow.timeline import CUSTOMER as TIMELINE_CUSTOMER
from workflow.timeline import names_routes, timeline_entry

from . import forms
from .throttles import MESSAGE_THROTTLES, ComplaintCreateThrottle, refuse_if_throttled

NOT_NOW = _("Bu işlem şikâyetin şu anki durumunda yapılamaz.")
CHANGED_MEANWHILE = _("Şikâyet siz işlem yaparken değişti. Sayfadaki son durumu kontrol edin.")

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


def next_step(complaint: Complaint) -> tuple[str, bool]:
    if complaint.status != Status.CLOSED:
        return NEXT_STEPS[complaint.status]
    if has_survey(complaint):
        return _("Yapmanız gereken bir şey yok"), False
    return _("Memnuniyet anketini doldurun"), True


def get_customer_complaint(request, reference: str) -> Complaint:
    # Looked up inside the customer's own complaints only: anyone else's is a 404.
    complaint = customer_complaint(request.user, reference)
    if complaint is None:
        raise Http404
    return complaint


class CustomerRequiredMixin(LoginRequiredMixin):
    """Signed-in customers only; staff handle complaints in the staff console."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not is_customer(user):
            if user.is_staff:
                return redirect("/admin/")
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@dataclass(frozen=True)
class ListRow:
    """One row of the portal's list, its words and links worked out once in Python (a
    template lookup per cell costs more than the row's query)."""

    reference: str
    subject: str
    language: str
    status_code: str  # the badge's modifier (badge--<code>)
    status_label: str
    received_iso: str
    received_text: str
    url: str
    step: str
    your_turn: bool

    @classmethod
    def of(cls, complaint: Complaint) -> "ListRow":
        received = timezone.localtime(complaint.received_at)
        step, your_turn = next_step(complaint)
        return cls(
            reference=complaint.reference,
            subject=complaint.subject,
            language=complaint.language,
            status_code=complaint.status,
            status_label=str(Status(complaint.status).label),
            received_iso=received.isoformat(),
            received_text=date_format(received, "SHORT_DATE_FORMAT"),
            url=reverse("portal:detail", args=[complaint.reference]),
            step=str(step),
            your_turn=your_turn,
        )


class ComplaintListView(CustomerRequiredMixin, ListView):
    template_name = "portal/complaint_list.html"
    context_object_name = "complaints"
    paginate_by = 20
    paginator_class = CountWhenNeededPaginator

    def get_queryset(self):
        return customer_list(self.request.user)

    def paginate_queryset(self, queryset, page_size):
        # the first page (nearly every visit) from a read compiled once per process
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        if str(page) != "1":
            return super().paginate_queryset(queryset, page_size)
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = first_page(paginator, customer_list_first_page(self.request.user, page_size))
        return (paginator, page, page.object_list, page.has_other_pages())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [ListRow.of(complaint) for complaint in context["object_list"]]
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
        # focus lands on the page's content, whose first words are that message (as after
        # accepting a proposal)
        return back_to_top(complaint.reference)


# --- the detail page -------------------------------------------------------------------------

# What the portal adds to the registry's customer actions (workflow.actions): its own URL where
# it differs from the action's name, a form with more to confirm, the message after success, and
# the throttles shared with the API.
URL_NAMES = {"messages": "message"}
PORTAL_FORMS = {"withdraw": forms.WithdrawConfirmForm}
SUCCESS_MESSAGES = {
    "accept": _("Çözümü kabul ettiniz. Uygulandığında size haber vereceğiz."),
    "reject": _(
        "Ret gerekçeniz kaydedildi. Başvurabileceğiniz diğer yollar aşağıda listelenmiştir."
    ),
    "answer": _("Yanıtınız iletildi; incelemeye devam ediyoruz."),
    "messages": _("Mesajınız iletildi."),
    "withdraw": _("Şikâyetiniz geri çekildi ve kapatıldı."),
    "survey": _("Değerlendirmeniz için teşekkür ederiz."),
    "route": _("Başvurunuz kaydedildi."),
}
THROTTLES = {"messages": MESSAGE_THROTTLES}  # the same counters as POST .../messages/


FORM_NAMES = [f"{action.name}_form" for action in all_actions(CUSTOMER)]


def url_name(action_name: str) -> str:
    return URL_NAMES.get(action_name, action_name)


def make_form(action: Action, complaint: Complaint, data=None, files=None):
    # several forms share a page: keep the ids unique
    form = action.form(
        complaint,
        data,
        files,
        form_class=PORTAL_FORMS.get(action.name),
        auto_id=f"{action.name}-%s",
    )
    if "file" in form.fields:  # a message or an answer may take a document
        form.fields["file"].help_text = forms.attachment_help()
    return form


def render_detail(request, complaint: Complaint, *, bound=None, status: int = 200):
    """The detail page with a form for every action the customer may take now
    (`available_actions`, the same list the API gives).

    `bound` replaces the blank form of an action that failed, so its errors and what the
    customer typed are shown again.
    """
    bound = bound or {}
    proposal = current_proposal(complaint)
    if proposal is not None and proposal.decision == ResolutionProposal.Decision.SUPERSEDED:
        proposal = None
    stage = routes_stage(complaint)
    events = customer_events(complaint)
    # the routes are read when they are shown (a rejection onwards) or named by a route record
    applicable = []
    if stage is not None or names_routes(events):
        applicable = cached_routes_for(complaint.category_id)
        note_routes_available(complaint, applicable)
    routes = applicable if stage else []
    question = None
    if complaint.status == Status.AWAITING_CUSTOMER:
        question = complaint.information_requests.filter(answered_at__isnull=True).last()
    # a form for every action the customer may take now, None for the others
    page_forms = dict.fromkeys(FORM_NAMES)
    page_forms.update(
        {
            f"{name}_form": bound[name] if name in bound else make_form(get_action(name), complaint)
            for name in available_actions(complaint, request.user, CUSTOMER)
        }
    )
    routes_by_pk = {route.pk: route for route in applicable}  # route records keep their names
    entries = [
        timeline_entry(event, audience=TIMELINE_CUSTOMER, user=request.user, routes=routes_by_pk)
        for event in events
    ]
    context = {
        "complaint": complaint,
        "proposal": proposal,
        "question": question,
        "routes": [
            {**route_text(route), "kind_label": route.get_kind_display()} for route in routes
        ],
        "routes_stage": stage,
        "timeline": entries,
        "next_step": next_step(complaint),
        **page_forms,
        "attachments": customer_visible_attachments(complaint),
        "attachment_form": bound.get("attachment")
        or (forms.AttachmentForm() if complaint.is_open else None),
    }
    # the content is a Jinja2 template (templates/jinja2/portal/complaint_detail.html): some
    # 500 nodes of forms, timeline and summary cost 5 ms in the Django engine
    content = engines["jinja2"].get_template("portal/complaint_detail.html")
    page = {"complaint": complaint, "content": mark_safe(content.render(context, request))}  # noqa: S308
    return render(request, "portal/complaint_detail.html", page, status=status)


class ComplaintDetailView(CustomerRequiredMixin, View):
    def get(self, request, reference):
        return render_detail(request, get_customer_complaint(request, reference))


def back_to_top(reference: str):
    """The detail page, scrolled to where the messages are.

    The forms post to `.../<action>/#<action>-errors` so that a page re-rendered with errors
    opens at, and focuses, the form's error summary (browsers skip `autofocus` when the URL
    has a fragment); without a fragment of its own, the redirect would inherit that one.
    """
    return redirect(reverse("portal:detail", args=[reference]) + "#main")


@method_decorator(require_POST, name="dispatch")
class ComplaintActionView(CustomerRequiredMixin, View):
    """POST one customer action's form: the action checks, its form validates, its service
    does the change (or refuses, changing nothing)."""

    action_name: str = ""

    def post(self, request, reference):
        action = get_action(self.action_name, CUSTOMER)
        complaint = get_customer_complaint(request, reference)
        refused = refuse_if_throttled(
            request,
            self,
            THROTTLES.get(action.name, []),
            back_url=reverse("portal:detail", args=[reference]),
        )
        if refused:
            return refused
        if action.check(complaint, request.user) is not None:
            # the form is not on the page any more (the state moved on): say so
            messages.error(request, NOT_NOW)
            return back_to_top(reference)
        form = make_form(action, complaint, request.POST, request.FILES)
        http_status = 400
        if form.is_valid():
            try:
                action.execute(complaint, request.user, form.cleaned_data)
            except InvalidInput as error:
                # a document over the size or count limits (TooLarge) is a 413, as in the API
                http_status = 413 if isinstance(error, TooLarge) else 400
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
                messages.success(request, SUCCESS_MESSAGES[action.name])
                return back_to_top(reference)
        # the form shows its error summary (includes/error_summary.html), focused on load
        return render_detail(request, complaint, bound={action.name: form}, status=http_status)
