"""The API's filter backend."""

from django_filters.rest_framework import DjangoFilterBackend


class FilterWhenAskedBackend(DjangoFilterBackend):
    """django-filter's backend, except that a request naming none of the filter set's
    parameters gets the queryset as it is, without a filter set.

    The filter set would filter nothing then (each filter lets an empty value through, and
    none is required), but building it, its form and its fields, and validating that form cost
    0.2 ms of every unfiltered list answer (the customer's list is nearly always unfiltered).
    A parameter counts if it is a filter's name or starts with it and `_` (a widget of several
    inputs, e.g. `received_0`); an invalid value still gets django-filter's 400.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not asks_for_any(
            request.query_params, filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


def asks_for_any(parameters, filter_names) -> bool:
    return any(
        parameter == name or parameter.startswith(f"{name}_")
        for parameter in parameters
        for name in filter_names
    )
