"""Overdue corrective actions (R9), `/admin/corrective-actions/overdue/`: for quality managers
(every action) and unit managers (those of their units' complaints, or their own). Owner, due
date, days overdue and the linked complaints the user may open; a fixed number of queries."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflow.rules import is_quality_manager, is_unit_manager
from workflow.selectors import overdue_corrective_actions_page

from .access import ComplaintStaffRequiredMixin

PER_PAGE = 50


def may_follow_corrective_actions(user) -> bool:
    return is_quality_manager(user) or is_unit_manager(user)


class OverdueCorrectiveActionsView(
    ComplaintStaffRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "staff/overdue_corrective_actions.html"
    page_title = _("Gecikmiş düzeltici faaliyetler")
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not may_follow_corrective_actions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        page = Paginator(
            overdue_corrective_actions_page(self.request.user, today), PER_PAGE
        ).get_page(self.request.GET.get("p"))
        for action in page:
            action.days_overdue = (today - action.due_date).days
        return super().get_context_data(page=page, today=today, **kwargs)
