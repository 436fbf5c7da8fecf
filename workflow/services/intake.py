"""Receiving a complaint (R2, R3, R5, R6, R10)."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from .. import deadlines
from ..assessment import investigation_level, similar_complaints_count
from ..errors import InvalidInput, NotPermitted
from ..models import Category, Complaint, CustomerProfile, ReferenceCounter
from ..notifications import notify_customer, notify_staff
from ..policy import policy_version_in_force
from ..rules import is_complaint_staff, is_customer
from ..states import (
    STAFF_INTAKE_CHANNELS,
    Channel,
    ContactMethod,
    EventKind,
    Language,
    Status,
)
from ._base import atomic, choose_one_of, display_name, field_error, record_event, required_text
from .attachments import inspect_uploads, store_attachment

REFERENCE_PREFIX = "MMN"


def format_reference(year: int, number: int) -> str:
    return f"{REFERENCE_PREFIX}-{year}-{number:06d}"


def next_reference(received_at: datetime) -> str:
    """Numbers run per year (Istanbul time) and are never reused."""
    year = timezone.localtime(received_at, deadlines.BusinessCalendar.from_settings().tz).year
    ReferenceCounter.objects.get_or_create(year=year)
    ReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = ReferenceCounter.objects.values_list("last_number", flat=True).get(year=year)
    return format_reference(year, number)


def _resolve_category(category: Category | str | None) -> Category:
    if isinstance(category, Category):
        if category.is_active:
            return category
    elif category:
        found = Category.objects.select_related("default_unit").filter(
            slug=category, is_active=True
        )
        if found:
            return found[0]
    raise field_error("category", gettext("Bilinmeyen kategori."))


@atomic
def file_complaint(
    *,
    actor,
    category: Category | str,
    subject: str,
    description: str,
    preferred_contact_method: str,
    channel: str = Channel.PORTAL,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    customer=None,
    received_at: datetime | None = None,
    language: str = Language.TR,
    severity: int | None = None,
    policy_version: int | None = None,
    attachments: Sequence = (),
) -> Complaint:
    """Record a new complaint from any of the five channels (R2) and route it (R3).

    - a signed-in customer files through the portal: the complaint is theirs;
    - staff log phone / face-to-face / e-mail / social-media / web-form complaints, with the
      time the complainant actually made contact (`received_at`, never in the future and
      not more than `MEMNUN_INTAKE_MAX_AGE_DAYS` in the past);
    - a guest (`actor=None`) files through the public web form.

    The policy version in force (R1) is recorded unless the caller names one. `attachments`
    (uploaded files) are checked before anything is stored and added to the new complaint.
    """
    now = timezone.now()
    max_age_days = settings.MEMNUN_INTAKE_MAX_AGE_DAYS
    errors: dict[str, list[str]] = {}
    if is_complaint_staff(actor):
        if channel not in STAFF_INTAKE_CHANNELS:
            errors["channel"] = [choose_one_of(STAFF_INTAKE_CHANNELS)]
        if received_at and timezone.is_naive(received_at):
            errors["received_at"] = [gettext("Saat dilimiyle birlikte bir tarih ve saat girin.")]
        elif received_at and received_at > now:
            errors["received_at"] = [gettext("Başvuru zamanı gelecekte olamaz.")]
        elif received_at and received_at < now - timedelta(days=max_age_days):
            errors["received_at"] = [
                gettext("Başvuru zamanı en fazla %(days)d gün öncesi olabilir.")
                % {"days": max_age_days}
            ]
        if customer is not None and not is_customer(customer):
            errors["customer"] = [gettext("Etkin bir müşteri hesabı değil.")]
    elif actor is None:
        channel, customer, received_at, severity = Channel.WEB_FORM, None, None, None
    elif is_customer(actor):
        # the customer cannot choose the channel, the time, whose complaint it is or its
        # severity: those are staff's assessment (R6)
        channel, customer, received_at, severity = Channel.PORTAL, actor, None, None
        contact_name = contact_name or display_name(actor)
        contact_email = actor.email
        # R5: the customer's saved preferences fill what the filing leaves out
        profile = CustomerProfile.objects.filter(user=actor).first()
        if profile is not None:
            preferred_contact_method = preferred_contact_method or profile.preferred_contact_method
            contact_phone = contact_phone or profile.phone
            language = profile.language
        preferred_contact_method = preferred_contact_method or ContactMethod.EMAIL
    else:
        raise NotPermitted(gettext("Bu hesapla şikâyet başvurusu yapılamaz."))

    if preferred_contact_method not in ContactMethod.values:
        errors["preferred_contact_method"] = [choose_one_of(ContactMethod.values)]
    if preferred_contact_method == ContactMethod.PHONE and not contact_phone.strip():
        errors["phone"] = [gettext("Telefonla aranmak istiyorsanız bir telefon numarası yazın.")]
    if customer is not None and not contact_email:
        contact_email = customer.email
    if not contact_email and not contact_phone.strip():
        errors["contact_email"] = [gettext("Bir e-posta adresi ya da telefon numarası yazın.")]
    if severity is not None and severity not in (1, 2, 3, 4):
        errors["severity"] = [gettext("Önem 1 (düşük) ile 4 (kritik) arasındadır.")]
    try:
        subject = required_text(subject, "subject", max_length=200)
        description = required_text(description, "description", max_length=20_000)
        contact_name = required_text(
            contact_name or display_name(customer), "contact_name", max_length=200
        )
    except InvalidInput as error:
        errors.update(error.errors)
    try:
        category = _resolve_category(category)
    except InvalidInput as error:
        errors.update(error.errors)
    if errors:
        raise InvalidInput(gettext("Şikâyet kaydedilemedi."), errors=errors)
    try:
        uploads = inspect_uploads(attachments)
    except InvalidInput as error:  # TooLarge stays TooLarge (413)
        raise type(error)(error.message, errors={"attachments": [error.message]}) from error

    received_at = received_at or now
    language = language if language in Language.values else Language.TR
    if policy_version is None:
        policy_version = policy_version_in_force(language)
    severity = severity or category.default_severity
    level = investigation_level(
        severity, similar_complaints_count(category_id=category.pk, received_at=received_at)
    )
    complaint = Complaint.objects.create(
        reference=next_reference(received_at),
        customer=customer,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone.strip(),
        preferred_contact_method=preferred_contact_method,
        channel=channel,
        category=category,
        unit=category.default_unit,
        subject=subject,
        description=description,
        severity=severity,
        investigation_level=level,
        language=language,
        received_at=received_at,
        response_due_at=deadlines.response_due_at(received_at, category.deadline_profile),
        final_response_due_at=deadlines.final_response_due_at(
            received_at, category.deadline_profile
        ),
        policy_version=policy_version,
    )
    record_event(
        complaint,
        kind=EventKind.STATUS_CHANGE,
        actor=actor,
        to_status=Status.RECEIVED,
        data={"channel": channel, "unit": category.default_unit.slug, "level": level},
        at=received_at,
    )
    for upload in uploads:
        store_attachment(complaint, upload, actor=actor)
    notify_customer(
        complaint,
        "received",
        response_due_at=complaint.response_due_at.isoformat(),
        final_response_due_at=(
            complaint.final_response_due_at.isoformat() if complaint.final_response_due_at else None
        ),
    )
    notify_staff(complaint, "staff_new_complaint", channel=channel)
    return complaint
