"""The staff queue's filters, one set for the console (/admin/complaints/) and the staff API
(/api/v1/staff/complaints/), with the same parameter names in both, so a link such as
`?status=investigating&sla=breached&assignee=me` means the same everywhere:

`status`, `unit` (slug), `channel`, `sla`, `level`, `category` (slug), `received_from`,
`received_to` (dates, whole days in Istanbul), `assignee` (`me` | `none`), `open` (`yes` | `no`:
open or closed complaints; the dashboard's panels count open ones and link with `open=yes`, so
"see all" lists what the panel counted); the API also takes
`q` (search) and `ordering` (`due`, `-due`, `received`, `-received`), which the console reads
through Wagtail's own search box and column headers.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from workflow.models import Category, Complaint, Unit
from workflow.queue import ORDERINGS, order_queue, received_between, search_queue
from workflow.states import OPEN_STATUSES, Channel, InvestigationLevel, SlaState

ME, UNASSIGNED = "me", "none"
OPEN, CLOSED = "yes", "no"
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ALL = _("Tümü")
# a choice among a few values: radio buttons, "all" (no filter) first
RADIO = {"widget": forms.RadioSelect, "empty_label": ALL}


def radio_filter(label, choices, **kwargs) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(label=label, choices=choices, **RADIO, **kwargs)


class ComplaintQueueFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Birim"),
        field_name="unit",
        queryset=Unit.objects.order_by("name_tr", "pk"),
        to_field_name="slug",
        empty_label=ALL,
    )
    channel = radio_filter(_("Başvuru kanalı"), Channel.choices)
    sla = radio_filter(_("Süre durumu"), SlaState.choices, field_name="sla_state")
    level = radio_filter(
        _("İnceleme düzeyi"), InvestigationLevel.choices, field_name="investigation_level"
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Kategori"),
        field_name="category",
        queryset=Category.objects.order_by("name_tr", "pk"),
        to_field_name="slug",
        empty_label=ALL,
    )
    received_from = django_filters.DateFilter(
        label=_("Alınma tarihi (başlangıç)"), method="filter_received_from", widget=DATE_INPUT
    )
    received_to = django_filters.DateFilter(
        label=_("Alınma tarihi (bitiş)"), method="filter_received_to", widget=DATE_INPUT
    )
    assignee = radio_filter(
        _("Sorumlu personel"),
        [(ME, _("Bana atananlar")), (UNASSIGNED, _("Kimseye atanmamış"))],
        method="filter_assignee",
    )
    open = radio_filter(
        _("Açık / kapalı"),
        [(OPEN, _("Açık şikâyetler")), (CLOSED, _("Kapalı şikâyetler"))],
        method="filter_open",
    )

    class Meta:
        model = Complaint
        fields = [
            "status",
            "unit",
            "channel",
            "sla",
            "level",
            "category",
            "received_from",
            "received_to",
            "assignee",
            "open",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the state filter is the model's (Meta.fields, its choices); shown like the others
        state = self.filters["status"]
        state.label = _("Durum")
        state.extra.update(RADIO)

    def filter_received_from(self, queryset, name, value):
        return received_between(queryset, value, None)

    def filter_received_to(self, queryset, name, value):
        return received_between(queryset, None, value)

    def filter_assignee(self, queryset, name, value):
        if value == ME:
            return queryset.filter(assignee=self.request.user)
        return queryset.filter(assignee__isnull=True)

    def filter_open(self, queryset, name, value):
        if value == OPEN:
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.exclude(status__in=OPEN_STATUSES)


class StaffQueueApiFilterSet(ComplaintQueueFilterSet):
    """The API's: the console's filters plus the search and the order as parameters."""

    q = django_filters.CharFilter(label=_("Ara"), method="search", max_length=200)
    ordering = django_filters.ChoiceFilter(
        label=_("Sıralama"),
        choices=[(name, name) for name in ORDERINGS],
        method="order",
    )

    class Meta(ComplaintQueueFilterSet.Meta):
        fields = [*ComplaintQueueFilterSet.Meta.fields, "q", "ordering"]

    def search(self, queryset, name, value):
        return search_queue(queryset, value)

    def order(self, queryset, name, value):
        return order_queue(queryset, value)
