"""Demo accounts: two customers, complaint staff, a manager and a content editor.

Users sign in by e-mail (django-allauth): the username is the e-mail address, and a verified
primary `EmailAddress` lets them past mandatory e-mail verification.
"""

import os
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from workflow.groups import MANAGER_GROUP, STAFF_GROUP, ensure_staff_groups

DEFAULT_PASSWORD = "memnun-demo"  # noqa: S105 - the documented demo password, not a secret
EDITORS_GROUP = "Editors"  # created by Wagtail's initial migration

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

_EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    # Editors keep the alternative routes (R14) in the CMS as snippets.
    ("workflow", "view_alternativeroute"),
    ("workflow", "add_alternativeroute"),
    ("workflow", "change_alternativeroute"),
]
_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


def ensure_editor_group() -> Group:
    """Wagtail's "Editors" group, with admin access, page rights on the tree and routes."""
    from wagtail.models import GroupPagePermission, Page

    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    match = Q(pk__in=[])
    for app_label, codename in _EDITOR_PERMISSIONS:
        match |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(match))
    root = Page.get_first_root_node()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=_PAGE_PERMISSIONS
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    return group


@transaction.atomic
def ensure_demo_users(password: str | None = None) -> dict[str, object]:
    """Create or update the demo accounts (idempotent); returns them by e-mail."""
    password = password or demo_password()
    staff_groups = ensure_staff_groups()
    role_groups = {
        "customer": [],
        "staff": [staff_groups[STAFF_GROUP]],
        "manager": [staff_groups[MANAGER_GROUP]],
        "editor": [ensure_editor_group()],
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
