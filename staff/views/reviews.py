"""The rejected-resolution review queue (R14), `/admin/complaints/reviews/`.

Every rejected complaint the user may see and that waits for staff's review, with the
customer's reason, the routes offered, the customer's route applications, when it was rejected
and its deadline; each links to the complaint page, where `review_rejection` is offered. Below,
the final decisions awaiting this user's approval (four eyes). A fixed number of queries per
page whatever the number of rows (`workflow.selectors`)."""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflow.rules import is_quality_manager, is_unit_manager
from workflow.selectors import (
    final_decisions_page,
    last_rejected_proposal,
    rejections_to_review_page,
)

from .access import ComplaintStaffRequiredMixin

PER_PAGE = 50


def review_rows(complaints) -> list[dict]:
    rows = []
    for complaint in complaints:
        proposal = last_rejected_proposal(complaint)
        rows.append(
            {
                "complaint": complaint,
                "proposal": proposal,
                "routes_offered": list(proposal.routes_offered.all()) if proposal else [],
                "applications": list(complaint.route_applications.all()),
            }
        )
    return rows


class RejectionReviewView(ComplaintStaffRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff/reviews.html"
    page_title = _("İnceleme bekleyen retler")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("complaints:index"), "label": _("Şikâyetler")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        rejections = Paginator(rejections_to_review_page(user), PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        approver = is_quality_manager(user) or is_unit_manager(user)
        approvals = (
            Paginator(final_decisions_page(user), PER_PAGE).get_page(self.request.GET.get("ap"))
            if approver
            else None
        )
        return super().get_context_data(
            rejections=rejections,
            rejection_rows=review_rows(rejections),
            approver=approver,
            approvals=approvals,
            approval_rows=review_rows(approvals) if approvals is not None else [],
            **kwargs,
        )
