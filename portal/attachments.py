"""Documents on a complaint in the portal: add one (evidence, the answer's enclosure) and
download the complaint's own documents. Another customer's document is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST

from workflow import services
from workflow.api.downloads import attachment_response
from workflow.errors import (
    ComplaintNotFound,
    InvalidInput,
    NotPermitted,
    TooLarge,
    TransitionNotAllowed,
)
from workflow.selectors import attachments_for_customer

from . import forms
from .views import NOT_NOW, CustomerRequiredMixin, get_customer_complaint, render_detail

ADDED = _("Belgeniz eklendi.")


@method_decorator(require_POST, name="dispatch")
class AddAttachmentView(CustomerRequiredMixin, View):
    """POST /portal/complaints/<reference>/attachments/ (multipart `file`)."""

    def post(self, request, reference):
        complaint = get_customer_complaint(request, reference)
        form = forms.AttachmentForm(request.POST, request.FILES)
        http_status = 400
        if form.is_valid():
            try:
                services.add_attachment(
                    complaint=complaint, actor=request.user, file=form.cleaned_data["file"]
                )
            except TransitionNotAllowed:
                messages.error(request, NOT_NOW)
                return redirect(reverse("portal:detail", args=[reference]) + "#main")
            except NotPermitted:
                raise PermissionDenied from None
            except ComplaintNotFound:
                raise Http404 from None
            except InvalidInput as error:
                http_status = 413 if isinstance(error, TooLarge) else 400
                forms.add_service_errors(form, error)
            else:
                messages.success(request, ADDED)
                return redirect(reverse("portal:detail", args=[reference]) + "#attachments")
        # the form shows its error summary (includes/error_summary.html), focused on load
        return render_detail(request, complaint, bound={"attachment": form}, status=http_status)


class AttachmentDownloadView(CustomerRequiredMixin, View):
    """GET /portal/complaints/<reference>/attachments/<id>/: the complainant's documents only."""

    def get(self, request, reference, attachment_id):
        attachment = get_object_or_404(
            attachments_for_customer(request.user), complaint__reference=reference, pk=attachment_id
        )
        return attachment_response(attachment)
