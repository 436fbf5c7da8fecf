"""The staff groups: membership (plus is_staff) is what makes someone complaint staff."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

STAFF_GROUP = "Şikâyet personeli"
MANAGER_GROUP = "Şikâyet yöneticileri"

_STAFF = [
    ("workflow", "handle_complaint"),
    ("workflow", "view_notification"),
    ("workflow", "change_notification"),
    ("workflow", "view_unit"),
    ("workflow", "view_category"),
    ("workflow", "view_alternativeroute"),
    ("workflow", "view_correctiveaction"),
    ("workflow", "add_correctiveaction"),
    ("workflow", "change_correctiveaction"),
    ("wagtailadmin", "access_admin"),
]
_MANAGER = [
    *_STAFF,
    ("workflow", "review_process"),
    *[
        ("workflow", f"{action}_{model}")
        for model in ("unit", "category", "alternativeroute")
        for action in ("add", "change")
    ],
]
GROUP_PERMISSIONS = {STAFF_GROUP: _STAFF, MANAGER_GROUP: _MANAGER}


def ensure_staff_groups() -> dict[str, Group]:
    """Create the groups and give them their permissions (idempotent; run after migrate)."""
    groups = {}
    for name, wanted in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        match = Q(pk__in=[])
        for app_label, codename in wanted:
            match |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.add(*Permission.objects.filter(match))
        groups[name] = group
    return groups
