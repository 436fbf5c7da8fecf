"""The API's default pagination: DRF's page numbers (`?page=`, `count`, `next`, `previous`,
`results`), with a paginator that skips `COUNT(*)` when the page itself tells the total
(`workflow.pagination`)."""

from rest_framework.pagination import PageNumberPagination

from workflow.pagination import CountWhenNeededPaginator


class Pagination(PageNumberPagination):
    django_paginator_class = CountWhenNeededPaginator
