"""The API's serializers read their fields their own faster way (`CachedFieldsModelSerializer`):
their answer must be exactly DRF's own, key for key, for a complaint in every state, in any
time zone."""

import pytest
from django.utils import timezone
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from staff.api import StaffComplaintDetailSerializer, StaffComplaintSerializer
from tests.factories import AlternativeRouteFactory, CustomerFactory
from tests.workflow.helpers import EVERY_STATE, complaint_in
from workflow.api.serializers import ComplaintSerializer, EventSerializer
from workflow.selectors import complaints_for_customer, complaints_for_staff

pytestmark = pytest.mark.django_db


def drf_answer(serializer, instance) -> dict:
    """What DRF's own `ModelSerializer.to_representation` gives for `instance`."""
    return dict(serializers.ModelSerializer.to_representation(serializer, instance))


def context_for(user) -> dict:
    request = Request(APIRequestFactory().get("/api/v1/"))
    request.user = user
    return {"request": request}


@pytest.mark.parametrize("zone", ["Europe/Istanbul", "UTC"])
def test_the_answers_are_drfs_own_for_every_state(zone, quality_manager, category_a):
    AlternativeRouteFactory()
    customer = CustomerFactory()
    made = [
        complaint_in(
            status, customer=customer, staff=quality_manager, category=category_a, closure=closure
        )
        for status, closure in EVERY_STATE
    ]
    pks = [complaint.pk for complaint in made]
    with timezone.override(zone):
        for user, queryset, serializer_classes in [
            (customer, complaints_for_customer(customer), [ComplaintSerializer]),
            (
                quality_manager,
                complaints_for_staff(quality_manager),
                [StaffComplaintSerializer, StaffComplaintDetailSerializer],
            ),
        ]:
            for complaint in queryset.filter(pk__in=pks):
                for serializer_class in serializer_classes:
                    fast = serializer_class(context=context_for(user))
                    slow = serializer_class(context=context_for(user))
                    assert fast.to_representation(complaint) == drf_answer(slow, complaint)
                for event in complaint.events.all():
                    fast = EventSerializer(context=context_for(user))
                    slow = EventSerializer(context=context_for(user))
                    assert fast.to_representation(event) == drf_answer(slow, event)
        answer = ComplaintSerializer(made[-1], context=context_for(customer)).data
        suffix = "Z" if zone == "UTC" else "+03:00"
        assert answer["received_at"].endswith(suffix)
        assert answer["closed_at"].endswith(suffix)
