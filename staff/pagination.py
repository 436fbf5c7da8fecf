"""Pagination of the staff queue that stays cheap at a million complaints.

A paginator counts its rows once per page; `COUNT(*)` over a million-row scope reads the whole
index (or table) every time. Here the count stops at `QUEUE_COUNT_CAP`: up to it the count is
exact, beyond it the queue says "more than ..." (console) or reports the cap with
`count_capped: true` (API), and the pages stop there — staff narrow the queue with filters.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination
from wagtail.admin.paginator import WagtailPaginator

from workflow.pagination import CountWhenNeededMixin

QUEUE_COUNT_CAP = 10_000


def count_up_to(queryset, cap: int = QUEUE_COUNT_CAP) -> int:
    """The rows, counted up to one past the cap: `SELECT COUNT(*) FROM (SELECT id ...
    LIMIT cap + 1)`, without the queryset's ordering, joins for display or annotations. More
    than `cap` means "more than cap"."""
    return queryset.order_by().values("pk")[: cap + 1].count()


class CappedCountMixin:
    count_cap = QUEUE_COUNT_CAP

    @cached_property
    def uncapped_count(self) -> int:
        return count_up_to(self.object_list, self.count_cap)

    @cached_property
    def count(self) -> int:
        return min(self.uncapped_count, self.count_cap)

    @cached_property
    def is_capped(self) -> bool:
        return self.uncapped_count > self.count_cap

    def remember_count(self, count: int) -> None:
        # a short last page told the exact total (`CountWhenNeededMixin`)
        self.__dict__["uncapped_count"] = count
        self.__dict__["count"] = min(count, self.count_cap)


class CappedCountPaginator(CappedCountMixin, CountWhenNeededMixin, Paginator):
    pass


class ConsoleQueuePaginator(CappedCountMixin, CountWhenNeededMixin, WagtailPaginator):
    pass


class StaffQueuePagination(PageNumberPagination):
    """Page numbers as everywhere in the API (`?page=`, `count`, `next`, `previous`,
    `results`), `page_size` up to 100, and `count_capped` when the count stopped at the cap."""

    django_paginator_class = CappedCountPaginator
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["count_capped"] = self.page.paginator.is_capped
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count"]["description"] = (
            f"Exact up to {QUEUE_COUNT_CAP}; a longer queue reports {QUEUE_COUNT_CAP} and "
            "`count_capped` is true (narrow it with filters)."
        )
        schema["properties"]["count_capped"] = {"type": "boolean"}
        schema["required"] = [*schema.get("required", []), "count_capped"]
        return schema
