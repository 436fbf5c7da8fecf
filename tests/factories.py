"""factory_boy factories for the complaint domain."""

from datetime import datetime
from zoneinfo import ZoneInfo

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from workflow.deadlines import response_due_at
from workflow.groups import (
    QUALITY_MANAGER_GROUP,
    STAFF_GROUP,
    UNIT_MANAGER_GROUP,
    ensure_staff_groups,
)
from workflow.models import AlternativeRoute, Category, Complaint, SatisfactionSurvey, Unit
from workflow.states import (
    Channel,
    ClosureReason,
    ContactMethod,
    InvestigationLevel,
    Severity,
    Status,
)

User = get_user_model()

# Every date a factory sets is explicit: a Tuesday morning in Istanbul, away from month, year
# and DST boundaries. A test that needs another moment passes it; a test that reasons about
# "now" freezes time (time-machine). Nothing here reads the wall clock.
FACTORY_TIME = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Istanbul"))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}@example.com")
    email = factory.SelfAttribute("username")
    first_name = factory.Faker("first_name", locale="tr_TR")
    last_name = factory.Faker("last_name", locale="tr_TR")
    password = factory.django.Password("secret-pass-123")


class CustomerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"customer{n}@example.com")


class EmailAddressFactory(factory.django.DjangoModelFactory):
    """An allauth e-mail address of an account; verified unless told otherwise."""

    class Meta:
        model = EmailAddress

    user = factory.SubFactory(CustomerFactory)
    email = factory.SelfAttribute("user.email")
    verified = True
    primary = True


def staff_group(name: str = STAFF_GROUP) -> Group:
    return ensure_staff_groups()[name]


class StaffFactory(UserFactory):
    """Complaint staff who see every unit (a quality manager), so a test about something else
    need not care which unit a complaint is in. For the roles themselves use HandlerFactory
    and UnitManagerFactory with `units=[...]`."""

    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}@example.com")
    is_staff = True
    role_group = QUALITY_MANAGER_GROUP

    @classmethod
    def _create(cls, model_class, *args, role_group=None, **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        user._role_group = role_group
        return user

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(staff_group(self._role_group))

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        """The units whose complaints they handle (`Unit.members`)."""
        if create and extracted:
            self.complaint_units.add(*extracted)


class HandlerFactory(StaffFactory):
    """A complaint handler of `units` (own units' complaints only)."""

    username = factory.Sequence(lambda n: f"handler{n}@example.com")
    role_group = STAFF_GROUP


class UnitManagerFactory(StaffFactory):
    """A unit manager of `units`: reassignment and final-decision approval there."""

    username = factory.Sequence(lambda n: f"unit-manager{n}@example.com")
    role_group = UNIT_MANAGER_GROUP


class QualityManagerFactory(StaffFactory):
    username = factory.Sequence(lambda n: f"quality-manager{n}@example.com")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"unit-{n}")
    name_tr = factory.Sequence(lambda n: f"Birim {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")
    email = factory.LazyAttribute(lambda o: f"{o.slug}@example.com")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_tr = factory.Sequence(lambda n: f"Kategori {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    default_unit = factory.SubFactory(UnitFactory)
    default_severity = Severity.MEDIUM


class AlternativeRouteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlternativeRoute

    kind = AlternativeRoute.Kind.EXTERNAL
    name_tr = "Tüketici Hakem Heyeti"
    name_en = "Consumer Arbitration Committee"
    url = "https://tuketici.ticaret.gov.tr/"
    deadline_tr = "Parasal sınırın altındaki uyuşmazlıklar için zorunlu."
    deadline_en = "Mandatory for disputes below the monetary limit."


class ComplaintFactory(factory.django.DjangoModelFactory):
    """A complaint row in `received`; use the services to move it (tests/workflow/helpers)."""

    class Meta:
        model = Complaint

    reference = factory.Sequence(lambda n: f"MMN-2026-{n + 900000:06d}")
    customer = factory.SubFactory(CustomerFactory)
    contact_name = factory.LazyAttribute(
        lambda o: o.customer.get_full_name() if o.customer else "Ad Soyad"
    )
    contact_email = factory.LazyAttribute(
        lambda o: o.customer.email if o.customer else "guest@example.com"
    )
    preferred_contact_method = ContactMethod.EMAIL
    channel = Channel.PORTAL
    category = factory.SubFactory(CategoryFactory)
    unit = factory.SelfAttribute("category.default_unit")
    subject = "Fatura tutarı hatalı"
    description = "Son faturamda kullanmadığım bir hizmet için ücret görünüyor."
    severity = Severity.MEDIUM
    investigation_level = InvestigationLevel.BASIC
    received_at = FACTORY_TIME
    response_due_at = factory.LazyAttribute(
        lambda o: response_due_at(o.received_at, o.category.deadline_profile)
    )


class DatedComplaintFactory(ComplaintFactory):
    """A complaint row whose deadline follows from its `received_at` (R10), for figures over
    many complaints (public statistics) where walking each one through the services would be
    slow. Pass `acknowledged_at`; for a closed one `closed=True` (resolved unless
    `closure_reason` says otherwise) and `closed_at`. No events are written: only for reads
    that look at the complaint's own timestamps."""

    class Params:
        closed = factory.Trait(status=Status.CLOSED, closure_reason=ClosureReason.RESOLVED)


class SatisfactionSurveyFactory(factory.django.DjangoModelFactory):
    """A survey answer (R11) on a complaint closed at `submitted_at` (FACTORY_TIME unless
    told)."""

    class Meta:
        model = SatisfactionSurvey

    submitted_at = FACTORY_TIME
    complaint = factory.SubFactory(
        DatedComplaintFactory,
        closed=True,
        received_at=factory.SelfAttribute("..submitted_at"),
        closed_at=factory.SelfAttribute("..submitted_at"),
    )
    resolution_score = 4
    process_score = 4
