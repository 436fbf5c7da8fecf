"""Staff console registrations (Wagtail admin).

Editors keep the reference data the workflow needs (units, categories, alternative routes) as
snippets; staff see the notification outbox, so a failed or dead e-mail is never invisible.
Each snippet's chooser answers only users with a permission on that model (Wagtail's choosers
check none), so a content editor cannot list units, categories or corrective actions through it.
"""

from datetime import datetime

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import path, re_path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList, extract_panel_definitions_from_model_class
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import GroupApprovalTask, Task
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from staff.panels import complaint_panels
from staff.queue_filters import ComplaintQueueFilterSet
from staff.views.attachments import ComplaintAttachmentView
from staff.views.complaint import FACTS, ComplaintView
from staff.views.corrective_actions import (
    OverdueCorrectiveActionsView,
    may_follow_corrective_actions,
)
from staff.views.intake import IntakeView
from staff.views.queue import (
    ComplaintBulkAssignView,
    ComplaintQueueView,
    DueColumn,
    LocalTimeColumn,
    QueueColumn,
    ReferenceColumn,
    SelectColumn,
    SubjectColumn,
    assignee_name,
)
from staff.views.reviews import RejectionReviewView
from workflow.models import (
    AlternativeRoute,
    Category,
    Complaint,
    ContactChannel,
    CorrectiveAction,
    Notification,
    Unit,
)
from workflow.redaction import mask_in, mask_tracking_tokens
from workflow.rules import is_complaint_staff
from workflow.selectors import complaint_staff_users, complaints_for_staff

MODEL_ACTIONS = ["add", "change", "delete", "view"]


class LocalTimeInspectView(InspectView):
    """Wagtail's inspect template prints values with `|localize`, which formats a datetime in
    the zone it carries (UTC from the database); show it in the company's time zone instead,
    and an empty value as a dash rather than Python's "None"."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class PermissionCheckedChooserMixin:
    """Refuse the chooser's views (list, search, chosen, create) to a user with no permission
    on the model: the chooser shows the same rows as the listing, so it needs the same right."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, MODEL_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionCheckedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = type(
        "ChooseView", (PermissionCheckedChooserMixin, snippet_chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "ChooseResultsView", (PermissionCheckedChooserMixin, snippet_chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "ChosenView", (PermissionCheckedChooserMixin, snippet_chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "ChosenMultipleView",
        (PermissionCheckedChooserMixin, snippet_chooser.SnippetChosenMultipleView),
        {},
    )
    create_view_class = type(
        "CreateView", (PermissionCheckedChooserMixin, snippet_chooser.SnippetCreateView), {}
    )


class ReferenceDataViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet


class UnitViewSet(ReferenceDataViewSet):
    model = Unit
    icon = "group"
    list_display = ["name_tr", "name_en", "slug", "email", "is_active"]
    search_fields = ["name_tr", "name_en", "slug"]

    def get_edit_handler(self):
        panels = extract_panel_definitions_from_model_class(self.model)
        return ObjectList(panels, base_form_class=UnitForm).bind_to_model(self.model)


class UnitForm(WagtailAdminModelForm):
    """A unit's members are complaint staff (handlers, unit managers), never customers or
    content editors: membership is what lets them see the unit's complaints."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "members" in self.fields:
            self.fields["members"].queryset = complaint_staff_users()


class CategoryViewSet(ReferenceDataViewSet):
    model = Category
    icon = "tag"
    list_display = ["name_tr", "name_en", "slug", "default_unit", "deadline_profile"]
    list_filter = ["deadline_profile", "is_active"]
    search_fields = ["name_tr", "name_en", "slug"]


class AlternativeRouteViewSet(ReferenceDataViewSet):
    model = AlternativeRoute
    icon = "site"
    list_display = ["name_tr", "kind", "url", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_tr", "name_en"]


class ContactChannelViewSet(ReferenceDataViewSet):
    model = ContactChannel
    icon = "mail"
    list_display = ["name_tr", "kind", "value", "hours_tr", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_tr", "name_en", "value"]


class CorrectiveActionViewSet(ReferenceDataViewSet):
    model = CorrectiveAction
    icon = "repeat"
    list_display = ["title", "kind", "owner", "due_date", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "description"]

    def get_edit_handler(self):
        panels = extract_panel_definitions_from_model_class(self.model)
        return ObjectList(panels, base_form_class=CorrectiveActionForm).bind_to_model(self.model)


class CorrectiveActionForm(WagtailAdminModelForm):
    """An owner is complaint staff (R9), never a customer or a content editor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            self.fields["owner"].queryset = complaint_staff_users()


class ComplaintReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Şikâyet ayarları")
    menu_icon = "cogs"
    menu_order = 300
    items = (
        UnitViewSet,
        CategoryViewSet,
        AlternativeRouteViewSet,
        ContactChannelViewSet,
        CorrectiveActionViewSet,
    )


register_snippet(ComplaintReferenceDataGroup)


class NotificationInspectView(LocalTimeInspectView):
    """A guest's e-mail carries their tracking link; staff see it with the token masked."""

    def get_context_display_value(self):
        rows = mask_in(self.object.context).items()
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))

    def get_last_error_display_value(self):
        return mask_tracking_tokens(self.object.last_error)


class NotificationViewSet(ModelViewSet):
    """The outbox: pending, sent, failing and dead notifications with their last error."""

    model = Notification
    inspect_view_class = NotificationInspectView
    icon = "mail"
    menu_label = _("Bildirimler")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["recipient_email", "template", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "template", "language"]
    search_fields = ["recipient_email", "template", "last_error"]
    form_fields = ["status", "next_attempt_at"]


notification_viewset = NotificationViewSet("notifications")


class ReadOnlyComplaintPolicy(ModelPermissionPolicy):
    """Complaints change only through the services (API and portal), never by editing a row:
    the console lists and inspects them for complaint staff and offers nothing else."""

    READ_ACTIONS = ("view", "inspect")

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and is_complaint_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Complaint, ReadOnlyComplaintPolicy(Complaint))


class ComplaintInspectView(LocalTimeInspectView):
    def get_object(self, queryset=None):
        """Another unit's complaint is a 404, as in the staff API."""
        return get_object_or_404(complaints_for_staff(self.request.user), pk=unquote(str(self.pk)))


class ComplaintViewSet(ModelViewSet):
    """The complaint queue (staff.views.queue): earliest deadline first, filters, search and
    bulk assignment; inspect a complaint."""

    model = Complaint
    icon = "warning"
    menu_label = _("Şikâyet kuyruğu")  # "Şikâyetler" is the customer's "My complaints"
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = ComplaintQueueView
    inspect_view_class = ComplaintInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["subject"]  # required by ModelViewSet; the policy refuses add/change/delete
    # the reference opens the complaint page, where staff act on it (staff.views.complaint)
    list_display = [
        SelectColumn("select"),
        ReferenceColumn(
            "reference",
            label=_("Başvuru no."),
            get_url=lambda complaint: reverse("staff_complaint", args=[complaint.reference]),
        ),
        SubjectColumn("subject", label=_("Konu")),
        QueueColumn("status", label=_("Durum"), accessor="get_status_display"),
        QueueColumn("unit", label=_("Birim")),
        QueueColumn("assignee", label=_("Sorumlu personel"), accessor=assignee_name),
        DueColumn("due", label=_("Yanıt son zamanı"), sort_key="due"),
        LocalTimeColumn("received_at", label=_("Alınma zamanı"), sort_key="received"),
    ]
    filterset_class = ComplaintQueueFilterSet
    search_fields = ["reference", "subject", "description", "contact_name", "contact_email"]
    # the complaint page's facts, plus what the inspect view shows in full
    inspect_view_fields = ["reference", "subject", "description", "severity", *FACTS]


complaint_viewset = ComplaintViewSet("complaints")


@hooks.register("register_admin_viewset")
def register_notification_viewset():
    return notification_viewset


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return complaint_viewset


@hooks.register("register_admin_urls")
def register_complaint_page():
    # a reference, never "new", "inspect", ...: the queue's own URLs stay as they are
    return [
        re_path(
            r"^complaints/(?P<reference>MMN-\d{4}-\d{6})/$",
            ComplaintView.as_view(),
            name="staff_complaint",
        ),
        path("complaints/intake/", IntakeView.as_view(), name="staff_intake"),
        path(
            "complaints/bulk-assign/",
            ComplaintBulkAssignView.as_view(),
            name="staff_complaint_bulk_assign",
        ),
    ]


# --- dashboard panels, the review queue and overdue corrective actions (issue 10) -------------


# Wagtail's own home panels about the reader's page editing: their recent edits, the pages
# they locked, what they submitted for moderation
PAGE_EDITING_PANELS = {"recent_edits", "locked_pages", "user_objects_in_workflow_moderation"}


MODERATION_PANEL = "workflow_objects_to_moderate"


def may_moderate_anything(user) -> bool:
    """Whether Wagtail's "awaiting your review" panel could list anything for `user`: a
    superuser, a member of a group an active approval task is assigned to, or any active task
    of another kind (which decides for itself)."""
    if user.is_superuser:
        return True
    group_task = ContentType.objects.get_for_model(GroupApprovalTask)
    return (
        Task.objects.filter(active=True)
        .filter(
            ~Q(content_type=group_task)
            | Q(pk__in=GroupApprovalTask.objects.filter(groups__in=user.groups.values("pk")))
        )
        .exists()
    )  # one query


@hooks.register("construct_homepage_panels")
def add_complaint_panels(request, panels):
    added = complaint_panels(request)
    if added:
        # complaint staff: Wagtail's panels that are always empty for them go (their queries
        # and templates were a third of the dashboard's time): the page-editing ones for those
        # who edit no page, the review one for those who review nothing
        unwanted = set()
        if not user_has_any_page_permission(request.user):
            unwanted |= PAGE_EDITING_PANELS
        if not may_moderate_anything(request.user):
            unwanted.add(MODERATION_PANEL)
        panels[:] = [p for p in panels if getattr(p, "name", None) not in unwanted]
    panels.extend(added)


@hooks.register("register_admin_urls")
def register_queue_pages():
    return [
        path("complaints/reviews/", RejectionReviewView.as_view(), name="staff_reviews"),
        re_path(
            r"^complaints/(?P<reference>MMN-\d{4}-\d{6})/attachments/$",
            ComplaintAttachmentView.as_view(),
            name="staff_complaint_attachments",
        ),
        path(
            "corrective-actions/overdue/",
            OverdueCorrectiveActionsView.as_view(),
            name="staff_overdue_corrective_actions",
        ),
    ]


class ComplaintStaffMenuItem(MenuItem):
    def __init__(self, *args, shown_to=is_complaint_staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


@hooks.register("register_admin_menu_item")
def register_intake_menu_item():
    return ComplaintStaffMenuItem(
        _("Yeni şikâyet kaydı"), reverse("staff_intake"), icon_name="plus", order=201
    )


@hooks.register("register_admin_menu_item")
def register_reviews_menu_item():
    return ComplaintStaffMenuItem(
        _("İnceleme bekleyen retler"),
        reverse_lazy("staff_reviews"),
        name="complaint-reviews",
        icon_name="warning",
        order=205,
    )


@hooks.register("register_admin_menu_item")
def register_overdue_actions_menu_item():
    return ComplaintStaffMenuItem(
        _("Gecikmiş düzeltici faaliyetler"),
        reverse_lazy("staff_overdue_corrective_actions"),
        name="overdue-corrective-actions",
        icon_name="time",
        order=206,
        shown_to=may_follow_corrective_actions,
    )


@hooks.register("insert_global_admin_css")
def staff_console_css():
    # the console's own pages (complaint page, dashboard panels, review queue) share one sheet
    return format_html('<link rel="stylesheet" href="{}">', static("css/staff-console.css"))
