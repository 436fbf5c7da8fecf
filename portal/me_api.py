"""/api/v1/me/: the signed-in customer's profile and contact preferences, and the export of
everything held about them (KVKK)."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from workflow import services
from workflow.api.serializers import error_responses
from workflow.states import ContactMethod, Language

from .api import IsCustomer
from .export import personal_data_json, profile_data

ERRORS = error_responses(
    {400: "Invalid input; field errors in the body.", 403: "Not a customer account."}
)


class MeSerializer(serializers.Serializer):
    """Name, phone and contact preferences; the e-mail address is the account's and read-only."""

    email = serializers.EmailField(read_only=True)
    first_name = serializers.CharField(max_length=150)
    last_name = serializers.CharField(max_length=150)
    phone = serializers.CharField(max_length=40, allow_blank=True)
    preferred_contact_method = serializers.ChoiceField(choices=ContactMethod.choices)
    language = serializers.ChoiceField(choices=Language.choices)


class MeView(APIView):
    permission_classes = [IsCustomer]

    @extend_schema(responses={200: MeSerializer, 403: ERRORS[403]}, tags=["me"])
    def get(self, request):
        return Response(MeSerializer(profile_data(request.user)).data)

    @extend_schema(
        request=MeSerializer(partial=True), responses={200: MeSerializer, **ERRORS}, tags=["me"]
    )
    def patch(self, request):
        data = MeSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.update_profile(actor=request.user, **data.validated_data)
        request.user.refresh_from_db(fields=["first_name", "last_name"])
        return Response(MeSerializer(profile_data(request.user)).data)


class MeExportView(APIView):
    permission_classes = [IsCustomer]

    @extend_schema(
        summary="Everything held about me (JSON)",
        description=(
            "Profile, every complaint with the customer-visible timeline (messages included), "
            "document names and sizes, survey and route records. The portal's /portal/my-data/ "
            "offers the same as a ZIP with the documents themselves."
        ),
        responses={
            (200, "application/json"): OpenApiResponse(response=OpenApiTypes.OBJECT),
            403: ERRORS[403],
        },
        tags=["me"],
    )
    def get(self, request):
        return HttpResponse(personal_data_json(request.user), content_type="application/json")
