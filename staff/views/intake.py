"""The console's intake page (`/admin/complaints/intake/`, R2): staff log a complaint that
came by phone, e-mail, face to face, social media or post, with the time the complainant
actually made contact. The same form as the staff API's intake (`workflow.actions.intake`),
the same service (`services.file_complaint`); the staff member is the actor of the first event.

After saving, the page says what the complainant was sent and what staff still have to do to
tell them by the method they prefer (R5), and opens the new complaint's page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflow import services
from workflow.actions import get_action
from workflow.actions.forms import add_service_errors
from workflow.actions.intake import ConsoleIntakeForm
from workflow.errors import InvalidInput, NotPermitted
from workflow.rules import has_required_second_factor, is_complaint_staff
from workflow.selectors import complaints_for_staff
from workflow.states import ContactMethod


def confirmation_message(complaint) -> str:
    """What was sent to the complainant, and what staff must still do (R5)."""
    parts = [gettext("Şikâyet %(reference)s kaydedildi.") % {"reference": complaint.reference}]
    if complaint.contact_email:
        parts.append(
            gettext("Alındı bildirimi %(email)s adresine e-postayla gönderiliyor.")
            % {"email": complaint.contact_email}
        )
    else:
        parts.append(gettext("E-posta adresi olmadığı için e-posta gönderilmedi."))
    method = complaint.preferred_contact_method
    acknowledge = get_action("acknowledge").label
    if method == ContactMethod.PHONE:
        parts.append(
            gettext(
                "Şikâyetçi telefonla bilgilendirilmek istiyor: %(phone)s numarasını arayıp "
                "şikâyetin alındığını bildirin ve “%(action)s” ile kaydedin."
            )
            % {"phone": complaint.contact_phone, "action": acknowledge}
        )
    elif method != ContactMethod.EMAIL or not complaint.contact_email:
        parts.append(
            gettext(
                "Şikâyetçinin tercih ettiği iletişim yolu: %(method)s. Şikâyetin alındığını bu "
                "yolla bildirin ve “%(action)s” ile kaydedin."
            )
            % {"method": complaint.get_preferred_contact_method_display(), "action": acknowledge}
        )
    return " ".join(parts)


class IntakeView(WagtailAdminTemplateMixin, View):
    template_name = "staff/intake.html"
    page_title = _("Yeni şikâyet kaydı")
    header_icon = "plus"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (is_complaint_staff(user) and has_required_second_factor(user, request.session)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("complaints:index"), "label": _("Şikâyetler")},
            {"url": "", "label": self.page_title},
        ]

    def render_page(self, form, status=200):
        context = self.get_context_data(form=form, taken_by=self.request.user)
        return self.render_to_response(context, status=status)

    def get(self, request):
        return self.render_page(ConsoleIntakeForm(auto_id="intake-%s"))

    def post(self, request):
        form = ConsoleIntakeForm(request.POST, request.FILES, auto_id="intake-%s")
        if form.is_valid():
            try:
                complaint = services.file_complaint(actor=request.user, **form.service_arguments())
            except InvalidInput as error:  # the service's rules, beside their fields
                add_service_errors(form, error)
            except NotPermitted as error:
                form.add_error(None, error.message)
                return self.render_page(form, status=403)
            else:
                messages.success(request, confirmation_message(complaint))
                if complaints_for_staff(request.user).filter(pk=complaint.pk).exists():
                    return redirect("staff_complaint", complaint.reference)
                # routed to a unit this handler does not see: its staff take it from here
                return redirect("complaints:index")
        messages.error(request, gettext("Şikâyet kaydedilemedi: formdaki hataları düzeltin."))
        return self.render_page(form, status=400)
