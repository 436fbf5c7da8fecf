"""Customer API (/api/v1/complaints/): the customer's own complaints only."""

import django_filters
from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.response import Response

from workflow import services
from workflow.actions import CUSTOMER, all_actions
from workflow.api.downloads import DOWNLOAD_RENDERERS, attachment_response
from workflow.api.filtering import asks_for_any
from workflow.api.inputs import serializer_for_form
from workflow.api.serializers import (
    AttachmentSerializer,
    ComplaintSerializer,
    EventSerializer,
    error_responses,
)
from workflow.models import Category, Complaint
from workflow.rules import is_customer
from workflow.selectors import (
    attachments_for_customer,
    complaints_for_customer,
    customer_complaint,
    customer_events,
    customer_first_page,
)
from workflow.states import ContactMethod

from .throttles import MESSAGE_THROTTLES, ComplaintCreateThrottle

ERRORS = error_responses(
    {
        400: "Invalid input; field errors in the body.",
        403: "Not signed in, or not a customer account.",
        404: "No such complaint among yours.",
        409: "Not allowed in the complaint's current state.",
    }
)
READ_ERRORS = {code: ERRORS[code] for code in (403, 404)}
ERRORS_413 = error_responses({413: "The file is too large, or the complaint has too many files."})


THROTTLES = {"create": [ComplaintCreateThrottle], "messages": MESSAGE_THROTTLES}
ERRORS_429 = error_responses({429: "Too many requests; try again after Retry-After."})


class IsCustomer(BasePermission):
    def has_permission(self, request, view):
        return is_customer(request.user)


class ComplaintCreateSerializer(serializers.Serializer):
    """What a customer may send; anything else (status, customer, assignee...) is ignored."""

    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20_000)
    category = serializers.SlugField()
    preferred_contact_method = serializers.ChoiceField(
        choices=ContactMethod.choices,
        required=False,
        default="",
        help_text="default: the one saved in /api/v1/me/ (else email)",
    )
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    attachments = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text="multipart only: documents filed with the complaint (as for `attachments/`)",
    )


class AttachmentInput(serializers.Serializer):
    file = serializers.FileField(
        help_text="PDF, PNG, JPEG, TXT, EML, DOCX, XLSX or a ZIP of those (type from content)"
    )


def uploaded_file(request):
    """The `file` of a multipart request, or a 400 in the caller's language."""
    file = request.FILES.get("file")
    if file is None:
        raise serializers.ValidationError({"file": [gettext("Bir dosya seçin.")]})
    return file


class CustomerComplaintFilter(django_filters.FilterSet):
    """`?status=`: made once here, not rebuilt from `filterset_fields` on every request."""

    class Meta:
        model = Complaint
        fields = ["status"]


@extend_schema_view(
    list=extend_schema(responses={200: ComplaintSerializer(many=True), 403: ERRORS[403]}),
    retrieve=extend_schema(responses={200: ComplaintSerializer, **READ_ERRORS}),
)
class CustomerComplaintViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [IsCustomer]
    serializer_class = ComplaintSerializer
    lookup_field = "reference"
    filterset_class = CustomerComplaintFilter

    def get_queryset(self):
        return complaints_for_customer(self.request.user)

    # The customer's list and complaint are read on every visit: when the request filters
    # nothing, their rows come from reads compiled once per process (`workflow.prepared`),
    # the same rows the queryset above gives; anything else goes through DRF's own steps.

    def _filters_asked(self) -> bool:
        return asks_for_any(self.request.query_params, self.filterset_class.base_filters)

    def list(self, request, *args, **kwargs):
        paginator = self.paginator
        page_number = request.query_params.get(paginator.page_query_param, "1")
        if page_number != "1" or self._filters_asked():
            return super().list(request, *args, **kwargs)
        rows = customer_first_page(request.user, paginator.page_size)
        page = paginator.first_page_of(rows, self.get_queryset(), request)
        return paginator.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        if self._filters_asked():
            return super().get_object()
        complaint = self._own(self.kwargs[self.lookup_field])
        self.check_object_permissions(self.request, complaint)
        return complaint

    def get_throttles(self):
        # filing and messages are limited (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]); 429
        return [throttle() for throttle in THROTTLES.get(self.action, [])]

    def _own(self, reference):
        # Another customer's complaint is a 404, never a 403.
        complaint = customer_complaint(self.request.user, reference)
        if complaint is None:
            raise Http404
        return complaint

    def _answer(self, complaint, code=status.HTTP_200_OK):
        complaint = self.get_queryset().get(pk=complaint.pk)
        return Response(self.get_serializer(complaint).data, status=code)

    @extend_schema(
        request=ComplaintCreateSerializer,
        responses={201: ComplaintSerializer, **ERRORS, **ERRORS_429},
        summary="File a complaint (channel: portal)",
    )
    def create(self, request):
        data = ComplaintCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        complaint = services.file_complaint(
            actor=request.user,
            contact_phone=values.pop("phone"),
            language=request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "tr",
            **values,
        )
        return self._answer(complaint, status.HTTP_201_CREATED)

    @extend_schema(responses={200: EventSerializer(many=True), **READ_ERRORS})
    @action(detail=True, methods=["get"], pagination_class=None)
    def events(self, request, reference=None):
        """The customer-visible timeline, oldest first (internal notes are never shown)."""
        complaint = self._own(reference)
        return Response(EventSerializer(customer_events(complaint), many=True).data)

    @extend_schema(
        request={"multipart/form-data": AttachmentInput},
        responses={201: AttachmentSerializer, **ERRORS, **ERRORS_413},
        summary="Add a document to the complaint",
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def attachments(self, request, reference=None):
        """Upload evidence (multipart `file`) to an open complaint; 413 over the size limits."""
        complaint = self._own(reference)
        attachment = services.add_attachment(
            complaint=complaint, actor=request.user, file=uploaded_file(request)
        )
        context = {
            "reference": complaint.reference,
            "attachment_url": ComplaintSerializer.attachment_url,
        }
        return Response(AttachmentSerializer(attachment, context=context).data, status=201)

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The file, as a download."
            ),
            **READ_ERRORS,
        },
        summary="Download a document of the complaint",
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"attachments/(?P<attachment_id>[0-9]+)",
        renderer_classes=DOWNLOAD_RENDERERS,
    )
    def attachment(self, request, reference=None, attachment_id=None):
        attachment = get_object_or_404(
            attachments_for_customer(request.user),
            complaint__reference=reference,
            pk=attachment_id,
        )
        return attachment_response(attachment)


def _action_endpoint(registered):
    """`POST <reference>/<action name>/`: the action's form validates the body, its check says
    whether it may be taken now, its service does it (DESIGN.md "Customer actions")."""

    def endpoint(self, request, reference=None):
        complaint = registered.run(
            self._own(reference), request.user, request.data, files=request.FILES
        )
        return self._answer(complaint)

    endpoint.__name__ = registered.name
    endpoint.__doc__ = registered.__doc__
    camel = "".join(part.title() for part in registered.name.split("_"))
    responses = {200: ComplaintSerializer, **ERRORS}
    if registered.name in THROTTLES:
        responses.update(ERRORS_429)
    fields = registered.form_class.base_fields.values()
    if any(isinstance(field, forms.FileField) for field in fields):
        responses.update(ERRORS_413)  # the action's form takes a document
    endpoint = action(detail=True, methods=["post"], url_path=registered.name)(endpoint)
    return extend_schema(
        request=serializer_for_form(registered.form_class, f"Customer{camel}Input"),
        responses=responses,
    )(endpoint)


# one endpoint per customer action of the registry: adding an action is one place
for _customer_action in all_actions(CUSTOMER):
    setattr(CustomerComplaintViewSet, _customer_action.name, _action_endpoint(_customer_action))


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["slug", "name_tr", "name_en", "deadline_profile"]


class CategoryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Public reference data: category slugs used in payloads."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    serializer_class = CategorySerializer
    queryset = Category.objects.filter(is_active=True)
    pagination_class = None
