"""Demo accounts: two customers, one user per staff role and a content editor.

Roles (`workflow.groups`): two complaint handlers, each of one unit; a unit manager; a
quality manager (every unit, approvals); a content editor (no complaint data).

Users sign in by e-mail (django-allauth): the username is the e-mail address, and a verified
primary `EmailAddress` lets them past mandatory e-mail verification.
"""

import os
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from workflow.groups import (
    QUALITY_MANAGER_GROUP,
    STAFF_GROUP,
    UNIT_MANAGER_GROUP,
    ensure_staff_groups,
)
from workflow.models import Unit

DEFAULT_PASSWORD = "memnun-demo"  # noqa: S105 - the documented demo password, not a secret

CUSTOMER = "musteri@example.com"
CUSTOMER_EN = "customer@example.com"
STAFF = "personel@example.com"
STAFF_BILLING = "fatura@example.com"
UNIT_MANAGER = "birim.yonetici@example.com"
MANAGER = "yonetici@example.com"
EDITOR = "editor@example.com"


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str  # customer | staff | unit_manager | manager | editor
    note: str
    units: tuple[str, ...] = ()  # unit slugs whose complaints they handle (`Unit.members`)


DEMO_USERS = [
    DemoUser(CUSTOMER, "Ayşe", "Yılmaz", "customer", "müşteri / customer → /portal/"),
    DemoUser(CUSTOMER_EN, "Emma", "Clarke", "customer", "English-speaking customer → /portal/"),
    DemoUser(
        STAFF,
        "Mehmet",
        "Demir",
        "staff",
        "şikâyet personeli, Teknik Destek / handler, technical support → /admin/",
        ("technical-support",),
    ),
    DemoUser(
        STAFF_BILLING,
        "Can",
        "Öztürk",
        "staff",
        "şikâyet personeli, Faturalama / handler, billing → /admin/",
        ("billing",),
    ),
    DemoUser(
        UNIT_MANAGER,
        "Burak",
        "Arslan",
        "unit_manager",
        "birim yöneticisi, Teknik Destek ve Müşteri Hizmetleri / unit manager → /admin/",
        ("technical-support", "customer-service"),
    ),
    DemoUser(
        MANAGER,
        "Zeynep",
        "Kaya",
        "manager",
        "kalite yöneticisi, tüm birimler / quality manager, all units → /admin/",
    ),
    DemoUser(EDITOR, "Elif", "Şahin", "editor", "içerik editörü / content editor → /admin/"),
]


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


@transaction.atomic
def ensure_demo_users(password: str | None = None) -> dict[str, object]:
    """Create or update the demo accounts (idempotent); returns them by e-mail."""
    password = password or demo_password()
    staff_groups = ensure_staff_groups()
    role_groups = {
        "customer": [],
        "staff": [staff_groups[STAFF_GROUP]],
        "unit_manager": [staff_groups[UNIT_MANAGER_GROUP]],
        "manager": [staff_groups[QUALITY_MANAGER_GROUP]],
        # the CMS's demo loader puts the editor in its content-editor group
        "editor": [],
    }
    user_model = get_user_model()
    users = {}
    for spec in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(
            username=spec.email, defaults={"email": spec.email}
        )
        user.email = spec.email
        user.first_name, user.last_name = spec.first_name, spec.last_name
        user.is_active = True
        user.is_staff = spec.role != "customer"
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.set(role_groups[spec.role])
        # units that do not exist yet (users loaded before the reference data) are skipped
        user.complaint_units.set(Unit.objects.filter(slug__in=spec.units))
        address, _ = EmailAddress.objects.get_or_create(
            user=user, email=spec.email, defaults={"verified": True, "primary": True}
        )
        if not (address.verified and address.primary):
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
        users[spec.email] = user
    return users
