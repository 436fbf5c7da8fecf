"""Staff add a document on the console's complaint page (`POST /admin/complaints/<reference>/
attachments/`, multipart `file`, `visibility`): the same service as the staff API
(`workflow.services.add_attachment`), which decides the type from the content and checks the
size and count limits. A refused file is shown in the form (400; over a limit 413) and nothing
is stored; another unit's complaint is a 404, as everywhere."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workflow import services
from workflow.actions.forms import ActionForm, add_service_errors
from workflow.errors import InvalidInput, TransitionNotAllowed
from workflow.states import Visibility

from .complaint import ComplaintView

ADDED = _("Belge eklendi.")
NOT_ADDED = _("Belge eklenemedi: formdaki hatayı düzeltin.")


class StaffAttachmentForm(ActionForm):
    file = forms.FileField(
        label=_("Belge"),
        help_text=_("PDF, PNG, JPEG, TXT, EML, DOCX, XLSX ya da bunların ZIP'i."),
    )
    visibility = forms.ChoiceField(
        label=_("Kim görsün?"), choices=Visibility.choices, initial=Visibility.INTERNAL
    )


class ComplaintAttachmentView(ComplaintView):
    http_method_names = ["post"]

    def post(self, request, reference):
        self.load(reference)  # another unit's complaint: 404
        here = reverse("staff_complaint", args=[reference])
        form = StaffAttachmentForm(request.POST, request.FILES, auto_id="attachment-%s")
        http_status = 400
        if form.is_valid():
            try:
                services.add_attachment(
                    complaint=self.complaint,
                    actor=request.user,
                    file=form.cleaned_data["file"],
                    visibility=form.cleaned_data["visibility"],
                )
            except TransitionNotAllowed as error:  # closed meanwhile
                messages.error(request, error.message)
                return redirect(here)
            except InvalidInput as error:  # refused type, too large, too many
                http_status = error.http_status
                add_service_errors(form, error)
            else:
                messages.success(request, ADDED)
                return redirect(here + "#attachments")
        messages.error(request, NOT_ADDED)
        self.attachment_form = form
        return self.render_page(status=http_status)
