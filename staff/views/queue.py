"""The console's complaint queue (/admin/complaints/) and its bulk assignment.

The queue is the user's scope (`complaints_for_staff`), earliest response deadline first
(`workflow.queue`), with the filters of `staff.queue_filters` and the full-text search. Its rows
carry a checkbox each, tied by the HTML `form` attribute to the bulk-assign form under the
table, so choosing several complaints and assigning them works without JavaScript. Every
complaint goes through the registry's `assign` action (`check()`, then `execute()`): what it
refuses is reported per complaint and the rest are assigned.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import HeaderButton

from staff.pagination import ConsoleQueuePaginator
from workflow.actions import STAFF, get_action
from workflow.actions.forms import AssignForm
from workflow.errors import WorkflowError
from workflow.queue import DEFAULT_ORDERING, ORDERINGS, order_queue, search_queue
from workflow.rules import has_required_second_factor, is_complaint_staff
from workflow.selectors import complaints_for_staff, staff_queue
from workflow.states import SlaState

BULK_FORM_ID = "bulk-assign"
NOT_FOUND = _("Böyle bir şikâyet yok.")


class SelectColumn(BaseColumn):
    """A checkbox per row, submitted with the bulk-assign form (`form` attribute)."""

    header_template_name = "staff/queue/select_header.html"
    cell_template_name = "staff/queue/select_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["form_id"] = BULK_FORM_ID
        return context


class DueColumn(Column):
    """R10's response deadline in Istanbul time; at risk or breached said in words too."""

    cell_template_name = "staff/queue/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["due"] = timezone.localtime(instance.response_due_at)
        context["sla_warning"] = (
            instance.get_sla_state_display() if instance.sla_state != SlaState.ON_TRACK else ""
        )
        context["breached"] = instance.sla_state == SlaState.BREACHED
        return context


class SubjectColumn(Column):
    """The subject as the customer wrote it, marked with the complaint's language (`lang`)."""

    cell_template_name = "staff/queue/subject_cell.html"


def assignee_name(complaint) -> str:
    assignee = complaint.assignee
    return (assignee.get_full_name() or assignee.email) if assignee else "—"


class LocalTimeColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return timezone.localtime(value) if value else None


class ComplaintQueueView(IndexView):
    """The queue and its search show only the complaints the user may see (their units';
    every unit for a quality manager), sorted by `ordering` (`due` unless told)."""

    paginator_class = ConsoleQueuePaginator
    results_template_name = "staff/queue/results.html"
    default_ordering = DEFAULT_ORDERING

    def get_base_queryset(self):
        return staff_queue(self.request.user)

    @cached_property
    def header_buttons(self):
        # complaints are never added as rows; a new one comes in through intake (R2)
        return [
            HeaderButton(_("Yeni şikâyet kaydı"), url=reverse("staff_intake"), icon_name="plus")
        ]

    def get_valid_orderings(self):
        return list(ORDERINGS)

    def order_queryset(self, queryset):
        return order_queue(queryset, self.ordering)

    def search_queryset(self, queryset):
        return search_queue(queryset, self.search_query) if self.is_searching else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        context["count_capped"] = bool(paginator and paginator.is_capped)
        context["count_cap"] = paginator.count_cap if paginator else None
        context["bulk_form_id"] = BULK_FORM_ID
        context["bulk_form"] = AssignForm(auto_id="bulk_%s")
        context["bulk_next"] = self._queue_url()
        return context

    def _queue_url(self) -> str:
        """This queue with its filters, search and order (not the AJAX results URL)."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        encoded = query.urlencode()
        return self.index_url + (f"?{encoded}" if encoded else "")


class ComplaintBulkAssignView(View):
    """POST `complaints` (ids) with the assign form's `unit` and `assignee`."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (is_complaint_staff(user) and has_required_second_factor(user, request.session)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        back = self._next_url()
        ids = request.POST.getlist("complaints")
        if not ids:
            messages.error(request, gettext("Atamak için en az bir şikâyet seçin."))
            return redirect(back)
        form = AssignForm(request.POST)
        if not form.is_valid():
            for name, errors in form.errors.items():
                for error in errors:
                    messages.error(request, f"{form.fields[name].label}: {error}")
            return redirect(back)
        assigned, refused = self._assign_each(ids, form.cleaned_data)
        if assigned:
            messages.success(
                request,
                ngettext("%(count)d şikâyet atandı.", "%(count)d şikâyet atandı.", len(assigned))
                % {"count": len(assigned)},
            )
        for reference, reason in refused:
            messages.error(request, f"{reference}: {reason}")
        return redirect(back)

    def _assign_each(self, ids, cleaned_data):
        """Each complaint through the registry's `assign`: check, then execute (its service
        re-checks under the row lock). One refusal does not undo the others."""
        user = self.request.user
        action = get_action("assign", STAFF)
        wanted = [value for value in dict.fromkeys(ids) if value.isdigit()]
        found = {
            str(complaint.pk): complaint
            for complaint in complaints_for_staff(user).filter(pk__in=wanted)
        }
        assigned, refused = [], []
        for value in dict.fromkeys(ids):
            complaint = found.get(value)
            if complaint is None:
                # another unit's complaint is answered like a missing one
                refused.append((value, str(NOT_FOUND)))
                continue
            refusal = action.check(complaint, user)
            if refusal:
                refused.append((complaint.reference, refusal))
                continue
            try:
                action.execute(complaint, user, cleaned_data)
            except WorkflowError as error:
                refused.append((complaint.reference, error.message or str(NOT_FOUND)))
            else:
                assigned.append(complaint.reference)
        return assigned, refused

    def _next_url(self) -> str:
        queue = reverse("complaints:index")
        candidate = self.request.POST.get("next", "")
        if candidate.startswith(queue) and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}
        ):
            return candidate
        return queue
