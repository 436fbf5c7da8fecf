"""The CMS's groups and the policy approval workflow, created after every migrate.

- content editors: edit and publish the site's pages, keep contact channels and alternative
  routes, images and documents, translate pages; no complaint data (no workflow permission);
- policy approvers: approve (publish) the customer-satisfaction policy (R1), which content
  editors can only submit for approval.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowTask

from .permissions import CONTENT_EDITORS_GROUP, POLICY_APPROVERS_GROUP, POLICY_WORKFLOW_NAME

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("workflow", "view_contactchannel"),
    ("workflow", "add_contactchannel"),
    ("workflow", "change_contactchannel"),
    ("workflow", "delete_contactchannel"),
    ("workflow", "view_alternativeroute"),
    ("workflow", "add_alternativeroute"),
    ("workflow", "change_alternativeroute"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtail_localize", "submit_translation"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
APPROVER_PERMISSIONS = [("wagtailadmin", "access_admin")]


def _permissions(pairs) -> list[Permission]:
    match = Q(pk__in=[])
    for app_label, codename in pairs:
        match |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(match))


def _group(name: str, permissions) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions(permissions))
    root = Page.get_first_root_node()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    return group


def policy_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=POLICY_WORKFLOW_NAME, active=True).first()


@transaction.atomic
def ensure_cms_groups() -> dict[str, Group]:
    """Idempotent: groups, their permissions, and the policy workflow with its approval task."""
    editors = _group(CONTENT_EDITORS_GROUP, EDITOR_PERMISSIONS)
    approvers = _group(POLICY_APPROVERS_GROUP, APPROVER_PERMISSIONS)
    workflow, _ = Workflow.objects.get_or_create(name=POLICY_WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=POLICY_APPROVERS_GROUP)
        task.groups.set([approvers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return {CONTENT_EDITORS_GROUP: editors, POLICY_APPROVERS_GROUP: approvers}
