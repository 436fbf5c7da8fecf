"""Output serializers shared by the customer API (portal) and the staff API.

One serializer per direction: these only read. Input serializers live beside their views.
"""

import copy
from datetime import datetime

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import ISO_8601, api_settings

from workflow.actions import CUSTOMER, available_actions
from workflow.localization import route_text
from workflow.models import AlternativeRoute, Complaint, ComplaintEvent, ResolutionProposal
from workflow.selectors import (
    active_routes,
    attachments_of,
    current_proposal,
    note_routes_available,
    read_attachments,
    routes_applying_to,
    routes_stage,
)
from workflow.states import ClosureReason, Status, Visibility
from workflow.timeline import event_actor, event_text


class ErrorSerializer(serializers.Serializer):
    """Every refusal (401, 403, 404, 409): why, in the caller's language."""

    detail = serializers.CharField()


# 400: DRF's field errors, and the domain's InvalidInput (`detail` plus the field errors)
INVALID_INPUT = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "description": "`detail` (when the workflow refused the input) and each field's errors.",
}


def error_responses(descriptions: dict[int, str]) -> dict[int, OpenApiResponse]:
    """The documented error answers of an endpoint, with their bodies."""
    return {
        code: OpenApiResponse(
            response=INVALID_INPUT if code == 400 else ErrorSerializer, description=description
        )
        for code, description in descriptions.items()
    }


# A ModelSerializer that works out its fields from the model once per class, not on every
# instance: DRF rebuilds them from the model fields (labels, choices, validators) each time a
# serializer is made, which cost more than the rest of a small answer. Each instance still gets
# its own copies (bound to it) when it asks for `fields` (the schema, DRF's own steps), as DRF's
# own declared fields do. (No docstring: the schema would show it as the description of every
# serializer without one.)
#
# Its `to_representation` gives DRF's answer (the same keys, order and values) with less work
# per object: a list of 25 complaints reads 19 fields each, and DRF's generic loop (a generator
# of the readable fields, `get_attribute` with its exception handling, the PKOnlyObject test)
# cost more than the values themselves. How to read each field is worked out once per class,
# from one instance's fields: a plain column of the model is read with `getattr` and given to
# the field's own `to_representation`; a method field calls the method of the serializer that
# answers; anything else goes through DRF's own steps for that field (`field_reader`). None of
# these reads the field's parent or context, so the answering serializer needs no fields of its
# own: copying them (DRF deep-copies each field, its choices included) was a quarter of a list
# answer. A class with a nested serializer or a hyperlink field reads per instance, as before.
class CachedFieldsModelSerializer(serializers.ModelSerializer):
    def get_fields(self):
        cls = type(self)
        built = cls.__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            cls._built_fields = built
        return copy.deepcopy(built)

    @classmethod
    def class_readers(cls) -> list | None:
        """(name, read(serializer, instance)) for each readable field, worked out once per
        class; None when a field may depend on its parent (read per instance then)."""
        readers = cls.__dict__.get("_class_readers", False)
        if readers is False:
            fields = list(cls()._readable_fields)
            if any(isinstance(field, CONTEXT_FIELDS) for field in fields):
                readers = None
            else:
                readers = [(field.field_name, field_reader(cls, field)) for field in fields]
            cls._class_readers = readers
        return readers

    def to_representation(self, instance):
        readers = type(self).class_readers()
        if readers is None:
            readers = self.__dict__.get("_field_readers")
            if readers is None:
                readers = self._field_readers = [
                    (field.field_name, field_reader(type(self), field))
                    for field in self._readable_fields
                ]
        if "_zone" not in self.__dict__:
            self._zone = timezone.get_current_timezone()  # once per answer, not per value
        representation = {}
        for name, read in readers:
            value = read(self, instance)
            if value is not SKIP:
                representation[name] = value
        return representation


SKIP = object()
# fields whose answer may depend on their parent serializer or its context: never shared
CONTEXT_FIELDS = (serializers.BaseSerializer, serializers.HyperlinkedRelatedField)
# field classes whose `get_attribute` is DRF's plain one: on a concrete, non-relational column
# of the model it is `getattr(instance, name)` and cannot fail
PLAIN_FIELDS = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.DateField,
    serializers.DateTimeField,
    serializers.DecimalField,
    serializers.FloatField,
    serializers.IntegerField,
    serializers.JSONField,
)


def field_reader(serializer_class, field):
    """(serializer, instance) → the field's value in the answer, exactly as DRF's
    `to_representation` loop gives it (SKIP: left out)."""
    if type(field) is serializers.SerializerMethodField:
        method_name = field.method_name

        def read_method(serializer, instance):
            return getattr(serializer, method_name)(instance)

        return read_method
    to_representation = field.to_representation
    model = getattr(getattr(serializer_class, "Meta", None), "model", None)
    if (
        isinstance(field, PLAIN_FIELDS)
        and type(field).get_attribute is serializers.Field.get_attribute
        and model is not None
        and len(field.source_attrs) == 1
        and _is_plain_column(model, field.source_attrs[0])
    ):
        name = field.source_attrs[0]
        if _is_plain_iso_datetime(field):
            return _datetime_reader(name, to_representation)

        def read_column(serializer, instance):
            value = getattr(instance, name)
            return None if value is None else to_representation(value)

        return read_column

    def read_as_drf(serializer, instance):
        try:
            attribute = field.get_attribute(instance)
        except SkipField:
            return SKIP
        check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
        return None if check_for_none is None else to_representation(attribute)

    return read_as_drf


def _is_plain_iso_datetime(field) -> bool:
    """A `DateTimeField` as DRF writes it by default: ISO 8601 in the current time zone."""
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    return (
        type(field) is serializers.DateTimeField
        and isinstance(output_format, str)
        and output_format.lower() == ISO_8601
        and not hasattr(field, "timezone")
        and settings.USE_TZ
    )


def _datetime_reader(name: str, to_representation):
    """DRF's `DateTimeField.to_representation` for an aware value, in the time zone the
    serializer looked up once for its answer (a list of 25 complaints has about 130 values);
    anything else goes through DRF's own method."""

    def read_datetime(serializer, instance):
        value = getattr(instance, name)
        if not value:
            return None
        if not isinstance(value, datetime) or timezone.is_naive(value):
            return to_representation(value)
        try:
            text = value.astimezone(serializer._zone).isoformat()
        except OverflowError:
            return to_representation(value)  # DRF's own error
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return read_datetime


def _is_plain_column(model, name: str) -> bool:
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return model_field.concrete and not model_field.is_relation and model_field.attname == name


class ProposalSerializer(CachedFieldsModelSerializer):
    class Meta:
        model = ResolutionProposal
        fields = ["id", "text", "proposed_at"]


class AlternativeRouteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AlternativeRoute.Kind.choices)
    name = serializers.CharField()
    description = serializers.CharField()
    url = serializers.URLField(allow_blank=True)
    deadline = serializers.CharField()

    def to_representation(self, route: AlternativeRoute):
        return route_text(route)


class AttachmentSerializer(serializers.Serializer):
    """A document's name, size and type, and where to download it (never its content)."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField(help_text="bytes")
    content_type = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return self.context["attachment_url"].format(
            reference=self.context["reference"], id=attachment.pk
        )


class ComplaintListSerializer(serializers.ListSerializer):
    """A list of complaints: the documents of those that have any are read first, in one
    query (`selectors.read_attachments`)."""

    def to_representation(self, data):
        complaints = list(data.all() if hasattr(data, "all") else data)
        read_attachments(complaints)
        return super().to_representation(complaints)


class ComplaintSerializer(CachedFieldsModelSerializer):
    """The complaint as the customer sees it (DESIGN.md "API payloads")."""

    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    closure_reason = serializers.ChoiceField(
        choices=ClosureReason.choices, allow_blank=True, read_only=True, help_text='"" while open'
    )
    current_proposal = serializers.SerializerMethodField()
    alternative_routes = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    available_actions = serializers.SerializerMethodField(
        help_text="The actions the caller may take on this complaint now (its POST endpoints)."
    )
    actions_audience = CUSTOMER

    class Meta:
        model = Complaint
        fields = [
            "reference",
            "status",
            "subject",
            "description",
            "category",
            "channel",
            "preferred_contact_method",
            "created_at",
            "received_at",
            "response_due_at",
            "final_response_due_at",
            "estimated_resolution_at",
            "closed_at",
            "closure_reason",
            "language",
            "current_proposal",
            "alternative_routes",
            "attachments",
            "available_actions",
        ]
        read_only_fields = fields
        list_serializer_class = ComplaintListSerializer

    @extend_schema_field(ProposalSerializer(allow_null=True))
    def get_current_proposal(self, complaint):
        proposal = current_proposal(complaint)
        if proposal is None or proposal.decision == ResolutionProposal.Decision.SUPERSEDED:
            return None
        # one serializer for every complaint of the answer, not one each
        serializer = self.context.get("_proposal_serializer")
        if serializer is None:
            serializer = self.context["_proposal_serializer"] = ProposalSerializer()
        return serializer.to_representation(proposal)

    def _routes_of(self, category_id) -> list:
        """The active routes that apply to a category: read once per answer, however many
        complaints and categories it lists."""
        context = self.context
        if "_active_routes" not in context:
            context["_active_routes"] = active_routes()
        by_category = context.setdefault("_routes_of_category", {})
        if category_id not in by_category:
            by_category[category_id] = routes_applying_to(context["_active_routes"], category_id)
        return by_category[category_id]

    @extend_schema_field(AlternativeRouteSerializer(many=True))
    def get_alternative_routes(self, complaint):
        if routes_stage(complaint) is None:
            return []
        # each category's list is written once per answer: what AlternativeRouteSerializer
        # gives (its `to_representation` is `route_text`), without a serializer to build
        cache = self.context.setdefault("_routes_by_category", {})
        if complaint.category_id not in cache:
            routes = self._routes_of(complaint.category_id)
            cache[complaint.category_id] = [route_text(route) for route in routes]
        return cache[complaint.category_id]

    # what this reader may download, and from where
    attachment_visibilities = (Visibility.CUSTOMER,)
    attachment_url = "/api/v1/complaints/{reference}/attachments/{id}/"

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, complaint):
        # prefetched by the selectors: no query per complaint
        attachments = [
            attachment
            for attachment in attachments_of(complaint)
            if attachment.visibility in self.attachment_visibilities
        ]
        if not attachments:  # most complaints: no serializer to build
            return []
        context = {"reference": complaint.reference, "attachment_url": self.attachment_url}
        return AttachmentSerializer(attachments, many=True, context=context).data

    def get_available_actions(self, complaint) -> list[str]:
        request = self.context.get("request")
        if request is None:
            return []
        if not hasattr(complaint, "routes_available") and routes_stage(complaint) is not None:
            # the route-application action needs to know; the routes are read for the answer
            note_routes_available(complaint, self._routes_of(complaint.category_id))
        return available_actions(complaint, request.user, self.actions_audience)


class EventSerializer(CachedFieldsModelSerializer):
    """A timeline entry. For the customer, an assignment shows the unit, not the person."""

    at = serializers.DateTimeField(source="created_at")
    from_status = serializers.ChoiceField(
        choices=Status.choices, allow_blank=True, read_only=True, help_text='"" when filed'
    )
    to_status = serializers.ChoiceField(
        choices=Status.choices, allow_blank=True, read_only=True, help_text='"" without a change'
    )
    actor = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()

    class Meta:
        model = ComplaintEvent
        fields = ["at", "kind", "from_status", "to_status", "text", "actor"]
        read_only_fields = fields

    def get_actor(self, event) -> str:
        return event_actor(event)

    def get_text(self, event) -> str:
        return event_text(event)


class StaffEventSerializer(EventSerializer):
    """Staff see every event, internal notes included, with who did it and the data."""

    actor = serializers.CharField(source="actor_name")
    text = serializers.CharField()

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "sequence", "visibility", "data", "actor_id"]
        read_only_fields = fields
