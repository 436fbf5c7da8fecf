"""The complaint page of the staff console (`/admin/complaints/<reference>/`): the facts, the
whole staff timeline and a form for every action the user may take now (`available_actions`,
the same list the staff API gives). Works without JavaScript: each form posts here with
`?action=<name>`; the action checks, its form validates, its service does the change."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflow.actions import STAFF, available_actions, get_action
from workflow.actions.forms import add_service_errors
from workflow.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.rules import has_required_second_factor, is_complaint_staff
from workflow.selectors import complaints_for_staff
from workflow.timeline import STAFF as STAFF_READER
from workflow.timeline import timeline

FACTS = [
    "status",
    "category",
    "unit",
    "assignee",
    "channel",
    "contact_name",
    "contact_email",
    "contact_phone",
    "preferred_contact_method",
    "investigation_level",
    "sla_state",
    "received_at",
    "response_due_at",
    "final_response_due_at",
    "estimated_resolution_at",
    "closed_at",
    "closure_reason",
]


def upper_first(text: str) -> str:
    """The first letter in capitals, the Turkish way in Turkish ("inceleme" → "İnceleme");
    `capfirst` would write "Inceleme"."""
    if not text:
        return text
    first = text[0]
    if (get_language() or "").startswith("tr"):
        first = {"i": "İ", "ı": "I"}.get(first, first)
    return first.upper() + text[1:]


class ComplaintView(WagtailAdminTemplateMixin, View):
    template_name = "staff/complaint_detail.html"
    header_icon = "warning"
    attachment_form = None  # a refused upload's bound form (staff.views.attachments)

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (is_complaint_staff(user) and has_required_second_factor(user, request.session)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.complaint.reference

    def get_page_subtitle(self):
        return self.complaint.subject

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("complaints:index"), "label": _("Şikâyetler")},
            {"url": "", "label": self.complaint.reference},
        ]

    def facts(self):
        complaint = self.complaint
        for name in FACTS:
            field = complaint._meta.get_field(name)
            display = getattr(complaint, f"get_{name}_display", None)
            value = display() if display and getattr(complaint, name) else getattr(complaint, name)
            if name == "assignee" and value is not None:
                value = value.get_full_name() or value.email  # a person, not a username
            if value not in (None, ""):
                yield upper_first(str(field.verbose_name)), value

    def render_page(self, *, bound=None, status=200):
        bound = bound or {}
        forms = []
        for name in available_actions(self.complaint, self.request.user, STAFF):
            action = get_action(name)
            form = bound.get(name) or action.form(self.complaint, auto_id=f"{name}-%s")
            forms.append({"name": name, "label": action.label, "form": form})
        context = self.get_context_data(
            complaint=self.complaint,
            facts=list(self.facts()),
            timeline=timeline(self.complaint, audience=STAFF_READER),
            action_forms=forms,
            # a link may open one action's form (`?open=review_rejection`, from the review page)
            open_action=self.request.GET.get("open", ""),
            attachments=list(self.complaint.attachments.all()),
            attachment_form=self.get_attachment_form(),
        )
        return self.render_to_response(context, status=status)

    def get_attachment_form(self):
        """The document form, while the complaint is open (the service refuses a closed one)."""
        from .attachments import StaffAttachmentForm

        if not self.complaint.is_open:
            return None
        return self.attachment_form or StaffAttachmentForm(auto_id="attachment-%s")

    def load(self, reference):
        self.complaint = get_object_or_404(
            complaints_for_staff(self.request.user), reference=reference
        )

    def get(self, request, reference):
        self.load(reference)
        return self.render_page()

    def post(self, request, reference):
        self.load(reference)
        action = get_action(request.GET.get("action", ""), STAFF)
        if action is None:
            raise Http404
        here = reverse("staff_complaint", args=[reference])
        refusal = action.check(self.complaint, request.user)
        if refusal:
            messages.error(request, refusal)
            return redirect(here)
        form = action.form(self.complaint, request.POST, auto_id=f"{action.name}-%s")
        if form.is_valid():
            try:
                action.execute(self.complaint, request.user, form.cleaned_data)
            except InvalidInput as error:
                add_service_errors(form, error)
            except TransitionNotAllowed as error:  # changed meanwhile, or refused by state
                messages.error(request, error.message)
                return redirect(here)
            except NotPermitted as error:  # e.g. a handler moving it to another unit
                form.add_error(None, error.message)
                return self.render_page(bound={action.name: form}, status=403)
            else:
                messages.success(
                    request, gettext("Yapıldı: %(action)s.") % {"action": action.label}
                )
                if not complaints_for_staff(request.user).filter(pk=self.complaint.pk).exists():
                    # a manager who has just moved it out of their units: back to the queue
                    return redirect("complaints:index")
                return redirect(here)
        messages.error(request, gettext("İşlem yapılamadı: formdaki hataları düzeltin."))
        return self.render_page(bound={action.name: form}, status=400)
