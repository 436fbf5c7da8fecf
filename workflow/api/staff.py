"""Staff API: queue, intake, detail with internal events, one endpoint per action."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from workflow import services
from workflow.models import Complaint, Unit
from workflow.rules import has_required_second_factor, is_complaint_staff
from workflow.selectors import complaints_for_staff, events_for_staff
from workflow.states import (
    STAFF_INTAKE_CHANNELS,
    Channel,
    ContactMethod,
    Language,
    SlaState,
    Status,
    Visibility,
)

from .serializers import ComplaintSerializer, StaffEventSerializer, error_responses

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


class IntakeSerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20_000)
    category = serializers.SlugField()
    preferred_contact_method = serializers.ChoiceField(choices=ContactMethod.choices)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    channel = serializers.ChoiceField(
        choices=[(c, Channel(c).label) for c in STAFF_INTAKE_CHANNELS]
    )
    contact_name = serializers.CharField(max_length=200)
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")
    customer = serializers.IntegerField(required=False, allow_null=True, default=None)
    received_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    severity = serializers.IntegerField(required=False, min_value=1, max_value=4, default=None)
    language = serializers.ChoiceField(choices=Language.choices, required=False, default="tr")


class StaffComplaintFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices)
    unit = django_filters.CharFilter(field_name="unit__slug")
    channel = django_filters.ChoiceFilter(choices=Channel.choices)
    sla = django_filters.ChoiceFilter(
        field_name="sla_state",
        choices=[(SlaState.AT_RISK, "at_risk"), (SlaState.BREACHED, "breached")],
    )
    q = django_filters.CharFilter(method="search")

    class Meta:
        model = Complaint
        fields = ["status", "unit", "channel", "sla", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(reference__iexact=value)
            | Q(subject__icontains=value)
            | Q(contact_name__icontains=value)
            | Q(contact_email__iexact=value)
        )


# Input of each staff action (DESIGN.md "Staff actions"); the service does the rest.
class AcknowledgeInput(serializers.Serializer):
    method = serializers.ChoiceField(choices=ContactMethod.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class AssignInput(serializers.Serializer):
    unit = serializers.SlugField()
    assignee = serializers.EmailField(required=False, allow_blank=True, default="")


class QuestionInput(serializers.Serializer):
    question = serializers.CharField()


class NoteInput(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class EstimateInput(serializers.Serializer):
    estimated_resolution_at = serializers.DateTimeField()
    message = serializers.CharField(required=False, allow_blank=True, default="")


class TextInput(serializers.Serializer):
    text = serializers.CharField()


class ReviewInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["reinvestigate", "revise", "final"])
    note = serializers.CharField(required=False, allow_blank=True, default="")
    text = serializers.CharField(required=False, allow_blank=True, default="")


class AddNoteInput(serializers.Serializer):
    text = serializers.CharField()
    visibility = serializers.ChoiceField(choices=Visibility.choices, default=Visibility.INTERNAL)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField()


STAFF_ACTIONS = {
    "acknowledge": (AcknowledgeInput, services.acknowledge),
    "assign": (AssignInput, services.assign),
    "request_information": (QuestionInput, services.request_information),
    "resume": (NoteInput, services.resume),
    "set_estimate": (EstimateInput, services.set_estimate),
    "propose_resolution": (TextInput, services.propose_resolution),
    "mark_implemented": (NoteInput, services.mark_implemented),
    "review_rejection": (ReviewInput, services.review_rejection),
    "add_note": (AddNoteInput, services.add_note),
    "reopen": (ReasonInput, services.reopen),
}


@extend_schema_view(
    list=extend_schema(responses={200: StaffComplaintSerializer(many=True), 403: ERRORS[403]}),
    retrieve=extend_schema(
        responses={200: StaffComplaintDetailSerializer, 403: ERRORS[403], 404: ERRORS[404]}
    ),
)
class StaffComplaintViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [IsComplaintStaff]
    lookup_field = "reference"
    filterset_class = StaffComplaintFilter
    serializer_class = StaffComplaintSerializer

    def get_queryset(self):
        return complaints_for_staff(self.request.user)

    def get_serializer_class(self):
        if self.action in ("retrieve", "perform_action", "create"):
            return StaffComplaintDetailSerializer
        return StaffComplaintSerializer

    def _detail(self, complaint, code=status.HTTP_200_OK):
        found = self.get_queryset().filter(pk=complaint.pk).first()
        # a manager who has just moved it to a unit they do not see still gets the answer
        complaint = found or Complaint.objects.get(pk=complaint.pk)
        return Response(StaffComplaintDetailSerializer(complaint).data, status=code)

    @extend_schema(
        request=IntakeSerializer,
        responses={201: StaffComplaintDetailSerializer, **ERRORS},
        summary="Log a complaint received by phone, e-mail, face to face or social media",
    )
    def create(self, request):
        data = IntakeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        customer_id, customer = values.pop("customer"), None
        if customer_id is not None:
            customer = get_user_model().objects.filter(pk=customer_id, is_active=True).first()
            if customer is None:
                raise serializers.ValidationError({"customer": ["Unknown customer."]})
        complaint = services.file_complaint(
            actor=request.user,
            customer=customer,
            contact_phone=values.pop("phone"),
            **values,
        )
        return self._detail(complaint, status.HTTP_201_CREATED)

    @extend_schema(
        request=inline_serializer("StaffActionInput", fields={}),
        responses={200: StaffComplaintDetailSerializer, **ERRORS},
        summary="Perform a staff action",
        description="Actions and their bodies: "
        + "; ".join(
            f"`{name}` {{{', '.join(serializer().fields)}}}"
            for name, (serializer, _) in STAFF_ACTIONS.items()
        ),
    )
    @action(detail=True, methods=["post"], url_path=r"actions/(?P<action_name>[a-z_]+)")
    def perform_action(self, request, reference=None, action_name=None):
        if action_name not in STAFF_ACTIONS:
            raise NotFound(f"Unknown action '{action_name}'.")
        complaint = get_object_or_404(Complaint.objects.only("pk"), reference=reference)
        serializer_class, service = STAFF_ACTIONS[action_name]
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        complaint = service(complaint=complaint, actor=request.user, **data.validated_data)
        return self._detail(complaint)


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["slug", "name_tr", "name_en", "email"]


class StaffUnitViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsComplaintStaff]
    serializer_class = UnitSerializer
    queryset = Unit.objects.filter(is_active=True)
    pagination_class = None
