"""The staff console's home page (`/admin/`): one Wagtail panel per work queue (issue 10).

Each panel shows how many items wait and the first five, with a link to the whole list (the
queue's filters, the review page, the overdue corrective actions, the outbox). The queries are
`workflow.selectors.dashboard_queues`: scoped to the user, two per panel whatever the number of
rows. Content editors and anyone else who is not complaint staff get none of it.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from staff.pagination import QUEUE_COUNT_CAP, count_up_to
from workflow.rules import has_required_second_factor, is_complaint_staff
from workflow.selectors import DashboardQueue, dashboard_queues, dashboard_top

TOP = 5  # rows a panel lists


def queue_url(**filters) -> str:
    """The complaint queue with its query-string filters (`status`, `sla`, `assignee`, ...)."""
    return f"{reverse('complaints:index')}?{urlencode(filters)}"


@dataclass(frozen=True)
class PanelSpec:
    heading: str
    template: str
    link: object  # a callable giving the "see all" URL


COMPLAINTS = "staff/panels/complaint_queue.html"
PANELS = {
    DashboardQueue.MINE: PanelSpec(
        _("Bana atananlar"), COMPLAINTS, lambda: queue_url(assignee="me", open="yes")
    ),
    DashboardQueue.UNASSIGNED: PanelSpec(
        _("Birimimde atanmamış"), COMPLAINTS, lambda: queue_url(assignee="none", open="yes")
    ),
    DashboardQueue.AT_RISK: PanelSpec(
        _("Süresi yaklaşan"), COMPLAINTS, lambda: queue_url(sla="at_risk", open="yes")
    ),
    DashboardQueue.BREACHED: PanelSpec(
        _("Süresi geçen"), COMPLAINTS, lambda: queue_url(sla="breached", open="yes")
    ),
    DashboardQueue.REJECTED: PanelSpec(
        _("İnceleme bekleyen retler"), COMPLAINTS, lambda: reverse("staff_reviews")
    ),
    DashboardQueue.FINAL_DECISIONS: PanelSpec(
        _("Onay bekleyen nihai kararlar"),
        COMPLAINTS,
        lambda: reverse("staff_reviews") + "#final-decisions",
    ),
    DashboardQueue.OVERDUE_ACTIONS: PanelSpec(
        _("Gecikmiş düzeltici faaliyetler"),
        "staff/panels/overdue_actions.html",
        lambda: reverse("staff_overdue_corrective_actions"),
    ),
    DashboardQueue.DEAD_NOTIFICATIONS: PanelSpec(
        _("Gönderilemeyen bildirimler"),
        "staff/panels/dead_notifications.html",
        lambda: f"{reverse('notifications:index')}?{urlencode({'status': 'dead'})}",
    ),
}


@dataclass(frozen=True)
class ComplaintRow:
    """A complaint panel's row, its link and due time worked out once in Python (a template
    tag per cell cost more than the panel's queries)."""

    reference: str
    url: str
    subject: str
    language: str
    due_iso: str
    due_text: str

    @classmethod
    def of(cls, complaint) -> "ComplaintRow":
        due = timezone.localtime(complaint.due_at) if complaint.due_at else None
        return cls(
            reference=complaint.reference,
            url=reverse("staff_complaint", args=[complaint.reference]),
            subject=complaint.subject,
            language=complaint.language,
            due_iso=due.isoformat() if due else "",
            due_text=date_format(due, "DATETIME_FORMAT") if due else "",
        )


class QueuePanel(Component):
    """One work queue on the dashboard: its count, its first five items and "see all"."""

    def __init__(self, queue: str, queryset, order: int):
        self.queue = queue
        self.queryset = queryset
        self.order = order
        self.spec = PANELS[queue]
        self.template_name = self.spec.template

    def get_context_data(self, parent_context=None):
        # the first five first: fewer than five is the whole queue, and no count is needed;
        # otherwise counted as the queue counts, exact up to the cap and "more than" beyond it
        # (at a million complaints, counting every breached one took longer than the rest)
        items = dashboard_top(self.queue, self.queryset, limit=TOP)
        counted = len(items)
        if counted == TOP:
            counted = count_up_to(self.queryset, QUEUE_COUNT_CAP)
        count = min(counted, QUEUE_COUNT_CAP)
        if self.template_name == COMPLAINTS:
            items = [ComplaintRow.of(complaint) for complaint in items]
        today = timezone.localdate()
        if self.queue == DashboardQueue.OVERDUE_ACTIONS:
            for action in items:
                action.days_overdue = (today - action.due_date).days
        return {
            "panel_id": f"memnun-{self.queue.replace('_', '-')}",
            "heading": self.spec.heading,
            "count": count,
            "count_capped": counted > QUEUE_COUNT_CAP,
            "items": items,
            "see_all_url": self.spec.link(),
        }


def complaint_panels(request) -> list[QueuePanel]:
    """The panels `request.user` gets (in production, once they have used their second
    factor in this session, as for the rest of the complaint data)."""
    user = request.user
    if not (is_complaint_staff(user) and has_required_second_factor(user, request.session)):
        return []
    return [
        QueuePanel(queue, queryset, order=50 + index)
        for index, (queue, queryset) in enumerate(dashboard_queues(user).items())
    ]
