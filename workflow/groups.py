"""The staff roles as groups: membership (plus is_staff) is what makes someone complaint staff.

- complaint handler (`STAFF_GROUP`): the complaints of their own unit(s) (`Unit.members`);
- unit manager (`UNIT_MANAGER_GROUP`): the same, plus reassignment and approving final
  decisions (R14, four eyes) in their unit(s);
- quality manager (`QUALITY_MANAGER_GROUP`): every unit, corrective actions (R9), reports,
  approvals, and the reference data (units, categories, routes).
Content editors (the CMS's group) have none of these permissions: no complaint data.
The object-level rules that use these permissions are in `workflow.rules`.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

STAFF_GROUP = "Şikâyet personeli"
UNIT_MANAGER_GROUP = "Birim yöneticileri"
QUALITY_MANAGER_GROUP = "Kalite yöneticileri"
# The managers' group was "Şikâyet yöneticileri" before the roles were split (migration 0006
# renamed it); the code's older name for it stays valid.
MANAGER_GROUP = QUALITY_MANAGER_GROUP

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
_UNIT_MANAGER = [*_STAFF, ("workflow", "manage_unit")]
_QUALITY_MANAGER = [
    *_STAFF,
    ("workflow", "manage_quality"),
    ("workflow", "review_process"),
    *[
        ("workflow", f"{action}_{model}")
        for model in ("unit", "category", "alternativeroute")
        for action in ("add", "change")
    ],
]
GROUP_PERMISSIONS = {
    STAFF_GROUP: _STAFF,
    UNIT_MANAGER_GROUP: _UNIT_MANAGER,
    QUALITY_MANAGER_GROUP: _QUALITY_MANAGER,
}
STAFF_GROUPS = tuple(GROUP_PERMISSIONS)


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
