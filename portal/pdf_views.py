"""Download of the "Complaint and Tracking Form" PDF (R8): portal page and customer API.

Both look the complaint up among the signed-in customer's own complaints only, so another
customer's complaint is a 404. The PDF, in the active language, is rendered by the task worker
and kept until the complaint changes (portal.tracking_forms): a request gets the kept PDF at
once, or "being prepared, retry shortly" (202 with Retry-After; the portal page refreshes
itself) while the worker renders it.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext
from django.views import View
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from workflow.selectors import complaints_for_customer

from .api import IsCustomer
from .tracking_forms import tracking_form_pdf
from .views import CustomerRequiredMixin, get_customer_complaint

RETRY_AFTER_SECONDS = 3


def pdf_response(complaint, pdf: bytes) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{complaint.reference}-tracking-form.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def preparing_message() -> str:
    return gettext("Takip formu hazırlanıyor; birkaç saniye sonra yeniden deneyin.")


class TrackingFormView(CustomerRequiredMixin, View):
    """/portal/complaints/<reference>/tracking-form.pdf"""

    def get(self, request, reference):
        complaint = get_customer_complaint(request, reference)
        pdf = tracking_form_pdf(complaint, get_language() or "tr")
        if pdf is not None:
            return pdf_response(complaint, pdf)
        context = {
            "complaint": complaint,
            "message": preparing_message(),
            "retry_after": RETRY_AFTER_SECONDS,
        }
        response = render(request, "portal/tracking_form_preparing.html", context, status=202)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "private, no-store"
        return response


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
            202: OpenApiResponse(
                description=(
                    "Being prepared by the task worker (`detail` says so): retry after the "
                    "seconds in the Retry-After header. The PDF is then kept until the "
                    "complaint changes."
                )
            ),
            403: OpenApiResponse(description="Not signed in, or not a customer account."),
            404: OpenApiResponse(description="No such complaint among yours."),
        },
        tags=["complaints"],
    )
    def get(self, request, reference):
        complaint = get_object_or_404(complaints_for_customer(request.user), reference=reference)
        pdf = tracking_form_pdf(complaint, get_language() or "tr")
        if pdf is not None:
            return pdf_response(complaint, pdf)
        response = Response(
            {"detail": preparing_message()},
            status.HTTP_202_ACCEPTED,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
        response["Cache-Control"] = "private, no-store"
        return response
