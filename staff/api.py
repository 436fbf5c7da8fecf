"""Staff API (/api/v1/staff/): queue, intake, detail with internal events, and
`actions/<name>/` for every staff action of the registry (`workflow.actions`)."""

from collections.abc import Mapping

from django.contrib.sessions.backends.base import SessionBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from staff.pagination import StaffQueuePagination
from staff.queue_filters import CLOSED, ME, OPEN, UNASSIGNED, StaffQueueApiFilterSet
from workflow import services
from workflow.actions import STAFF, all_actions, form_errors, get_action
from workflow.actions.intake import IntakeForm
from workflow.api.downloads import DOWNLOAD_RENDERERS, attachment_response
from workflow.api.inputs import serializer_for_form
from workflow.api.serializers import (
    AttachmentSerializer,
    ComplaintSerializer,
    StaffEventSerializer,
    error_responses,
)
from workflow.models import Complaint, Unit
from workflow.queue import ORDERINGS, order_queue
from workflow.rules import has_required_second_factor, is_complaint_staff
from workflow.selectors import (
    attachments_for_staff,
    complaints_for_staff,
    events_for_staff,
    staff_api_queue,
)
from workflow.states import (
    Channel,
    InvestigationLevel,
    SlaState,
    Status,
    Visibility,
)


def queue_parameter(name, description, *, enum=None, type=OpenApiTypes.STR):
    return OpenApiParameter(name, type=type, enum=enum, description=description)


QUEUE_PARAMETERS = [
    queue_parameter("status", "The complaint's state.", enum=Status.values),
    queue_parameter("unit", "A unit's slug (`/api/v1/staff/units/`)."),
    queue_parameter("channel", "The channel it came in by.", enum=Channel.values),
    queue_parameter("sla", "The response deadline's state (R10).", enum=SlaState.values),
    queue_parameter("level", "Investigation level (R6).", enum=InvestigationLevel.values),
    queue_parameter("category", "A category's slug (`/api/v1/categories/`)."),
    queue_parameter(
        "received_from",
        "Received on this date or later (Europe/Istanbul).",
        type=OpenApiTypes.DATE,
    ),
    queue_parameter(
        "received_to",
        "Received on this date or earlier (Europe/Istanbul).",
        type=OpenApiTypes.DATE,
    ),
    queue_parameter(
        "assignee",
        "`me`: assigned to the caller; `none`: assigned to nobody.",
        enum=[ME, UNASSIGNED],
    ),
    queue_parameter(
        "open",
        "`yes`: open complaints only; `no`: closed ones only.",
        enum=[OPEN, CLOSED],
    ),
    queue_parameter(
        "q",
        "Search the reference, subject, description, contact name and e-mail (each word as the "
        "start of a word); a whole reference (MMN-YYYY-NNNNNN) finds exactly that complaint.",
    ),
    queue_parameter(
        "ordering",
        "`due` (the default: open complaints first, earliest response deadline first, then "
        "oldest received), `-due` (open first, latest deadline first), `received` (oldest "
        "first) or `-received` (newest first).",
        enum=list(ORDERINGS),
    ),
    queue_parameter("page_size", "Rows per page (default 25, at most 100).", type=OpenApiTypes.INT),
]

ERRORS = error_responses(
    {
        400: "Invalid input; field errors in the body.",
        403: "Not signed in, or not complaint staff.",
        404: "No such complaint (or no such action).",
        409: "Not allowed in the complaint's current state, or changed meanwhile.",
    }
)


class IsComplaintStaff(BasePermission):
    message = "Complaint staff only (with two-factor authentication where required)."

    def has_permission(self, request, view):
        # the second-factor check also covers app tokens, which the middleware cannot see:
        # for those the authenticated session is allauth's headless session (request.auth)
        session = request.auth if isinstance(request.auth, SessionBase) else request.session
        return is_complaint_staff(request.user) and has_required_second_factor(
            request.user, session
        )


class StaffComplaintSerializer(ComplaintSerializer):
    actions_audience = STAFF
    attachment_visibilities = (Visibility.CUSTOMER, Visibility.INTERNAL)
    attachment_url = "/api/v1/staff/complaints/{reference}/attachments/{id}/"
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    assignee = serializers.SlugRelatedField(slug_field="email", read_only=True, allow_null=True)
    customer = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta(ComplaintSerializer.Meta):
        fields = [
            *ComplaintSerializer.Meta.fields,
            "contact_name",
            "contact_email",
            "contact_phone",
            "customer",
            "unit",
            "assignee",
            "severity",
            "investigation_level",
            "sla_state",
            "acknowledged_at",
            "estimate_communicated_at",
            "policy_version",
        ]
        read_only_fields = fields


class StaffComplaintDetailSerializer(StaffComplaintSerializer):
    events = serializers.SerializerMethodField()

    class Meta(StaffComplaintSerializer.Meta):
        fields = [*StaffComplaintSerializer.Meta.fields, "events"]
        read_only_fields = fields

    def get_events(self, complaint) -> list[dict]:
        return StaffEventSerializer(events_for_staff(complaint), many=True).data


def staff_action_inputs() -> PolymorphicProxySerializer:
    """One documented body per staff action of the registry (its form's fields)."""
    return PolymorphicProxySerializer(
        component_name="StaffActionInput",
        serializers={
            action.name: serializer_for_form(
                action.form_class,
                "Staff" + "".join(part.title() for part in action.name.split("_")) + "Input",
            )
            for action in all_actions(STAFF)
        },
        resource_type_field_name=None,
    )


@extend_schema_view(
    list=extend_schema(
        responses={200: StaffComplaintSerializer(many=True), 403: ERRORS[403]},
        summary="The queue: open complaints first, earliest response deadline first",
        parameters=QUEUE_PARAMETERS,
    ),
    retrieve=extend_schema(
        responses={200: StaffComplaintDetailSerializer, 403: ERRORS[403], 404: ERRORS[404]}
    ),
)
class StaffComplaintViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [IsComplaintStaff]
    lookup_field = "reference"
    filterset_class = StaffQueueApiFilterSet
    pagination_class = StaffQueuePagination
    serializer_class = StaffComplaintSerializer

    def get_queryset(self):
        if self.action == "list":
            return order_queue(staff_api_queue(self.request.user), None)
        return complaints_for_staff(self.request.user)

    def get_serializer_class(self):
        if self.action in ("retrieve", "perform_action", "create"):
            return StaffComplaintDetailSerializer
        return StaffComplaintSerializer

    def _detail(self, complaint, code=status.HTTP_200_OK):
        found = self.get_queryset().filter(pk=complaint.pk).first()
        # a manager who has just moved it to a unit they do not see still gets the answer
        complaint = found or Complaint.objects.get(pk=complaint.pk)
        serializer = StaffComplaintDetailSerializer(
            complaint, context=self.get_serializer_context()
        )
        return Response(serializer.data, status=code)

    @extend_schema(
        request=serializer_for_form(IntakeForm, "StaffIntakeInput"),
        responses={201: StaffComplaintDetailSerializer, **ERRORS},
        summary="Log a complaint received by phone, e-mail, face to face or social media",
    )
    def create(self, request):
        # the console's intake page validates with the same form (workflow.actions.intake)
        form = IntakeForm(request.data if isinstance(request.data, Mapping) else {})
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        complaint = services.file_complaint(actor=request.user, **form.service_arguments())
        return self._detail(complaint, status.HTTP_201_CREATED)

    @extend_schema(
        request=staff_action_inputs(),
        responses={200: StaffComplaintDetailSerializer, **ERRORS},
        summary="Perform a staff action",
        description="Actions and their bodies (each validated by the action's form): "
        + "; ".join(
            f"`{action.name}` {{{', '.join(action.form_class.base_fields)}}}"
            for action in all_actions(STAFF)
        ),
    )
    @action(detail=True, methods=["post"], url_path=r"actions/(?P<action_name>[a-z_]+)")
    def perform_action(self, request, reference=None, action_name=None):
        registered = get_action(action_name, STAFF)
        if registered is None:
            raise NotFound(f"Unknown action '{action_name}'.")
        complaint = get_object_or_404(self.get_queryset(), reference=reference)
        complaint = registered.run(complaint, request.user, request.data)
        return self._detail(complaint)

    @extend_schema(
        request={
            "multipart/form-data": inline_serializer(
                "StaffAttachmentInput",
                fields={
                    "file": serializers.FileField(),
                    "visibility": serializers.ChoiceField(
                        choices=Visibility.choices, required=False
                    ),
                },
            )
        },
        responses={201: AttachmentSerializer, **ERRORS},
        summary="Add a document (for the customer, or internal)",
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def attachments(self, request, reference=None):
        # another unit's complaint is a 404 here, before any file is read (the service checks too)
        complaint = get_object_or_404(self.get_queryset(), reference=reference)
        file = request.FILES.get("file")
        if file is None:
            raise ValidationError({"file": [gettext("Bir dosya seçin.")]})
        attachment = services.add_attachment(
            complaint=complaint,
            actor=request.user,
            file=file,
            visibility=request.data.get("visibility") or Visibility.CUSTOMER,
        )
        context = {
            "reference": reference,
            "attachment_url": StaffComplaintSerializer.attachment_url,
        }
        return Response(AttachmentSerializer(attachment, context=context).data, status=201)

    @extend_schema(
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, **ERRORS},
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
            attachments_for_staff(request.user), complaint__reference=reference, pk=attachment_id
        )
        return attachment_response(attachment)


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["slug", "name_tr", "name_en", "email"]


class StaffUnitViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsComplaintStaff]
    serializer_class = UnitSerializer
    queryset = Unit.objects.filter(is_active=True)
    pagination_class = None
