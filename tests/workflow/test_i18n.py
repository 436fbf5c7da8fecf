"""Turkish is the source language; every domain label has an English translation."""

import pytest
from django.utils import translation

from workflow.states import Channel, ClosureReason, EventKind, SlaState, Status


@pytest.mark.parametrize("choices", [Status, ClosureReason, Channel, EventKind, SlaState])
def test_every_label_is_translated_to_english(choices):
    with translation.override("tr"):
        turkish = [str(label) for label in choices.labels]
    with translation.override("en"):
        english = [str(label) for label in choices.labels]
    untranslated = [tr for tr, en in zip(turkish, english, strict=True) if tr == en]
    assert untranslated == []


def test_english_status_labels_read_naturally():
    with translation.override("en"):
        assert Status.AWAITING_CUSTOMER.label == "Awaiting customer information"
    with translation.override("tr"):
        assert Status.AWAITING_CUSTOMER.label == "Müşteriden bilgi bekleniyor"
