"""Rate limits of the customer side: DRF scoped throttles on the shared cache (CACHES).

The API endpoints list them in `throttle_classes`; the portal's HTML forms ask the same
throttles through `refuse_if_throttled`, so a person has one budget whichever way they come.
Rates are settings: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope].
"""

import hashlib
import math

from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from workflow.api.exceptions import throttled_message


class ScopedThrottle(SimpleRateThrottle):
    """Counts requests per `identity()` within `scope`; no identity, no limit."""

    def get_rate(self):
        # read at every request (not at import, as DRF's class attribute is): settings win
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError as missing:
            raise ImproperlyConfigured(
                f'REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] has no rate for {self.scope!r}'
            ) from missing

    def identity(self, request, view) -> str | None:
        raise NotImplementedError

    def get_cache_key(self, request, view):
        identity = self.identity(request, view)
        if identity is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": identity}


class PerPersonThrottle(ScopedThrottle):
    def identity(self, request, view):
        user = request.user
        return str(user.pk) if user.is_authenticated else None


class ComplaintCreateThrottle(PerPersonThrottle):
    scope = "complaint_create"


class PersonMessagesThrottle(PerPersonThrottle):
    scope = "person_messages"


class ComplaintMessagesThrottle(ScopedThrottle):
    scope = "complaint_messages"

    def identity(self, request, view):
        if not request.user.is_authenticated:
            return None
        return f"{request.user.pk}:{view.kwargs['reference']}"


class GuestFilingThrottle(ScopedThrottle):
    scope = "guest_filing"

    def identity(self, request, view):
        return self.get_ident(request)


class GuestFilingAddressThrottle(ScopedThrottle):
    """However many addresses a sender uses, one inbox gets only so many tracking links."""

    scope = "guest_filing_address"

    def identity(self, request, view):
        address = request.POST.get("contact_email", "").strip().lower()
        return hashlib.sha256(address.encode()).hexdigest() if address else None


MESSAGE_THROTTLES = [ComplaintMessagesThrottle, PersonMessagesThrottle]


def refuse_if_throttled(request, view, throttles, *, back_url: str = ""):
    """For the portal's HTML forms: None when allowed, else the 429 page in the site layout."""
    waits = []
    for throttle_class in throttles:
        throttle = throttle_class()
        if not throttle.allow_request(request, view):
            waits.append(throttle.wait())
    if not waits:
        return None
    wait = max((w for w in waits if w is not None), default=None)
    response = render(
        request, "429.html", {"message": throttled_message(wait), "back_url": back_url}
    )
    response.status_code = 429
    if wait is not None:
        response["Retry-After"] = str(math.ceil(wait))
    return response
