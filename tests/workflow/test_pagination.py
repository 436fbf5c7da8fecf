"""The paginators count only when the page asked for cannot tell the total."""

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger

from staff.pagination import CappedCountPaginator
from workflow.pagination import CountWhenNeededPaginator


class Rows(list):
    """A list that records how often it was counted (as a queryset's COUNT(*) would run)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.counted = 0

    def count(self, *args):
        if args:
            return super().count(*args)
        self.counted += 1
        return len(self)


@pytest.mark.parametrize(("rows", "number", "expected"), [(7, 1, 7), (0, 1, 0), (27, 2, 27)])
def test_a_short_page_tells_the_total_without_counting(rows, number, expected):
    items = Rows(range(rows))
    paginator = CountWhenNeededPaginator(items, 25)
    page = paginator.page(number)
    assert list(page) == list(range((number - 1) * 25, rows))
    assert paginator.count == expected
    assert paginator.num_pages == max(1, -(-rows // 25))
    assert items.counted == 0


def test_a_full_page_counts_once_for_its_page_links():
    items = Rows(range(60))
    paginator = CountWhenNeededPaginator(items, 25)
    page = paginator.page(2)
    assert list(page) == list(range(25, 50))
    assert page.has_next()
    assert paginator.num_pages == 3
    assert items.counted == 1


def test_a_page_past_the_end_and_a_bad_number_are_still_refused():
    paginator = CountWhenNeededPaginator(Rows(range(30)), 25)
    with pytest.raises(EmptyPage):
        paginator.page(3)
    with pytest.raises(EmptyPage):
        paginator.page(0)
    with pytest.raises(PageNotAnInteger):
        paginator.page("x")


def test_the_capped_paginator_keeps_its_cap_on_a_short_page(settings):
    paginator = CappedCountPaginator(Rows(range(12)), 5)
    paginator.count_cap = 10
    with pytest.raises(EmptyPage):  # rows 10 and 11 lie past the cap's last page
        paginator.page(3)

    short = CappedCountPaginator(Rows(range(7)), 5)
    assert list(short.page(2)) == [5, 6]
    assert (short.count, short.is_capped) == (7, False)
