"""Demo accounts: two customers, complaint staff, a manager and a content editor.

Users sign in by e-mail (django-allauth): the username is the e-mail address, and a verified
primary `EmailAddress` lets them past mandatory e-mail verification.
"""

import os
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from workflow.groups import MANAGER_GROUP, STAFF_GROUP, ensure_staff_groups

DEFAULT_PASSWORD = "memnun-demo"  # noqa: S105 - the documented demo password, not a secret

CUSTOMER = "musteri@example.com"
CUSTOMER_EN = "customer@example.com"
STAFF = "personel@example.com"
MANAGER = "yonetici@example.com"
EDITOR = "editor@example.com"


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str  # customer | staff | manager | editor
    note: str


DEMO_USERS = [
    DemoUser(CUSTOMER, "Ayşe", "Yılmaz", "customer", "müşteri / customer → /portal/"),
    DemoUser(CUSTOMER_EN, "Emma", "Clarke", "customer", "English-speaking customer → /portal/"),
    DemoUser(STAFF, "Mehmet", "Demir", "staff", "şikâyet personeli / staff → /admin/"),
    DemoUser(MANAGER, "Zeynep", "Kaya", "manager", "şikâyet yöneticisi / manager → /admin/"),
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
        "manager": [staff_groups[MANAGER_GROUP]],
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
        address, _ = EmailAddress.objects.get_or_create(
            user=user, email=spec.email, defaults={"verified": True, "primary": True}
        )
        if not (address.verified and address.primary):
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
        users[spec.email] = user
    return users
