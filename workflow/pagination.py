"""Paginators that ask for the total only when the page cannot tell it.

Django's paginator runs `COUNT(*)` before it reads a page. When the page asked for comes back
shorter than a full page (or is the empty first page), it is the last one, and the total is
the rows before it plus its own: no count is needed. A customer's complaints nearly always fit
on the first page, so their list and the customer API list read one query, not two; so does a
narrowly filtered staff queue. A full page still counts (the page links need the total), and a
page past the end is still refused.
"""

import math

from django.core.paginator import Paginator


class CountWhenNeededMixin:
    def remember_count(self, count: int) -> None:
        self.__dict__["count"] = count  # the cached `count` property

    def page(self, number):
        if self.orphans or "count" in self.__dict__:
            return super().page(number)
        number = self._validate_number(number, math.inf)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page])
        if len(rows) < self.per_page and (rows or number == 1):
            self.remember_count(bottom + len(rows))
        # counts unless remembered; refuses a page past the end (or past a capped count)
        number = self.validate_number(number)
        return self._get_page(rows, number, self)


class CountWhenNeededPaginator(CountWhenNeededMixin, Paginator):
    pass


def first_page(paginator, rows: list):
    """Page 1 of `paginator` with its rows read already (at most a page of them, in order, e.g.
    by a read compiled once: `workflow.prepared`): the total is counted only when the page is
    full, as `CountWhenNeededMixin.page` does."""
    if len(rows) < paginator.per_page and not paginator.orphans:
        paginator.remember_count(len(rows))
    return paginator._get_page(rows, 1, paginator)
