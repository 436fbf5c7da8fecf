"""Claiming a complaint filed without an account into a customer's account (R8, R12)."""

import pytest

from tests.factories import CustomerFactory, EmailAddressFactory
from tests.workflow.helpers import file, last_event, nothing_changes, reload
from workflow import selectors, services
from workflow.errors import ComplaintNotFound, NotPermitted
from workflow.models import Complaint, Notification
from workflow.states import EventKind, Visibility

pytestmark = pytest.mark.django_db

GUEST_EMAIL = "ayse.yilmaz@example.com"
WRONG_ACCOUNT = (
    "Bu şikâyeti, başvuruda yazılan e-posta adresiyle doğrulanmış bir hesapla sahiplenebilirsiniz."
)


@pytest.fixture
def guest_complaint(category):
    return file(
        None, category, contact_name="Ayşe Yılmaz", contact_email=GUEST_EMAIL, language="tr"
    )


@pytest.fixture
def claimant():
    """A customer who signed up with the address the complaint was filed with."""
    return EmailAddressFactory(user=CustomerFactory(email=GUEST_EMAIL)).user


def claim(complaint: Complaint, actor) -> Complaint:
    return services.claim_complaint(actor=actor, tracking_token=complaint.tracking_token)


def assert_unclaimed(complaint: Complaint) -> None:
    fresh = reload(complaint)
    assert fresh.customer is None
    assert fresh.tracking_token == complaint.tracking_token  # the e-mailed link still works


def test_the_complaint_joins_the_account_and_the_emailed_link_stops_working(
    guest_complaint, claimant
):
    old_token = guest_complaint.tracking_token

    claim(guest_complaint, claimant)

    complaint = reload(guest_complaint)
    assert complaint.customer == claimant
    assert complaint.tracking_token != old_token
    assert selectors.complaint_for_tracking_token(old_token) is None
    assert list(selectors.complaints_for_customer(claimant)) == [complaint]
    event = last_event(complaint)
    assert event.kind == EventKind.MESSAGE
    assert event.visibility == Visibility.CUSTOMER
    assert event.actor == claimant
    assert event.text == "Şikâyet, başvuru sahibinin hesabına bağlandı."
    assert event in selectors.events_for_customer(complaint)


def test_the_claimant_can_act_on_the_complaint_afterwards(guest_complaint, claimant):
    with pytest.raises(ComplaintNotFound):
        services.withdraw(complaint=guest_complaint, actor=claimant)

    claim(guest_complaint, claimant)
    services.withdraw(complaint=guest_complaint, actor=claimant, reason="Çözüldü.")

    assert reload(guest_complaint).status == "closed"


def test_the_address_matches_whatever_its_letter_case(category):
    complaint = file(None, category, contact_name="Ali Kaya", contact_email="Ali.Kaya@Example.com")
    claimant = EmailAddressFactory(user=CustomerFactory(email="ali.kaya@example.com")).user

    claim(complaint, claimant)

    assert reload(complaint).customer == claimant


def test_staff_intake_without_an_account_can_be_claimed(staff, category, claimant):
    complaint = services.file_complaint(
        actor=staff,
        channel="phone",
        contact_name="Ayşe Yılmaz",
        contact_email=GUEST_EMAIL,
        category=category,
        subject="Telefonla bildirildi",
        description="Müşteri çağrı merkezini aradı.",
        preferred_contact_method="email",
    )

    claim(complaint, claimant)

    assert reload(complaint).customer == claimant


def test_an_unverified_address_is_refused_until_verified(guest_complaint):
    address = EmailAddressFactory(user=CustomerFactory(email=GUEST_EMAIL), verified=False)

    with nothing_changes(guest_complaint), pytest.raises(NotPermitted) as refused:
        claim(guest_complaint, address.user)

    assert "doğrulayın" in refused.value.message
    assert_unclaimed(guest_complaint)

    address.verified = True
    address.save()
    claim(guest_complaint, address.user)
    assert reload(guest_complaint).customer == address.user


def test_an_account_with_a_different_address_is_refused(guest_complaint):
    someone_else = EmailAddressFactory().user

    with nothing_changes(guest_complaint), pytest.raises(NotPermitted) as refused:
        claim(guest_complaint, someone_else)

    assert refused.value.message == WRONG_ACCOUNT
    assert_unclaimed(guest_complaint)


def test_a_verified_second_address_of_the_account_is_enough(guest_complaint):
    customer = EmailAddressFactory().user
    EmailAddressFactory(user=customer, email=GUEST_EMAIL, primary=False)

    claim(guest_complaint, customer)

    assert reload(guest_complaint).customer == customer


def test_staff_cannot_claim(guest_complaint, staff):
    EmailAddressFactory(user=staff, email=GUEST_EMAIL)
    with nothing_changes(guest_complaint), pytest.raises(NotPermitted):
        claim(guest_complaint, staff)
    assert_unclaimed(guest_complaint)


def test_nobody_signed_in_cannot_claim(guest_complaint):
    with nothing_changes(guest_complaint), pytest.raises(NotPermitted):
        claim(guest_complaint, None)
    assert_unclaimed(guest_complaint)


def test_a_claimed_complaint_cannot_be_claimed_again(guest_complaint, claimant):
    claimed = claim(guest_complaint, claimant)

    with nothing_changes(claimed), pytest.raises(NotPermitted) as refused:
        claim(claimed, claimant)

    assert refused.value.message == "Bu şikâyet zaten bir hesaba bağlı."


def test_a_customers_own_complaint_is_not_up_for_claiming(customer, category):
    complaint = file(customer, category)
    intruder = EmailAddressFactory().user

    with nothing_changes(complaint), pytest.raises(NotPermitted):
        claim(complaint, intruder)

    assert reload(complaint).customer == customer


@pytest.mark.parametrize("token", ["", "unknown-token"])
def test_an_unknown_link_is_refused(token, claimant, guest_complaint):
    with pytest.raises(NotPermitted):
        services.claim_complaint(actor=claimant, tracking_token=token)
    assert_unclaimed(guest_complaint)


# --- where the e-mails send the complainant --------------------------------------------------


def customer_emails(complaint: Complaint):
    return Notification.objects.filter(complaint=complaint, recipient_email=GUEST_EMAIL)


def test_guest_emails_carry_the_tracking_link_and_after_claiming_the_portal_page(
    guest_complaint, claimant, staff, settings
):
    received = customer_emails(guest_complaint).get(template="received")
    tracking_link = f"{settings.MEMNUN_SITE_URL}/portal/track/{guest_complaint.tracking_token}/"
    assert received.context["portal_url"] == tracking_link
    assert received.context["is_guest"] is True

    claim(guest_complaint, claimant)
    services.acknowledge(complaint=guest_complaint, actor=staff, method="email")

    acknowledged = customer_emails(guest_complaint).get(template="acknowledged")
    portal_page = f"{settings.MEMNUN_SITE_URL}/portal/complaints/{guest_complaint.reference}/"
    assert acknowledged.context["portal_url"] == portal_page
    assert acknowledged.context["is_guest"] is False


def test_staff_emails_never_carry_the_guests_tracking_link(guest_complaint):
    to_unit = Notification.objects.get(complaint=guest_complaint, template="staff_new_complaint")
    assert guest_complaint.tracking_token not in str(to_unit.context)
