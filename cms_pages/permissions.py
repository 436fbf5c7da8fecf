"""Who may do what to the public site's pages.

Content editors edit and publish pages, except the customer-satisfaction policy (R1): its
publication needs approval, so only policy approvers (and superusers) publish or unpublish it
directly; editors submit it to the approval workflow.
"""

from wagtail.models import PagePermissionTester

CONTENT_EDITORS_GROUP = "İçerik editörleri"
POLICY_APPROVERS_GROUP = "Politika onaylayıcıları"
POLICY_WORKFLOW_NAME = "Memnuniyet politikası onayı"


def is_policy_approver(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=POLICY_APPROVERS_GROUP).exists()
    )


class PolicyPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and is_policy_approver(self.user)

    def can_unpublish(self):
        return super().can_unpublish() and is_policy_approver(self.user)
