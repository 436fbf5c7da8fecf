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
from django.template import Context
from django.template.base import render_value_in_context
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
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


class PythonCellMixin:
    """A column whose cells are drawn in Python. Wagtail's table renders one template per cell,
    and a page of 25 complaints has 200 cells: rendering them was the largest part of the
    queue's time (benchmarks/README.md, round six). The cell's context is Wagtail's own
    (`get_cell_context_data`); only the drawing is done here (`cell_html`), and
    `tests/staff/test_queue_cells.py` checks each column against what its template draws."""

    def render_cell_html(self, instance, parent_context):
        return self.cell_html(instance, self.get_cell_context_data(instance, parent_context))


_CELL_CONTEXT = Context(autoescape=True)  # use_l10n and use_tz as the settings say


def _shown(value) -> str:
    """`{{ value }}` in a template: localized (dates in the reader's format) and escaped."""
    return render_value_in_context(value, _CELL_CONTEXT)


def _class_attribute(classname) -> SafeString:
    return format_html(' class="{}"', classname) if classname else mark_safe("")


def _attributes(attrs: dict) -> SafeString:
    """`wagtailadmin/shared/attrs.html`: ` name="value"`, ` name` for True, nothing for False."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class QueueColumn(PythonCellMixin, Column):
    """Wagtail's `Column` (`wagtailadmin/tables/cell.html`), drawn in Python."""

    def cell_html(self, instance, context) -> SafeString:
        value = context["value"]
        return format_html(
            "<td{}>{}</td>",
            _class_attribute(self.classname),
            "" if value is None else _shown(value),
        )


class ReferenceColumn(PythonCellMixin, TitleColumn):
    """Wagtail's `TitleColumn` as the queue uses it (a link, no buttons), drawn in Python."""

    def cell_html(self, instance, context) -> SafeString:
        if context["title_id"] or context["label_id"] or context.get("buttons"):
            return self.cell_template.render(context)  # not used by the queue: Wagtail draws it
        title = _shown(context["value"])
        if context["link_url"]:
            title = format_html("<a{}>{}</a>", _attributes(context["link_attrs"]), title)
        return format_html(
            '<td class="{}title"><div class="title-wrapper">{}</div></td>',
            f"{self.classname} " if self.classname else "",
            title,
        )


class SelectColumn(PythonCellMixin, BaseColumn):
    """A checkbox per row, submitted with the bulk-assign form (`form` attribute)."""

    header_template_name = "staff/queue/select_header.html"

    def cell_html(self, instance, context) -> SafeString:
        return format_html(
            '<td><input type="checkbox" name="complaints" value="{}" form="{}" id="select-{}" '
            'aria-label="{}"></td>',
            instance.pk,
            BULK_FORM_ID,
            instance.pk,
            gettext("%(reference)s şikâyetini seç") % {"reference": instance.reference},
        )


class DueColumn(QueueColumn):
    """R10's response deadline in Istanbul time; at risk or breached said in words too (as
    Wagtail's status tag)."""

    def cell_html(self, instance, context) -> SafeString:
        if instance.response_due_at is None:
            return mark_safe("<td></td>")
        due = timezone.localtime(instance.response_due_at)
        warning = ""
        if instance.sla_state != SlaState.ON_TRACK:
            classname = (
                "w-status--primary"
                if instance.sla_state == SlaState.BREACHED
                else "w-status--label"
            )
            warning = format_html(
                '<br><span class="w-status {}">{}</span>',
                classname,
                instance.get_sla_state_display(),
            )
        return format_html(
            '<td><time datetime="{}">{}</time>{}</td>',
            due.isoformat(),
            date_format(due, "SHORT_DATETIME_FORMAT"),
            warning,
        )


class SubjectColumn(QueueColumn):
    """The subject as the customer wrote it, marked with the complaint's language (`lang`)."""

    def cell_html(self, instance, context) -> SafeString:
        return format_html('<td lang="{}">{}</td>', instance.language, context["value"])


def assignee_name(complaint) -> str:
    assignee = complaint.assignee
    return (assignee.get_full_name() or assignee.email) if assignee else "—"


class LocalTimeColumn(QueueColumn):
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
