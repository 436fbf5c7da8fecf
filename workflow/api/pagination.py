"""The API's default pagination: DRF's page numbers (`?page=`, `count`, `next`, `previous`,
`results`), with a paginator that skips `COUNT(*)` when the page itself tells the total
(`workflow.pagination`)."""

from rest_framework.pagination import PageNumberPagination

from workflow.pagination import CountWhenNeededPaginator, first_page


class Pagination(PageNumberPagination):
    django_paginator_class = CountWhenNeededPaginator

    def first_page_of(self, rows: list, queryset, request) -> list:
        """What `paginate_queryset` does for page 1, with its rows read already (at most a
        page of them, in the queryset's order): the total is counted from `queryset` only
        when the page is full."""
        paginator = self.django_paginator_class(queryset, self.page_size)
        self.page = first_page(paginator, rows)
        self.request = request
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(self.page)
