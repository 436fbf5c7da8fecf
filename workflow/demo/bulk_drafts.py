"""Who complains, about what, through which channel: one `Draft` per generated complaint.

The mix follows R2 (five channels plus the portal), routes by category (R3), assesses the
investigation level the way the intake service does (R6) and computes the response deadline
with the real business calendar (R10).
"""

from datetime import UTC, datetime, timedelta
from itertools import accumulate
from random import Random

from workflow.assessment import FREQUENCY_WINDOW, investigation_level
from workflow.deadlines import BusinessCalendar, final_response_due_at, response_due_at
from workflow.states import Channel, ContactMethod

from . import bulk_texts as texts
from .bulk_plan import Planner
from .bulk_rows import CategoryRef, Draft, Person

CATEGORY_WEIGHTS = {
    "billing": 20,
    "certificate-issuance": 25,
    "certificate-problem-report": 2,
    "e-signature-device": 22,
    "registered-email": 8,
    "personal-data": 5,
    "service-quality": 10,
    "website": 8,
}
OTHER_CATEGORY_WEIGHT = 5  # categories an editor added
CHANNEL_WEIGHTS = {
    Channel.PORTAL: 45,
    Channel.EMAIL: 18,
    Channel.PHONE: 20,
    Channel.WEB_FORM: 7,
    Channel.SOCIAL_MEDIA: 5,
    Channel.FACE_TO_FACE: 5,
}
CONTACT_WEIGHTS = {
    ContactMethod.EMAIL: 65,
    ContactMethod.PHONE: 20,
    ContactMethod.SOCIAL_MEDIA: 7,
    ContactMethod.FACE_TO_FACE: 5,
    ContactMethod.POST: 3,
}
ENGLISH_SHARE = 0.07
KNOWN_CUSTOMER_SHARE = 0.35  # staff-logged complaints from someone with an account
GUEST_WEB_FORM_SHARE = 0.5  # web-form complaints filed by a guest rather than typed in by staff

_TO_ASCII = str.maketrans("çğıöşüÇĞİÖŞÜâ", "cgiosuCGIOSUa")


def _weighted(weights: dict) -> tuple[list, list]:
    return list(weights), list(accumulate(weights.values()))


class DraftMaker:
    def __init__(
        self,
        *,
        rng: Random,
        planner: Planner,
        categories: list[CategoryRef],
        staff: list[Person],
        customers: list[Person],
        complaints_per_day: float,
        calendar: BusinessCalendar,
    ):
        self.rng = rng
        self.planner = planner
        self.staff = staff
        self.customers = customers
        weights = [CATEGORY_WEIGHTS.get(c.slug, OTHER_CATEGORY_WEIGHT) for c in categories]
        self.categories = categories
        self.category_cumulative = list(accumulate(weights))
        # R6 frequency: the similar complaints a category gathers in 90 days at this volume
        self.similar = {
            c.id: round(complaints_per_day * FREQUENCY_WINDOW.days * w / sum(weights))
            for c, w in zip(categories, weights, strict=True)
        }
        self.channels = _weighted(CHANNEL_WEIGHTS)
        self.contacts = _weighted(CONTACT_WEIGHTS)
        self.calendar = calendar

    def draft(self, received_at: datetime, reference: str) -> Draft:
        rng = self.rng
        category = rng.choices(self.categories, cum_weights=self.category_cumulative)[0]
        channel = rng.choices(self.channels[0], cum_weights=self.channels[1])[0]
        language = "en" if rng.random() < ENGLISH_SHARE else "tr"
        logged_at = received_at
        if channel == Channel.PORTAL:
            customer = filer = rng.choice(self.customers)
        elif channel == Channel.WEB_FORM and rng.random() < GUEST_WEB_FORM_SHARE:
            customer = filer = None
        else:
            known = rng.random() < KNOWN_CUSTOMER_SHARE
            customer = rng.choice(self.customers) if known else None
            filer = rng.choice(self.staff)
            # staff log a call or visit a little after it happened
            logged_at = min(
                received_at + timedelta(seconds=60 + 3 * 3600 * rng.random() ** 3),
                self.planner.now,
            )
        if customer is not None:
            name, email = customer.name, customer.email
        else:
            first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
            name = f"{first} {last}"
            email = ""
            if rng.random() < 0.85:
                local = f"{first}.{last}".lower().translate(_TO_ASCII)
                email = f"{local}{rng.randint(1, 999)}@example.net"
        preferred = rng.choices(self.contacts[0], cum_weights=self.contacts[1])[0]
        if not email:
            preferred = ContactMethod.PHONE
        phone = ""
        if preferred == ContactMethod.PHONE or rng.random() < 0.3:
            phone = f"+90 5{rng.randint(30, 59)} {rng.randint(100, 999)} {rng.randint(10, 99)} "
            phone += f"{rng.randint(10, 99)}"
        severity = category.severity
        if filer is not None and filer is not customer and rng.random() < 0.15:
            severity = min(4, max(1, severity + rng.choice((-1, 1))))  # staff's assessment
        subject, description = rng.choice(
            texts.SUBJECTS.get(category.slug, texts.SUBJECTS["service-quality"])[language]
        )
        detail = rng.choice(texts.DETAILS[language]).format(n=rng.randint(100_000, 999_999))
        return Draft(
            reference=reference,
            received_at=received_at,
            logged_at=logged_at,
            # R10, exactly as the intake service computes it (about 8 µs a row), in UTC
            response_due_at=response_due_at(
                received_at, category.profile, self.calendar
            ).astimezone(UTC),
            final_response_due_at=final_response_due_at(
                received_at, category.profile, self.calendar
            ),
            category=category,
            channel=channel,
            customer=customer,
            filer=filer,
            contact_name=name,
            contact_email=email,
            contact_phone=phone,
            preferred=preferred,
            language=language,
            severity=severity,
            level=investigation_level(severity, self.similar[category.id]),
            subject=subject,
            description=f"{description} {detail}".strip(),
            plan=self.planner.plan(received_at, logged_at, customer is not None),
        )
