"""Receiving a complaint (R2, R3, R5, R6, R10): `file_complaint` from every kind of actor."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from tests.factories import (
    CategoryFactory,
    ComplaintFactory,
    CustomerFactory,
    StaffFactory,
    UserFactory,
)
from tests.workflow.helpers import file, notification_mark, sent
from workflow import services
from workflow.errors import InvalidInput, NotPermitted
from workflow.models import Complaint, ComplaintEvent, Notification, ReferenceCounter

pytestmark = pytest.mark.django_db

IST = ZoneInfo("Europe/Istanbul")
REFERENCE = re.compile(r"^MMN-(\d{4})-(\d{6})$")


def intake(staff, category, **fields):
    """A complaint staff log from a phone call."""
    values = {
        "subject": "Sertifikam iptal edilmiş görünüyor",
        "description": "Telefonla aradı: imza sertifikası iptal listesinde.",
        "preferred_contact_method": "phone",
        "channel": "phone",
        "contact_name": "Ayşe Yılmaz",
        "contact_email": "ayse@example.com",
        "contact_phone": "+90 555 000 00 00",
        **fields,
    }
    return services.file_complaint(actor=staff, category=category, **values)


def assert_nothing_created():
    assert Complaint.objects.count() == 0
    assert ComplaintEvent.objects.count() == 0
    assert Notification.objects.count() == 0
    assert not ReferenceCounter.objects.filter(last_number__gt=0).exists()


# --- a customer files through the portal -------------------------------------------------


def test_customer_files_through_the_portal(customer, category):
    mark = notification_mark()
    before = timezone.now()

    complaint = file(customer, category, policy_version=3)

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.status == "received"
    assert complaint.channel == "portal"
    assert complaint.customer == customer
    assert complaint.contact_email == customer.email
    assert complaint.contact_name == customer.get_full_name()
    assert complaint.unit == category.default_unit
    assert complaint.investigation_level == "basic"
    assert complaint.policy_version == 3
    assert before <= complaint.received_at <= timezone.now()
    match = REFERENCE.match(complaint.reference)
    assert match, complaint.reference
    assert int(match[1]) == timezone.localtime(complaint.received_at, IST).year

    event = complaint.events.get()
    assert (event.kind, event.from_status, event.to_status) == ("status_change", "", "received")
    assert event.visibility == "customer"
    assert event.actor == customer
    assert event.created_at == complaint.received_at
    assert event.data["channel"] == "portal"
    assert event.data["unit"] == category.default_unit.slug

    assert sent(mark) == {
        ("received", customer.email, "tr"),
        ("staff_new_complaint", category.default_unit.email, "tr"),
    }


def test_reference_numbers_increase_and_are_unique(customer, other_customer, category):
    numbers = [
        int(REFERENCE.match(file(user, category).reference)[2])
        for user in (customer, other_customer, customer)
    ]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]


def test_customer_notification_goes_in_the_complaints_language(customer, category):
    mark = notification_mark()

    file(customer, category, language="en")

    assert sent(mark) == {
        ("received", customer.email, "en"),
        ("staff_new_complaint", category.default_unit.email, "tr"),
    }


@pytest.mark.parametrize(
    ("profile", "first", "final"),
    [
        # filed on Friday 20 November 2026 at 17:59 (Istanbul)
        ("one_business_day", (2026, 11, 23, 17, 59), None),
        ("calendar_24_hours", (2026, 11, 21, 17, 59), None),
        ("calendar_30_days", (2026, 11, 23, 17, 59), (2026, 12, 20, 17, 59)),
    ],
)
def test_response_deadline_follows_the_categorys_profile(customer, profile, first, final):
    category = CategoryFactory(deadline_profile=profile)
    ist = ZoneInfo("Europe/Istanbul")

    with time_machine.travel(datetime(2026, 11, 20, 17, 59, tzinfo=ist), tick=False):
        complaint = file(customer, category)

    stored = Complaint.objects.get(pk=complaint.pk)
    assert stored.response_due_at == datetime(*first, tzinfo=ist)
    assert stored.final_response_due_at == (datetime(*final, tzinfo=ist) if final else None)


def test_fields_only_staff_may_set_are_ignored_for_a_customer(customer, other_customer, category):
    yesterday = timezone.now() - timedelta(days=1)

    complaint = file(
        customer,
        category,
        channel="phone",
        customer=other_customer,
        received_at=yesterday,
        contact_email="someone-else@example.com",
    )

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.channel == "portal"
    assert complaint.customer == customer
    assert complaint.contact_email == customer.email
    assert complaint.received_at > yesterday + timedelta(hours=23)


def test_customer_cannot_choose_the_severity(customer, category):
    """Severity drives the investigation level (R6); it is staff's assessment, not input
    a customer may set (DESIGN: anything else sent is ignored, never applied)."""
    complaint = file(customer, category, severity=4)

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.severity == category.default_severity
    assert complaint.investigation_level == "basic"


# --- staff log a complaint from another channel -------------------------------------------


def test_staff_log_a_phone_call_received_earlier(staff, category):
    # Friday 17:59: one business day later is Monday 17:59 (worked out in test_deadlines).
    received_at = datetime(2026, 1, 9, 17, 59, tzinfo=IST)
    mark = notification_mark()

    with time_machine.travel(datetime(2026, 1, 12, 10, 0, tzinfo=IST)):
        complaint = intake(staff, category, received_at=received_at)

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.status == "received"
    assert complaint.channel == "phone"
    assert complaint.customer is None
    assert complaint.contact_phone == "+90 555 000 00 00"
    assert complaint.received_at == received_at
    assert complaint.response_due_at == datetime(2026, 1, 12, 17, 59, tzinfo=IST)
    assert complaint.reference.startswith("MMN-2026-")
    event = complaint.events.get()
    assert (event.kind, event.to_status, event.actor) == ("status_change", "received", staff)
    assert event.created_at == received_at
    assert sent(mark) == {
        ("received", "ayse@example.com", "tr"),
        ("staff_new_complaint", category.default_unit.email, "tr"),
    }


def test_staff_intake_for_a_known_customer_is_theirs(staff, customer, category):
    complaint = intake(staff, category, customer=customer, contact_email="", channel="email")

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.customer == customer
    assert complaint.contact_email == customer.email
    assert complaint.channel == "email"


@pytest.mark.parametrize("who", ["staff-member", "inactive-customer"])
def test_staff_intake_for_someone_who_is_not_a_customer_is_refused(staff, category, who):
    """A customer is any active user who is not staff (DESIGN); a complaint attached to
    anyone else would give them the complainant's rights on it."""
    user = StaffFactory() if who == "staff-member" else CustomerFactory(is_active=False)

    with pytest.raises(InvalidInput) as error:
        intake(staff, category, customer=user)

    assert "customer" in error.value.errors
    assert_nothing_created()


def test_received_at_in_the_future_is_refused(staff, category):
    with pytest.raises(InvalidInput) as error:
        intake(staff, category, received_at=timezone.now() + timedelta(hours=1))

    assert "received_at" in error.value.errors
    assert_nothing_created()


NOW = datetime(2026, 6, 15, 10, 0, tzinfo=IST)


@pytest.mark.parametrize(
    "received_at",
    [
        NOW - timedelta(days=731),
        datetime(1900, 1, 1, 10, 0, tzinfo=IST),
        datetime(1, 1, 1, tzinfo=UTC),
    ],
    ids=["731-days-ago", "1900", "year-1"],
)
@time_machine.travel(NOW, tick=False)
def test_received_at_further_back_than_the_intake_window_is_refused(staff, category, received_at):
    with pytest.raises(InvalidInput) as error:
        intake(staff, category, received_at=received_at)

    assert error.value.errors["received_at"] == ["Başvuru zamanı en fazla 730 gün öncesi olabilir."]
    assert_nothing_created()


@time_machine.travel(NOW, tick=False)
def test_the_intake_window_is_a_setting(staff, category, settings):
    two_years_ago = NOW - timedelta(days=729)
    assert intake(staff, category, received_at=two_years_ago).received_at == two_years_ago

    settings.MEMNUN_INTAKE_MAX_AGE_DAYS = 30
    with pytest.raises(InvalidInput) as error:
        intake(staff, category, received_at=NOW - timedelta(days=31))
    assert error.value.errors["received_at"] == ["Başvuru zamanı en fazla 30 gün öncesi olabilir."]


def test_staff_cannot_log_a_portal_complaint(staff, category):
    with pytest.raises(InvalidInput) as error:
        intake(staff, category, channel="portal")

    assert "channel" in error.value.errors
    assert_nothing_created()


@pytest.mark.parametrize(
    ("severity", "earlier_similar", "older_similar", "level"),
    [
        pytest.param(1, 0, 0, "basic", id="low-isolated"),
        pytest.param(2, 0, 0, "basic", id="medium-isolated"),
        pytest.param(2, 2, 5, "basic", id="old-complaints-do-not-count"),
        pytest.param(2, 3, 0, "standard", id="medium-recurring"),
        pytest.param(3, 0, 0, "standard", id="high-isolated"),
        pytest.param(3, 10, 0, "root_cause", id="high-frequent"),
        pytest.param(4, 0, 0, "root_cause", id="critical"),
    ],
)
def test_investigation_level_from_severity_and_frequency(
    staff, category, severity, earlier_similar, older_similar, level
):
    now = timezone.now()
    for days_ago, count in ((10, earlier_similar), (100, older_similar)):
        ComplaintFactory.create_batch(
            count, category=category, received_at=now - timedelta(days=days_ago)
        )

    complaint = intake(staff, category, severity=severity)

    assert Complaint.objects.get(pk=complaint.pk).investigation_level == level


def test_severity_outside_one_to_four_is_refused(staff, category):
    with pytest.raises(InvalidInput) as error:
        intake(staff, category, severity=5)

    assert "severity" in error.value.errors
    assert_nothing_created()


# --- a guest files through the public web form ---------------------------------------------


def test_guest_files_through_the_web_form(category):
    mark = notification_mark()
    before = timezone.now()

    complaint = services.file_complaint(
        actor=None,
        category=category.slug,
        subject="Web sitesinden başvuru",
        description="Üye olmadan şikâyet ediyorum.",
        preferred_contact_method="email",
        contact_name="Misafir Kullanıcı",
        contact_email="misafir@example.com",
        channel="phone",
        received_at=timezone.now() - timedelta(days=3),
    )

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert complaint.channel == "web_form"
    assert complaint.customer is None
    assert complaint.received_at >= before
    event = complaint.events.get()
    assert (event.kind, event.to_status, event.actor) == ("status_change", "received", None)
    assert sent(mark) == {
        ("received", "misafir@example.com", "tr"),
        ("staff_new_complaint", category.default_unit.email, "tr"),
    }


# --- refused input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "error_key"),
    [
        pytest.param({"subject": ""}, "subject", id="empty-subject"),
        pytest.param({"subject": "   "}, "subject", id="blank-subject"),
        pytest.param({"subject": "x" * 201}, "subject", id="long-subject"),
        pytest.param({"subject": "\u200b\u202e\ufeff "}, "subject", id="invisible-subject"),
        pytest.param({"description": ""}, "description", id="empty-description"),
        pytest.param({"category": "no-such-category"}, "category", id="unknown-category"),
        pytest.param({"category": ""}, "category", id="no-category"),
        pytest.param({"preferred_contact_method": "phone"}, "phone", id="phone-without-number"),
        pytest.param(
            {"preferred_contact_method": "pigeon"}, "preferred_contact_method", id="bad-method"
        ),
    ],
)
def test_bad_input_from_a_customer_creates_nothing(customer, category, fields, error_key):
    fields = {"category": category, **fields}
    with pytest.raises(InvalidInput) as error:
        file(customer, fields.pop("category"), **fields)

    assert error_key in error.value.errors
    assert_nothing_created()


def test_inactive_category_is_refused(customer):
    category = CategoryFactory(is_active=False)

    with pytest.raises(InvalidInput) as error:
        file(customer, category)

    assert "category" in error.value.errors
    assert_nothing_created()


def test_guest_must_leave_an_email_or_a_phone(category):
    with pytest.raises(InvalidInput) as error:
        services.file_complaint(
            actor=None,
            category=category,
            subject="Konu",
            description="Açıklama",
            preferred_contact_method="post",
            contact_name="Misafir",
        )

    assert "contact_email" in error.value.errors
    assert_nothing_created()


def test_phone_preferred_with_a_number_is_accepted(customer, category):
    complaint = file(customer, category, preferred_contact_method="phone", contact_phone="0555")

    complaint = Complaint.objects.get(pk=complaint.pk)
    assert (complaint.preferred_contact_method, complaint.contact_phone) == ("phone", "0555")


@pytest.mark.parametrize(
    "user_kind", ["inactive-customer", "inactive-staff", "is_staff-without-staff-group"]
)
def test_accounts_that_are_neither_customer_nor_complaint_staff_cannot_file(category, user_kind):
    if user_kind == "inactive-customer":
        user = CustomerFactory(is_active=False)
    elif user_kind == "inactive-staff":
        user = StaffFactory(is_active=False)
    else:
        user = UserFactory(is_staff=True)

    with pytest.raises(NotPermitted):
        intake(user, category)

    assert_nothing_created()


def test_bidi_overrides_and_zero_width_characters_are_removed(staff, customer, category):
    """A right-to-left override makes "Fatura gpj.exe" read as "Fatura exe.jpg"; zero-width
    characters make two names that look the same differ. Neither is kept."""
    complaint = intake(
        staff,
        category,
        subject="Fatura \u202egpj.exe\u202c ekli",
        description="Ek\u200b dosya\u2066 açılmıyor\u2069.",
        contact_name="\ufeffAyşe\u200d Yıl\u2060maz\u200e",
    )

    complaint.refresh_from_db()
    assert complaint.subject == "Fatura gpj.exe ekli"
    assert complaint.description == "Ek dosya açılmıyor."
    assert complaint.contact_name == "Ayşe Yılmaz"

    services.acknowledge(complaint=complaint, actor=staff, method="email")
    services.add_note(
        complaint=complaint, actor=staff, text="Müşteriye\u202d yazıldı", visibility="internal"
    )
    assert complaint.events.filter(text="Müşteriye yazıldı").exists()
