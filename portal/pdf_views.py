"""Download of the "Complaint and Tracking Form" PDF (R8): portal page and customer API.

Both look the complaint up among the signed-in customer's own complaints only, so another
customer's complaint is a 404. The PDF is rendered in the request, in the active language.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views import View
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.views import APIView

from workflow.selectors import complaints_for_customer

from .api import IsCustomer
from .views import CustomerRequiredMixin, get_customer_complaint


def pdf_response(complaint) -> HttpResponse:
    # Imported here: loading WeasyPrint is slow, and only this download needs it.
    from .pdf import tracking_form_filename, tracking_form_pdf

    response = HttpResponse(
        tracking_form_pdf(complaint, get_language() or "tr"), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=tracking_form_filename(complaint)
    )
    response["Cache-Control"] = "private, no-store"
    return response


class TrackingFormView(CustomerRequiredMixin, View):
    """/portal/complaints/<reference>/tracking-form.pdf"""

    def get(self, request, reference):
        return pdf_response(get_customer_complaint(request, reference))


class PDFRenderer(BaseRenderer):
    """Lets clients ask for `Accept: application/pdf`; errors are still JSON bytes."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return JSONRenderer().render(data)


class TrackingFormAPIView(APIView):
    """GET /api/v1/complaints/<reference>/tracking-form.pdf"""

    permission_classes = [IsCustomer]
    renderer_classes = [JSONRenderer, PDFRenderer]

    @extend_schema(
        operation_id="complaints_tracking_form_retrieve",
        summary="Complaint and Tracking Form (PDF)",
        description=(
            "The complaint's tracking form (R8) as a PDF download in the request's language: "
            "reference, subject, category, channel, status and every customer-visible event."
        ),
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The PDF (attachment)."
            ),
            403: OpenApiResponse(description="Not signed in, or not a customer account."),
            404: OpenApiResponse(description="No such complaint among yours."),
        },
        tags=["complaints"],
    )
    def get(self, request, reference):
        complaint = get_object_or_404(complaints_for_customer(request.user), reference=reference)
        return pdf_response(complaint)
